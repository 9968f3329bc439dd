package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.leakguard.core.SourceRef;

/** One exported object with where it was read. */
record Doc(JsonNode node, String file, String path, String address) {
  Doc(JsonNode node, String file, String path) {
    this(node, file, path, null);
  }

  SourceRef ref() {
    return SourceRef.ofPath(file, path);
  }

  SourceRef ref(String suffix) {
    return SourceRef.ofPath(file, path + suffix);
  }
}
