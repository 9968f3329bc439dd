package io.leakguard.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Minimal dotted field paths ({@code text}, {@code customer.note}) into a JSON object. */
final class JsonPaths {
  private JsonPaths() {}

  /** The node at {@code path}, or null when absent. */
  static JsonNode get(JsonNode root, String path) {
    JsonNode cur = root;
    for (String part : path.split("\\.", -1)) {
      if (cur == null || !cur.isObject()) {
        return null;
      }
      cur = cur.get(part);
    }
    return cur;
  }
}
