package io.leakguard.testkit;

import io.leakguard.pii.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one case text while recording gold spans in code points. While a quote prefix is set (e.g.
 * {@code "> "}), every line break written is followed by it, inside spans too.
 */
final class CaseWriter {
  private final StringBuilder sb = new StringBuilder(2048);
  private final List<GoldSpan> spans = new ArrayList<>();
  private int cp;
  private String quotePrefix = "";

  void setQuotePrefix(String p) {
    quotePrefix = p;
  }

  String quotePrefix() {
    return quotePrefix;
  }

  int position() {
    return cp;
  }

  boolean endsWith(String s) {
    int n = sb.length();
    return n >= s.length() && sb.substring(n - s.length()).equals(s);
  }

  boolean isEmpty() {
    return sb.length() == 0;
  }

  CaseWriter text(String s) {
    if (quotePrefix.isEmpty() || s.indexOf('\n') < 0) {
      sb.append(s);
      cp += s.codePointCount(0, s.length());
      return this;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c);
      if (!Character.isLowSurrogate(c)) {
        cp++;
      }
      if (c == '\n') {
        sb.append(quotePrefix);
        cp += quotePrefix.codePointCount(0, quotePrefix.length());
      }
    }
    return this;
  }

  CaseWriter entity(EntityType type, Form form, String value) {
    int s = cp;
    text(value);
    spans.add(GoldSpan.entity(type, s, cp, form));
    return this;
  }

  /** Writes {@code before + value + after}, the span covering {@code value} only. */
  CaseWriter entity(EntityType type, Form form, String before, String value, String after) {
    text(before);
    entity(type, form, value);
    return text(after);
  }

  CaseWriter lookalike(LookalikeKind kind, String value) {
    int s = cp;
    text(value);
    spans.add(GoldSpan.lookalike(kind, s, cp));
    return this;
  }

  LabeledCase build(String id) {
    return new LabeledCase(id, sb.toString(), spans);
  }
}
