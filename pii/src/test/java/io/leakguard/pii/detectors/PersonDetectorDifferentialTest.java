package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PersonDetector} against its previous implementation ({@link PersonDetectorReference}, kept
 * as the oracle of the round-4 speed work): the same candidates, every field ({@link
 * Candidate#toString()}, canonical value and context words), in the same order, on the table texts
 * of {@link PersonDetectorTest} and on random texts dense in what the detector reacts to (list
 * names, cue words and phrases, labels, headers, closings, titles, particles, addresses,
 * punctuation, line breaks, CamelCase, accents, a dotless i and a long s, random case).
 */
class PersonDetectorDifferentialTest {
  private static final String[] PIECES = {
    "Maria",
    "Garcia",
    "maria",
    "garcia",
    "John",
    "Smith",
    "JOHN",
    "SMITH",
    "Kofi",
    "Mensah",
    "anna",
    "müller",
    "Müller",
    "José",
    "Jose",
    "Zyxwa",
    "Qorbel",
    "zyxwa",
    "Will",
    "Grace",
    "Bill",
    "May",
    "Monday",
    "Windows",
    "Azure",
    "Server",
    "Team",
    "Support",
    "Ltd",
    "Contoso",
    "The",
    "Please",
    "Could",
    "Hi",
    "hi",
    "Hello",
    "Dear",
    "Hey",
    "Thanks",
    "thanks",
    "Thank you",
    "thank you so much",
    "Kind regards",
    "kind regards",
    "Best",
    "Cheers",
    "Regards",
    "BR",
    "Good morning",
    "good",
    "morning",
    "Name",
    "name",
    "From",
    "To",
    "Cc",
    "to",
    "of",
    "for",
    "with",
    "by",
    "is",
    "am",
    "me",
    "call",
    "this",
    "i",
    "I",
    "m",
    "s",
    "my",
    "soy",
    "sono",
    "ist",
    "ich",
    "heiße",
    "there",
    "again",
    "here",
    "can",
    "you",
    "please",
    "assigned",
    "Assigned",
    "spoke",
    "escalated",
    "per",
    "cc",
    "ask",
    "contact",
    "w",
    "van",
    "de",
    "la",
    "von",
    "der",
    "Dr",
    "Mr",
    "Mrs",
    "prof",
    "O'Brien",
    "Jean-Luc",
    "Smith-Jones",
    "D'Angelo",
    "McDonald",
    "PowerShell",
    "getUserName",
    "agaın",
    "thıs",
    "naſe",
    "ı",
    "Visual",
    "Studio",
    "A",
    "B",
    "x",
    "the",
    "and",
    "tried",
    "repair",
    "v2",
    "123",
    "2024",
    "CS113"
  };
  private static final String[] MARKS = {
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n",
    "\r\n",
    "\t",
    ",",
    ", ",
    ";",
    ":",
    ": ",
    ".",
    ". ",
    "/",
    "-",
    "--",
    "- ",
    "'",
    "’",
    "\"",
    "(",
    ")",
    "<",
    ">",
    "> ",
    "[10:14:30] ",
    "]",
    "•",
    "*",
    "!",
    "?",
    "|",
    "_",
    "@",
    "=",
    "#",
    " <maria@contoso.com>",
    " (tom@x.org)",
    ", m@x.io",
    " at ",
    " <maria at contoso dot com>",
    "\u00a0"
  };

  /** Runs a detector and records its candidates, in report order. */
  private static List<String> candidates(Detector d, String text) {
    List<String> out = new ArrayList<>();
    Detector rec =
        new Detector() {
          @Override
          public String name() {
            return "person";
          }

          @Override
          public Set<EntityType> entities() {
            return Set.of(EntityType.PERSON);
          }

          @Override
          public int triggerFlags() {
            return d.triggerFlags();
          }

          @Override
          public void detect(DetectionContext ctx) {
            d.detect(
                RecordingContext.of(
                    ctx,
                    c -> {
                      out.add(c + " canonical=" + c.canonical() + " words=" + c.contextWords());
                      ctx.report(c);
                    }));
          }
        };
    PiiAnalyzer.builder().clearDetectors().addDetector(rec).minScore(0).build().analyze(text);
    return out;
  }

  private static void assertSame(String text) {
    assertThat(candidates(new PersonDetector(), text))
        .as("%s", text)
        .isEqualTo(candidates(new PersonDetectorReference(), text));
  }

  @Test
  void sameCandidatesOnTheTableTexts() throws IOException {
    int texts = 0;
    for (String file : List.of("positives.tsv", "negatives.txt")) {
      for (String line : lines(file)) {
        String text =
            line.split("\t", -1)[0].replace("\\n", "\n").replace("⟦", "").replace("⟧", "");
        assertSame(text);
        assertSame(text.toLowerCase(Locale.ROOT));
        texts++;
      }
    }
    assertThat(texts).isGreaterThan(100);
  }

  @Test
  void sameCandidatesOnRandomTexts() {
    Random r = new Random(20261129L);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(24);
      for (int k = 0; k < parts; k++) {
        String w = PIECES[r.nextInt(PIECES.length)];
        int c = r.nextInt(10);
        if (c == 0) {
          w = w.toUpperCase(Locale.ROOT);
        } else if (c == 1) {
          w = w.toLowerCase(Locale.ROOT);
        }
        sb.append(w).append(MARKS[r.nextInt(MARKS.length)]);
        if (r.nextInt(4) == 0) {
          sb.append(MARKS[r.nextInt(MARKS.length)]);
        }
      }
      String text = sb.toString();
      List<String> want = candidates(new PersonDetectorReference(), text);
      assertThat(candidates(new PersonDetector(), text)).as("%s", text).isEqualTo(want);
      found += want.size();
    }
    assertThat(found).as("the generator does produce names").isGreaterThan(2_000);
  }

  private static List<String> lines(String file) throws IOException {
    String res = "/io/leakguard/pii/detectors/PersonDetectorTest/" + file;
    try (InputStream in = PersonDetectorDifferentialTest.class.getResourceAsStream(res)) {
      assertThat(in).as(res).isNotNull();
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l);
        }
      }
      return out;
    }
  }
}
