package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SECRET detector visits only the marked tokens of a text without {@code ==} ({@link
 * SecretDetector#detect}); it must report exactly what the pass over every token reports ({@link
 * SecretDetector#detectEveryToken}): every field of every candidate, on seeded random text built
 * from the detector's triggers (prefixes, keywords, {@code --flags}, separators, PEM headers, XML
 * elements, non-ASCII letters that fold to keyword letters) and on support-style lines.
 */
class SecretMarksTest {

  private static final String[] PARTS = {
    "password",
    "Password",
    "PWD",
    "pwd",
    "pass",
    "passwd",
    "token",
    "secret",
    "api key",
    "API_KEY",
    "AccountKey",
    "SharedAccessSignature",
    "sig",
    "client_secret",
    "Authorization",
    "Bearer",
    "bearer",
    "AKIA",
    "ASIA",
    "ghp_",
    "gho_",
    "github_pat_",
    "xoxb-",
    "xoxp-",
    "eyJhbGciOiJIUzI1NiJ9",
    "eyJzdWIiOiIxIn0",
    "sk_live_",
    "~",
    "7Q~",
    "a.7Q~",
    "hvs.",
    "hf_",
    "pypi-AgEIcHlwaS5vcmc",
    "key-",
    "PMAK-",
    "https://discord.com/api/webhooks/123456789012345678/",
    "-----BEGIN RSA PRIVATE KEY-----",
    "-----END RSA PRIVATE KEY-----",
    "--password",
    "--token",
    "-p",
    "-",
    "--",
    "=",
    ":",
    "://",
    "https",
    "user:pw@host",
    ">",
    "<",
    "</password>",
    "<password>",
    "\"",
    "'",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    ".",
    ",",
    ";",
    "&",
    "?",
    "is",
    "the password is",
    "pw is",
    "to",
    "é",
    "\u0301", // a combining mark: the index's exact path
    "\uD83D\uDE00",
    "\uD835\uDC00", // a supplementary letter
    "\uD835", // a lone surrogate
    "-\u0301",
    "\u00AD",
    "\u200B",
    "\u2013",
    "\u2014",
    "ſ",
    "K",
    "Ｋ",
    "ö",
    "contraseña",
    "lösenord",
    "Server=tcp:x.database.windows.net;User ID=sa;Password=",
    "Data Source",
    "mongodb+srv://",
    "hello",
    "world",
    "ticket",
    "key",
    "monkey",
    "Note",
    "Subject",
    "x",
    "17:",
    "To:",
    "From:",
  };

  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private static String value(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 4 + r.nextInt(44);
    for (int i = 0; i < n; i++) {
      sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
    }
    return sb.toString();
  }

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(4) == 0 ? value(r) : PARTS[r.nextInt(PARTS.length)]);
    }
    return sb.toString().replace("==", "=.="); // the marked path is for text without "=="
  }

  /** Runs both passes of one detector on the engine's context of each text. */
  private static final class Both implements Detector {
    final SecretDetector d = new SecretDetector();
    final List<String> marked = new ArrayList<>();
    final List<String> every = new ArrayList<>();

    @Override
    public String name() {
      return d.name();
    }

    @Override
    public Set<EntityType> entities() {
      return d.entities();
    }

    @Override
    public int triggerFlags() {
      return d.triggerFlags();
    }

    @Override
    public void detect(DetectionContext ctx) {
      d.detect(RecordingContext.of(ctx, c -> marked.add(describe(c))));
      d.detectEveryToken(RecordingContext.of(ctx, c -> every.add(describe(c))));
    }

    private static String describe(Candidate c) {
      return c + " canonical=" + c.canonical() + " words=" + c.contextWords();
    }
  }

  @Test
  void markedTokensReportWhatEveryTokenReports() {
    Both both = new Both();
    PiiAnalyzer an = PiiAnalyzer.builder().clearDetectors().addDetector(both).build();
    Random r = new Random(20261130);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      String t = text(r);
      both.marked.clear();
      both.every.clear();
      an.analyze(t);
      assertThat(both.marked).as("text %d", i).isEqualTo(both.every);
      found += both.every.size();
    }
    assertThat(found).as("the random texts hold secrets").isGreaterThan(2_000);
  }

  @Test
  void supportLines() {
    Both both = new Both();
    PiiAnalyzer an = PiiAnalyzer.builder().clearDetectors().addDetector(both).build();
    String[] lines = {
      "Hi team, the customer sent password=Sup3rS3cret! in the ticket, please rotate it.",
      "run ./deploy --password hunter2-Blue --verbose",
      "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl",
      "the password is \"Tr0ub4dor&3\" for the admin account",
      "<password>s3cr3t-Value</password> in the config",
      "AccountName=acme;AccountKey=AbCdEf0123456789AbCdEf0123456789AbCdEf01;EndpointSuffix=core",
      "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----",
      "Kontraseña: Zx9-ħq", // non-ASCII letters start tokens
      "From: Anna\nTo: Bob\nSubject: 17:30 meeting",
    };
    int found = 0;
    for (String t : lines) {
      both.marked.clear();
      both.every.clear();
      an.analyze(t);
      assertThat(both.marked).as(t).isEqualTo(both.every);
      found += both.every.size();
    }
    assertThat(found).isGreaterThanOrEqualTo(6);
  }
}
