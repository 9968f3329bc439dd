package io.leakguard.pii.detectors;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable set (or table of int flags) of short strings looked up straight from a region of a
 * text, ignoring case, without allocating: open addressing over folded {@code char[]} keys.
 *
 * <p>Folding: {@link Character#toLowerCase(char)}, Latin letters with an accent to their base
 * letter, typographic apostrophes ({@code ’ ‘}) to {@code '}, runs of whitespace to one space,
 * combining marks dropped. So {@code "JOSÉ"}, {@code "José"}, {@code "Jose\u0301"} and {@code
 * "jose"} fold alike to {@code jose}.
 *
 * <p>Example: {@code new NameSet(List.of("thank you")).contains(chars, s, e)} is true for the
 * region {@code "Thank You"}.
 *
 * <p>Cost (it runs on most word tokens of every text): a region whose first and last chars are
 * ASCII is rejected before hashing when no key with those (folded) ends is at most as long as the
 * region ({@code shortestByEnds}: one byte read, inline in {@link #get(char[], int, int)}, so small
 * sets such as titles or cue words cost a few instructions for most words); otherwise one folding
 * pass computes the hash (without branches per char for ASCII regions of up to 9 chars). A key of
 * up to 8 ASCII chars sits packed with its value in one long ({@code shortKeys}, one cache line per
 * probe, no stored hash); a 9-char key is compared with the key packed next to its slot's hash;
 * only longer or non-ASCII keys are compared through their own array. Known limits: keys and
 * regions are UTF-16 chars (no supplementary-plane folding); not for long keys (the check is linear
 * in the region); values of short keys above 255 fall back to the wider table.
 */
final class NameSet {
  /** The folded key of each slot (null: empty); read only for keys that are not {@link #pack}ed. */
  private final char[][] keys;

  /**
   * Two longs per slot. At {@code 2 * slot}: the key's unmixed hash ({@code 31 * h + c} over the
   * folded chars) in the high 32 bits, its value (never 0) in the low 32 bits; 0 for an empty slot.
   * At {@code 2 * slot + 1}: the folded key {@link #pack packed} in a long when it is at most
   * {@link #PACK_MAX} ASCII chars (most names and cue words), else 0. So a lookup reads one cache
   * line per probe and, for a packable region, never the key's own array: on a text the table is
   * cold (the other detectors ran since the last lookup), and that second memory read was most of a
   * lookup's time.
   */
  private final long[] entries;

  /** Longest key stored packed: 9 chars of 7 bits. */
  private static final int PACK_MAX = 9;

  /**
   * The short keys (most of them: 82% of the 50k name-list keys): one long per slot, the folded key
   * of 1 to {@link #SHORT_MAX} ASCII chars {@link #pack packed} (at most 56 bits) shifted left by
   * 8, or'ed with its value (1 to 255); 0 for an empty slot. Every other key is in {@link
   * #entries}. Half the bytes per slot and no stored hash, so the name table's hot part is 512 KB
   * instead of 2 MB: a lookup made on a cold table (other detectors ran since the last one) finds
   * its line in a nearer cache more often.
   */
  private final long[] shortKeys;

  private final int shortMask;

  /** Longest key in {@link #shortKeys}: 8 chars of 7 bits, plus 8 bits of value. */
  private static final int SHORT_MAX = 8;

  /** True when {@link #entries} also holds a short packable key (its value is above 255). */
  private final boolean shortInEntries;

  private final int mask;
  private final int size;

  /** Longest folded key: a region folding to more chars is no member (lookup stops early). */
  private final int maxLength;

  /**
   * For each pair of ASCII chars {@code (f, l)} at {@code f << 7 | l}: the length of the shortest
   * key (at most 127; 127 also when there is none) that starts with the fold of {@code f} and ends
   * with the fold of {@code l}. An ASCII char is never dropped by folding (only non-ASCII marks
   * are; a whitespace run folds to one space) and folding never lengthens, so a region whose first
   * and last chars are ASCII folds to a key only if it is at least that long: one byte read rejects
   * most words for the small sets (titles, cue words) before any hashing. 16 KB, of which the
   * letter pairs of real text touch a few lines.
   */
  private final byte[] shortestByEnds = new byte[128 * 128];

  /** A set: every word maps to 1. */
  NameSet(Collection<String> words) {
    this(asMap(words));
  }

  /**
   * A table: every word maps to its flags; words that fold alike merge their flags. A word whose
   * flags are 0 is left out (looking it up gives 0 anyway).
   */
  NameSet(Map<String, Integer> flags) {
    Map<String, Integer> folded = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : flags.entrySet()) {
      String k = new String(fold(e.getKey()));
      if (!k.isEmpty()) {
        folded.merge(k, e.getValue(), (a, b) -> a | b);
      }
    }
    folded.values().removeIf(v -> v == 0);
    int shorts = 0;
    boolean shortInMain = false;
    for (Map.Entry<String, Integer> e : folded.entrySet()) {
      if (isShort(e.getKey(), e.getValue())) {
        shorts++;
      } else {
        shortInMain |= e.getKey().length() <= SHORT_MAX && pack(e.getKey().toCharArray()) != 0;
      }
    }
    shortInEntries = shortInMain;
    int shortCap = Integer.highestOneBit(Math.max(4, shorts * 4 / 3)) << 1; // load <= 3/4
    shortKeys = new long[shortCap];
    shortMask = shortCap - 1;
    int cap = Integer.highestOneBit(Math.max(4, (folded.size() - shorts) * 4 / 3)) << 1;
    keys = new char[cap][];
    entries = new long[2 * cap];
    mask = cap - 1;
    int longest = 0;
    int[] shortest = new int[128 * 128]; // by the folded first and last chars
    java.util.Arrays.fill(shortest, 127);
    for (Map.Entry<String, Integer> e : folded.entrySet()) {
      char[] k = e.getKey().toCharArray();
      longest = Math.max(longest, k.length);
      char last = k[k.length - 1];
      if (k[0] < 128 && last < 128) {
        shortest[k[0] << 7 | last] = Math.min(shortest[k[0] << 7 | last], k.length);
      }
      if (isShort(e.getKey(), e.getValue())) {
        long p = pack(k);
        int h = shortSlot(p);
        while (shortKeys[h] != 0) {
          h = (h + 1) & shortMask;
        }
        shortKeys[h] = p << 8 | e.getValue();
        continue;
      }
      int raw = hash(k, 0, k.length);
      int h = mix(raw) & mask;
      while (keys[h] != null) {
        h = (h + 1) & mask;
      }
      keys[h] = k;
      entries[2 * h] = (long) raw << 32 | (e.getValue() & 0xFFFF_FFFFL);
      entries[2 * h + 1] = pack(k);
    }
    size = folded.size();
    maxLength = longest;
    for (int f = 0; f < 128; f++) {
      for (int l = 0; l < 128; l++) {
        shortestByEnds[f << 7 | l] =
            (byte) Math.min(127, shortest[ASCII_FOLD[f] << 7 | ASCII_FOLD[l]]);
      }
    }
  }

  /** A folded key that goes to {@link #shortKeys}: at most 8 ASCII chars, a value up to 255. */
  private static boolean isShort(String key, int value) {
    return key.length() <= SHORT_MAX && pack(key.toCharArray()) != 0 && value > 0 && value < 256;
  }

  /** The home slot in {@link #shortKeys} of a packed short key (Fibonacci hashing). */
  private int shortSlot(long packed) {
    return (int) ((packed * 0x9E3779B97F4A7C15L) >>> 32) & shortMask;
  }

  /**
   * The value of the folded region of {@code len} (1 to {@link #PACK_MAX}) ASCII chars with hash
   * {@code h} and packed form {@code packed}, or 0.
   */
  private int probeAscii(int len, int h, long packed) {
    if (len <= SHORT_MAX) {
      int slot = shortSlot(packed);
      long e;
      while ((e = shortKeys[slot]) != 0) {
        if (e >>> 8 == packed) {
          return (int) e & 0xFF;
        }
        slot = (slot + 1) & shortMask;
      }
      if (!shortInEntries) {
        return 0;
      }
    }
    return probePacked(h, packed);
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

  /** True when {@code a[start, end)} folds to a member. */
  boolean contains(char[] a, int start, int end) {
    return get(a, start, end) != 0;
  }

  /** The flags of the member {@code s[start, end)} folds to, or 0 (for tests and set-up). */
  int get(CharSequence s, int start, int end) {
    char[] a = new char[end - start];
    for (int i = start; i < end; i++) {
      a[i - start] = s.charAt(i);
    }
    return get(a, 0, a.length);
  }

  /**
   * The flags of the member {@code a[start, end)} folds to, or 0. One folding pass computes the
   * hash and the folded length (stopping once it exceeds the longest key); a slot's chars are
   * compared only when its stored hash and length agree, so a miss reads the region once.
   */
  int get(char[] a, int start, int end) {
    // the filter in front of the hash table, inline (this method stays under the JIT's inlining
    // limit for hot call sites, 60 bytes of bytecode under the scan's flags): false when the
    // region certainly folds to no key, judging by its first and last chars and its length
    if (start >= end) {
      return 0; // folds to the empty string: no key
    }
    int f = a[start];
    int l = a[end - 1];
    if ((f | l) < 128 && shortestByEnds[f << 7 | l] > end - start) {
      return 0;
    }
    return lookup(a, start, end);
  }

  /**
   * {@link #get(char[], int, int)} through {@code memo}, a small direct-mapped cache of this set's
   * recent answers made by {@link #newMemo} (one per set and per thread: it is not thread-safe, and
   * a memo of another set gives wrong answers). Same answers as {@code get}.
   *
   * <p>Why: the person-name table's short part is 512 KB, as large as a core's L2 cache, and the
   * other detectors run between two lookups, so a probe mostly misses to L3; the words looked up
   * (capitalized words, names) repeat across texts. A hit reads one long of a 32 KB array.
   *
   * <p>The region must not be empty (a token): without that test this method stays within the JIT's
   * 60-byte limit for inlining at hot call sites under the scan's flags.
   */
  int get(char[] a, int start, int end, long[] memo) {
    int f = a[start];
    int l = a[end - 1];
    if ((f | l) < 128 && shortestByEnds[f << 7 | l] > end - start) {
      return 0;
    }
    return lookupMemo(a, start, end, memo);
  }

  /** Entries of a {@link #newMemo memo}: a power of two. */
  private static final int MEMO_SIZE = 4096;

  /** An empty memo for {@link #get(char[], int, int, long[])} on this set. */
  long[] newMemo() {
    return new long[MEMO_SIZE];
  }

  /**
   * {@link #lookup} through the memo for regions of 1 to {@link #SHORT_MAX} ASCII chars without
   * whitespace or NUL: such a region's answer depends only on its packed folded form, so a slot
   * holds that form shifted left by 8, or'ed with the answer (0 to 255; 0 is a cached miss). An
   * empty slot (0) matches no region (a packed region is positive). Other regions, and answers
   * above 255, go to {@code lookup} uncached.
   */
  private int lookupMemo(char[] a, int start, int end, long[] memo) {
    if (end - start > SHORT_MAX || start >= end) {
      return lookup(a, start, end);
    }
    long packed = 0;
    int odd = 0;
    for (int i = start; i < end; i++) {
      char ch = a[i];
      int c = ASCII_FOLD[ch & 127];
      odd |= (ch >>> 7) | (c == ' ' || c == 0 ? 1 : 0);
      packed = packed << 7 | c;
    }
    if (odd != 0) {
      return lookup(a, start, end);
    }
    int slot = (int) ((packed * 0x9E3779B97F4A7C15L) >>> 40) & (memo.length - 1);
    long e = memo[slot];
    if (e >>> 8 == packed) {
      return (int) e & 0xFF;
    }
    int v = lookup(a, start, end);
    if (v >= 0 && v < 256) {
      memo[slot] = packed << 8 | v;
    }
    return v;
  }

  /** {@link #get} past the filter: one folding pass, then the hash table. */
  private int lookup(char[] a, int start, int end) {
    if (end > start && end - start <= PACK_MAX) {
      // most regions (words of at most 9 chars): ASCII, no whitespace, no NUL, so each char folds
      // to one char in [1, 127] and the region is packable; one pass without branches per char
      int h = 0;
      long packed = 0;
      int odd = 0; // non-zero once a char is not of that kind
      for (int i = start; i < end; i++) {
        char ch = a[i];
        int c = ASCII_FOLD[ch & 127];
        odd |= (ch >>> 7) | (c == ' ' || c == 0 ? 1 : 0);
        h = 31 * h + c;
        packed = packed << 7 | c;
      }
      if (odd == 0) {
        return end - start > maxLength ? 0 : probeAscii(end - start, h, packed);
      }
    }
    int h = 0;
    int len = 0;
    int max = maxLength;
    boolean space = false;
    boolean plain = true; // ASCII without whitespace: the folded chars are ASCII_FOLD of each char
    long packed = 0; // the folded chars so far, 7 bits each (see pack); -1 once not packable
    for (int i = start; i < end; i++) {
      char ch = a[i];
      int c;
      if (ch < 128) {
        c = ASCII_FOLD[ch];
      } else {
        plain = false;
        c = foldChar(ch);
        if (c < 0) {
          continue;
        }
      }
      if (c == ' ') {
        plain = false;
        if (space) {
          continue;
        }
        space = true;
      } else {
        space = false;
      }
      h = 31 * h + c;
      if (++len > max) {
        return 0;
      }
      packed = packed < 0 || len > PACK_MAX || c == 0 || c >= 128 ? -1 : packed << 7 | c;
    }
    if (packed > 0) {
      return probeAscii(len, h, packed);
    }
    int slot = mix(h) & mask;
    long e;
    while ((e = entries[2 * slot]) != 0) {
      if ((int) (e >>> 32) == h && entries[2 * slot + 1] == 0) {
        char[] k = keys[slot];
        if (k.length == len && (plain ? matchesAscii(k, a, start) : matches(k, a, start, end))) {
          return (int) e;
        }
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /**
   * The value of the packable folded region with hash {@code h} and {@link #pack packed} form
   * {@code packed}, or 0: a key is equal iff its packed form is (a key that is not packable has 0).
   */
  private int probePacked(int h, long packed) {
    int slot = mix(h) & mask;
    long e;
    while ((e = entries[2 * slot]) != 0) {
      if ((int) (e >>> 32) == h && entries[2 * slot + 1] == packed) {
        return (int) e;
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  /**
   * A folded key of 1 to {@link #PACK_MAX} chars, each in {@code [1, 127]}, as a base-128 number
   * (first char highest): distinct such keys give distinct positive longs. 0 for any other key.
   */
  private static long pack(char[] k) {
    if (k.length > PACK_MAX) {
      return 0;
    }
    long p = 0;
    for (char c : k) {
      if (c == 0 || c >= 128) {
        return 0;
      }
      p = p << 7 | c;
    }
    return p;
  }

  /** True when {@code word} folds to a member (allocates; for tests and set-up). */
  boolean contains(String word) {
    return contains(word, 0, word.length());
  }

  /** {@link #matches} for a region of ASCII chars without whitespace, {@code k.length} long. */
  private static boolean matchesAscii(char[] k, char[] a, int start) {
    for (int j = 0; j < k.length; j++) {
      if (k[j] != ASCII_FOLD[a[start + j]]) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(char[] k, char[] a, int start, int end) {
    int j = 0;
    boolean space = false;
    for (int i = start; i < end; i++) {
      int c = foldChar(a[i]);
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

  /** {@link #foldChar} of every ASCII char. */
  private static final char[] ASCII_FOLD = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII_FOLD[c] = (char) foldChar(c);
    }
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

  /** The unmixed hash of folded chars, as {@link #get(char[], int, int)} computes it. */
  private static int hash(char[] k, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + k[i];
    }
    return h;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
