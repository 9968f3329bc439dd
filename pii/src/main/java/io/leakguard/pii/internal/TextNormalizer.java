package io.leakguard.pii.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * Normalization before detection, with an offset map (see {@link NormalizedText}).
 *
 * <ul>
 *   <li>Full-width and other compatibility forms are folded (NFKC per code point), plus Unicode
 *       full stops ({@code 。 ｡ ﹒}) to {@code .} and dashes / minus signs to {@code -}.
 *   <li>Invisible chars are dropped: zero-width space/joiners, word joiner, BOM, soft hyphen,
 *       Mongolian vowel separator, bidi controls.
 *   <li>HTML entities ({@code &#64;}, {@code &#x40;}, and the named ones that matter for PII such
 *       as {@code &commat;}, {@code &period;}, {@code &amp;}) are decoded.
 *   <li>%-escapes of printable ASCII ({@code %40}, {@code %2E}) are decoded.
 *   <li>Inline HTML tags without attributes ({@code <b>}, {@code </span>}, {@code <wbr>}) are
 *       dropped: they render as nothing, so a rich-text editor's {@code Phone:<b>425</b>-555-0143}
 *       or {@code j.doe@<span>contoso</span>.com} is read as it is shown. A tag with attributes is
 *       kept (an attribute may hold PII itself: dropping it would hide that from the detectors),
 *       and block tags ({@code <br>}, {@code <td>}) stay as the separators they render as.
 * </ul>
 *
 * <p>Design note: one pass, linear in the input; the common all-ASCII text without {@code &} or
 * {@code %} costs one scan and no allocation ({@link NormalizedText#identity}). Case is kept:
 * detectors compare case-insensitively where it matters.
 */
public final class TextNormalizer {
  private static final Map<String, Character> NAMED =
      Map.ofEntries(
          Map.entry("commat", '@'),
          Map.entry("period", '.'),
          Map.entry("amp", '&'),
          Map.entry("lt", '<'),
          Map.entry("gt", '>'),
          Map.entry("quot", '"'),
          Map.entry("apos", '\''),
          Map.entry("nbsp", ' '),
          Map.entry("lowbar", '_'),
          Map.entry("hyphen", '-'),
          Map.entry("dash", '-'),
          Map.entry("minus", '-'),
          Map.entry("plus", '+'),
          Map.entry("num", '#'),
          Map.entry("colon", ':'),
          Map.entry("sol", '/'),
          Map.entry("lpar", '('),
          Map.entry("rpar", ')'),
          Map.entry("lsqb", '['),
          Map.entry("rsqb", ']'),
          Map.entry("lbrack", '['),
          Map.entry("rbrack", ']'),
          Map.entry("comma", ','),
          Map.entry("equals", '='),
          Map.entry("percnt", '%'),
          Map.entry("excl", '!'),
          Map.entry("quest", '?'),
          Map.entry("semi", ';'),
          Map.entry("dollar", '$'),
          Map.entry("ast", '*'),
          Map.entry("Tab", '\t'),
          Map.entry("NewLine", '\n'));

  private TextNormalizer() {}

  /** Normalizes {@code original}; never throws on any input. */
  public static NormalizedText normalize(String original) {
    return normalize(original, null);
  }

  /**
   * Normalizes {@code original}, reusing the per-thread buffers of {@code scratch} when not null.
   * {@link Scratch#text()} then holds the normalized text's chars (the original's for an identity
   * result) until the next call with the same scratch.
   */
  public static NormalizedText normalize(String original, Scratch scratch) {
    int n = original.length();
    char[] src;
    if (scratch != null) {
      src = scratch.src(n);
    } else {
      src = new char[n];
    }
    // one bulk copy, then array reads (String.charAt re-checks bounds and coder per call)
    original.getChars(0, n, src, 0);
    int first = firstWork(src, n);
    if (first < 0) {
      if (scratch != null) {
        scratch.text = src;
      }
      return NormalizedText.identity(original);
    }
    return rewrite(original, src, n, first, scratch);
  }

  /**
   * Per-thread buffers for {@link #normalize(String, Scratch)}: one copy of the original, one for
   * the normalized chars. Not thread-safe: one per thread, one text at a time.
   */
  public static final class Scratch {
    private static final int MAX_KEPT = 1 << 20;
    private char[] src = new char[4096];
    private char[] out = new char[4096];
    private char[] text;

    /** The last normalized text's chars (valid in {@code [0, text.length())}). */
    public char[] text() {
      return text;
    }

    char[] src(int n) {
      if (src.length >= n) {
        return src;
      }
      char[] b = new char[Math.max(n, src.length * 2)];
      if (n <= MAX_KEPT) {
        src = b;
      }
      return b;
    }

    char[] out(int n) {
      if (out.length >= n) {
        return out;
      }
      char[] b = new char[Math.max(n, out.length * 2)];
      if (n <= MAX_KEPT) {
        out = b;
      }
      return b;
    }

    void keepOut(char[] b) {
      if (b.length <= MAX_KEPT) {
        out = b;
      }
    }
  }

  // Per BMP char: what the first pass must do with it. PLAIN = 0 so the hot test is one compare.
  private static final byte PLAIN = 0;
  // '&', '%', '\\' or '<': work only when an escape decodes or an inline tag matches
  private static final byte AMP_PCT = 1;
  private static final byte WORK = 2; // surrogate, invisible or foldable: always work
  private static final byte UNKNOWN = 3; // non-ASCII not yet classified (filled lazily)

  /**
   * {@link #classify} per BMP char, filled lazily for non-ASCII (racy but benign: a byte write is
   * atomic and every thread computes the same value).
   */
  private static final byte[] KIND = new byte[1 << 16];

  static {
    java.util.Arrays.fill(KIND, 128, 1 << 16, UNKNOWN);
    KIND['&'] = AMP_PCT;
    KIND['%'] = AMP_PCT;
    KIND['\\'] = AMP_PCT;
    KIND['<'] = AMP_PCT;
    KIND['*'] = AMP_PCT;
  }

  private static byte classify(char c) {
    byte k = Character.isSurrogate(c) || isInvisible(c) || foldCached(c) != null ? WORK : PLAIN;
    KIND[c] = k;
    return k;
  }

  /**
   * The index of the first char that normalizing would change (an invisible, a foldable char, a
   * decodable entity or %-escape, or a surrogate, whose offset map differs from the identity), or
   * -1. Most texts, also with non-ASCII letters (accented names, curly quotes), need no work: one
   * table read per char, no allocation.
   */
  private static int firstWork(char[] a, int n) {
    for (int i = 0; i < n; i++) {
      byte k = KIND[a[i]];
      if (k == PLAIN) {
        continue;
      }
      if (k == UNKNOWN) {
        k = classify(a[i]);
      }
      if (k == WORK
          || (k == AMP_PCT
              && (a[i] == '<'
                      ? inlineTag(a, n, i)
                      : a[i] == '*' ? emphasis(a, n, i) : escape(a, n, i))
                  >= 0)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The full path from {@code first} on (everything before it is copied as is).
   *
   * <p>Design note: the offset map is sparse. A normalized char is <em>plain</em> when it is a copy
   * of the original char right after the previous normalized char's original range, carries no mark
   * and covers exactly one original char; every other char (decoded, folded, after an invisible,
   * covering an invisible, half of a surrogate pair) is a <em>special</em> with its explicit range
   * and marks. Plain chars are derived from the last special before them (see {@link
   * NormalizedText}). A text with one em dash costs one special, not four arrays of its length.
   */
  private static NormalizedText rewrite(
      String original, char[] src, int n, int first, Scratch scratch) {
    char[] out = scratch != null ? scratch.out(n + 16) : new char[n + 16];
    System.arraycopy(src, 0, out, 0, first);
    int len = first;
    Specials sp = new Specials();
    int pendingMark = 0;
    boolean surrogates = false;
    int i = first;
    while (i < n) {
      if (pendingMark == 0) {
        // a run of plain chars is copied in bulk (most of a rewritten text: an em dash or an
        // emoji in a paragraph); the char after it takes the per-char path below
        int r = i;
        while (r < n && KIND[src[r]] == PLAIN) {
          r++;
        }
        if (r > i) {
          int m = r - i;
          if (len + m + 4 > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + m + 16));
          }
          System.arraycopy(src, i, out, len, m);
          len += m;
          i = r;
          if (i == n) {
            break;
          }
        }
      }
      if (len + 4 > out.length) {
        out = java.util.Arrays.copyOf(out, out.length * 2);
      }
      char c = src[i];
      byte k = KIND[c];
      if (k == UNKNOWN) {
        k = classify(c);
      }
      if (k == PLAIN) {
        // a copy; special only when it carries a mark (it follows a dropped invisible)
        if (pendingMark != 0) {
          sp.add(len, i, i + 1, pendingMark);
          pendingMark = 0;
        }
        out[len++] = c;
        i++;
        continue;
      }
      if (k == AMP_PCT) {
        int tag = c == '<' ? inlineTag(src, n, i) : -1;
        if (tag > 0
            && joinsAcross(len > 0 ? out[len - 1] : ' ', i + tag < n ? src[i + tag] : ' ')) {
          // dropped; unlike an invisible, neither neighbour's range takes it in, so a span that
          // ends or starts at the tag leaves it out ("x@y.com</a>") and one across it covers it
          pendingMark |= NormalizedText.TAG;
          i += tag;
          continue;
        }
        int stars = c == '*' ? emphasis(src, n, i) : -1;
        if (stars > 0) {
          // dropped like an inline tag: a span across it covers it, one that ends at it does not
          pendingMark |= NormalizedText.EMPHASIS;
          i += stars;
          continue;
        }
        int decoded = c == '<' || c == '*' ? -1 : escape(src, n, i);
        if (decoded >= 0) {
          boolean md = c == '\\' && (decoded & MARKDOWN_ESCAPE) != 0;
          int dlen =
              c == '&'
                  ? decoded >>> 16
                  : c == '%' ? Math.max(3, decoded >>> 16) : (decoded >>> 16) & 0xF;
          int mark =
              c == '%'
                  ? NormalizedText.PERCENT
                  : c == '&'
                      ? NormalizedText.ENTITY
                      : md ? NormalizedText.MARKDOWN : NormalizedText.ESCAPE;
          if (isInvisible(decoded & 0xFFFF)) {
            // an invisible written as an escape ("j&#8203;ane", "&shy;"-style "&#173;": mail
            // clients put zero-width spaces in addresses to stop auto-linking) is dropped too
            pendingMark |= NormalizedText.INVISIBLE | mark;
            if (len > 0) {
              sp.extendLast(len - 1, i + dlen);
            }
            i += dlen;
            continue;
          }
          sp.add(len, i, i + dlen, mark | pendingMark);
          out[len++] = (char) (decoded & 0xFFFF);
          pendingMark = 0;
          i += dlen;
          continue;
        }
        if (pendingMark != 0) {
          sp.add(len, i, i + 1, pendingMark);
          pendingMark = 0;
        }
        out[len++] = c;
        i++;
        continue;
      }
      // WORK: a surrogate, an invisible or a foldable char
      if (Character.isSurrogate(c)) {
        surrogates = true;
      }
      int cp = Character.codePointAt(src, i, n);
      int cpLen = Character.charCount(cp);
      if (isInvisible(cp)) {
        pendingMark |= NormalizedText.INVISIBLE;
        // extend the previous char's range over the invisible so spans cover it
        if (len > 0) {
          sp.extendLast(len - 1, i + cpLen);
        }
        i += cpLen;
        continue;
      }
      String folded = cpLen == 1 ? foldCached((char) cp) : foldSupplementary(cp);
      if (folded == null) {
        for (int m = 0; m < cpLen; m++) {
          sp.add(len, i, i + cpLen, pendingMark);
          out[len++] = src[i + m];
        }
      } else {
        for (int m = 0; m < folded.length(); m++) {
          sp.add(len, i, i + cpLen, NormalizedText.FOLDED | pendingMark);
          out[len++] = folded.charAt(m);
        }
      }
      pendingMark = 0;
      i += cpLen;
    }
    if (scratch != null) {
      scratch.keepOut(out);
      scratch.text = out;
    }
    return new NormalizedText(
        original,
        new String(out, 0, len),
        java.util.Arrays.copyOf(sp.at, sp.size),
        java.util.Arrays.copyOf(sp.os, sp.size),
        java.util.Arrays.copyOf(sp.oe, sp.size),
        java.util.Arrays.copyOf(sp.mk, sp.size),
        surrogates);
  }

  /** Growable parallel arrays of the special normalized chars, in increasing {@code at}. */
  private static final class Specials {
    int[] at = new int[8];
    int[] os = new int[8];
    int[] oe = new int[8];
    byte[] mk = new byte[8];
    int size;

    void add(int j, int from, int to, int mark) {
      if (size == at.length) {
        int cap = size * 2;
        at = java.util.Arrays.copyOf(at, cap);
        os = java.util.Arrays.copyOf(os, cap);
        oe = java.util.Arrays.copyOf(oe, cap);
        mk = java.util.Arrays.copyOf(mk, cap);
      }
      at[size] = j;
      os[size] = from;
      oe[size] = to;
      mk[size] = (byte) mark;
      size++;
    }

    /** Makes normalized char {@code j} (the last one emitted) end at original {@code to}. */
    void extendLast(int j, int to) {
      if (size > 0 && at[size - 1] == j) {
        oe[size - 1] = to;
        return;
      }
      // j is plain: its original start follows from the last special (or is j itself)
      int from = size == 0 ? j : oe[size - 1] + (j - at[size - 1] - 1);
      add(j, from, to, 0);
    }
  }

  /**
   * Whether an inline tag between the rendered char {@code before} and the char {@code after} is
   * dropped: unless a letter meets a letter or a digit ({@code contoso.com</a>and}, {@code
   * 0143</span>ext}, {@code Lopez</b>wrote}: there the tag is a boundary the detectors need, and it
   * stays as the separator it was). Digits meet digits, and anything meets punctuation or a blank
   * ({@code 425</b>-555}, {@code @<span>contoso}, {@code 0.<b>0}).
   */
  static boolean joinsAcross(char before, char after) {
    if (!Character.isLetterOrDigit(before) || !Character.isLetterOrDigit(after)) {
      return true;
    }
    return Character.isDigit(before) && Character.isDigit(after);
  }

  /** The longest value {@link #emphasis} looks across for the other half of a pair. */
  private static final int MAX_EMPHASIS = 64;

  /**
   * The length of a Markdown emphasis run ({@code *} or {@code **}) at {@code i} that sits inside a
   * value and is dropped, or -1: a rich-text editor's bold on part of a pasted number or address
   * ({@code **425**-555-0143}, {@code **j.doe**@contoso.com}, {@code j.doe@**contoso**.com}) splits
   * the value at the run. Dropped only when the run touches one of {@code @ - .} on one side with a
   * letter or digit beyond it, a letter or digit on the other side, and its other half (a run of
   * the same length) lies within {@link #MAX_EMPHASIS} chars of letters, digits and {@code . - _
   * + @}: a masked {@code j***@contoso.com}, {@code 2**-1} or a lone {@code *} stay as they are.
   * Runs at a word's edge next to a blank are left too (they already separate), so a password that
   * ends in {@code *} keeps it.
   */
  static int emphasis(char[] a, int n, int i) {
    if (i > 0 && a[i - 1] == '*') {
      return -1; // inside a run: the run is judged at its first star
    }
    int r = 1;
    while (i + r < n && a[i + r] == '*') {
      r++;
    }
    if (r > 2 || i == 0 || i + r >= n) {
      return -1;
    }
    char before = a[i - 1];
    char after = a[i + r];
    if (asciiAlnum(before) && valueSeparator(after) && i + r + 1 < n && asciiAlnum(a[i + r + 1])) {
      // a closing run: its opener before, followed by a letter or digit
      for (int p = i - 1, lim = Math.max(0, i - MAX_EMPHASIS); p >= lim; p--) {
        char c = a[p];
        if (c == '*') {
          return run(a, n, p - r + 1, r) && asciiAlnum(a[p + 1]) ? r : -1;
        }
        if (!valueChar(c)) {
          return -1;
        }
      }
      return -1;
    }
    if (valueSeparator(before) && i >= 2 && asciiAlnum(a[i - 2]) && asciiAlnum(after)) {
      // an opening run: its closer after, preceded by a letter or digit
      for (int p = i + r, lim = Math.min(n, i + r + MAX_EMPHASIS); p < lim; p++) {
        char c = a[p];
        if (c == '*') {
          return run(a, n, p, r) && asciiAlnum(a[p - 1]) ? r : -1;
        }
        if (!valueChar(c)) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** Whether exactly {@code r} stars start at {@code s} (no star before or after the run). */
  private static boolean run(char[] a, int n, int s, int r) {
    if (s < 0 || (s > 0 && a[s - 1] == '*') || s + r > n || (s + r < n && a[s + r] == '*')) {
      return false;
    }
    for (int k = s; k < s + r; k++) {
      if (a[k] != '*') {
        return false;
      }
    }
    return true;
  }

  private static boolean valueSeparator(char c) {
    return c == '@' || c == '-' || c == '.';
  }

  private static boolean valueChar(char c) {
    return asciiAlnum(c) || c == '.' || c == '-' || c == '_' || c == '+' || c == '@';
  }

  /** Inline HTML elements that render as nothing around their text (see {@link #inlineTag}). */
  private static final java.util.Set<String> INLINE_TAGS =
      java.util.Set.of(
          "a", "abbr", "b", "big", "code", "del", "em", "font", "i", "ins", "mark", "nobr", "s",
          "small", "span", "strong", "sub", "sup", "tt", "u", "wbr");

  /** The longest name in {@link #INLINE_TAGS}. */
  private static final int MAX_TAG_NAME = 6;

  /**
   * The length of the inline HTML tag without attributes at {@code i} ({@code <b>}, {@code </B>},
   * {@code <span>}, {@code <wbr/>}, {@code <wbr />}: one of {@link #INLINE_TAGS} in any case), or
   * -1. Looks at most 11 chars ahead.
   */
  static int inlineTag(char[] a, int n, int i) {
    int p = i + 1;
    if (p < n && a[p] == '/') {
      p++;
    }
    int s = p;
    while (p < n && p - s <= MAX_TAG_NAME && (a[p] | 0x20) >= 'a' && (a[p] | 0x20) <= 'z') {
      p++;
    }
    int nameLen = p - s;
    if (nameLen == 0 || nameLen > MAX_TAG_NAME) {
      return -1;
    }
    if (p < n && a[p] == ' ' && p + 1 < n && a[p + 1] == '/') {
      p++; // "<wbr />"
    }
    if (p < n && a[p] == '/' && a[s - 1] != '/') {
      p++; // "<wbr/>"
    }
    if (p >= n || a[p] != '>') {
      return -1;
    }
    char[] name = new char[nameLen];
    for (int k = 0; k < nameLen; k++) {
      name[k] = (char) (a[s + k] | 0x20);
    }
    return INLINE_TAGS.contains(new String(name)) ? p + 1 - i : -1;
  }

  /** The %-escape at {@code i} as a printable ASCII char, or -1. */
  /** The entity, %-escape or {@code \\uXXXX} escape at {@code i} decoded, or -1. */
  private static int escape(char[] a, int n, int i) {
    char c = a[i];
    if (c == '&') {
      int d = decodeEntity(a, n, i);
      if (d == (5 << 16 | '&') && a[i + 1] == 'a') {
        // "&amp;#64;": escaped twice (an HTML export of HTML); the entity after "&amp;" is read
        // as if its '&' were the ';' of "&amp;" (decodeEntity starts at the char after i)
        int inner = decodeEntity(a, n, i + 4);
        if (inner >= 0) {
          return ((4 + (inner >>> 16)) << 16) | (inner & 0xFFFF);
        }
      }
      return d;
    }
    if (c == '%') {
      int p = percent(a, n, i);
      if (p == '%') {
        // "%2540": percent-encoded twice (a redirect URL inside a URL); five chars long
        int inner = percent(a, n, i + 2);
        if (inner >= 0) {
          return 5 << 16 | inner;
        }
      }
      return p;
    }
    int u = unicodeEscape(a, n, i);
    if (u >= 0) {
      return 6 << 16 | u;
    }
    u = hexEscape(a, n, i);
    if (u >= 0) {
      return 4 << 16 | u;
    }
    u = jsonBreak(a, n, i);
    return u >= 0 ? 2 << 16 | u : markdownEscape(a, n, i);
  }

  /**
   * A line break or tab written as the escape {@code \n}, {@code \r} or {@code \t} at {@code i}, as
   * that char, or -1: a message logged as a JSON string joins its lines with {@code \n}, and {@code
   * "Phone:\n425-555-0143"} read {@code n425} as one word (the number was lost). A Windows path has
   * the same two chars ({@code C:\new}, {@code \Users\nick}, {@code .\tools}), so only where a path
   * cannot be: before a digit, {@code +} or {@code (} ({@code \n425}, {@code \n+46}; a folder name
   * does not start with {@code n} and a digit), before a capital and a small letter ({@code
   * Berg\nSupport}; a folder named {@code nUnit} is the rare exception), before another of these
   * escapes ({@code \r\n}, {@code \n\n}), or after sentence punctuation ({@code Thanks,\nAnna},
   * {@code Name:\nAnna} but not the drive {@code C:\new} nor {@code .\tools}). Never after an
   * escaped backslash ({@code \\n}: a backslash and an {@code n}). Marked {@link
   * NormalizedText#ESCAPE}.
   */
  static int jsonBreak(char[] a, int n, int i) {
    if (i + 2 >= n || (i > 0 && a[i - 1] == '\\')) {
      return -1;
    }
    char e = a[i + 1];
    char d = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : 0;
    if (d == 0) {
      return -1;
    }
    char next = a[i + 2];
    if (next >= '0' && next <= '9' || next == '+' || next == '(') {
      return d;
    }
    if (next >= 'A' && next <= 'Z' && i + 3 < n && a[i + 3] >= 'a' && a[i + 3] <= 'z') {
      return d; // "Berg\nSupport Team", "\nPhone:": a path's folder does not start "nS"
    }
    if (next == '\\' && i + 3 < n && (a[i + 3] == 'n' || a[i + 3] == 'r')) {
      return d;
    }
    if (i >= 2
        && a[i - 2] == '\\'
        && (a[i - 1] == 'r' || a[i - 1] == 'n')
        && (i < 3 || a[i - 3] != '\\')) {
      return d; // the second of "\r\n", "\n\n" (the first is decoded by the rule above)
    }
    if (i < 2) {
      return -1;
    }
    char p = a[i - 1];
    if (p == ',' || p == ';' || p == '!' || p == '?') {
      return asciiAlnum(a[i - 2]) || a[i - 2] == ')' ? d : -1;
    }
    if (p == '.' || p == ':') {
      // "Regards.\nAnna", "Name:\nAnna"; not a drive ("C:\new") nor a relative path (".\tools")
      return asciiAlnum(a[i - 2]) && i >= 3 && asciiAlnum(a[i - 3]) ? d : -1;
    }
    return -1;
  }

  /**
   * The C / Python / shell escape {@code \\xHH} at {@code i} ({@code maria\\x40contoso.com} in a
   * logged byte string) as one char, or -1: printable ASCII only, not after an escaped backslash.
   * Marked {@link NormalizedText#ESCAPE}.
   */
  static int hexEscape(char[] s, int n, int i) {
    if (i + 3 >= n || s[i + 1] != 'x' || (i > 0 && s[i - 1] == '\\')) {
      return -1;
    }
    int hi = hex(s[i + 2]);
    int lo = hex(s[i + 3]);
    int v = hi << 4 | lo;
    return hi < 0 || lo < 0 || v < 0x20 || v >= 0x7F ? -1 : v;
  }

  /** Set in {@link #escape}'s result for a {@link #markdownEscape} (two chars long). */
  private static final int MARKDOWN_ESCAPE = 1 << 20;

  /**
   * A Markdown backslash escape of {@code _}, {@code .} or {@code -} between two ASCII letters or
   * digits ({@code j\\_doe@contoso.com}: a Markdown editor escapes the underscore of an address
   * pasted into a ticket, and the address was read from {@code doe} on, leaving {@code j\\_} and a
   * whole first name behind) as that char with {@link #MARKDOWN_ESCAPE} set, or -1. Paths keep
   * their meaning for the detectors ({@code C:\\Users\\j_doe} has no escape: a letter follows each
   * backslash).
   */
  static int markdownEscape(char[] a, int n, int i) {
    if (i == 0 || i + 2 >= n || !asciiAlnum(a[i - 1]) || !asciiAlnum(a[i + 2])) {
      return -1;
    }
    char e = a[i + 1];
    return e == '_' || e == '.' || e == '-' ? e | MARKDOWN_ESCAPE | 2 << 16 : -1;
  }

  private static boolean asciiAlnum(char c) {
    return c >= '0' && c <= '9' || (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /**
   * The JSON / JavaScript / Java escape {@code \\uXXXX} at {@code i} ({@code
   * "rahul.sharma\\u0040wipro.com"} in a pasted JSON body, {@code "M\\u00fcller"} from an
   * ASCII-only serializer) as one char, or -1: printable ASCII, or a BMP letter that needs no
   * folding. Surrogates, controls and an escaped backslash before it ({@code \\\\u0040}, a literal)
   * are left alone. Marked {@link NormalizedText#ESCAPE} ({@code json-escape} in the form).
   */
  static int unicodeEscape(char[] s, int n, int i) {
    if (i + 5 >= n || s[i + 1] != 'u' || (i > 0 && s[i - 1] == '\\')) {
      return -1;
    }
    int v = 0;
    for (int k = i + 2; k < i + 6; k++) {
      int h = hex(s[k]);
      if (h < 0) {
        return -1;
      }
      v = v << 4 | h;
    }
    if (v >= 0x20 && v < 0x7F) {
      return v;
    }
    char c = (char) v;
    return v >= 0xA0 && Character.isLetter(c) && !Character.isSurrogate(c) && foldCached(c) == null
        ? v
        : -1;
  }

  private static int percent(char[] s, int n, int i) {
    if (i + 2 >= n) {
      return -1;
    }
    int hi = hex(s[i + 1]);
    int lo = hex(s[i + 2]);
    if (hi < 0 || lo < 0) {
      return -1;
    }
    int h = hi << 4 | lo;
    return h >= 0x20 && h < 0x7F ? h : -1;
  }

  /** Marks a BMP char that {@link #fold} leaves alone, in {@link #FOLD_CACHE}. */
  private static final String NO_FOLD = "\u0000no-fold";

  /**
   * {@link #fold} per BMP char, filled lazily (racy but benign: values are immutable strings and
   * recomputing one is harmless). Avoids a String and a {@link Normalizer} check per non-ASCII
   * char.
   */
  private static final String[] FOLD_CACHE = new String[0x10000];

  /** {@link #fold} for a BMP char, cached. */
  @SuppressWarnings("ReferenceEquality") // NO_FOLD is a sentinel
  static String foldCached(char c) {
    String f = FOLD_CACHE[c];
    if (f == null) {
      f = fold(c);
      FOLD_CACHE[c] = f == null ? NO_FOLD : f;
      return f;
    }
    return f == NO_FOLD ? null : f;
  }

  /**
   * {@link #fold} of supplementary code points (emoji, mathematical letters), cached lazily in
   * blocks of 256 code points allocated on first use (racy but benign like {@link #FOLD_CACHE}):
   * before, every emoji cost a {@link Normalizer} check.
   */
  private static final String[][] FOLD_SUPPLEMENTARY =
      new String[(Character.MAX_CODE_POINT + 1) >>> 8][];

  @SuppressWarnings("ReferenceEquality") // NO_FOLD is a sentinel
  static String foldSupplementary(int cp) {
    String[] block = FOLD_SUPPLEMENTARY[cp >>> 8];
    if (block == null) {
      block = new String[256];
      FOLD_SUPPLEMENTARY[cp >>> 8] = block;
    }
    String f = block[cp & 0xFF];
    if (f == null) {
      f = fold(cp);
      block[cp & 0xFF] = f == null ? NO_FOLD : f;
      return f;
    }
    return f == NO_FOLD ? null : f;
  }

  static boolean isInvisible(int cp) {
    switch (cp) {
      case 0x00AD: // soft hyphen
      case 0x180E: // Mongolian vowel separator
      case 0x200B: // zero width space
      case 0x200C: // ZWNJ
      case 0x200D: // ZWJ
      case 0x200E: // LRM
      case 0x200F: // RLM
      case 0x2060: // word joiner
      case 0x2061:
      case 0x2062:
      case 0x2063:
      case 0x2064:
      case 0xFEFF: // BOM / ZWNBSP
      case 0x034F: // combining grapheme joiner
        return true;
      default:
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
  }

  /** Returns the folded form of {@code cp}, or null when it stays as is. */
  static String fold(int cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      return String.valueOf((char) (cp - 0xFEE0));
    }
    switch (cp) {
      case 0x3000:
      case 0x00A0:
        return " ";
      case 0x3002: // 。
      case 0xFF61: // ｡
      case 0xFE52: // ﹒
      case 0x2024: // one dot leader
        return ".";
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
      case 0x2212:
      case 0xFE58:
      case 0xFE63:
        return "-";
      case 0x2028:
      case 0x2029:
        return "\n";
      default:
        break;
    }
    if (cp < 0x00A0) {
      return null;
    }
    String s = new String(Character.toChars(cp));
    if (Normalizer.isNormalized(s, Normalizer.Form.NFKC)) {
      return null;
    }
    String f = Normalizer.normalize(s, Normalizer.Form.NFKC);
    // keep folds that are short; exotic expansions (e.g. U+FDFA, 18 chars) are left alone
    return f.length() <= 4 ? f : null;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char l = (char) (c | 0x20);
    if (l >= 'a' && l <= 'f') {
      return l - 'a' + 10;
    }
    return -1;
  }

  /**
   * Decodes an HTML entity at {@code i} ({@code &#NN;}, {@code &#xHH;}, {@code &name;}). Returns
   * {@code (length << 16) | char}, or -1 when there is none. Only BMP, non-control results.
   */
  private static int decodeEntity(char[] s, int n, int i) {
    int j = i + 1;
    if (j >= n) {
      return -1;
    }
    if (s[j] == '#') {
      j++;
      boolean isHex = j < n && (s[j] == 'x' || s[j] == 'X');
      if (isHex) {
        j++;
      }
      int v = 0;
      int digits = 0;
      while (j < n && digits < 7) {
        char c = s[j];
        int d = isHex ? hex(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
        if (d < 0) {
          break;
        }
        v = v * (isHex ? 16 : 10) + d;
        digits++;
        j++;
      }
      if (!isHex
          && digits >= 2
          && digits <= 3
          && v >= 0x20
          && v < 0x7F
          && (j >= n || s[j] != ';')) {
        // "maria&#64contoso.com": HTML5 reads a decimal reference without its ';' too
        return ((j - i) << 16) | v;
      }
      if (digits == 0
          || j >= n
          || s[j] != ';'
          || v < 0x20
          || v > 0xFFFF
          || (v >= 0x7F && v < 0xA0)
          || Character.isSurrogate((char) v)) {
        return -1;
      }
      char ch = (char) v;
      String folded = ch >= 128 ? fold(ch) : null;
      if (folded != null && folded.length() == 1) {
        ch = folded.charAt(0);
      }
      return ((j + 1 - i) << 16) | ch;
    }
    int k = j;
    while (k < n && k - j < 8 && s[k] < 128 && Character.isLetter(s[k])) {
      k++;
    }
    if (k == j || k >= n || s[k] != ';') {
      return -1;
    }
    Character ch = NAMED.get(new String(s, j, k - j));
    if (ch == null) {
      return -1;
    }
    return ((k + 1 - i) << 16) | ch;
  }
}
