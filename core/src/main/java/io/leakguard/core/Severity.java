package io.leakguard.core;

import java.util.Locale;

/** Severity of a finding, ordered from least to most severe. Spelled in lower case in JSON. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  private final String word = name().toLowerCase(Locale.ROOT);

  /**
   * The JSON / CLI spelling: {@code low}, {@code medium}, {@code high}, {@code critical} (one
   * instance per constant, so identity caches of rendered strings hit).
   */
  public String word() {
    return word;
  }

  /**
   * Parses a severity word, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted words
   */
  public static Severity parse(String word) {
    for (Severity s : values()) {
      if (s.word().equalsIgnoreCase(word.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + word + "': expected one of low, medium, high, critical");
  }

  /** True when this severity is at least {@code other}. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
