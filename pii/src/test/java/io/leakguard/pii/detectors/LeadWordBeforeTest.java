package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Round 12: {@link PhoneDetector#leadWordBefore}'s shortcuts (the first-letter table of its lead
 * words, ASCII fast paths for letters and digits) answer as the plain look-back did: every char
 * through {@link Character#isLetter}/{@link Character#isDigit}, every word compared with every lead
 * word of its length ignoring case. Random texts of lead words in random case, other words with the
 * same first letters, letters that change case outside ASCII ({@code ſ} upper-cases to {@code S},
 * the Kelvin sign lower-cases to {@code k}, {@code İ}), accented letters, digits and punctuation,
 * each followed by a digit run.
 */
class LeadWordBeforeTest {
  private static final String[] PIECES = {
    "call",
    "CALL",
    "Call",
    "cal",
    "calls",
    "phone",
    "PhOnE",
    "fone",
    "tel",
    "TÉL",
    "tél",
    "tex",
    "mobile",
    "mob",
    "mobil",
    "Handy",
    "hand",
    "sms",
    "\u017fms",
    "\u017fMS",
    "reach",
    "fax",
    "fix",
    "whatsapp",
    "ph",
    "pH",
    "pa",
    "\u212aall",
    "\u0130s",
    "caf\u00e9",
    "m\u00f3vil",
    "M\u00d3VIL",
    "teléfono",
    "zzz",
    "a",
    "x",
    "me",
    "at",
    "on",
    "or",
    " ",
    "  ",
    ": ",
    ", ",
    "-",
    "(",
    "\n",
    "7",
    "42",
    "\u00aa",
    "\u0660"
  };

  @Test
  void answersAsThePlainLookBack() {
    Random rnd = new Random(20261130L);
    List<String> leads = new ArrayList<>(PhoneDetector.LEAD_WORDS);
    int checked = 0;
    int found = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + rnd.nextInt(8);
      for (int k = 0; k < parts; k++) {
        String piece =
            rnd.nextInt(4) == 0
                ? randomCase(leads.get(rnd.nextInt(leads.size())), rnd)
                : PIECES[rnd.nextInt(PIECES.length)];
        sb.append(piece);
        if (rnd.nextBoolean()) {
          sb.append(' ');
        }
      }
      sb.append(' ').append("660 299 256");
      String text = sb.toString();
      TextIndex idx = TextIndex.of(text);
      int t = idx.size() - 5; // "660", " ", "299", " ", "256"
      DigitSequence s = new DigitSequence();
      if (!DigitSequence.isDigitToken(idx, t) || !s.read(idx, t)) {
        continue;
      }
      boolean expected = reference(text, s.groupCharStart(0), leads);
      assertThat(PhoneDetector.leadWordBefore(text, s, 0)).as(text).isEqualTo(expected);
      checked++;
      if (expected) {
        found++;
      }
    }
    assertThat(checked).isGreaterThan(40_000);
    assertThat(found).isGreaterThan(5_000);
  }

  private static String randomCase(String w, Random rnd) {
    StringBuilder b = new StringBuilder();
    for (char c : w.toCharArray()) {
      b.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  /** The look-back as it was before round 12. */
  private static boolean reference(String text, int p, List<String> leads) {
    int stop = Math.max(0, p - 20);
    int words = 0;
    while (p > stop && words < 3) {
      while (p > stop && !Character.isLetter(text.charAt(p - 1))) {
        if (Character.isDigit(text.charAt(p - 1))) {
          return false;
        }
        p--;
      }
      int e = p;
      while (p > 0 && Character.isLetter(text.charAt(p - 1))) {
        p--;
      }
      if (e > p) {
        words++;
        int len = e - p;
        if (len <= 9) {
          for (String w : leads) {
            if (w.length() == len && text.regionMatches(true, p, w, 0, len)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  @Test
  void leadWordsAreLowerCase() {
    for (String w : PhoneDetector.LEAD_WORDS) {
      assertThat(w).isEqualTo(w.toLowerCase(Locale.ROOT));
    }
  }
}
