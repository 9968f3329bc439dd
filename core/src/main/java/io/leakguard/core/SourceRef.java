package io.leakguard.core;

import java.util.Objects;

/**
 * Where something came from: a file, and within it a 1-based line number or a JSON path. Used in
 * error messages, warnings and explanations.
 *
 * @param file the file as the user named it (or {@code -} for standard input)
 * @param line 1-based line, or 0 when unknown / not line-oriented
 * @param jsonPath a JSON path such as {@code $.value[3].properties.securityRules[0]}, or null
 */
public record SourceRef(String file, long line, String jsonPath) {
  public SourceRef {
    Objects.requireNonNull(file, "file");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  public static SourceRef ofLine(String file, long line) {
    return new SourceRef(file, line, null);
  }

  public static SourceRef ofPath(String file, String jsonPath) {
    return new SourceRef(file, 0, jsonPath);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (jsonPath != null) {
      sb.append(" at ").append(jsonPath);
    }
    return sb.toString();
  }
}
