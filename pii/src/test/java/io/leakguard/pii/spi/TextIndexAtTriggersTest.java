package io.leakguard.pii.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.detectors.CaseTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TextIndex#atTriggers()}: the exact tokens listed for a table of inputs ({@code
 * TextIndexAtTriggersTest/cases.tsv}), through a fresh index, a recycled one and one over a
 * caller's buffer (the recycled arrays must not leak the previous text's list).
 */
class TextIndexAtTriggersTest {
  static Stream<Arguments> cases() {
    return CaseTable.load(TextIndexAtTriggersTest.class);
  }

  private static TextIndex previous = TextIndex.of("@ at (a) arroba @ at (a) arroba @ at");

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void listsExactlyTheAtTriggers(String name, String input, String expected) {
    char[] buf = new char[input.length() + 3];
    input.getChars(0, input.length(), buf, 0);
    TextIndex fresh = TextIndex.of(input);
    TextIndex recycled = TextIndex.of(input, previous);
    TextIndex overBuffer = TextIndex.of(input, buf, null);
    for (TextIndex idx : List.of(fresh, recycled, overBuffer)) {
      assertThat(listed(idx)).as(name).isEqualTo(expected);
    }
    previous = TextIndex.of("@ at (a) arroba chiocciola", recycled);
  }

  private static String listed(TextIndex idx) {
    StringBuilder sb = new StringBuilder();
    int[] ats = idx.atTriggers();
    for (int k = 0; k < idx.atTriggerCount(); k++) {
      if (k > 0) {
        sb.append(';');
      }
      sb.append(idx.start(ats[k])).append('-').append(idx.end(ats[k]));
    }
    return sb.toString();
  }
}
