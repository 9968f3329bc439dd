package io.leakguard.pii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain ascii text|plain ascii text",
        "ｊｓｍｉｔｈ＠ｆａｂｒｉｋａｍ．ｃｏｍ|jsmith@fabrikam.com",
        "j\u200Bsmith@fab\u00ADrikam.com|jsmith@fabrikam.com",
        "j&#46;smith&#64;fabrikam&#x2E;com|j.smith@fabrikam.com",
        // an invisible written as an entity is dropped too (mail clients stop auto-linking so)
        "j&#8203;smith@fab&#x200B;rikam&#173;.com|jsmith@fabrikam.com",
        "jane&commat;contoso&period;com|jane@contoso.com",
        "mail=jane%40contoso.com|mail=jane@contoso.com",
        "４１１１ １１１１|4111 1111",
        "call 425\u2013555\u20140143|call 425-555-0143",
        "a\u3002b\uFF61c|a.b.c",
        "100% sure &unknown; &#x;|100% sure &unknown; &#x;",
        "%zz %4|%zz %4",
        "&#0; &#x7f;|&#0; &#x7f;",
        // JSON / JavaScript \\uXXXX escapes (session 6): printable ASCII and letters only
        "{\"contact\":\"rahul.sharma\\u0040wipro.com\"}|{\"contact\":\"rahul.sharma@wipro.com\"}",
        "M\\u00fcller M\\u00FCller|Müller Müller",
        "a\\\\u0040b|a\\\\u0040b",
        "\\ud83d\\ude00 \\u000a \\uFF20 \\u00|\\ud83d\\ude00 \\u000a \\uFF20 \\u00",
        "C:\\users\\ulrich|C:\\users\\ulrich",
        // inline HTML tags without attributes render as nothing (session 16)
        "Phone:<b>425</b>-555-<SPAN>0143</SPAN>|Phone:425-555-0143",
        "j.doe@<span>contoso</span>.com<wbr/><wbr />|j.doe@contoso.com",
        "<span style=\"x\">a</span> <br>b<td>c</td> <strongest>|<span style=\"x\">a <br>b<td>c</td> <strongest>",
        "a < b <> c </ d <b|a < b <> c </ d <b",
        // a tag between a letter and a letter or digit stays: a boundary the detectors need
        "x@contoso.com</a>and 0143</span></b>ext <b>Maria</b> Lopez</b>wrote|x@contoso.com</a>and 0143</b>ext Maria Lopez</b>wrote",
        // escaped twice (session 16): an HTML export of HTML, a redirect URL inside a URL
        "maria&amp;#64;contoso&amp;period;com j&amp;#8203;oe|maria@contoso.com joe",
        "email%3Dmaria%2540contoso%252Ecom %25zz %2525|email=maria@contoso.com %zz %",
        "user=maria\\x40contoso\\x2ecom C:\\x86 \\\\x40|user=maria@contoso.com C:\\x86 \\\\x40",
        "maria&#64contoso&#46com &#1x &#x40y &#9999z|maria@contoso.com &#1x &#x40y &#9999z",
        // Markdown escapes between letters or digits (session 16)
        "j\\_doe@contoso\\.com first\\-last|j_doe@contoso.com first-last",
        "C:\\Users\\j_doe \\_x a\\_ a\\\\_b|C:\\Users\\j_doe \\_x a\\_ a\\\\_b",
        // Markdown emphasis inside a value, paired (session 17); masks, powers and lone stars stay
        "**425**-555-0143 **j.doe**@contoso.com j.doe@**contoso**.com|**425-555-0143 **j.doe@contoso.com j.doe@contoso.com",
        "j***@contoso.com 2**-1 a*-b **bold** x**-y|j***@contoso.com 2**-1 a*-b **bold** x**-y",
        // escaped line breaks and tabs where no path can be (session 17); paths stay
        "C:\\new .\\tools \\Users\\nick a\\\\n1 x\\n|C:\\new .\\tools \\Users\\nick a\\\\n1 x\\n",
      })
  void normalizes(String in, String expected) {
    assertThat(TextNormalizer.normalize(in).text()).isEqualTo(expected);
  }

  @Test
  void offsetMapPointsIntoTheOriginal() {
    String in = "x j&#64;c.com";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("x j@c.com");
    int at = nt.text().indexOf('@');
    assertThat(in.substring(nt.originalStart(at), nt.originalEnd(at))).isEqualTo("&#64;");
    assertThat(nt.marks(at, at + 1)).isEqualTo(NormalizedText.ENTITY);
    // whole span of the normalized email maps to the whole written email
    int s = nt.text().indexOf('j');
    int e = nt.text().length();
    assertThat(in.substring(nt.originalStart(s), nt.originalEnd(e - 1))).isEqualTo("j&#64;c.com");
  }

  @Test
  void unicodeEscapeMapsToItsSixChars() {
    String in = "x j\\u0040c.com";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("x j@c.com");
    int at = nt.text().indexOf('@');
    assertThat(in.substring(nt.originalStart(at), nt.originalEnd(at))).isEqualTo("\\u0040");
    assertThat(nt.marks(at, at + 1)).isEqualTo(NormalizedText.ESCAPE);
  }

  @Test
  void aDroppedTagBelongsToNeitherNeighbour() {
    String in = "<a>x@y.com</a> 425</b>-555";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("x@y.com 425-555");
    // a span ending or starting at a tag leaves it out
    assertThat(in.substring(nt.originalStart(0), nt.originalEnd(6))).isEqualTo("x@y.com");
    // a span across a tag covers it, and carries the mark
    int s = nt.text().indexOf('4');
    int e = nt.text().length();
    assertThat(in.substring(nt.originalStart(s), nt.originalEnd(e - 1))).isEqualTo("425</b>-555");
    assertThat(nt.marks(s, e)).isEqualTo(NormalizedText.TAG);
  }

  @Test
  void escapedLineBreaksWhereNoPathCanBe() {
    // a message logged as a JSON string (session 17): each escape maps back to its two chars
    String in = "Phone:\\n425 x\\t+46 Thanks,\\nAnna Berg\\nSupport a\\r\\nb";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("Phone:\n425 x\t+46 Thanks,\nAnna Berg\nSupport a\r\nb");
    assertThat(nt.originalStart(6)).isEqualTo(6);
    assertThat(nt.originalEnd(6)).isEqualTo(8);
    assertThat(nt.marks(6, 7)).isEqualTo(NormalizedText.ESCAPE);
  }

  @Test
  void droppedInvisiblesAreCoveredBySpans() {
    String in = "ab\u200Bcd";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("abcd");
    assertThat(nt.originalEnd(1)).isEqualTo(3); // 'b' covers the zero-width space after it
    assertThat(nt.marks(2, 3)).isEqualTo(NormalizedText.INVISIBLE);
  }

  @Test
  void identityFastPathForPlainAscii() {
    NormalizedText nt = TextNormalizer.normalize("hello world 10.0.0.1");
    assertThat(nt.isIdentity()).isTrue();
    assertThat(nt.originalStart(3)).isEqualTo(3);
  }

  @Test
  void nonBmpAndExpansionsKeepTheMapConsistent() {
    String in = "\uD83D\uDE00 \uFB01le x\uFF20y";
    NormalizedText nt = TextNormalizer.normalize(in);
    assertThat(nt.text()).isEqualTo("\uD83D\uDE00 file x@y");
    int f = nt.text().indexOf('f');
    assertThat(nt.originalStart(f)).isEqualTo(3);
    assertThat(nt.originalStart(f + 1)).isEqualTo(3); // the ligature expanded to two chars
  }

  @Test
  void neverThrowsOnArbitraryInput() {
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = r.nextInt(40);
      for (int k = 0; k < n; k++) {
        int pick = r.nextInt(6);
        sb.append(
            pick == 0
                ? '&'
                : pick == 1
                    ? '%'
                    : pick == 2 ? (char) (0xFF00 + r.nextInt(256)) : (char) r.nextInt(0xFFFF));
      }
      NormalizedText nt = TextNormalizer.normalize(sb.toString());
      for (int k = 0; k < nt.text().length(); k++) {
        assertThat(nt.originalStart(k)).isBetween(0, sb.length());
        assertThat(nt.originalEnd(k)).isBetween(nt.originalStart(k), sb.length());
      }
    }
  }
}
