package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.spi.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The round-4 {@link SecretDetector} (trigger-driven walk) against the round-3 walk kept as {@link
 * SecretDetectorOracle}: the same findings (spans, scores, patterns, canonical values, context
 * words) on seeded random texts dense in everything the detector reacts to, on adversarial runs,
 * and on the table cases. The bench corpus comparison runs outside the unit tests (see {@code
 * docs/pii-perf.md}, "Round 4: text4").
 */
class SecretDifferentialTest {
  private static final String[] PIECES = {
    "password",
    "Password",
    "PASSWORD",
    "pwd",
    "passwd",
    "pw",
    "passphrase",
    "kennwort",
    "senha",
    "contraseña",
    "wachtwoord",
    "creds",
    "credentials",
    "login",
    "logon",
    "token",
    "api_key",
    "apiKey",
    "API key",
    "secret",
    "client_secret",
    "AccountKey",
    "SharedAccessSignature",
    "sig",
    "DB_PASSWORD",
    "Bearer ",
    "bearer",
    "BEARER",
    "be",
    "because",
    "AKIA",
    "ASIA",
    "ghp_",
    "github_pat_",
    "glpat-",
    "xoxb-",
    "sk_live_",
    "sk-",
    "AIza",
    "SG.",
    "npm_",
    "SK",
    "eyJ",
    "eyJhbGciOiJIUzI1NiJ9",
    "--password ",
    "--",
    "-p ",
    "-",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END RSA PRIVATE KEY-----",
    "-----BEGIN ",
    "<password>",
    "</password>",
    "<ApiKey>",
    ">",
    "<",
    "'",
    "\"",
    "`",
    "=",
    ":",
    "==",
    "=>",
    ":=",
    "://",
    "https://",
    "user:",
    "@",
    "?",
    "&",
    ";",
    ",",
    ".",
    "(",
    ")",
    "/",
    "+",
    "_",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "is ",
    " is: ",
    "to",
    "ist",
    "é",
    "ſ",
    "\u212A",
    "\u0130",
    "\u00A0",
    "\u2013",
    "SecureString",
    "Server=tcp:x.database.windows.net;",
    "User ID=sa;",
    "the",
    "see",
    "could",
    "content",
    "a",
    "x",
    "Z",
    "0",
    "42",
    "2025-01-01",
    "12:30:45"
  };

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private static final PiiAnalyzer NEW = analyzer(new SecretDetector());
  private static final PiiAnalyzer OLD = analyzer(new SecretDetectorOracle());

  static PiiAnalyzer analyzer(Detector d) {
    return PiiAnalyzer.builder().clearDetectors().addDetector(d).minScore(0).build();
  }

  /** Every field of every finding, in order. */
  static List<String> describe(List<PiiFinding> found) {
    List<String> out = new ArrayList<>();
    for (PiiFinding f : found) {
      out.add(
          f
              + " "
              + f.charStart()
              + ".."
              + f.charEnd()
              + " "
              + f.score()
              + " "
              + f.form()
              + " "
              + f.canonical()
              + " "
              + f.explanation());
    }
    return out;
  }

  static int assertSame(PiiAnalyzer now, PiiAnalyzer before, String text) {
    List<String> a = describe(now.analyze(text));
    assertThat(a).as("%s", text).isEqualTo(describe(before.analyze(text)));
    return a.size();
  }

  static String randomB64(Random r, int len) {
    StringBuilder sb = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      sb.append(B64.charAt(r.nextInt(B64.length())));
    }
    return sb.toString();
  }

  @Test
  void randomTextsGiveTheOraclesFindings() {
    Random r = new Random(4_2026_1129L);
    int findings = 0;
    for (int iter = 0; iter < 30_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = 1 + r.nextInt(40);
      for (int k = 0; k < parts; k++) {
        int pick = r.nextInt(PIECES.length + 6);
        if (pick < PIECES.length) {
          sb.append(PIECES[pick]);
        } else if (pick == PIECES.length) {
          sb.append(randomB64(r, 8 + r.nextInt(40)));
        } else if (pick == PIECES.length + 1) {
          sb.append(randomB64(r, 80 + r.nextInt(10))).append("==");
        } else if (pick == PIECES.length + 2) {
          sb.append((char) r.nextInt(0x3000));
        } else {
          sb.append((char) (32 + r.nextInt(95)));
        }
      }
      findings += assertSame(NEW, OLD, sb.toString());
    }
    assertThat(findings).isGreaterThan(3_000);
  }

  @Test
  void adversarialRunsGiveTheOraclesFindings() {
    Random r = new Random(7);
    List<String> texts = new ArrayList<>();
    texts.add("password=".repeat(2_000));
    texts.add("eyJ-".repeat(3_000));
    texts.add("--password --password ".repeat(1_000));
    texts.add("- -p 'x' -".repeat(1_000));
    texts.add("=".repeat(5_000));
    texts.add("==a".repeat(3_000));
    texts.add(("key " + randomB64(r, 86) + "== ").repeat(200));
    texts.add(("x " + randomB64(r, 84) + "==\n").repeat(200));
    texts.add("-----BEGIN ".repeat(1_000));
    texts.add("<password>".repeat(1_000) + "x</password>");
    texts.add("Bearer Bearer bearer ".repeat(1_000));
    texts.add("ſecret: " + randomB64(r, 40) + "\nKey=" + randomB64(r, 40));
    for (int len = 0; len < 6; len++) {
      texts.add("a".repeat(len));
      texts.add("-".repeat(len));
      texts.add("=".repeat(len) + "a");
    }
    int findings = 0;
    for (String t : texts) {
      findings += assertSame(NEW, OLD, t);
    }
    assertThat(findings).isGreaterThan(100);
  }
}
