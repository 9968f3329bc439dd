package io.leakguard.core;

import java.time.Duration;
import java.util.Locale;

/** Parses and prints durations as the CLI writes them: {@code 500ms}, {@code 2s}, {@code 5m}. */
public final class Durations {
  private Durations() {}

  /**
   * Parses {@code <number><unit>} where unit is {@code ms}, {@code s}, {@code m}, {@code h} or
   * {@code d}.
   *
   * @throws IllegalArgumentException quoting the bad input and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      throw bad(text);
    }
    long n = Long.parseLong(t.substring(0, i));
    switch (t.substring(i)) {
      case "ms":
        return Duration.ofMillis(n);
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      case "d":
        return Duration.ofDays(n);
      default:
        throw bad(text);
    }
  }

  /** Prints the shortest exact form: {@code 500ms}, {@code 2s}, {@code 5m}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms != 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0 && ms != 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0 && ms != 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "bad duration '" + text + "': expected a number and a unit, such as 500ms, 2s, 5m, 1h");
  }
}
