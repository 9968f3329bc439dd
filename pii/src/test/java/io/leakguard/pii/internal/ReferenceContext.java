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
 * The context-word scan of round 3 (before the length/initial filter), kept verbatim as the oracle
 * of {@link ContextWordsDifferentialTest}; candidates and the rest of the context are left out.
 */
final class ReferenceContext implements DetectionContext {
  private final String text;
  private final TextIndex tokens;
  private final String region;
  private final VocabCache vocabs;
  final List<Candidate> candidates = new ArrayList<>();
  final List<String> owners = new ArrayList<>();
  String current = "";

  ReferenceContext(String text, TextIndex tokens, String region) {
    this(text, tokens, region, new VocabCache());
  }

  /** A context whose vocabulary tables come from {@code vocabs} (the engine's per-thread cache). */
  ReferenceContext(String text, TextIndex tokens, String region, VocabCache vocabs) {
    this.text = text;
    this.tokens = tokens;
    this.region = region;
    this.vocabs = vocabs;
  }

  @Override
  public String text() {
    return text;
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
    candidates.add(candidate);
    owners.add(current);
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
      if (len <= vocab.maxLength && vocab.mayContain(h)) {
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
      if (havePrev && prevEnd - prevStart + 1 + len <= vocab.maxLength) {
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
    private Set<String> lastSet;
    private Vocab last;

    @SuppressWarnings("ReferenceEquality") // identity cache, like the map
    Vocab of(Set<String> words) {
      if (words == lastSet) {
        return last;
      }
      Vocab v = map.get(words);
      if (v == null) {
        if (map.size() > 256) {
          map.clear(); // a caller building sets per call: stay bounded
        }
        v = new Vocab(words);
        map.put(words, v);
      }
      lastSet = words;
      last = v;
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

    private Vocab(Set<String> words) {
      int cap = Integer.highestOneBit(Math.max(4, words.size() * 4 - 1)) << 1;
      table = new int[cap];
      mask = cap - 1;
      int max = 0;
      boolean zero = false;
      for (String w : words) {
        max = Math.max(max, w.length());
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

    static int pow31(int k) {
      int r = 1;
      for (int j = 0; j < k; j++) {
        r *= 31;
      }
      return r;
    }
  }
}
