package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link DetectionContext} that answers from the engine's real context and hands every reported
 * candidate to a sink instead: the differential tests run an old and a new detector on the same
 * context this way and compare what each reported.
 */
final class RecordingContext {
  private RecordingContext() {}

  static DetectionContext of(DetectionContext ctx, Consumer<Candidate> sink) {
    return new DetectionContext() {
      @Override
      public String text() {
        return ctx.text();
      }

      @Override
      public TextIndex tokens() {
        return ctx.tokens();
      }

      @Override
      public String region() {
        return ctx.region();
      }

      @Override
      public List<String> contextWords(int start, int end, int window, Set<String> vocabulary) {
        return ctx.contextWords(start, end, window, vocabulary);
      }

      @Override
      public char originalChar(int i) {
        return ctx.originalChar(i);
      }

      @Override
      public void report(Candidate candidate) {
        sink.accept(candidate);
      }
    };
  }
}
