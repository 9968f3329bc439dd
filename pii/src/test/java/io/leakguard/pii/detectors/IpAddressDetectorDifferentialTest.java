package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link IpAddressDetector} (with the round-4 shortcuts: linked number segments, the nearby
 * dotted-number test, colons from the {@link DigitRuns} walk, the two-colon and time-run skips)
 * against {@link IpAddressDetectorOracle}, the detector as it was before them: same candidates
 * (span, scores, form, pattern, context words, canonical) on support-text samples, the case table,
 * and random texts dense in the chars the shortcuts look at. Both run on the engine's real context,
 * one text at a time.
 */
class IpAddressDetectorDifferentialTest {
  private static final String[] PIECES = {
    "10",
    "0",
    "1",
    "255",
    "256",
    "192",
    "168",
    "172",
    "31",
    "2001",
    "db8",
    "fe80",
    "ffff",
    "abcd",
    "12",
    "45",
    "03",
    "2024",
    "1234",
    "99999",
    "7",
    "08",
    "00",
    "4711",
    "1.",
    "3.6.1",
    "6.4.0.62",
    ".",
    ".",
    ".",
    ".",
    ":",
    ":",
    ":",
    "::",
    ",",
    ",",
    "-",
    "-",
    " ",
    " ",
    " ",
    "  ",
    "   ",
    "\t",
    "\n",
    "\n\n",
    "[.]",
    "(.)",
    "{.}",
    "[dot]",
    "(dot)",
    " dot ",
    " DOT ",
    " Dot ",
    "[",
    "]",
    "(",
    ")",
    "/",
    "/24",
    "/64",
    "%eth0",
    "ip-",
    "ec2-",
    ".ec2.internal",
    ".compute.internal",
    ".us-west-2.compute.internal",
    ".default.pod.cluster.local",
    "version ",
    "Version=",
    "v",
    "build ",
    "rev ",
    "KB",
    "Outlook ",
    "OS ",
    "Office is ",
    "Contoso.Core (",
    "~amd64~~",
    "From ",
    "Mine is ",
    "server ",
    "ip ",
    "host ",
    "from ",
    "router ",
    "gateway ",
    "address: ",
    "Subject: ",
    "Re: ",
    "Note:",
    "T",
    "Z",
    "a",
    "b",
    "c",
    "f",
    "g",
    "x",
    "é",
    "Ü",
    "٣",
    "\u0301",
    "ß",
    ". ",
    "! ",
    "? ",
    "> ",
    "=",
    "_",
    "~",
    "<",
    "port ",
    "works, ",
    "does not",
    "std::vector",
    "Foo::bar",
    "a1::b2<T>",
    "(Preferred)",
    "0x",
    "e",
    "Agent (Kofi): ",
    "12:45:03",
    "2024-10-30 ",
    "09:15",
    "00:1a:2b:3c:4d:5e",
    "f4:5c:89:c4:90:af",
    "1-800-555-1234",
    "+1 555 123 4567"
  };

  /** Runs the oracle and the detector on each text, on the engine's context. */
  private static final class Both implements Detector {
    final Detector oracle = new IpAddressDetectorOracle();
    final Detector detector = new IpAddressDetector();
    final List<String> expected = new ArrayList<>();
    final List<String> actual = new ArrayList<>();

    @Override
    public String name() {
      return "ip";
    }

    @Override
    public Set<EntityType> entities() {
      return Set.of(EntityType.IP_ADDRESS);
    }

    @Override
    public int triggerFlags() {
      return TextIndex.DIGIT;
    }

    @Override
    public void detect(DetectionContext ctx) {
      oracle.detect(recording(ctx, expected));
      detector.detect(recording(ctx, actual));
    }

    private static DetectionContext recording(DetectionContext ctx, List<String> out) {
      return RecordingContext.of(ctx, c -> out.add(c.toString()));
    }
  }

  private final Both both = new Both();
  private final PiiAnalyzer analyzer =
      PiiAnalyzer.builder().clearDetectors().addDetector(both).minScore(0).build();

  /** Candidates of both on {@code text}; returns how many the oracle reported. */
  private int check(String text) {
    both.expected.clear();
    both.actual.clear();
    analyzer.analyze(text);
    assertThat(both.actual).as("candidates for %s", text).isEqualTo(both.expected);
    return both.expected.size();
  }

  @Test
  void sameCandidatesOnSupportTextSamples() throws IOException {
    String all = resource("samples.txt");
    int found = 0;
    for (String text : all.split("\n-----\n")) {
      found += check(text);
    }
    assertThat(found).isGreaterThan(50);
  }

  @Test
  void sameCandidatesOnTheCaseTable() throws IOException {
    String all = resource("../IpAddressDetectorTest/cases.tsv");
    for (String line : all.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String text = line.split("\t", -1)[1];
        check(text.replace("«", "").replace("»", "").replace("\\n", "\n").replace("\\t", "\t"));
      }
    }
  }

  @Test
  void sameCandidatesOnRandomTexts() {
    Random rnd = new Random(4_2026_1129L);
    int found = 0;
    for (int i = 0; i < 60_000; i++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + rnd.nextInt(60);
      for (int k = 0; k < parts; k++) {
        sb.append(PIECES[rnd.nextInt(PIECES.length)]);
      }
      found += check(sb.toString());
    }
    assertThat(found).isGreaterThan(5_000);
  }

  /** Long chains and colon runs: the resume positions of both passes are exercised. */
  @Test
  void sameCandidatesOnAdversarialTexts() {
    String[] texts = {
      "1.2.3.4.5.6.7.8.9 10.0.0.1 1.1.1.1.1.1 5-10.0.0.1 1.10-0-0-1.x",
      "ab:1.2.3.4:1:2:3:4:5:6:7 x ab:1.2.3.4:5 ::ffff:1.2.3.4:5",
      "1:2:3:4:5:6:7:8:9 a:b:c:d:e:f:1:2 12:34:56:78 ::1: ::",
      "ip-10-0-0-1-2 ip-10-0-0-1.ec2.internal ec2-1-2-3-4 ip-1.2.3.4 x-ip-10-0-0-1",
      "Build 16.0.13556.20330 works, 8.5.0.212 does not. Server 10.0.0.1 and 5.1.4 too",
      "10 . 0 . 0 . 1   10 [.] 0 [.] 0 [.] 1   10   .   0   .   0   .   1 10 dot 0 dot 0 dot 1",
      "10. 0. 0. 1 ip 10,0,0,1 1,2,3,4 10,20,30,40 router",
    };
    for (String t : texts) {
      check(t);
      check(t.repeat(50));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        IpAddressDetectorDifferentialTest.class.getResourceAsStream(
            "IpAddressDetectorDifferentialTest/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
