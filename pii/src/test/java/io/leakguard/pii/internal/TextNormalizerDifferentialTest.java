package io.leakguard.pii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sparse offset map of {@link TextNormalizer} against the per-char arrays of the previous
 * implementation ({@link ReferenceNormalizer}): same text, same range and marks for every char,
 * same identity and surrogate answers, on random texts dense in everything the normalizer touches.
 */
class TextNormalizerDifferentialTest {
  private static final String[] PIECES = {
    "&#64;",
    "&#x2E;",
    "&commat;",
    "&amp;",
    "&unknown;",
    "&#;",
    "&#0;",
    "&",
    "%40",
    "%2e",
    "%zz",
    "%",
    "%4",
    "\u200B",
    "\u00AD",
    "\u202A",
    "\uFEFF",
    "\uFF20",
    "\uFF41",
    "\uFB01",
    "\u2013",
    "\u00A0",
    "\u3000",
    "\u2028",
    "\uD83D\uDE00",
    "\uD835\uDC00",
    "\uD83D",
    "\uDE00",
    "\u00E9",
    "e\u0301",
    "\u201C",
    "\u2192",
    "a",
    "b",
    " ",
    "\n",
    "7",
    "@",
    ".",
    "x",
    "\u3002",
    "\uFDFA",
    "\u2460",
    "\u00BD",
    "\u1E9B\u0323",
    "<b>",
    "</B>",
    "<span>",
    "</span>",
    "<wbr/>",
    "<wbr />",
    "</b />",
    "<span style=x>",
    "<br>",
    "<",
    "</",
    "<\u0131>",
    "<\u017F>",
    "<strongest>",
    "\\_",
    "\\.",
    "\\-",
    "\\",
    "\\\\_",
    "j",
    "_",
    "&amp;#64;",
    "&amp;#x2E;",
    "&amp;commat;",
    "&amp;#8203;",
    "&amp;amp;",
    "#64;",
    "%2540",
    "%252e",
    "%25",
    "%25zz",
    "40",
    "\\x40",
    "\\x2e",
    "\\x86",
    "\\xzz",
    "&#64",
    "&#046",
    "&#1",
    "&#x40",
    "&#9999",
    "*",
    "**",
    "***",
    "425",
    "-",
    "@**",
    "**@",
    "**-",
    "\\n",
    "\\r\\n",
    "\\t",
    ":",
    ",",
    "C:\\new"
  };

  @Test
  void sameOffsetMapAsThePerCharArrays() {
    Random r = new Random(20261129);
    TextNormalizer.Scratch scratch = new TextNormalizer.Scratch();
    for (int iter = 0; iter < 20_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(25);
      for (int k = 0; k < parts; k++) {
        int pick = r.nextInt(PIECES.length + 4);
        if (pick < PIECES.length) {
          sb.append(PIECES[pick]);
        } else if (pick == PIECES.length) {
          sb.append((char) r.nextInt(0x10000));
        } else {
          sb.append("plain text ");
        }
      }
      String in = sb.toString();
      ReferenceNormalizer.Ref ref = ReferenceNormalizer.normalize(in);
      NormalizedText nt =
          iter % 2 == 0 ? TextNormalizer.normalize(in) : TextNormalizer.normalize(in, scratch);
      assertThat(nt.text()).as(in).isEqualTo(ref.text());
      assertThat(nt.isIdentity()).as(in).isEqualTo(ref.identity());
      assertThat(nt.hasSurrogates()).as(in).isEqualTo(ref.surrogates());
      assertThat(nt.original()).isSameAs(in);
      if (iter % 2 == 1) {
        assertThat(new String(scratch.text(), 0, nt.text().length())).isEqualTo(nt.text());
      }
      int len = nt.text().length();
      // plain comparisons (an assertion object per char would dominate the test's time)
      StringBuilder bad = new StringBuilder();
      for (int i = 0; i < len; i++) {
        int os = ref.identity() ? i : ref.os()[i];
        int oe = ref.identity() ? i + 1 : ref.oe()[i];
        if (nt.originalStart(i) != os || nt.originalEnd(i) != oe) {
          bad.append(" char ").append(i);
        }
      }
      if (nt.originalStart(len) != in.length()) {
        bad.append(" end");
      }
      for (int s = 0; s < len; s++) {
        int m = 0;
        for (int e = s + 1; e <= len && e <= s + 6; e++) {
          m |= ref.identity() ? 0 : ref.mk()[e - 1] & 0xFF;
          if (nt.marks(s, e) != m) {
            bad.append(" marks ").append(s).append("..").append(e);
          }
        }
      }
      // the engine's cursor walk (mapSpan) against the per-char answers: sorted disjoint spans,
      // then one span out of order (the cursor must fall back to a search)
      int[] span = new int[3];
      int cursor = -1;
      int from = 0;
      while (len > 0 && from < len) {
        int s = from + r.nextInt(Math.min(4, len - from));
        int e = s + 1 + r.nextInt(Math.min(8, len - s));
        cursor = nt.mapSpan(s, e, cursor, span);
        checkSpan(ref, nt, s, e, span, bad);
        from = e + r.nextInt(3);
      }
      if (len > 0) {
        int s = r.nextInt(len);
        int e = s + 1 + r.nextInt(len - s);
        nt.mapSpan(s, e, cursor, span);
        checkSpan(ref, nt, s, e, span, bad);
      }
      assertThat(bad.toString()).as(in).isEmpty();
    }
  }

  private static void checkSpan(
      ReferenceNormalizer.Ref ref, NormalizedText nt, int s, int e, int[] span, StringBuilder bad) {
    int os = ref.identity() ? s : ref.os()[s];
    int oe = ref.identity() ? e : ref.oe()[e - 1];
    int m = 0;
    for (int i = s; i < e && !ref.identity(); i++) {
      m |= ref.mk()[i] & 0xFF;
    }
    if (span[0] != os || span[1] != oe || span[2] != m || nt.marks(s, e) != m) {
      bad.append(" span ").append(s).append("..").append(e);
    }
  }
}
