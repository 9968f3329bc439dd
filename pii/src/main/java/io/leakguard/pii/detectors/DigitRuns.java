package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.TextIndex;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The one walk over the tokens of a text that the number-based detectors share. It lists, in token
 * order:
 *
 * <ul>
 *   <li>the start tokens of the {@link DigitSequence} chunks that hold at least {@link #MIN_DIGITS}
 *       digits, with their digit counts and (for the first {@link #MAX_KEPT}) the chunks as read:
 *       the only places where a phone number, card or SSN can be;
 *   <li>{@link #numbers()}: the tokens made of digits only (the IPv4 pass starts only there);
 *   <li>{@link #ibanHeads()}: tokens where an IBAN can start ({@link IbanDetector#mayStart});
 *   <li>{@link #macTokens()}: hex tokens where a MAC address can start ({@link
 *       MacAddressDetector#mayStart});
 *   <li>{@link #assigns()}: the {@link TextIndex#ASSIGN} tokens ({@code :} and {@code =}), where
 *       the IPv6 pass looks for colons (one more branch-free list in the same walk; a separate
 *       posting list would walk every token again).
 * </ul>
 *
 * <p>Design note: support text holds about one token per 2.5 chars, most of them words, spaces and
 * punctuation that none of these detectors can start at. Each detector used to walk every token
 * with its own tests (the phone/card/SSN run finder, IPv4, MAC and IBAN: four walks per text); now
 * one walk reads each letter/digit token's flags once (a first branch-free pass lists them: spaces
 * and punctuation are not walked) and rejects words longer than five letters on their length, and
 * hands every detector a short list. The lists are cached per thread, keyed by the identity of the
 * text's {@link TextIndex} (held weakly), so the detectors stay stateless to their callers and
 * thread-safe: the engine runs the detectors of one text sequentially on one thread. A chunk is
 * read once here and kept, so the phone, card and SSN detectors do not read it again; a start that
 * cannot reach {@link #MIN_DIGITS} digits ({@link DigitSequence#mayHold}: {@code 3 days}, {@code
 * 2.5 KB}) is not read at all.
 */
final class DigitRuns {
  /** The shortest number any of the digit detectors reports (a 7-digit phone number). */
  static final int MIN_DIGITS = 7;

  /** Chunks kept as read per text; later chunks of a text are read again when used. */
  static final int MAX_KEPT = 64;

  /** Chunk lists longer than this are not kept for the next text. */
  private static final int MAX_KEPT_LIST = 4096;

  /** Token lists (one slot per token of the text) longer than this are not kept either. */
  private static final int MAX_KEPT_TOKENS = 1 << 16;

  private static final ThreadLocal<DigitRuns> CACHE = ThreadLocal.withInitial(DigitRuns::new);

  private WeakReference<TextIndex> owner = new WeakReference<>(null);
  private int[] starts = new int[16];

  /** Digits read from each chunk start (what {@link DigitSequence#read} finds there again). */
  private int[] counts = new int[16];

  private int size;

  /** The chunks as read, for chunk indexes below {@link #MAX_KEPT}. */
  private final DigitSequence[] kept = new DigitSequence[MAX_KEPT];

  /** Where a chunk beyond {@link #MAX_KEPT} is read (or a chunk that turned out too short). */
  private final DigitSequence spare = new DigitSequence();

  /** Digit tokens (no letter, no mark), in order: the seeds of the runs. */
  private int[] runStarts = new int[16];

  private int runStartCount;

  private int[] numbers = new int[16];
  private int numberCount;
  private int[] ibanHeads = new int[16];
  private int ibanCount;
  private int[] macTokens = new int[16];
  private int macCount;
  private int[] assigns = new int[16];
  private int assignCount;

  /** The {@code dot} word tokens ({@link SpokenIpv4}), in order. */
  private int[] dots = new int[4];

  private int dotCount;

  /** Scratch of {@link #walk}: the letter/digit tokens. */
  private int[] alnums = new int[16];

  /**
   * Tokens of seven or more digits with a label glued after them ({@code 4255550144Fax}: {@link
   * DigitSequence#gluedLabel}), found among the IBAN candidates of the walk and merged into the run
   * starts; rare, so this list is almost always empty.
   */
  private int[] gluedStarts = new int[4];

  private DigitRuns() {}

  /** Scans one digit sequence; returns the char index up to which it reported. */
  @FunctionalInterface
  interface SequenceScan {
    int scan(DetectionContext ctx, String text, TextIndex idx, DigitSequence s, int reportedUntil);
  }

  /**
   * Hands every chunk of the text with at least {@code minDigits} digits to {@code scan}, in order,
   * threading the "reported until" position through.
   */
  static void scanSequences(DetectionContext ctx, int minDigits, SequenceScan scan) {
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    DigitRuns runs = of(idx);
    int reportedUntil = 0;
    for (int i = 0; i < runs.size; i++) {
      if (runs.counts[i] >= minDigits) {
        reportedUntil = scan.scan(ctx, text, idx, runs.chunk(idx, i), reportedUntil);
      }
    }
  }

  /** The lists of the text indexed by {@code idx}, computed on the first call for that index. */
  static DigitRuns of(TextIndex idx) {
    DigitRuns r = CACHE.get();
    if (r.owner.get() != idx) {
      r.owner = new WeakReference<>(null); // a failed walk must not leave half lists behind
      r.compute(idx);
      r.owner = new WeakReference<>(idx);
    }
    return r;
  }

  private void compute(TextIndex idx) {
    if (starts.length > MAX_KEPT_LIST) {
      starts = new int[16]; // do not keep the arrays of a huge text alive
      counts = new int[16];
    }
    if (dots.length > MAX_KEPT_LIST) {
      dots = new int[4];
    }
    if (numbers.length > MAX_KEPT_TOKENS) {
      numbers = new int[16];
      runStarts = new int[16];
      ibanHeads = new int[16];
      macTokens = new int[16];
      assigns = new int[16];
      alnums = new int[16];
    }
    walk(idx);
    chunks(idx);
  }

  // What a token may start, from its low flags and length class alone (WALK, a necessary
  // condition; the exact tests follow): a number token, an IBAN head or a MAC group. Zero for
  // spaces, punctuation and most words, so the walk takes one well-predicted branch per token.
  private static final int K_NUMBER = 1;
  private static final int ASSIGN_SHIFT = Integer.numberOfTrailingZeros(TextIndex.ASSIGN);
  private static final int K_IBAN = 2;
  private static final int K_MAC = 4;
  private static final int K_WORD = 8;

  /** Length class of a token (index: length up to 15): 1..4, 5..11, 12, 13 and more. */
  private static final byte[] LENGTH_CLASS = {0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 6, 7, 7, 7};

  /** Index: length class << 9 | the low nine token flags. */
  private static final byte[] WALK = new byte[8 << 9];

  static {
    for (int len = 0; len < LENGTH_CLASS.length; len++) {
      for (int f = 0; f < 1 << 9; f++) {
        int v = 0;
        if ((f & TextIndex.ALNUM) != 0) {
          boolean letter = (f & TextIndex.LETTER) != 0;
          boolean digit = (f & TextIndex.DIGIT) != 0;
          if (digit && !letter) {
            v |= K_NUMBER;
          }
          // IbanDetector.mayStart: four or more chars with digits, or a head of at most three
          // starting with an upper-case letter and no lower-case one after it
          if (letter
              && (len >= 4
                  ? digit
                  : (f & TextIndex.INITIAL_UPPER) != 0
                      && (len == 1 || (f & TextIndex.LOWER) == 0))) {
            v |= K_IBAN;
          }
          // DigitSequence.wordDigit: two to five letters (no digit)
          if (letter && !digit && len >= 2 && len <= 5) {
            v |= K_WORD;
          }
          // MacAddressDetector.mayStart: hex pairs, Cisco groups, twelve hex chars with a digit
          if ((f & TextIndex.HEX) != 0 && (len == 2 || len == 4 || (len == 12 && digit))) {
            v |= K_MAC;
          }
        }
        WALK[LENGTH_CLASS[len] << 9 | f] |= (byte) v;
      }
    }
  }

  /** {@link DigitSequence#WORD_LENGTHS}: a necessary condition for a seed word. */
  private static final int[] WORD_LENGTHS = DigitSequence.WORD_LENGTHS;

  /**
   * The pass over the tokens: a branch-free list of the letter/digit tokens and of the {@link
   * TextIndex#ASSIGN} tokens first (one store and one add each per token), then the walk over the
   * letter/digit tokens only (spaces and punctuation, more than half of the tokens, cannot start
   * anything here; round 8). It fills the start lists and the digit-token seeds. Branch-free per
   * token (every list slot is written, and its length grows by the table's bit): in support text
   * one token in seven or so is a candidate, at random places, and a mispredicted branch per
   * candidate cost more than the rest of the walk. The candidates for IBAN heads and MAC groups are
   * then filtered by their exact tests.
   */
  void walk(TextIndex idx) {
    int n = idx.size();
    char[] c = idx.chars();
    int last = Math.max(0, idx.text().length() - 1); // c[s + 1] of a one-char last token
    if (numbers.length <= n) {
      int cap = Math.max(16, n + 1);
      numbers = new int[cap];
      runStarts = new int[cap];
      ibanHeads = new int[cap];
      macTokens = new int[cap];
      assigns = new int[cap];
      alnums = new int[cap];
    }
    int[] num = numbers;
    int[] seeds = runStarts;
    int[] iban = ibanHeads;
    int[] mac = macTokens;
    int[] assign = assigns;
    int nNum = 0;
    int nSeeds = 0;
    int nIban = 0;
    int nMac = 0;
    // first the letter/digit tokens (only they can be any of these) and the ASSIGN tokens, in one
    // branch-free pass over the flags: about half of the tokens are spaces and punctuation, and
    // this pass is cheaper per token than the walk below
    int[] words = alnums;
    int nWords = 0;
    int nAssign = 0;
    for (int t = 0; t < n; t++) {
      int f = idx.flags(t);
      words[nWords] = t;
      nWords += f & TextIndex.ALNUM;
      assign[nAssign] = t;
      nAssign += (f & TextIndex.ASSIGN) >>> ASSIGN_SHIFT;
    }
    for (int w = 0; w < nWords; w++) {
      int t = words[w];
      int f = idx.flags(t);
      int s = idx.start(t);
      int len = idx.end(t) - s;
      int k = WALK[LENGTH_CLASS[Math.min(len, 15)] << 9 | (f & 0x1FF)];
      num[nNum] = t;
      nNum += k & K_NUMBER;
      // a run starts at a digit token without marks, or at a word whose first two letters and
      // length are those of a digit word (checked in full in chunks)
      int word =
          WORD_LENGTHS[((c[s] | 0x20) & 31) << 5 | ((c[Math.min(s + 1, last)] | 0x20) & 31)]
                  >>> (len & 31)
              & 1;
      seeds[nSeeds] = t;
      nSeeds += (k & K_NUMBER | (k & K_WORD) >>> 3 & word) & ~(f >>> 14);
      iban[nIban] = t;
      nIban += (k & K_IBAN) >>> 1;
      mac[nMac] = t;
      nMac += (k & K_MAC) >>> 2;
    }
    // the exact tests, each after an inline look at the chars it needs first (round 12: most
    // candidates fail there, and the tests are calls): an IBAN of four or more chars has digits at
    // its third and fourth char, a MAC group of two is followed by : - or a blank, one of four by .
    int kept = 0;
    int nGlued = 0;
    for (int i = 0; i < nIban; i++) {
      int t = iban[i];
      int s = idx.start(t);
      int len = idx.end(t) - s;
      if ((len < 4 || isDigit(c[s + 2]) && isDigit(c[s + 3]))) {
        if (IbanDetector.mayStart(c, s, len, idx.flags(t))) {
          iban[kept++] = t;
        } else if (len > MIN_DIGITS
            && isDigit(c[s])
            && DigitSequence.gluedLabel(idx, t) >= MIN_DIGITS) {
          // "Phone:4255550144Fax:": a whole number glued to the next label (an IBAN candidate
          // by its letters and digits); a run start like a digit token
          if (nGlued == gluedStarts.length) {
            gluedStarts = Arrays.copyOf(gluedStarts, nGlued * 2);
          }
          gluedStarts[nGlued++] = t;
        }
      }
    }
    nIban = kept;
    if (nGlued > 0) {
      nSeeds = mergeInto(seeds, nSeeds, gluedStarts, nGlued);
    }
    kept = 0;
    int chars = idx.text().length();
    for (int i = 0; i < nMac; i++) {
      int t = mac[i];
      int e = idx.end(t);
      int len = e - idx.start(t);
      char sep = e < chars ? c[e] : 0;
      if ((len == 2 ? sep == ':' || sep == '-' || sep == ' ' : len != 4 || sep == '.')
          && MacAddressDetector.mayStart(c, idx, t, len)) {
        mac[kept++] = t;
      }
    }
    numberCount = nNum;
    runStartCount = nSeeds;
    ibanCount = nIban;
    macCount = kept;
    assignCount = nAssign;
  }

  /**
   * Reads the chunks, exactly as the walk over every token did before: at every token that {@link
   * DigitSequence#canStart} and is not inside the previous chunk, read unless {@link
   * DigitSequence#mayHold} rules it out. The seeds hold every such token (and a few words that only
   * look like digit words by their first two letters and length).
   */
  void chunks(TextIndex idx) {
    size = 0;
    dotCount = 0;
    int next = 0; // the first token a chunk may start at
    for (int i = 0; i < runStartCount; i++) {
      int t = runStarts[i];
      if (SpokenIpv4.isDot(idx, t)) {
        // "dot" is a seed by its first two letters and length (the Spanish "dos"): list it here
        if (dotCount == dots.length) {
          dots = Arrays.copyOf(dots, dotCount * 2);
        }
        dots[dotCount++] = t;
        continue;
      }
      if (t < next || !DigitSequence.canStart(idx, t)) {
        continue;
      }
      if (!DigitSequence.mayHold(idx, t, MIN_DIGITS)) {
        // "3 days", "v2 of", "2.5 KB": read would find fewer digits. Every later start before
        // the end of this run holds fewer still, so moving on by one token (not past the run, as
        // after a read) reads no other chunk.
        next = t + 1;
        continue;
      }
      DigitSequence seq = size < MAX_KEPT ? keptAt(size) : spare;
      seq.read(idx, t);
      if (seq.digits >= MIN_DIGITS) {
        if (size == starts.length) {
          starts = Arrays.copyOf(starts, size * 2);
          counts = Arrays.copyOf(counts, size * 2);
        }
        counts[size] = seq.digits;
        starts[size++] = t;
      }
      next = Math.max(t + 1, seq.resumeToken());
    }
  }

  /**
   * Merges the ascending {@code add[0, m)} into the ascending {@code into[0, n)} in place (from the
   * end; {@code into} has room for both, the lists hold distinct tokens); returns the new length.
   */
  private static int mergeInto(int[] into, int n, int[] add, int m) {
    int i = n - 1;
    int j = m - 1;
    for (int o = n + m - 1; j >= 0; o--) {
      into[o] = i >= 0 && into[i] > add[j] ? into[i--] : add[j--];
    }
    return n + m;
  }

  private static boolean isDigit(char ch) {
    return ch >= '0' && ch <= '9';
  }

  private DigitSequence keptAt(int i) {
    DigitSequence s = kept[i];
    if (s == null) {
      s = new DigitSequence();
      kept[i] = s;
    }
    return s;
  }

  /**
   * Chunk {@code i} as read ({@link DigitSequence#read} at {@link #start}); valid until the next
   * call of this method (a chunk beyond {@link #MAX_KEPT} is read again into a shared sequence).
   * Callers only read it.
   */
  DigitSequence chunk(TextIndex idx, int i) {
    if (i < MAX_KEPT) {
      return kept[i];
    }
    spare.read(idx, starts[i]);
    return spare;
  }

  /** Number of chunks. */
  int size() {
    return size;
  }

  /** Start token of chunk {@code i}. */
  int start(int i) {
    return starts[i];
  }

  /** Tokens made of ASCII digits only (no letter), in order; {@link #numberCount()} of them. */
  int[] numbers() {
    return numbers;
  }

  int numberCount() {
    return numberCount;
  }

  /** Tokens where {@link IbanDetector#mayStart} holds, in order. */
  int[] ibanHeads() {
    return ibanHeads;
  }

  int ibanCount() {
    return ibanCount;
  }

  /** Tokens where {@link MacAddressDetector#mayStart} holds, in order. */
  int[] macTokens() {
    return macTokens;
  }

  int macCount() {
    return macCount;
  }

  /** The {@code dot} word tokens (any case), in order; {@link #dotCount()} of them. */
  int[] dots() {
    return dots;
  }

  int dotCount() {
    return dotCount;
  }

  /** Tokens flagged {@link TextIndex#ASSIGN} ({@code :} or {@code =}), in order. */
  int[] assigns() {
    return assigns;
  }

  int assignCount() {
    return assignCount;
  }
}
