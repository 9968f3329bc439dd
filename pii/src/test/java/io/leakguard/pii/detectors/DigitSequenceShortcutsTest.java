package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.spi.TextIndex;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The speed shortcuts of the digit-run reader must never change what it reads: {@link
 * DigitSequence#mayHold} false implies that {@link DigitSequence#read} finds fewer digits, and
 * {@link DigitSequence#wordDigit}'s prefix table only rejects non-digit words.
 */
class DigitSequenceShortcutsTest {
  static final String[] PIECES = {
    "0",
    "1",
    "42",
    "555",
    "0143",
    "4111",
    " ",
    " ",
    "  ",
    "   ",
    "\t",
    "-",
    ".",
    "(",
    ")",
    ",",
    ">",
    "> ",
    "\n",
    "\n> ",
    "\r\n",
    "\n\n",
    "+",
    ":",
    "/",
    "x",
    "one",
    "oh",
    "five",
    "Zero",
    "SEVEN",
    "eight",
    "the",
    "to",
    "for",
    "of",
    "seventy",
    "a",
    "I",
    "\u00e9t\u00e9",
    "\uff14",
    "|",
    "10:22",
    "2.5",
    "Oh",
    "NINE",
    "th",
    "fo",
    "six",
    "two",
    "425 555 0143",
    "4111-1111-1111-1111",
    // session 14: "double nine", "triple oh", a leading "oh"
    "double",
    "Triple",
    "double "
  };

  @Test
  void mayHoldFalseMeansFewerDigits() {
    Random rnd = new Random(20261129L);
    DigitSequence s = new DigitSequence();
    int checked = 0;
    int enough = 0;
    for (int i = 0; i < 20_000; i++) {
      TextIndex idx = TextIndex.of(randomText(rnd));
      for (int t = 0; t < idx.size(); t++) {
        if (!DigitSequence.canStart(idx, t)) {
          continue;
        }
        s.read(idx, t);
        for (int need : new int[] {DigitRuns.MIN_DIGITS, 9, 13}) {
          if (!DigitSequence.mayHold(idx, t, need)) {
            checked++;
            assertThat(s.digits).as("%s at token %d", idx.text(), t).isLessThan(need);
          } else if (s.digits >= need) {
            enough++;
          }
        }
      }
    }
    // both sides of the shortcut were exercised in bulk
    assertThat(checked).isGreaterThan(5_000);
    assertThat(enough).isGreaterThan(2_000);
  }

  static String randomText(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + rnd.nextInt(40);
    for (int k = 0; k < parts; k++) {
      sb.append(PIECES[rnd.nextInt(PIECES.length)]);
      if (rnd.nextInt(4) == 0) {
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  /**
   * Round 12: {@link DigitSequence#wordDigit(char[], int, int)} (a two-letter filter, then one
   * probe of the packed words) against its definition: an ASCII letter first, then the token
   * lower-cased char by char ({@code | 0x20} below 128, {@link Character#toLowerCase} above) is a
   * key of {@link DigitSequence#ALL_WORDS}. Every digit word in random case, with one char
   * replaced, dropped or added, including the chars that lower-case across the ASCII boundary
   * ({@code İ} to {@code i}, the Kelvin sign to {@code k}) and those above 0xFF.
   */
  @Test
  void wordDigitIsTheWordListLookup() {
    Random rnd = new Random(20261130L);
    String[] words = DigitSequence.ALL_WORDS.keySet().toArray(new String[0]);
    String odd =
        "\u0130\u0131\u00dc\u00fc\u00c9\u00e9\u00ca\u00ea\u00df\u017f\u212a\u0100@[`{ aeiouxzKS";
    int hits = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder w = new StringBuilder(words[rnd.nextInt(words.length)]);
      for (int k = 0; k < w.length(); k++) {
        if (rnd.nextInt(3) == 0) {
          w.setCharAt(k, Character.toUpperCase(w.charAt(k)));
        }
      }
      switch (rnd.nextInt(5)) {
        case 0 -> w.setCharAt(rnd.nextInt(w.length()), odd.charAt(rnd.nextInt(odd.length())));
        case 1 -> w.deleteCharAt(rnd.nextInt(w.length()));
        case 2 -> w.insert(rnd.nextInt(w.length() + 1), odd.charAt(rnd.nextInt(odd.length())));
        default -> {}
      }
      char[] c = ("ab" + w + "yz").toCharArray();
      int expected = referenceWordDigit(w.toString());
      assertThat(DigitSequence.wordDigit(c, 2, w.length())).as(w.toString()).isEqualTo(expected);
      if (expected >= 0) {
        hits++;
      }
    }
    assertThat(hits).isGreaterThan(50_000);
  }

  private static int referenceWordDigit(String w) {
    if (w.length() < 2 || w.length() > DigitSequence.MAX_WORD) {
      return -1;
    }
    char first = w.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) {
      return -1;
    }
    StringBuilder lower = new StringBuilder();
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      lower.append(ch < 128 ? (char) (ch | 0x20) : Character.toLowerCase(ch));
    }
    return DigitSequence.ALL_WORDS.getOrDefault(lower.toString(), -1);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "zero, 0",
    "one, 1",
    "Two, 2",
    "THREE, 3",
    "four, 4",
    "five, 5",
    "six, 6",
    "seven, 7",
    "eight, 8",
    "nine, 9",
    "oh, 10",
    "on, -1",
    "ten, -1",
    "the, -1",
    "fives, -1",
    "o, -1",
    "Oh, 10",
    "ox, -1",
    "tw, -1",
    "twos, -1",
    "sixx, -1",
    "eigh, -1",
    "nineteen, -1",
    "zeros, -1",
    // session 6: other languages (accented words are read inside a run)
    "fünf, 5",
    "Fünf, 5",
    "três, 3",
    "zéro, 0",
    "zwo, 2",
    "meia, 6",
    "un, 1",
    "Uno, 1",
    "quattro, 4",
    "sieben, 7",
    "unos, -1",
    "tree, -1",
    "sept, 7",
    "otto, 8",
    "dreißig, -1"
  })
  void wordDigits(String word, int expected) {
    TextIndex idx = TextIndex.of("x " + word + " y");
    assertThat(DigitSequence.wordDigit(idx, 2)).isEqualTo(expected);
  }
}
