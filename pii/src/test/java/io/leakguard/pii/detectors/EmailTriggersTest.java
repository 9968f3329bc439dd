package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.spi.TextIndex;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The e-mail detector reads its triggers from {@link TextIndex#atTriggers()} (round 8) instead of
 * searching the text once per trigger string ({@code String.indexOf}, rounds 4-7). That is exact
 * when every place the searches found, and read, lies in a listed token: every {@code @}, every
 * {@link TextIndex#AT_WORD} token, every {@link EmailDetector#LETTER_AT_TRIGGERS} occurrence and
 * every {@link EmailDetector#FOREIGN_AT_STEMS} occurrence with a foreign at word around it. Checked
 * here with the old search on random texts dense in at forms and in the chars that make the index
 * take its exact path or that equal a foreign word's letter ignoring case (Kelvin sign, dotted and
 * dotless i, long s).
 */
class EmailTriggersTest {
  private static final String[] PIECES = {
    "@",
    "at",
    "AT",
    "(at)",
    "[at]",
    "(a)",
    "[a]",
    "(A)",
    "[A]",
    "(a",
    "a)",
    "a",
    "A",
    "(",
    "[",
    ")",
    "]",
    "arroba",
    "Arroba",
    "ARROBA",
    "arobase",
    "Arobase",
    "chiocciola",
    "Chiocciola",
    "chİocciola",
    "chıocciola",
    "klammeraffe",
    "Klammeraffe",
    "\u212Alammeraffe",
    "aroba\u017Fe",
    "roba",
    "cciola",
    "lammeraffe",
    "robar",
    "zarroba",
    "x",
    "jan",
    "wp",
    ".",
    "pl",
    " ",
    "  ",
    "\n",
    "\u0301",
    "\uD835\uDC00",
    "\uD83D\uDE00",
    "\uD83D",
    "\u00E9",
    "-",
    "_",
    "1",
    "dot",
    "małpa",
    "Małpa",
    "MAŁPA",
    "malpa",
    "ałpa",
    "alpa",
    "apenstaartje",
    "Apenstaartje",
    "snabel-a",
    "Snabel-a",
    "snabel",
    "nabel",
    "zavináč",
    "Zavinac",
    "kukac",
    "Kukac",
    "ukac"
  };

  @Test
  void everyPlaceTheOldSearchReadIsListed() {
    Random r = new Random(20261130);
    TextIndex last = null;
    for (int iter = 0; iter < 30_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(24);
      for (int k = 0; k < parts; k++) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String s = sb.toString();
      TextIndex idx = TextIndex.of(s, last);
      last = idx;
      boolean[] listed = new boolean[s.length()];
      for (int k = 0; k < idx.atTriggerCount(); k++) {
        int t = idx.atTriggers()[k];
        // a lone high surrogate's token: the detector also searches the token after it
        char c0 = s.charAt(idx.start(t));
        boolean lone =
            idx.length(t) == 2
                && Character.isHighSurrogate(c0)
                && !Character.isLowSurrogate(s.charAt(idx.start(t) + 1));
        int end = lone && t + 1 < idx.size() ? idx.end(t + 1) : idx.end(t);
        for (int q = idx.start(t); q < end; q++) {
          listed[q] = true;
        }
      }
      StringBuilder missed = new StringBuilder();
      for (int t = 0; t < idx.size(); t++) {
        if ((idx.flags(t) & (TextIndex.AT_SIGN | TextIndex.AT_WORD)) != 0
            && !listed[idx.start(t)]) {
          missed.append(" at-token ").append(t);
        }
      }
      for (int p = s.indexOf('@'); p >= 0; p = s.indexOf('@', p + 1)) {
        if (!listed[p]) {
          missed.append(" @ ").append(p);
        }
      }
      for (String trigger : EmailDetector.LETTER_AT_TRIGGERS) {
        for (int p = s.indexOf(trigger); p >= 0; p = s.indexOf(trigger, p + 1)) {
          if (!listed[p + 1]) {
            missed.append(' ').append(trigger).append(' ').append(p);
          }
        }
      }
      for (String stem : EmailDetector.FOREIGN_AT_STEMS) {
        for (int p = s.indexOf(stem); p >= 0; p = s.indexOf(stem, p + 1)) {
          if (EmailDetector.foreignAtWordAround(s, p) >= 0 && !listed[p]) {
            missed.append(' ').append(stem).append(' ').append(p);
          }
        }
      }
      assertThat(missed.toString()).as(s).isEmpty();
    }
  }

  @Test
  void everyForeignAtWordIsListedInEveryCaseTheDetectorReads() {
    for (String w : EmailDetector.FOREIGN_AT_WORDS) {
      String cap = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      for (String form : new String[] {w, cap}) {
        String s = "x " + form + " y";
        TextIndex idx = TextIndex.of(s);
        assertThat(idx.atTriggerCount()).as(form).isEqualTo(1);
        assertThat(idx.start(idx.atTriggers()[0])).as(form).isEqualTo(2);
        int dash = form.indexOf('-'); // "snabel-a": the token before the dash
        assertThat(idx.end(idx.atTriggers()[0]))
            .as(form)
            .isEqualTo(2 + (dash < 0 ? form.length() : dash));
      }
    }
  }
}
