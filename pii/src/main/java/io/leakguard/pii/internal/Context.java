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
   * from its two words' hashes; only when the hash belongs to a vocabulary entry is a string built
   * and looked up. Words with non-ASCII letters take the plain path (their lower case may change
   * length).
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
      if (len <= vocab.maxLength && vocab.mayStart(len, first) && vocab.mayContain(h)) {
        if (w == null) {
          w = text.substring(s, i).toLowerCase(Locale.ROOT);
        }
        if (vocabulary.contains(w) && (found == null || !found.contains(w))) {
          if (found == null) {
            found = new ArrayList<>(2);
          }
          found.add(w);
        }
      }
      if (havePrev
          && prevEnd - prevStart + 1 + len <= vocab.maxLength
          && vocab.mayStart(prevEnd - prevStart + 1 + len, prevFirst)) {
        // String.hashCode of prev + " " + w, from the two words' hashes
        int p31 = Vocab.pow31(len);
        int bh = (prevHash * 31 + ' ') * p31 + h;
        if (vocab.mayContain(bh)) {
          if (w == null) {
            w = text.substring(s, i).toLowerCase(Locale.ROOT);
          }
          String p =
              prevText != null
                  ? prevText
                  : text.substring(prevStart, prevEnd).toLowerCase(Locale.ROOT);
          String bi = p + " " + w;
          if (vocabulary.contains(bi) && (found == null || !found.contains(bi))) {
            if (found == null) {
              found = new ArrayList<>(2);
            }
            found.add(bi);
          }
        }
      }
      havePrev = true;
      prevText = w != null && !ascii ? w : null;
      prevStart = s;
      prevEnd = prevText != null ? s + prevText.length() : i;
      prevHash = h;
      prevFirst = first;
    }
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
   * A vocabulary's entry hashes and longest entry, cached per vocabulary instance (detectors pass
   * constant sets). The hash test only filters: a hit is confirmed with the set itself.
   */
  static final class Vocab {
    final int maxLength;
    private final int[] table; // open addressing over entry hashes; 0 marks empty
    private final int mask;
    private final boolean zeroHash;
    // bit (c & 31) of byLength[k]: some entry of length k (< 64) starts with a char c
    private final int[] byLength = new int[64];

    private Vocab(Set<String> words) {
      int cap = Integer.highestOneBit(Math.max(4, words.size() * 4 - 1)) << 1;
      table = new int[cap];
      mask = cap - 1;
      int max = 0;
      boolean zero = false;
      for (String w : words) {
        max = Math.max(max, w.length());
        if (!w.isEmpty() && w.length() < 64) {
          byLength[w.length()] |= 1 << (w.charAt(0) & 31);
        }
        int h = w.hashCode();
        if (h == 0) {
          zero = true;
          continue;
        }
        int slot = mix(h) & mask;
        while (table[slot] != 0 && table[slot] != h) {
          slot = (slot + 1) & mask;
        }
        table[slot] = h;
      }
      maxLength = max;
      zeroHash = zero;
    }

    /**
     * False when no entry has length {@code len} and first char {@code first} (modulo 32): a cheap
     * filter before the hash probe, which most words of a window fail. Lengths of 64 and more
     * always pass.
     */
    boolean mayStart(int len, char first) {
      return len >= 64 || (byLength[len] >>> (first & 31) & 1) != 0;
    }

    boolean mayContain(int h) {
      if (h == 0) {
        return zeroHash;
      }
      int slot = mix(h) & mask;
      while (true) {
        int t = table[slot];
        if (t == h) {
          return true;
        }
        if (t == 0) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
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
