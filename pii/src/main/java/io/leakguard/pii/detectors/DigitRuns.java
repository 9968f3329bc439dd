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
 * detectors of one text sequentially on one thread.
 */
final class DigitRuns {
  /** The shortest number any of the digit detectors reports (a 7-digit phone number). */
  static final int MIN_DIGITS = 7;

  private static final ThreadLocal<DigitRuns> CACHE = ThreadLocal.withInitial(DigitRuns::new);

  private WeakReference<TextIndex> owner = new WeakReference<>(null);
  private int[] starts = new int[16];
  private int size;
  private final DigitSequence seq = new DigitSequence();

  private DigitRuns() {}

  /** The chunk starts of {@code idx}'s text, computed on first use. */
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
    DigitSequence s = new DigitSequence();
    DigitRuns runs = of(text, idx);
    int reportedUntil = 0;
    for (int i = 0; i < runs.size(); i++) {
      s.read(text, idx, runs.start(i));
      if (s.digits >= minDigits) {
        reportedUntil = scan.scan(ctx, text, idx, s, reportedUntil);
      }
    }
  }

  static DigitRuns of(String text, TextIndex idx) {
    DigitRuns r = CACHE.get();
    if (r.owner.get() != idx) {
      r.compute(text, idx);
      r.owner = new WeakReference<>(idx);
    }
    return r;
  }

  private void compute(String text, TextIndex idx) {
    size = 0;
    if (starts.length > 4096) {
      starts = new int[16]; // do not keep the array of a huge text alive
    }
    int n = idx.size();
    int t = 0;
    while (t < n) {
      if (!DigitSequence.canStart(text, idx, t)) {
        t++;
        continue;
      }
      seq.read(text, idx, t);
      if (seq.digits >= MIN_DIGITS) {
        if (size == starts.length) {
          starts = Arrays.copyOf(starts, size * 2);
        }
        starts[size++] = t;
      }
      t = Math.max(t + 1, seq.resumeToken());
    }
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
