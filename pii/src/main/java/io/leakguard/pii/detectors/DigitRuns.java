package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.TextIndex;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * The start tokens of the {@link DigitSequence} chunks of one text that hold at least {@link
 * #MIN_DIGITS} digits: the only places where a phone number, card or SSN can be. Computed once per
 * text and shared by the phone, card and SSN detectors.
 *
 * <p>Design note: most digit tokens in support text are short isolated numbers (ticket ids, times,
 * versions); reading runs three times (once per detector) cost as much as the engine's own token
 * pass. The list is cached per thread, keyed by the identity of the text's {@link TextIndex} (held
 * weakly), so detectors stay stateless to their callers and thread-safe: the engine runs the
 * detectors of one text sequentially on one thread. The digit count of each chunk is kept too, so
 * the card (13+) and SSN (9+) detectors re-read only the chunks that can hold their numbers; a lone
 * short number followed by no digits ({@link DigitSequence#mayContinue}) is not read at all; the
 * detectors read into one per-thread {@link #scratch()} sequence instead of allocating one per
 * text.
 */
final class DigitRuns {
  /** The shortest number any of the digit detectors reports (a 7-digit phone number). */
  static final int MIN_DIGITS = 7;

  private static final ThreadLocal<DigitRuns> CACHE = ThreadLocal.withInitial(DigitRuns::new);

  private WeakReference<TextIndex> owner = new WeakReference<>(null);
  private int[] starts = new int[16];

  /** Digits read from each chunk start (what {@link DigitSequence#read} finds there again). */
  private int[] counts = new int[16];

  private int size;
  private final DigitSequence seq = new DigitSequence();

  /** The sequence the detectors read chunks into (one detector at a time on this thread). */
  private final DigitSequence scanSeq = new DigitSequence();

  private DigitRuns() {}

  /** Scans one digit sequence; returns the char index up to which it reported. */
  @FunctionalInterface
  interface SequenceScan {
    int scan(
        io.leakguard.pii.spi.DetectionContext ctx,
        String text,
        TextIndex idx,
        DigitSequence s,
        int reportedUntil);
  }

  /**
   * Reads the digit sequence starting at every digit run of the text and hands those with at least
   * {@code minDigits} digits to {@code scan}, threading the "reported until" position through.
   */
  static void scanSequences(
      io.leakguard.pii.spi.DetectionContext ctx, int minDigits, SequenceScan scan) {
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    DigitRuns runs = of(idx);
    DigitSequence s = runs.scanSeq;
    int reportedUntil = 0;
    for (int i = 0; i < runs.size; i++) {
      if (runs.counts[i] >= minDigits) {
        s.read(idx, runs.starts[i]);
        reportedUntil = scan.scan(ctx, text, idx, s, reportedUntil);
      }
    }
  }

  static DigitRuns of(TextIndex idx) {
    DigitRuns r = CACHE.get();
    if (r.owner.get() != idx) {
      r.compute(idx);
      r.owner = new WeakReference<>(idx);
    }
    return r;
  }

  private void compute(TextIndex idx) {
    size = 0;
    if (starts.length > 4096) {
      starts = new int[16]; // do not keep the array of a huge text alive
      counts = new int[16];
    }
    int n = idx.size();
    int t = 0;
    while (t < n) {
      if (!DigitSequence.canStart(idx, t)) {
        t++;
        continue;
      }
      if (idx.length(t) < MIN_DIGITS && !DigitSequence.mayContinue(idx, t)) {
        t++; // a lone short number ("3 days", "v2 of"): read would find one group
        continue;
      }
      seq.read(idx, t);
      if (seq.digits >= MIN_DIGITS) {
        if (size == starts.length) {
          starts = Arrays.copyOf(starts, size * 2);
          counts = Arrays.copyOf(counts, size * 2);
        }
        counts[size] = seq.digits;
        starts[size++] = t;
      }
      t = Math.max(t + 1, seq.resumeToken());
    }
  }

  /** The sequence to read chunks into during one {@code detect} call on this thread. */
  DigitSequence scratch() {
    return scanSeq;
  }

  /** Number of chunks. */
  int size() {
    return size;
  }

  /** Start token of chunk {@code i}; read it with {@link DigitSequence#read}. */
  int start(int i) {
    return starts[i];
  }
}
