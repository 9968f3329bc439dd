package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared token walk ({@link DigitRuns}) must list exactly what the detectors' own walks over
 * every token found: the reference implementations below are those walks, written plainly (read at
 * every run start, test every token).
 */
class DigitRunsTest {
  private static final String[] MORE = {
    "DE89",
    "de89",
    "3704",
    "0044",
    "GB29",
    "NWBK",
    "D",
    "E",
    "DE",
    "DE8",
    "ES5",
    "A",
    "OK",
    "US",
    "be",
    "ad",
    "00",
    "1a",
    "2b",
    "fe80",
    "001a",
    "2b3c",
    "4d5e",
    "f45c896e6425",
    "001A2B3C4D5E",
    ":",
    "-",
    ".",
    " ",
    "\n",
    "10.0.0.1",
    "ip-",
    "seven",
    "five five five ",
    "oh",
    "1\u0301",
    "x",
    // session 16: labels glued to digits, also a whole number in one token
    "Fax",
    "F",
    "BIC",
    "4255550144Fax",
    "425555014Tel",
    "4255550Fax",
    "425555Fax",
    "0144Email",
    "4255550144fax",
    "4255550144Zebra"
  };

  @Test
  void listsEqualFullWalks() {
    Random rnd = new Random(424242L);
    int chunks = 0;
    int ibans = 0;
    int macs = 0;
    for (int i = 0; i < 26_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + rnd.nextInt(60);
      for (int k = 0; k < parts; k++) {
        sb.append(
            rnd.nextBoolean()
                ? DigitSequenceShortcutsTest.PIECES[
                    rnd.nextInt(DigitSequenceShortcutsTest.PIECES.length)]
                : MORE[rnd.nextInt(MORE.length)]);
      }
      TextIndex idx = TextIndex.of(sb.toString());
      DigitRuns runs = DigitRuns.of(idx);
      String what = sb.toString();
      List<Integer> expected = referenceChunks(idx);
      List<Integer> actual = new ArrayList<>();
      for (int c = 0; c < runs.size(); c++) {
        actual.add(runs.start(c));
        DigitSequence s = runs.chunk(idx, c);
        DigitSequence fresh = new DigitSequence();
        fresh.read(idx, runs.start(c));
        assertThat(s.digits).as(what).isEqualTo(fresh.digits);
        assertThat(s.groups).as(what).isEqualTo(fresh.groups);
        assertThat(s.groupCharEnd(s.groups - 1)).isEqualTo(fresh.groupCharEnd(fresh.groups - 1));
      }
      assertThat(actual).as(what).isEqualTo(expected);
      chunks += actual.size();
      int[] numbers = new int[idx.size()];
      int[] iban = new int[idx.size()];
      int[] mac = new int[idx.size()];
      int nn = 0;
      int ni = 0;
      int nm = 0;
      char[] c = idx.chars();
      for (int t = 0; t < idx.size(); t++) {
        int f = idx.flags(t);
        if ((f & (TextIndex.DIGIT | TextIndex.LETTER)) == TextIndex.DIGIT) {
          numbers[nn++] = t;
        }
        if (IbanDetector.mayStart(c, idx.start(t), idx.length(t), f)) {
          iban[ni++] = t;
        }
        if (MacAddressDetector.mayStart(c, idx, t, idx.length(t))) {
          mac[nm++] = t;
        }
      }
      assertThat(Arrays.copyOf(runs.numbers(), runs.numberCount()))
          .as(what)
          .isEqualTo(Arrays.copyOf(numbers, nn));
      assertThat(Arrays.copyOf(runs.ibanHeads(), runs.ibanCount()))
          .as(what)
          .isEqualTo(Arrays.copyOf(iban, ni));
      assertThat(Arrays.copyOf(runs.macTokens(), runs.macCount()))
          .as(what)
          .isEqualTo(Arrays.copyOf(mac, nm));
      ibans += ni;
      macs += nm;
    }
    assertThat(chunks).isGreaterThan(2_000);
    assertThat(ibans).isGreaterThan(5_000);
    assertThat(macs).isGreaterThan(5_000);
  }

  /** The chunk starts as found by reading at every run start (no shortcut). */
  private static List<Integer> referenceChunks(TextIndex idx) {
    List<Integer> out = new ArrayList<>();
    DigitSequence s = new DigitSequence();
    int t = 0;
    while (t < idx.size()) {
      if (!DigitSequence.canStart(idx, t)) {
        t++;
        continue;
      }
      s.read(idx, t);
      if (s.digits >= DigitRuns.MIN_DIGITS) {
        out.add(t);
      }
      t = Math.max(t + 1, s.resumeToken());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "call five five five zero one four three now | 1",
        "Call FIVE five Five zero ONE four three | 1",
        "four one one one one one one one one one one one one one one one | 1",
        "ticket 4711, 3 days, v2 of 2.5 KB | 0",
        "(425) 555-0143 or 425.555.0143 | 2",
        "the one and only six of nine | 0",
        "seven seven seven seven seven seven | 0"
      })
  void chunksOfTable(String text, int expected) {
    TextIndex idx = TextIndex.of(text);
    assertThat(DigitRuns.of(idx).size()).isEqualTo(expected);
    assertThat(referenceChunks(idx)).hasSize(expected);
  }
}
