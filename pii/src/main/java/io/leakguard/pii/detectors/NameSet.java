package io.leakguard.pii.detectors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set (or table of int flags) of short strings looked up straight from a region of a
 * text, ignoring case, without allocating: open addressing over folded {@code char[]} keys.
 *
 * <p>Folding: {@link Character#toLowerCase(char)}, typographic apostrophes ({@code ’ ‘}) to {@code
 * '}, runs of whitespace to one space, combining marks dropped. So {@code "JOSÉ"}, {@code "José"}
 * and {@code "Jose\u0301"} fold alike to {@code josé} (accent-free variants are added by the
 * loader, not here).
 */
final class NameSet {
  private final char[][] keys;
  private final int[] values;
  private final int mask;
  private final int size;

  /** A set: every word maps to 1. */
  NameSet(Collection<String> words) {
    this(asMap(words));
  }

  /** A table: every word maps to its flags (non-zero); words that fold alike merge their flags. */
  NameSet(Map<String, Integer> flags) {
    Map<String, Integer> folded = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : flags.entrySet()) {
      String k = new String(fold(e.getKey()));
      if (!k.isEmpty()) {
        folded.merge(k, e.getValue(), (a, b) -> a | b);
      }
    }
    int cap = Integer.highestOneBit(Math.max(4, folded.size() * 2 + 1)) << 1;
    keys = new char[cap][];
    values = new int[cap];
    mask = cap - 1;
    for (Map.Entry<String, Integer> e : folded.entrySet()) {
      char[] k = e.getKey().toCharArray();
      int h = hash(k, 0, k.length) & mask;
      while (keys[h] != null) {
        h = (h + 1) & mask;
      }
      keys[h] = k;
      values[h] = e.getValue();
    }
    size = folded.size();
  }

  private static Map<String, Integer> asMap(Collection<String> words) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String w : words) {
      m.put(w, 1);
    }
    return m;
  }

  int size() {
    return size;
  }

  /** True when {@code s[start, end)} folds to a member. */
  boolean contains(CharSequence s, int start, int end) {
    return get(s, start, end) != 0;
  }

  /** The flags of the member {@code s[start, end)} folds to, or 0. */
  int get(CharSequence s, int start, int end) {
    int h = 0;
    int len = 0;
    boolean space = false;
    for (int i = start; i < end; i++) {
      int c = foldChar(s.charAt(i));
      if (c < 0) {
        continue;
      }
      if (c == ' ') {
        if (space) {
          continue;
        }
        space = true;
      } else {
        space = false;
      }
      h = 31 * h + c;
      len++;
    }
    int slot = mix(h) & mask;
    char[] k;
    while ((k = keys[slot]) != null) {
      if (k.length == len && matches(k, s, start, end)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /** True when {@code word} folds to a member (allocates; for tests and set-up). */
  boolean contains(String word) {
    return contains(word, 0, word.length());
  }

  private static boolean matches(char[] k, CharSequence s, int start, int end) {
    int j = 0;
    boolean space = false;
    for (int i = start; i < end; i++) {
      int c = foldChar(s.charAt(i));
      if (c < 0) {
        continue;
      }
      if (c == ' ') {
        if (space) {
          continue;
        }
        space = true;
      } else {
        space = false;
      }
      if (k[j++] != c) {
        return false;
      }
    }
    return true;
  }

  private static final char LATIN_FROM = '\u00C0';
  private static final char LATIN_TO = '\u0250';

  /**
   * Latin-1 and Latin Extended-A/B letters: the lower-case ASCII base letter when they have one.
   */
  private static final char[] LATIN_BASE = latinBase();

  private static char[] latinBase() {
    char[] t = new char[LATIN_TO - LATIN_FROM];
    for (char c = LATIN_FROM; c < LATIN_TO; c++) {
      String d = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
      char b = d.charAt(0);
      t[c - LATIN_FROM] =
          d.length() > 1 && b < 128 ? Character.toLowerCase(b) : Character.toLowerCase(c);
    }
    return t;
  }

  /** The folded char, {@code ' '} for any whitespace, or -1 for a char to drop. */
  static int foldChar(char c) {
    if (c < 128) {
      if (c >= 'A' && c <= 'Z') {
        return c + 32;
      }
      if (c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        return ' ';
      }
      return c;
    }
    if (c == '\u2019' || c == '\u2018') {
      return '\'';
    }
    if (c >= LATIN_FROM && c < LATIN_TO) {
      return LATIN_BASE[c - LATIN_FROM]; // "Jörg" and "Jorg", "Inês" and "Ines" fold alike
    }
    if (Character.getType(c) == Character.NON_SPACING_MARK) {
      return -1;
    }
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return ' ';
    }
    return Character.toLowerCase(c);
  }

  private static char[] fold(String w) {
    String t = w.strip();
    StringBuilder sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      int c = foldChar(t.charAt(i));
      if (c < 0 || (c == ' ' && space)) {
        continue;
      }
      space = c == ' ';
      sb.append((char) c);
    }
    char[] out = new char[sb.length()];
    sb.getChars(0, sb.length(), out, 0);
    return out;
  }

  private static int hash(char[] k, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + k[i];
    }
    return mix(h);
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
