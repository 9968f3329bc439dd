package io.leakguard.pii.internal;

import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The per-text {@link DetectionContext}: collects candidates of all detectors. The engine keeps one
 * per thread and {@link #reset}s it for each text (detectors only use it inside {@code detect}).
 * Candidates sit in an array with the reporting detector's number beside each (no list, no owner
 * strings per candidate).
 */
final class Context implements DetectionContext {
  private String text;
  private TextIndex tokens;

  /** The normalization of the current text, for {@link #originalChar} (null: identity). */
  NormalizedText normalized;

  private String region;
  private final VocabCache vocabs;
  Candidate[] candidates = new Candidate[16];
  int[] owners = new int[16];
  int size;
  int current;
  private static final int MAX_KEPT = 1 << 16;
  // the engine's per-text work arrays (kept with the context, one set per thread)
  long[] keys = new long[16];
  Candidate[] winners = new Candidate[16];
  String[] winnerOwners = new String[16];
  int[] starts = new int[16];
  int[] ends = new int[16];

  Context(String text, TextIndex tokens, String region) {
    this(new VocabCache());
    reset(text, tokens, region);
  }

  /** An empty context whose vocabulary tables come from {@code vocabs}; {@link #reset} it. */
  Context(VocabCache vocabs) {
    this.vocabs = vocabs;
  }

  /** Starts a text: no candidates, detector number 0. */
  void reset(String text, TextIndex tokens, String region) {
    this.text = text;
    this.tokens = tokens;
    this.region = region;
    this.size = 0;
    this.current = 0;
  }

  /** Makes the engine's work arrays hold at least {@code n} entries. */
  void ensureWork(int n) {
    if (keys.length < n) {
      int cap = Math.max(n, keys.length * 2);
      keys = new long[cap];
      winners = new Candidate[cap];
      winnerOwners = new String[cap];
      starts = new int[cap];
      ends = new int[cap];
    }
  }

  /** Drops the references to the last text's candidates (they may be large). */
  void clear() {
    java.util.Arrays.fill(winners, 0, Math.min(size, winners.length), null);
    java.util.Arrays.fill(candidates, 0, size, null);
    if (candidates.length > MAX_KEPT) {
      // a huge text: do not keep its arrays per thread
      candidates = new Candidate[16];
      owners = new int[16];
      keys = new long[16];
      winners = new Candidate[16];
      winnerOwners = new String[16];
      starts = new int[16];
      ends = new int[16];
    }
    size = 0;
    text = null;
    tokens = null;
    normalized = null;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public char originalChar(int i) {
    NormalizedText nt = normalized;
    return nt == null || nt.isIdentity()
        ? text.charAt(i)
        : nt.original().charAt(nt.originalStart(i));
  }

  @Override
  public TextIndex tokens() {
    return tokens;
  }

  @Override
  public String region() {
    return region;
  }

  @Override
  public void report(Candidate candidate) {
    if (candidate.end() > text.length()) {
      throw new IllegalArgumentException(
          "candidate span " + candidate.start() + ".." + candidate.end() + " beyond text");
    }
    if (size == candidates.length) {
      candidates = java.util.Arrays.copyOf(candidates, size * 2);
      owners = java.util.Arrays.copyOf(owners, size * 2);
    }
    candidates[size] = candidate;
    owners[size++] = current;
  }

  @Override
  public List<String> contextWords(int start, int end, int window, Set<String> vocabulary) {
    Vocab vocab = vocabs.of(vocabulary);
    // most calls find nothing: the list is allocated at the first word found
    List<String> found = scan(Math.max(0, start - window), start, vocabulary, vocab, null);
    found = scan(end, Math.min(text.length(), end + window), vocabulary, vocab, found);
    return found == null ? List.of() : found;
  }

  /**
   * Scans the words of {@code [from, to)} for vocabulary words and bigrams.
   *
   * <p>Design note (hot path: every candidate of most detectors calls this): a word is hashed
   * lower-cased in place with {@link String#hashCode()}'s formula, and a bigram's hash is derived
   * from its two words' hashes; a word (or bigram) of ASCII letters whose length and initial some
   * entry has is compared in place with the entries of its hash, and a hit adds the entry itself
   * (no string is built). Words with non-ASCII letters take the plain path (their lower case may
   * change length): a string is built when the hash belongs to an entry, and looked up in the set.
   */
  private List<String> scan(
      int from, int to, Set<String> vocabulary, Vocab vocab, List<String> found) {
    if (from >= to) {
      return found;
    }
    char[] a = tokens.chars();
    int n = text.length();
    boolean havePrev = false;
    String prevText = null; // the previous word in lower case, or null: then prevStart..prevEnd
    int prevStart = 0;
    int prevEnd = 0;
    int prevHash = 0;
    char prevFirst = 0;
    int i = from;
    // do not start in the middle of a word
    if (i > 0 && isLetter(a[i - 1])) {
      while (i < to && isLetter(a[i])) {
        i++;
      }
    }
    while (i < to) {
      char c = a[i];
      if (!isLetter(c)) {
        if (c != ' ' && c != '-' && c != '_') {
          havePrev = false;
        }
        i++;
        continue;
      }
      int s = i;
      int h = 0;
      boolean ascii = true;
      while (i < to) {
        char d = a[i];
        if (d < 128) {
          if ((d | 0x20) < 'a' || (d | 0x20) > 'z') {
            break;
          }
          h = 31 * h + (d | 0x20);
        } else if (isLetter(d)) {
          ascii = false;
        } else {
          break;
        }
        i++;
      }
      if (i == to && to < n && isLetter(a[to])) {
        break; // word cut by the window
      }
      int len = i - s;
      String w = null;
      if (!ascii) {
        w = text.substring(s, i).toLowerCase(Locale.ROOT);
        h = w.hashCode();
        len = w.length();
      }
      // the first char in lower case (for the length/initial filter; it only needs to be stable)
      char first = w == null ? (char) (a[s] | 0x20) : w.charAt(0);
      if (len <= vocab.maxLength && vocab.mayStart(len, first)) {
        if (ascii) {
          // compared in place with the entries of that hash: no string unless it is one
          found = add(found, vocab.asciiEntry(a, s, len, h));
        } else if (vocab.mayContain(h) && vocabulary.contains(w)) {
          found = add(found, w);
        }
      }
      if (havePrev
          && prevEnd - prevStart + 1 + len <= vocab.maxLength
          && vocab.mayStart(prevEnd - prevStart + 1 + len, prevFirst)) {
        // String.hashCode of prev + " " + w, from the two words' hashes
        int p31 = Vocab.pow31(len);
        int bh = (prevHash * 31 + ' ') * p31 + h;
        if (ascii && prevText == null) {
          // both words ASCII letters, each as long as its lower case: compared in place
          found = add(found, vocab.asciiBigram(a, prevStart, prevEnd - prevStart, s, len, bh));
        } else if (vocab.mayContain(bh)) {
          if (w == null) {
            w = text.substring(s, i).toLowerCase(Locale.ROOT);
          }
          String p =
              prevText != null
                  ? prevText
                  : text.substring(prevStart, prevEnd).toLowerCase(Locale.ROOT);
          String bi = p + " " + w;
          if (vocabulary.contains(bi)) {
            found = add(found, bi);
          }
        }
      }
      havePrev = true;
      prevText = ascii ? null : w;
      prevStart = s;
      prevEnd = prevText != null ? s + prevText.length() : i;
      prevHash = h;
      prevFirst = first;
    }
    return found;
  }

  /** {@code found} with {@code word} added unless null or there already; allocates on the first. */
  private static List<String> add(List<String> found, String word) {
    if (word == null || found != null && found.contains(word)) {
      return found;
    }
    if (found == null) {
      found = new ArrayList<>(2);
    }
    found.add(word);
    return found;
  }

  /**
   * The {@link Vocab} of each vocabulary instance (detectors pass constant sets), per thread, with
   * the last hit in front: a text's candidates mostly ask for the same few sets in a row. Not
   * thread-safe: the engine keeps one per thread.
   */
  static final class VocabCache {
    private final IdentityHashMap<Set<String>, Vocab> map = new IdentityHashMap<>();
    // the last few sets asked for, most recent first: detectors alternate between two or three
    // (context and negative words), which a single "last" entry missed on every switch
    private static final int RECENT = 4;
    private final Object[] recentSets = new Object[RECENT];
    private final Vocab[] recent = new Vocab[RECENT];

    @SuppressWarnings("ReferenceEquality") // identity cache, like the map
    Vocab of(Set<String> words) {
      if (recentSets[0] == words) {
        return recent[0];
      }
      Vocab v = null;
      int k = 1;
      for (; k < RECENT; k++) {
        if (recentSets[k] == words) {
          v = recent[k];
          break;
        }
      }
      if (v == null) {
        k = RECENT - 1;
        v = map.get(words);
        if (v == null) {
          if (map.size() > 256) {
            map.clear(); // a caller building sets per call: stay bounded
          }
          v = new Vocab(words);
          map.put(words, v);
        }
      }
      // move to the front
      System.arraycopy(recentSets, 0, recentSets, 1, k);
      System.arraycopy(recent, 0, recent, 1, k);
      recentSets[0] = words;
      recent[0] = v;
      return v;
    }
  }

  /** {@link Character#isLetter(char)} of every BMP char, one bit each (8 KB). */
  private static final long[] LETTER = new long[1 << 10];

  static {
    for (int c = 0; c < (1 << 16); c++) {
      if (Character.isLetter((char) c)) {
        LETTER[c >>> 6] |= 1L << c;
      }
    }
  }

  private static boolean isLetter(char c) {
    return (LETTER[c >>> 6] & (1L << c)) != 0;
  }

  /**
   * A vocabulary's entries by hash and its longest entry, cached per vocabulary instance (detectors
   * pass constant sets: a set must not change after its first use). A word of ASCII letters is
   * compared in place with the entries of its hash ({@link #asciiEntry}), and the entry itself is
   * returned: no substring, lower-casing or set look-up per hit. Other words are only filtered here
   * ({@link #mayContain}) and confirmed with the set.
   */
  static final class Vocab {
    final int maxLength;
    // open addressing over the entries by String hash: entries[slot] == null marks an empty slot,
    // table[slot] is that entry's hash (every entry has its own slot, also when hashes collide)
    private final int[] table;
    private final String[] entries;
    private final int mask;
    // bit (c & 31) of byLength[k]: some entry of length k (< 64) starts with a char c
    private final int[] byLength = new int[64];

    private Vocab(Set<String> words) {
      int cap = Integer.highestOneBit(Math.max(4, words.size() * 4 - 1)) << 1;
      table = new int[cap];
      entries = new String[cap];
      mask = cap - 1;
      int max = 0;
      for (String w : words) {
        max = Math.max(max, w.length());
        if (!w.isEmpty() && w.length() < 64) {
          byLength[w.length()] |= 1 << (w.charAt(0) & 31);
        }
        int h = w.hashCode();
        int slot = mix(h) & mask;
        while (entries[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = h;
        entries[slot] = w;
      }
      maxLength = max;
    }

    /**
     * False when no entry has length {@code len} and first char {@code first} (modulo 32): a cheap
     * filter before the hash probe, which most words of a window fail. Lengths of 64 and more
     * always pass.
     */
    boolean mayStart(int len, char first) {
      return len >= 64 || (byLength[len] >>> (first & 31) & 1) != 0;
    }

    /** False when no entry has hash {@code h}. */
    boolean mayContain(int h) {
      for (int slot = mix(h) & mask; entries[slot] != null; slot = (slot + 1) & mask) {
        if (table[slot] == h) {
          return true;
        }
      }
      return false;
    }

    /**
     * The entry equal to the lower case of {@code a[s, s + len)}, a run of ASCII letters whose
     * lower-case {@link String#hashCode()} is {@code h}; null when none.
     */
    String asciiEntry(char[] a, int s, int len, int h) {
      String e;
      for (int slot = mix(h) & mask; (e = entries[slot]) != null; slot = (slot + 1) & mask) {
        if (table[slot] == h && e.length() == len && lowerEquals(e, 0, a, s, len)) {
          return e;
        }
      }
      return null;
    }

    /**
     * The entry equal to the lower case of {@code a[ps, ps + plen)}, a space and the lower case of
     * {@code a[s, s + len)} (two runs of ASCII letters; {@code h}: that string's hash); null when
     * none.
     */
    String asciiBigram(char[] a, int ps, int plen, int s, int len, int h) {
      String e;
      for (int slot = mix(h) & mask; (e = entries[slot]) != null; slot = (slot + 1) & mask) {
        if (table[slot] == h
            && e.length() == plen + 1 + len
            && e.charAt(plen) == ' '
            && lowerEquals(e, 0, a, ps, plen)
            && lowerEquals(e, plen + 1, a, s, len)) {
          return e;
        }
      }
      return null;
    }

    /** Whether {@code e[off, off + len)} is the lower case of the ASCII letters {@code a[s..]}. */
    private static boolean lowerEquals(String e, int off, char[] a, int s, int len) {
      for (int k = 0; k < len; k++) {
        if (e.charAt(off + k) != (a[s + k] | 0x20)) {
          return false;
        }
      }
      return true;
    }

    private static int mix(int h) {
      return ((h * 0x9E3779B9) >>> 7) ^ h;
    }

    private static final int[] POW31 = new int[64];

    static {
      int r = 1;
      for (int k = 0; k < POW31.length; k++) {
        POW31[k] = r;
        r *= 31;
      }
    }

    static int pow31(int k) {
      if (k < POW31.length) {
        return POW31[k];
      }
      int r = 1;
      for (int j = 0; j < k; j++) {
        r *= 31;
      }
      return r;
    }
  }
}
