package io.leakguard.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A generated support case with its gold spans (sorted by start). Immutable.
 *
 * @param id stable id, e.g. {@code s42-c000017}
 * @param text the case text
 * @param spans gold entity and look-alike spans, code point offsets into {@code text}
 */
public record LabeledCase(String id, String text, List<GoldSpan> spans) {
  public LabeledCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    spans =
        spans.stream()
            .sorted(Comparator.comparingInt(GoldSpan::start).thenComparingInt(GoldSpan::end))
            .toList();
    int n = text.codePointCount(0, text.length());
    for (GoldSpan g : spans) {
      if (g.end() > n) {
        throw new IllegalArgumentException("span past end of text in case " + id);
      }
    }
  }

  /** The text under a span (code point offsets). */
  public String covered(GoldSpan g) {
    int s = text.offsetByCodePoints(0, g.start());
    int e = text.offsetByCodePoints(s, g.end() - g.start());
    return text.substring(s, e);
  }
}
