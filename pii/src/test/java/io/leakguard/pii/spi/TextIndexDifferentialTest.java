package io.leakguard.pii.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round-3 index (one start array, fused flags) against the previous implementation ({@link
 * ReferenceTextIndex}): same tokens, spans and flags, on random texts dense in every char class,
 * through all three factories and with recycled arrays.
 */
class TextIndexDifferentialTest {
  private static final String[] PIECES = {
    "Mail",
    "at",
    "AT",
    "aT",
    "cafe",
    "DEADbeef",
    "0x1F",
    "12",
    "\u00C9mile",
    "e\u0301",
    "\u0301",
    "Stra\u00DFe",
    "\u0130",
    "\u01C5",
    "\u2160",
    "\u00B2",
    "\uD835\uDC00",
    "\uD83D\uDE00",
    "\uD83D",
    "\uDE00",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u00A0",
    "\u2003",
    "\u3000",
    "@",
    "=",
    ":",
    "-",
    ".",
    ",",
    "\u2013",
    "\u00AD",
    "\u200B",
    "_",
    "/",
    "\u0660",
    "\uFF11",
    "x",
    "Z",
    "\u05D0",
    "\u4E2D"
  };

  @Test
  void sameTokensAndFlagsAsBefore() {
    Random r = new Random(1129);
    TextIndex last = null;
    for (int iter = 0; iter < 20_000; iter++) {
      // half the texts without surrogates and non-spacing marks: they take the branch-free pass
      boolean plain = iter % 2 == 0;
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(30);
      for (int k = 0; k < parts; k++) {
        int pick = r.nextInt(PIECES.length + 1);
        String piece =
            pick < PIECES.length ? PIECES[pick] : String.valueOf((char) r.nextInt(0x10000));
        if (!plain || !needsExactPass(piece)) {
          sb.append(piece);
        }
      }
      String s = sb.toString();
      ReferenceTextIndex ref = ReferenceTextIndex.of(s);
      TextIndex idx;
      switch ((iter / 2) % 3) {
        case 0:
          idx = TextIndex.of(s);
          break;
        case 1:
          idx = TextIndex.of(s, last);
          last = idx;
          break;
        default:
          char[] chars = new char[s.length() + r.nextInt(3)];
          s.getChars(0, s.length(), chars, 0);
          idx = TextIndex.of(s, chars, null);
          assertThat(idx.chars()).isSameAs(chars);
          break;
      }
      StringBuilder bad = new StringBuilder();
      if (idx.size() != ref.size() || idx.textFlags() != ref.textFlags()) {
        bad.append(" size/textFlags");
      }
      for (int t = 0; t < Math.min(idx.size(), ref.size()); t++) {
        if (idx.start(t) != ref.start(t)
            || idx.end(t) != ref.end(t)
            || idx.flags(t) != ref.flags(t)
            || idx.length(t) != ref.length(t)) {
          bad.append(" token ").append(t);
        }
      }
      for (int p = -1; p <= s.length(); p++) {
        if (idx.tokenAt(p) != ref.tokenAt(p)) {
          bad.append(" tokenAt ").append(p);
        }
      }
      for (int q = 0; q < s.length(); q++) {
        if (idx.chars()[q] != s.charAt(q)) {
          bad.append(" char ").append(q);
        }
      }
      assertThat(bad.toString()).as(s).isEmpty();
    }
  }

  private static boolean needsExactPass(String piece) {
    for (int i = 0; i < piece.length(); i++) {
      char c = piece.charAt(i);
      if (Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        return true;
      }
    }
    return false;
  }
}
