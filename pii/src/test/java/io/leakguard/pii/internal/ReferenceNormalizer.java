package io.leakguard.pii.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * The normalizer before the sparse offset map (round 3), kept as the oracle of a differential test.
 */
final class ReferenceNormalizer {
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

  private ReferenceNormalizer() {}

  /** The old result: per normalized char its original range and marks. */
  record Ref(String text, int[] os, int[] oe, byte[] mk, boolean identity, boolean surrogates) {}

  /** Normalizes {@code original}; never throws on any input. */
  static Ref normalize(String original) {
    int n = original.length();
    if (!needsWork(original)) {
      return new Ref(original, null, null, null, true, false);
    }
    Out out = new Out(n + 16);
    int pendingMark = 0;
    boolean surrogates = false;
    int i = 0;
    while (i < n) {
      char c = original.charAt(i);
      if (c < 128) {
        if (c == '&') {
          int twice = entityTwice(original, i);
          int decoded = twice >= 0 ? twice : decodeEntity(original, i);
          if (decoded >= 0) {
            int len = decoded >>> 16;
            char ch = (char) (decoded & 0xFFFF);
            if (isInvisible(ch)) {
              // an invisible written as an entity ("j&#8203;ane") is dropped like the char itself
              pendingMark |= NormalizedText.INVISIBLE | ENTITY_MARK;
              if (out.len > 0) {
                out.oe[out.len - 1] = i + len;
              }
              i += len;
              continue;
            }
            emit(out, ch, i, i + len, ENTITY_MARK | pendingMark);
            pendingMark = 0;
            i += len;
            continue;
          }
        } else if (c == '%' && i + 2 < n) {
          int twice = percentTwice(original, i);
          if (twice >= 0) {
            emit(out, (char) twice, i, i + 5, PERCENT_MARK | pendingMark);
            pendingMark = 0;
            i += 5;
            continue;
          }
          int h = percent(original, i);
          if (h >= 0) {
            emit(out, (char) h, i, i + 3, PERCENT_MARK | pendingMark);
            pendingMark = 0;
            i += 3;
            continue;
          }
        } else if (c == '<') {
          int tag = tagLength(original, i);
          char before = out.len > 0 ? out.chars[out.len - 1] : ' ';
          char after = tag > 0 && i + tag < n ? original.charAt(i + tag) : ' ';
          boolean boundary =
              Character.isLetterOrDigit(before)
                  && Character.isLetterOrDigit(after)
                  && !(Character.isDigit(before) && Character.isDigit(after));
          if (tag > 0 && !boundary) {
            // an inline tag without attributes renders as nothing: dropped, and no neighbour's
            // range takes it in
            pendingMark |= NormalizedText.TAG;
            i += tag;
            continue;
          }
        } else if (c == '*') {
          int stars = emphasis(original, i);
          if (stars > 0) {
            // Markdown emphasis inside a value: dropped like an inline tag
            pendingMark |= NormalizedText.EMPHASIS;
            i += stars;
            continue;
          }
        } else if (c == '\\') {
          int h = unicodeEscape(original, i);
          if (h >= 0) {
            emit(out, (char) h, i, i + 6, NormalizedText.ESCAPE | pendingMark);
            pendingMark = 0;
            i += 6;
            continue;
          }
          int x = TextNormalizer.hexEscape(original.toCharArray(), n, i);
          if (x >= 0) {
            emit(out, (char) x, i, i + 4, NormalizedText.ESCAPE | pendingMark);
            pendingMark = 0;
            i += 4;
            continue;
          }
          int br = TextNormalizer.jsonBreak(original.toCharArray(), n, i);
          if (br >= 0) {
            emit(out, (char) br, i, i + 2, NormalizedText.ESCAPE | pendingMark);
            pendingMark = 0;
            i += 2;
            continue;
          }
          if (markdown(original, i)) {
            emit(out, original.charAt(i + 1), i, i + 2, NormalizedText.MARKDOWN | pendingMark);
            pendingMark = 0;
            i += 2;
            continue;
          }
        }
        emit(out, c, i, i + 1, pendingMark);
        pendingMark = 0;
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        surrogates = true;
      }
      int cp = original.codePointAt(i);
      int cpLen = Character.charCount(cp);
      if (isInvisible(cp)) {
        pendingMark |= NormalizedText.INVISIBLE;
        // extend the previous char's range over the invisible so spans cover it
        if (out.len > 0) {
          out.oe[out.len - 1] = i + cpLen;
        }
        i += cpLen;
        continue;
      }
      String folded = cpLen == 1 ? foldCached((char) cp) : fold(cp);
      if (folded == null) {
        for (int k = 0; k < cpLen; k++) {
          emit(out, original.charAt(i + k), i, i + cpLen, pendingMark);
        }
      } else {
        for (int k = 0; k < folded.length(); k++) {
          emit(out, folded.charAt(k), i, i + cpLen, NormalizedText.FOLDED | pendingMark);
        }
      }
      pendingMark = 0;
      i += cpLen;
    }
    return new Ref(
        new String(out.chars, 0, out.len),
        java.util.Arrays.copyOf(out.os, out.len),
        java.util.Arrays.copyOf(out.oe, out.len),
        java.util.Arrays.copyOf(out.mk, out.len),
        false,
        surrogates);
  }

  private static final String[] INLINE = {
    "a", "abbr", "b", "big", "code", "del", "em", "font", "i", "ins", "mark", "nobr", "s", "small",
    "span", "strong", "sub", "sup", "tt", "u", "wbr"
  };

  /** {@code &amp;#64;}: an entity after {@code &amp;}, as (length << 16 | char), or -1. */
  static int entityTwice(String s, int i) {
    if (!s.startsWith("&amp;", i)) {
      return -1;
    }
    int inner = decodeEntity("&" + s.substring(i + 5), 0);
    return inner < 0 ? -1 : ((inner >>> 16) + 4) << 16 | (inner & 0xFFFF);
  }

  /** {@code %2540}: a %-escape after {@code %25}, as its char, or -1. */
  static int percentTwice(String s, int i) {
    if (!s.startsWith("%25", i) || i + 5 > s.length()) {
      return -1;
    }
    return percent("%" + s.substring(i + 3, i + 5), 0);
  }

  /** {@code \\_}, {@code \\.} or {@code \\-} at {@code i} between two ASCII letters or digits. */
  /**
   * The length of the star run starting at {@code i} when it is Markdown emphasis inside a value,
   * else -1: a run of one or two stars, the whole run starting at {@code i}, with a letter or digit
   * on one side and {@code @ - .} plus a letter or digit on the other, whose other half (the same
   * number of stars, not part of a longer run) lies across at most 64 chars of letters, digits and
   * {@code . - _ + @}, next to a letter or digit.
   */
  static int emphasis(String s, int i) {
    int n = s.length();
    int end = i;
    while (end < n && s.charAt(end) == '*') {
      end++;
    }
    int r = end - i;
    if ((i > 0 && s.charAt(i - 1) == '*') || r > 2 || i == 0 || end >= n) {
      return -1;
    }
    boolean closing =
        alnum(s.charAt(i - 1))
            && "@-.".indexOf(s.charAt(end)) >= 0
            && end + 1 < n
            && alnum(s.charAt(end + 1));
    boolean opening =
        !closing
            && i >= 2
            && "@-.".indexOf(s.charAt(i - 1)) >= 0
            && alnum(s.charAt(i - 2))
            && alnum(s.charAt(end));
    if (closing) {
      int p = i - 1;
      while (p >= 0 && i - p <= 64 && valueChar(s.charAt(p))) {
        p--;
      }
      // p is the first char that is not a value char: the opener's last star
      return p >= 0 && i - p <= 64 && starRun(s, p - r + 1, r) && alnum(s.charAt(p + 1)) ? r : -1;
    }
    if (opening) {
      int p = end;
      while (p < n && p - end < 64 && valueChar(s.charAt(p))) {
        p++;
      }
      return p < n && p - end < 64 && starRun(s, p, r) && alnum(s.charAt(p - 1)) ? r : -1;
    }
    return -1;
  }

  private static boolean starRun(String s, int from, int r) {
    if (from < 0 || from + r > s.length()) {
      return false;
    }
    int k = from;
    while (k < from + r && s.charAt(k) == '*') {
      k++;
    }
    return k == from + r
        && (from == 0 || s.charAt(from - 1) != '*')
        && (k == s.length() || s.charAt(k) != '*');
  }

  private static boolean alnum(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean valueChar(char c) {
    return alnum(c) || "._+@-".indexOf(c) >= 0;
  }

  static boolean markdown(String s, int i) {
    return i > 0
        && i + 2 < s.length()
        && "_.-".indexOf(s.charAt(i + 1)) >= 0
        && String.valueOf(s.charAt(i - 1)).matches("[A-Za-z0-9]")
        && String.valueOf(s.charAt(i + 2)).matches("[A-Za-z0-9]");
  }

  /** {@code form} (lower case) at {@code i}, ignoring the case of ASCII letters only. */
  private static boolean asciiIgnoreCase(String s, int i, String form) {
    if (i + form.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < form.length(); k++) {
      char c = s.charAt(i + k);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != form.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The length of {@code <name>}, {@code </name>}, {@code <name/>} or {@code <name />} at i. */
  static int tagLength(String s, int i) {
    for (String name : INLINE) {
      for (String form :
          new String[] {
            "<" + name + ">", "</" + name + ">", "<" + name + "/>", "<" + name + " />"
          }) {
        if (asciiIgnoreCase(s, i, form)) {
          return form.length();
        }
      }
    }
    return -1;
  }

  private static final int ENTITY_MARK = NormalizedText.ENTITY;
  private static final int PERCENT_MARK = NormalizedText.PERCENT;

  private static void emit(Out out, char ch, int from, int to, int mark) {
    out.add(ch, from, to, mark);
  }

  /** Growable parallel arrays: NFKC may expand one code point into several chars. */
  private static final class Out {
    char[] chars;
    int[] os;
    int[] oe;
    byte[] mk;
    int len;

    Out(int cap) {
      chars = new char[cap];
      os = new int[cap];
      oe = new int[cap];
      mk = new byte[cap];
    }

    void add(char ch, int from, int to, int mark) {
      if (len == chars.length) {
        int cap = len * 2;
        chars = java.util.Arrays.copyOf(chars, cap);
        os = java.util.Arrays.copyOf(os, cap);
        oe = java.util.Arrays.copyOf(oe, cap);
        mk = java.util.Arrays.copyOf(mk, cap);
      }
      chars[len] = ch;
      os[len] = from;
      oe[len] = to;
      mk[len] = (byte) mark;
      len++;
    }
  }

  /**
   * True when normalizing would change something: an invisible, a foldable char, a decodable entity
   * or %-escape (or a surrogate, whose offset map differs from the identity). Most texts with
   * non-ASCII letters (accented names, curly quotes) need no work; this costs one scan and no
   * allocation.
   */
  private static boolean needsWork(String s) {
    int n = s.length();
    // one bulk copy, then array reads (String.charAt re-checks bounds and coder per call)
    char[] buf = SCRATCH.get();
    if (buf.length < n) {
      buf = new char[Math.max(n, buf.length * 2)];
      if (n <= MAX_SCRATCH) {
        SCRATCH.set(buf);
      }
    }
    s.getChars(0, n, buf, 0);
    for (int i = 0; i < n; i++) {
      char c = buf[i];
      if (c < 128) {
        if (c == '&') {
          if (decodeEntity(s, i) >= 0) {
            return true;
          }
        } else if (c == '%') {
          if (i + 2 < n && percent(s, i) >= 0) {
            return true;
          }
        } else if (c == '\\') {
          if (unicodeEscape(s, i) >= 0
              || TextNormalizer.hexEscape(buf, n, i) >= 0
              || TextNormalizer.jsonBreak(buf, n, i) >= 0
              || markdown(s, i)) {
            return true;
          }
        } else if (c == '*') {
          if (emphasis(s, i) > 0) {
            return true;
          }
        } else if (c == '<') {
          if (tagLength(s, i) > 0) {
            return true;
          }
        }
      } else if (Character.isSurrogate(c) || isInvisible(c) || foldCached(c) != null) {
        return true;
      }
    }
    return false;
  }

  /** Per-thread copy for {@link #needsWork}; longer texts get a one-off buffer. */
  private static final int MAX_SCRATCH = 1 << 20;

  private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[4096]);

  /** {@code \\uXXXX} at {@code i}: printable ASCII or a letter needing no fold, or -1. */
  private static int unicodeEscape(String s, int i) {
    // the decoding rule itself is TextNormalizer's (one rule, not a copy); this oracle checks how
    // the normalizer applies it: offsets, marks, interplay with the other decoders
    return TextNormalizer.unicodeEscape(s.toCharArray(), s.length(), i);
  }

  /** The %-escape at {@code i} (with {@code i + 2 < length}) as a printable ASCII char, or -1. */
  private static int percent(String s, int i) {
    int hi = hex(s.charAt(i + 1));
    int lo = hex(s.charAt(i + 2));
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
  private static int decodeEntity(String s, int i) {
    int n = s.length();
    int j = i + 1;
    if (j >= n) {
      return -1;
    }
    if (s.charAt(j) == '#') {
      j++;
      boolean isHex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
      if (isHex) {
        j++;
      }
      int v = 0;
      int digits = 0;
      while (j < n && digits < 7) {
        int d =
            isHex
                ? hex(s.charAt(j))
                : (Character.isDigit(s.charAt(j)) && s.charAt(j) < 128 ? s.charAt(j) - '0' : -1);
        if (d < 0) {
          break;
        }
        v = v * (isHex ? 16 : 10) + d;
        digits++;
        j++;
      }
      boolean semicolon = j < n && s.charAt(j) == ';';
      if (!semicolon && !isHex && digits >= 2 && digits <= 3 && v >= 0x20 && v <= 0x7E) {
        return ((j - i) << 16) | v; // HTML5: a decimal reference without its ';'
      }
      if (digits == 0
          || j >= n
          || s.charAt(j) != ';'
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
    while (k < n && k - j < 8 && Character.isLetter(s.charAt(k)) && s.charAt(k) < 128) {
      k++;
    }
    if (k == j || k >= n || s.charAt(k) != ';') {
      return -1;
    }
    Character ch = NAMED.get(s.substring(j, k));
    if (ch == null) {
      return -1;
    }
    return ((k + 1 - i) << 16) | ch;
  }
}
