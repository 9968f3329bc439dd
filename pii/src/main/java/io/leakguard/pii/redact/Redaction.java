package io.leakguard.pii.redact;

import java.util.List;

/**
 * The result of redacting one text: the redacted text, the spans redacted (offsets into the
 * original), and whether a {@code drop} operator asks for the whole record to go. Immutable.
 */
public final class Redaction {
  private final String original;
  private final String text;
  private final List<RedactedSpan> spans;
  private final boolean drop;
  // [start, end) char ranges in the redacted text produced by token operators (replace, hash,
  // encrypt); --verify ignores findings inside them (a token is not PII)
  private final int[] tokenRanges;

  Redaction(String original, String text, List<RedactedSpan> spans, boolean drop, int[] tokens) {
    this.original = original;
    this.text = text;
    this.spans = List.copyOf(spans);
    this.drop = drop;
    this.tokenRanges = tokens;
  }

  /** The redacted text (the original when nothing was found). */
  public String text() {
    return text;
  }

  /** Whether anything changed. */
  public boolean changed() {
    return !spans.isEmpty();
  }

  /** The redacted spans, sorted by start, offsets into the original text. */
  public List<RedactedSpan> spans() {
    return spans;
  }

  /** True when a finding's type has the {@code drop} operator: the record must be dropped. */
  public boolean drop() {
    return drop;
  }

  String original() {
    return original;
  }

  boolean insideToken(int charStart, int charEnd) {
    for (int i = 0; i < tokenRanges.length; i += 2) {
      if (charStart >= tokenRanges[i] && charEnd <= tokenRanges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Redaction[spans=" + spans.size() + ", drop=" + drop + "]";
  }
}
