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

  /** The char came from a JSON / JavaScript {@code \\uXXXX} escape. */
  public static final int ESCAPE = 16;

  /**
   * An inline HTML tag without attributes ({@code <b>}, {@code </span>}) was dropped just before
   * it: it renders as nothing, so {@code Phone:<b>425</b>-555-0143} is read as it is shown.
   */
  public static final int TAG = 32;

  /**
   * The char came from a Markdown backslash escape ({@code j\\_doe}: an editor escaped the
   * underscore of a pasted address).
   */
  public static final int MARKDOWN = 64;

  /**
   * A Markdown emphasis run inside a value ({@code **425**-555-0143}) was dropped just before it.
   * The highest bit of the byte a mark is stored in: read marks with {@code & 0xFF}.
   */
  public static final int EMPHASIS = 128;

  private final String original;
  private final String text;
  // the special chars (see TextNormalizer#rewrite), sorted by normalized index; null when identity
  private final int[] at;
  private final int[] origStart;
  private final int[] origEnd;
  private final byte[] marks;
  private final boolean surrogates;

  /**
   * A rewritten text. Normalized char {@code at[k]} comes from original chars {@code [origStart[k],
   * origEnd[k])} with {@code marks[k]}; every other normalized char {@code j} is plain: one
   * original char right after its predecessor's range, no mark, so with {@code k} the last special
   * before {@code j}, it starts at {@code origEnd[k] + (j - at[k] - 1)} (or at {@code j} when no
   * special precedes it).
   */
  NormalizedText(
      String original,
      String text,
      int[] at,
      int[] origStart,
      int[] origEnd,
      byte[] marks,
      boolean surrogates) {
    this.original = original;
    this.surrogates = surrogates;
    this.text = text;
    this.at = at;
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.marks = marks;
  }

  static NormalizedText identity(String original) {
    return new NormalizedText(original, original, null, null, null, null, false);
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
    return at == null;
  }

  /** Index of the last special at or before normalized char {@code i}, or -1. */
  private int floor(int i) {
    int lo = 0;
    int hi = at.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (at[mid] <= i) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi;
  }

  /** Original char index where normalized char {@code i} starts; {@code i == length} allowed. */
  public int originalStart(int i) {
    if (at == null) {
      return i;
    }
    if (i >= text.length()) {
      return original.length();
    }
    int k = floor(i);
    if (k < 0) {
      return i;
    }
    return at[k] == i ? origStart[k] : origEnd[k] + (i - at[k] - 1);
  }

  /** Original char index just past normalized char {@code i}. */
  public int originalEnd(int i) {
    if (at == null) {
      return i + 1;
    }
    if (i < 0 || i >= text.length()) {
      throw new IndexOutOfBoundsException(i);
    }
    int k = floor(i);
    if (k < 0) {
      return i + 1;
    }
    return at[k] == i ? origEnd[k] : origEnd[k] + (i - at[k]);
  }

  /**
   * Maps the span {@code [start, end)} of normalized chars like {@link #originalStart}, {@link
   * #originalEnd} ({@code end - 1}) and {@link #marks}, into {@code out[0..2]} (original start,
   * original end, marks). For spans visited in increasing order, {@code cursor} is the value the
   * previous call returned ({@code -1} before the first): the specials are then walked forward once
   * per text instead of three binary searches per span. Returns the new cursor.
   */
  int mapSpan(int start, int end, int cursor, int[] out) {
    if (at == null) {
      out[0] = start;
      out[1] = end;
      out[2] = 0;
      return cursor;
    }
    int ks = forward(cursor, start);
    out[0] = start >= text.length() ? original.length() : startAt(start, ks);
    int last = end - 1;
    int ke = forward(ks, last);
    out[1] = ke < 0 ? last + 1 : at[ke] == last ? origEnd[ke] : origEnd[ke] + (last - at[ke]);
    int m = 0;
    for (int k = ks >= 0 && at[ks] == start ? ks : ks + 1; k <= ke; k++) {
      m |= marks[k] & 0xFF;
    }
    out[2] = m;
    return ks;
  }

  /** The last special at or before {@code i}, walking forward from {@code k} (one at or before). */
  private int forward(int k, int i) {
    if (k >= 0 && at[k] > i) {
      return floor(i); // not in increasing order: search
    }
    while (k + 1 < at.length && at[k + 1] <= i) {
      k++;
    }
    return k;
  }

  private int startAt(int i, int k) {
    if (k < 0) {
      return i;
    }
    return at[k] == i ? origStart[k] : origEnd[k] + (i - at[k] - 1);
  }

  /** Union of the marks of normalized chars in {@code [start, end)}. */
  public int marks(int start, int end) {
    if (at == null) {
      return 0;
    }
    int m = 0;
    for (int k = floor(start - 1) + 1; k < at.length && at[k] < end; k++) {
      m |= marks[k] & 0xFF;
    }
    return m;
  }
}
