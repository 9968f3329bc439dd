package io.leakguard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Jazzer fuzz target for the whole engine with every detector. In a plain {@code mvn test} it runs
 * in regression mode over the inputs in {@code src/test/resources/io/leakguard/pii/
 * AnalyzerFuzzTestInputs/}; {@code JAZZER_FUZZ=1 ./mvnw -pl pii test -Dtest=AnalyzerFuzzTest}
 * fuzzes (add {@code JAZZER_INSTRUMENTATION_INCLUDES='io.leakguard.**'} for coverage).
 *
 * <p>Invariants: no exception; findings sorted, disjoint, inside the text, with scores in [0, 1].
 */
class AnalyzerFuzzTest {
  private static final PiiAnalyzer ANALYZER = PiiAnalyzer.builder().minScore(0).build();

  @FuzzTest(maxDuration = "10s")
  void analyzeNeverFailsAndKeepsInvariants(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    List<PiiFinding> findings = ANALYZER.analyze(text);
    int cps = text.codePointCount(0, text.length());
    int prevEnd = 0;
    for (PiiFinding f : findings) {
      assertThat(f.start()).isGreaterThanOrEqualTo(prevEnd);
      assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(cps);
      assertThat(f.charEnd()).isLessThanOrEqualTo(text.length());
      assertThat(f.score()).isBetween(0.0, 1.0);
      prevEnd = f.end();
    }
  }
}
