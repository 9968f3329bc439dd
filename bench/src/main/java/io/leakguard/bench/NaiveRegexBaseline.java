package io.leakguard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approach of the common tools, as a reference point only: one {@code java.util.regex} pass per
 * entity over the whole text (email, IPv4, phone, card, SSN, IBAN). Never used for detection.
 */
final class NaiveRegexBaseline {
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+"),
          Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"),
          Pattern.compile("\\(?\\b\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}\\b"),
          Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
          Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
          Pattern.compile("\\b[A-Z]{2}\\d{2}[A-Z0-9]{11,30}\\b"));

  private NaiveRegexBaseline() {}

  static List<int[]> find(String text) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < PATTERNS.size(); i++) {
      Matcher m = PATTERNS.get(i).matcher(text);
      while (m.find()) {
        out.add(new int[] {i, m.start(), m.end()});
      }
    }
    return out;
  }
}
