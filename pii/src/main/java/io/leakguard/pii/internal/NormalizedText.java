package io.leakguard.pii.internal;

/**
 * A normalized copy of a text with an offset map back to the original.
 *
 * <p>For each normalized char {@code i}, {@link #originalStart(int)} and {@link #originalEnd(int)}
 * give the range of original chars it came from: a decoded {@code &#64;} maps back to all five
 * chars, a folded full-width {@code ＠} to one. Dropped invisible chars belong to no normalized char
 * but are covered when they lie inside a span. Marks record which normalizations produced each
 * char.
 */
public final class NormalizedText {
  /** The char came from folding a compatibility form (full-width, NFKC, Unicode dots/dashes). */
  public static final int FOLDED = 1;

  /** An invisible char (zero-width, soft hyphen, bidi control) was dropped just before it. */
  public static final int INVISIBLE = 2;

  /** The char came from an HTML entity. */
  public static final int ENTITY = 4;

  /** The char came from a %-escape. */
  public static final int PERCENT = 8;

  private final String original;
  private final String text;
  private final int[] origStart; // null when identity
  private final int[] origEnd;
  private final byte[] marks;
  private final boolean surrogates;

  NormalizedText(
      String original,
      String text,
      int[] origStart,
      int[] origEnd,
      byte[] marks,
      boolean surrogates) {
    this.original = original;
    this.surrogates = surrogates;
    this.text = text;
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.marks = marks;
  }

  static NormalizedText identity(String original) {
    return new NormalizedText(original, original, null, null, null, false);
  }

  /**
   * True when the original may contain a surrogate (then spans need code point counting); false
   * guarantees none. An identity text has none: {@link TextNormalizer} never takes that path for a
   * text with surrogates.
   */
  public boolean hasSurrogates() {
    return surrogates;
  }

  public String original() {
    return original;
  }

  public String text() {
    return text;
  }

  /** True when normalization changed nothing. */
  public boolean isIdentity() {
    return origStart == null;
  }

  /** Original char index where normalized char {@code i} starts; {@code i == length} allowed. */
  public int originalStart(int i) {
    if (origStart == null) {
      return i;
    }
    return i >= text.length() ? original.length() : origStart[i];
  }

  /** Original char index just past normalized char {@code i}. */
  public int originalEnd(int i) {
    if (origEnd == null) {
      return i + 1;
    }
    return origEnd[i];
  }

  /** Union of the marks of normalized chars in {@code [start, end)}. */
  public int marks(int start, int end) {
    if (marks == null) {
      return 0;
    }
    int m = 0;
    for (int i = start; i < end; i++) {
      m |= marks[i];
    }
    return m;
  }
}
