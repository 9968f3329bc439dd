package io.leakguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.leakguard.pii.EntityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that gold spans point at the values they claim: every value is decoded back from its
 * written form (test-only decoding, independent of the engine) and validated.
 */
class SupportCaseGeneratorTest {
  private static final int N = 3000;
  private static List<LabeledCase> corpus;

  @BeforeAll
  static void generate() {
    corpus = new SupportCaseGenerator(20261129L).generate(N);
  }

  @Test
  void deterministicPerSeedAndIndependentOfOrder() {
    SupportCaseGenerator a = new SupportCaseGenerator(7);
    SupportCaseGenerator b = new SupportCaseGenerator(7);
    List<LabeledCase> x = a.generate(40);
    assertThat(b.generate(40)).isEqualTo(x);
    assertThat(a.caseAt(33)).isEqualTo(x.get(33));
    assertThat(new SupportCaseGenerator(8).generate(40)).isNotEqualTo(x);
    assertThat(x.get(0).id()).isEqualTo("s7-c000000");
  }

  @Test
  void everyEntityFormAndLookalikeKindOccurs() {
    Map<EntityType, Set<Form>> seen = new EnumMap<>(EntityType.class);
    Set<LookalikeKind> kinds = EnumSet.noneOf(LookalikeKind.class);
    for (LabeledCase c : corpus) {
      for (GoldSpan g : c.spans()) {
        if (g.isLookalike()) {
          kinds.add(g.lookalike());
        } else {
          seen.computeIfAbsent(g.entity(), k -> EnumSet.noneOf(Form.class)).add(g.form());
        }
      }
    }
    for (Map.Entry<EntityType, List<Form>> e : Entities.FORMS.entrySet()) {
      assertThat(seen.get(e.getKey())).as(e.getKey().name()).containsAll(e.getValue());
    }
    assertThat(seen.get(EntityType.PERSON)).contains(Form.FIRST_NAME);
    assertThat(kinds).containsExactlyInAnyOrder(LookalikeKind.values());
  }

  @Test
  void spansAreCodePointOffsetsAlsoAfterSupplementaryCharacters() {
    int casesWithAstralBeforeSpan = 0;
    for (LabeledCase c : corpus) {
      int[] cps = c.text().codePoints().toArray();
      boolean counted = false;
      for (GoldSpan g : c.spans()) {
        String byCodePoints = new String(cps, g.start(), g.end() - g.start());
        assertThat(c.covered(g)).isEqualTo(byCodePoints);
        if (!counted && hasSupplementaryBefore(c.text(), cps, g.start())) {
          casesWithAstralBeforeSpan++;
          counted = true;
        }
      }
    }
    assertThat(casesWithAstralBeforeSpan).isGreaterThan(50);
    // and a hand-checked one: the emoji is one code point, two chars
    CaseWriter w = new CaseWriter();
    w.text("ok 😀 ").entity(EntityType.US_SSN, Form.STANDARD, "123-45-6789");
    LabeledCase c = w.build("x");
    assertThat(c.spans().get(0).start()).isEqualTo(5);
    assertThat(c.spans().get(0).end()).isEqualTo(16);
    assertThat(c.covered(c.spans().get(0))).isEqualTo("123-45-6789");
  }

  private static boolean hasSupplementaryBefore(String text, int[] cps, int cp) {
    for (int i = 0; i < cp; i++) {
      if (Character.isSupplementaryCodePoint(cps[i])) {
        return true;
      }
    }
    return false;
  }

  @Test
  void spansDoNotOverlapAndHaveNoOuterWhitespace() {
    for (LabeledCase c : corpus) {
      GoldSpan prev = null;
      for (GoldSpan g : c.spans()) {
        if (prev != null) {
          assertThat(g.start()).as(c.id()).isGreaterThanOrEqualTo(prev.end());
        }
        prev = g;
        String v = c.covered(g);
        assertThat(v).as(c.id()).isEqualTo(v.strip());
      }
    }
  }

  @Test
  void everyGoldValueDecodesToAValidValue() {
    int checked = 0;
    List<String> bad = new ArrayList<>();
    for (LabeledCase c : corpus) {
      for (GoldSpan g : c.spans()) {
        if (g.isLookalike()) {
          continue;
        }
        // a value split by a line break inside a quoted reply carries the quote prefix
        String v = c.covered(g).replaceAll("\n(> )*", "\n");
        if (!valid(g, v)) {
          bad.add(g.typeLabel() + "/" + g.formLabel() + ": " + v);
        }
        checked++;
      }
    }
    assertThat(bad).isEmpty();
    assertThat(checked).isGreaterThan(N * 5);
  }

  @Test
  void lookalikesAreNotValidPii() {
    for (LabeledCase c : corpus) {
      for (GoldSpan g : c.spans()) {
        if (g.lookalike() == LookalikeKind.TICKET_NUMBER) {
          String d = c.covered(g).replaceAll("[^0-9]", "");
          if (d.length() >= 13) {
            assertThat(Entities.luhnValid(d)).as(c.covered(g)).isFalse();
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- test-only decoding

  private static final Pattern EMAIL = Pattern.compile("[a-z0-9._-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final Pattern PERSON = Pattern.compile("[\\p{L}][\\p{L} .,'-]*");
  private static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  static String fold(String v) {
    String s = Normalizer.normalize(v, Normalizer.Form.NFKC);
    return s.replaceAll("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]", "");
  }

  static String digitsOf(String v) {
    String s = fold(v).toLowerCase(Locale.ROOT);
    for (int i = 0; i < 10; i++) {
      s = s.replace(DIGITS[i], Integer.toString(i));
    }
    return s.replaceAll("[^0-9]", "");
  }

  static String decodeEmail(String v) {
    String s = fold(v);
    s =
        s.replace("&#64;", "@")
            .replace("&#064;", "@")
            .replace("&#x40;", "@")
            .replace("&commat;", "@")
            .replace("%40", "@")
            .replace("&#46;", ".")
            .replace("&period;", ".");
    s = s.toLowerCase(Locale.ROOT);
    for (String b : new String[] {"[at]", "(at)", "{at}", "<at>", " at "}) {
      s = s.replace(b, "@");
    }
    for (String b : new String[] {"[dot]", "(dot)", "{dot}", "<dot>", "[.]", " dot "}) {
      s = s.replace(b, ".");
    }
    s = s.replaceAll("\\s+", "");
    if (!s.contains(".")) {
      // space-for-dot: the domain's dots were spaces
      String[] lr = fold(v).toLowerCase(Locale.ROOT).split("@", 2);
      s = lr[0].trim() + "@" + lr[1].trim().replaceAll("\\s+", ".");
    }
    int at = s.indexOf('@');
    if (at > 0 && s.indexOf('.', at) < 0) {
      s = s.substring(0, at + 1) + s.substring(at + 1).replace(',', '.');
    }
    return s;
  }

  private static boolean valid(GoldSpan g, String v) {
    switch (g.entity()) {
      case EMAIL_ADDRESS:
        {
          String d = decodeEmail(v);
          if (g.form() == Form.SPACE_FOR_DOT) {
            String[] lr = fold(v).split("@", 2);
            d =
                lr[0].trim().toLowerCase(Locale.ROOT)
                    + "@"
                    + lr[1].trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", ".");
          }
          return EMAIL.matcher(d).matches();
        }
      case CREDIT_CARD:
        {
          String d = digitsOf(v);
          return d.length() >= 14 && d.length() <= 16 && Entities.luhnValid(d);
        }
      case US_SSN:
        {
          String d = digitsOf(v);
          if (d.length() != 9) {
            return false;
          }
          int area = Integer.parseInt(d.substring(0, 3));
          return area > 0
              && area != 666
              && area < 900
              && !d.startsWith("00", 3)
              && !d.endsWith("0000");
        }
      case IBAN_CODE:
        {
          String s = fold(v).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
          return s.length() >= 15 && s.length() <= 34 && Entities.ibanValid(s);
        }
      case PHONE_NUMBER:
        {
          String f = fold(v).toLowerCase(Locale.ROOT);
          String d = digitsOf(v);
          boolean intl = f.startsWith("+") || f.startsWith("plus") || d.startsWith("00");
          try {
            PhoneNumberUtil u = PhoneNumberUtil.getInstance();
            String number = intl ? "+" + (d.startsWith("00") ? d.substring(2) : d) : d;
            return u.isValidNumber(u.parse(number, "US"));
          } catch (NumberParseException e) {
            return false;
          }
        }
      case IP_ADDRESS:
        {
          if (g.form() == Form.IPV6) {
            return v.contains("::") || v.split(":").length == 8;
          }
          String f = fold(v).toLowerCase(Locale.ROOT).replace("ip-", "").replace("ec2-", "");
          String[] parts = f.split("[^0-9]+");
          if (parts.length != 4) {
            return false;
          }
          for (String p : parts) {
            if (p.isEmpty() || Integer.parseInt(p) > 255) {
              return false;
            }
          }
          return true;
        }
      case MAC_ADDRESS:
        return v.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "").length() == 12
            && v.replaceAll("[0-9a-fA-F:.-]", "").isEmpty();
      case PERSON:
        return PERSON.matcher(v).matches() && !v.endsWith(",");
      case SECRET:
        {
          Set<Integer> ws = new HashSet<>();
          v.codePoints().filter(Character::isWhitespace).forEach(ws::add);
          return v.length() >= 6 && (g.form() == Form.PEM_PRIVATE_KEY || ws.isEmpty());
        }
      default:
        return false;
    }
  }

  @Test
  void jsonlRoundTrip() throws Exception {
    List<LabeledCase> some = corpus.subList(0, 200);
    java.io.StringWriter sw = new java.io.StringWriter();
    CorpusJsonl.write(some, sw);
    assertThat(CorpusJsonl.read(new java.io.StringReader(sw.toString()))).isEqualTo(some);
    assertThat(CorpusJsonl.toLine(some.get(0)))
        .startsWith("{\"id\":\"s20261129-c000000\",\"text\":");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    long n = CorpusJsonl.writeBytes(new SupportCaseGenerator(20261129L), 100_000, bytes);
    assertThat(bytes.size()).isGreaterThanOrEqualTo(100_000);
    String text = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text.split("\n")).hasSize((int) n);
    assertThat(CorpusJsonl.fromLine(text.split("\n")[3])).isEqualTo(corpus.get(3));
  }
}
