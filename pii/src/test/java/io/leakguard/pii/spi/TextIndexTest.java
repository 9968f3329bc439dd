package io.leakguard.pii.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextIndexTest {
  static List<String> tokens(TextIndex idx) {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < idx.size(); t++) {
      out.add(idx.tokenText(t));
    }
    return out;
  }

  @Test
  void cutsIntoAlnumSpaceAndPunctTokens() {
    TextIndex idx = TextIndex.of("Mail XYZ @contoso com, ip 10.0.0.1\nat");
    assertThat(tokens(idx))
        .containsExactly(
            "Mail", " ", "XYZ", " ", "@", "contoso", " ", "com", ",", " ", "ip", " ", "10", ".",
            "0", ".", "0", ".", "1", "\n", "at");
    assertThat(idx.is(0, TextIndex.ALNUM | TextIndex.INITIAL_UPPER | TextIndex.LOWER)).isTrue();
    assertThat(idx.is(4, TextIndex.AT_SIGN)).isTrue();
    assertThat(idx.is(12, TextIndex.DIGIT | TextIndex.HEX)).isTrue();
    assertThat(idx.is(19, TextIndex.NEWLINE)).isTrue();
    assertThat(idx.is(20, TextIndex.AT_WORD)).isTrue();
    assertThat(idx.tokenAt(idx.start(5) + 2)).isEqualTo(5);
  }

  @Test
  void nonBmpLettersAndSymbolsNeverMakeEmptyTokens() {
    String s = "\uD83D\uDE00x\uD835\uDC00y \uDC00 é\u0301";
    TextIndex idx = TextIndex.of(s);
    int covered = 0;
    for (int t = 0; t < idx.size(); t++) {
      assertThat(idx.length(t)).isPositive();
      assertThat(idx.start(t)).isEqualTo(covered);
      covered = idx.end(t);
    }
    assertThat(covered).isEqualTo(s.length());
  }
}
