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

  @Test
  void postingListsHoldExactlyTheTokensWithTheMask() {
    java.util.Random r = new java.util.Random(5);
    String[] words = {"Mail", "at", "10", "x7", "DEAD", "é", " ", "\n", "@", "-", "Zoë", ":"};
    int[] masks = {
      TextIndex.DIGIT,
      TextIndex.INITIAL_UPPER,
      TextIndex.ALNUM | TextIndex.UPPER,
      TextIndex.PUNCT,
      TextIndex.SPACE | TextIndex.NEWLINE,
      TextIndex.HEX
    };
    TextIndex last = null;
    for (int iter = 0; iter < 500; iter++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(40); k > 0; k--) {
        sb.append(words[r.nextInt(words.length)]);
      }
      TextIndex idx = TextIndex.of(sb.toString(), last);
      last = idx;
      for (int rep = 0; rep < 2; rep++) { // the second round reads the cache (and evicts)
        for (int mask : masks) {
          List<Integer> want = new ArrayList<>();
          for (int t = 0; t < idx.size(); t++) {
            if (idx.is(t, mask)) {
              want.add(t);
            }
          }
          int[] got = idx.tokensWith(mask);
          List<Integer> have = new ArrayList<>();
          for (int k = 0; k < idx.countWith(mask); k++) {
            have.add(got[k]);
          }
          assertThat(have).as("mask %s in %s", mask, sb).isEqualTo(want);
        }
      }
    }
  }
}
