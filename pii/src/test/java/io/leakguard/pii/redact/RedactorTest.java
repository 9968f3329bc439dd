package io.leakguard.pii.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import io.leakguard.pii.DetectionException;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedactorTest {
  static final String KEY_A = Base64.getEncoder().encodeToString(bytes(32, 1));
  static final String KEY_B = Base64.getEncoder().encodeToString(bytes(48, 7));

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 31 + i * 17);
    }
    return b;
  }

  static PiiAnalyzer analyzer() {
    return PiiAnalyzer.builder()
        .clearDetectors()
        .addDetector(
            new FixedTermsDetector()
                .term("XYZ @contoso com", EntityType.EMAIL_ADDRESS, "xyz@contoso.com")
                .term("xyz at contoso dot com", EntityType.EMAIL_ADDRESS, "xyz@contoso.com")
                .term("xyz@contoso.com", EntityType.EMAIL_ADDRESS, "xyz@contoso.com")
                .term("abc@contoso.com", EntityType.EMAIL_ADDRESS, "abc@contoso.com")
                .term("4111 1111 1111 1111", EntityType.CREDIT_CARD, "4111111111111111")
                .term("10.0.0.1", EntityType.IP_ADDRESS, "10.0.0.1")
                .term("Maria Gonzalez", EntityType.PERSON, "Maria Gonzalez")
                .term("süß@beispiel.de", EntityType.EMAIL_ADDRESS, "süß@beispiel.de")
                .throwOn("BOOM"))
        .build();
  }

  static Redactor redactor(Operator email, Keys keys) {
    return Redactor.create(
        analyzer(),
        RedactionPolicy.builder().operator(EntityType.EMAIL_ADDRESS, email).build(),
        keys);
  }

  static Stream<Arguments> operators() {
    return Stream.of(
        Arguments.of(Operator.replace(), "mail xyz@contoso.com now", "mail <EMAIL_ADDRESS> now"),
        Arguments.of(Operator.replace("[email]"), "mail xyz@contoso.com", "mail [email]"),
        Arguments.of(Operator.replace(""), "mail xyz@contoso.com!", "mail !"),
        Arguments.of(Operator.mask(4, true, '*'), "a xyz@contoso.com", "a ***********.com"),
        Arguments.of(Operator.mask(3, false, '#'), "a xyz@contoso.com", "a xyz############"),
        Arguments.of(Operator.mask(0, false, '*'), "xyz@contoso.com", "***************"),
        Arguments.of(Operator.mask(99, false, '*'), "xyz@contoso.com", "xyz@contoso.com"),
        Arguments.of(Operator.mask(2, true, 'x'), "süß@beispiel.de", "xxxxxxxxxxxxxde"),
        Arguments.of(Operator.drop(), "mail xyz@contoso.com", "mail <EMAIL_ADDRESS>"));
  }

  @ParameterizedTest
  @MethodSource("operators")
  void operatorTable(Operator op, String in, String expected) {
    Redaction r = redactor(op, Keys.none()).redact(in);
    assertThat(r.text()).isEqualTo(expected);
    assertThat(r.drop()).isEqualTo(op.kind() == Operator.Kind.DROP);
    assertThat(r.spans()).hasSize(1);
    assertThat(r.spans().get(0).operator()).isEqualTo(op.kind());
  }

  @Test
  void hashTokenShapeAndCanonicalization() {
    Redactor r = redactor(Operator.hash(), Keys.parse(KEY_A));
    String a = r.redact("XYZ @contoso com").text();
    String b = r.redact("xyz at contoso dot com").text();
    String c = r.redact("xyz@contoso.com").text();
    assertThat(a).matches("<EMAIL_ADDRESS:[0-9a-f]{16}>").isEqualTo(b).isEqualTo(c);
    assertThat(r.redact("abc@contoso.com").text()).isNotEqualTo(a);
    // another key gives another token
    assertThat(redactor(Operator.hash(), Keys.parse(KEY_B)).redact("xyz@contoso.com").text())
        .isNotEqualTo(a);
  }

  @Test
  void hashIsTheDocumentedHmac() throws Exception {
    // HMAC-SHA256(HKDF(key, "leakguard/v1 hash"), "EMAIL_ADDRESS:xyz@contoso.com"), first 8 bytes
    byte[] hk = Keys.hkdf(bytes(32, 1), "leakguard/v1 hash", 32);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(hk, "HmacSHA256"));
    byte[] h = mac.doFinal("EMAIL_ADDRESS:xyz@contoso.com".getBytes("UTF-8"));
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      hex.append(String.format("%02x", h[i] & 0xff));
    }
    assertThat(redactor(Operator.hash(), Keys.parse(KEY_A)).redact("xyz@contoso.com").text())
        .isEqualTo("<EMAIL_ADDRESS:" + hex + ">");
  }

  @Test
  void hkdfMatchesRfc5869TestCase3() {
    byte[] ikm = new byte[22];
    java.util.Arrays.fill(ikm, (byte) 0x0b);
    byte[] okm = Keys.hkdf(ikm, "", 42);
    assertThat(java.util.HexFormat.of().formatHex(okm))
        .isEqualTo(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  @Test
  void keyedTokensAreDeterministicAcrossInstancesAndThreads() throws Exception {
    for (Operator op : List.of(Operator.hash(), Operator.encrypt())) {
      Redactor one = redactor(op, Keys.parse(KEY_A));
      Redactor two = redactor(op, Keys.parse(KEY_A));
      String expected = one.redact("x xyz@contoso.com y").text();
      assertThat(two.redact("x XYZ @contoso com y").text()).isEqualTo(expected);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> fs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          Redactor r = i % 2 == 0 ? one : two;
          fs.add(pool.submit(() -> r.redact("x xyz at contoso dot com y").text()));
        }
        Set<String> seen = new HashSet<>();
        for (Future<String> f : fs) {
          seen.add(f.get());
        }
        assertThat(seen).containsExactly(expected);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void encryptRoundTripWithRawKey() {
    Keys keys = Keys.parse(KEY_A);
    Redactor r = redactor(Operator.encrypt(), keys);
    String red = r.redact("to XYZ @contoso com and 10.0.0.1").text();
    assertThat(red).matches("to <EMAIL_ADDRESS:enc:[A-Za-z0-9_-]+> and <IP_ADDRESS>");
    Revealer.Result back = Revealer.of(Keys.parse(KEY_A)).reveal(red, false);
    assertThat(back.text()).isEqualTo("to xyz@contoso.com and <IP_ADDRESS>");
    assertThat(back.revealed()).isEqualTo(1);
    assertThat(back.failed()).isZero();
    // a wrong key leaves the token and counts it
    Revealer.Result wrong = Revealer.of(Keys.parse(KEY_B)).reveal(red, false);
    assertThat(wrong.text()).isEqualTo(red);
    assertThat(wrong.failed()).isEqualTo(1);
  }

  @Test
  void encryptRoundTripWithTinkKeyset() throws Exception {
    DeterministicAeadConfig.register();
    String json =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(KeyTemplates.get("AES256_SIV")),
            InsecureSecretKeyAccess.get());
    Keys keys = Keys.parse(json);
    Redactor r =
        Redactor.create(
            analyzer(),
            RedactionPolicy.builder().defaultOperator(Operator.encrypt()).build(),
            keys);
    String red = r.redact("Maria Gonzalez \"quoted\" xyz@contoso.com").text();
    assertThat(red).doesNotContain("Maria").doesNotContain("xyz@");
    assertThat(Revealer.of(Keys.parse(json)).reveal(red, false).text())
        .isEqualTo("Maria Gonzalez \"quoted\" xyz@contoso.com");
    // hash works with a keyset too, deterministically
    Redactor h =
        Redactor.create(
            analyzer(), RedactionPolicy.builder().defaultOperator(Operator.hash()).build(), keys);
    assertThat(h.redact("xyz@contoso.com").text())
        .isEqualTo(
            Redactor.create(
                    analyzer(),
                    RedactionPolicy.builder().defaultOperator(Operator.hash()).build(),
                    Keys.parse(json))
                .redact("xyz@contoso.com")
                .text());
  }

  @Test
  void revealEscapesForJsonStrings() {
    Keys keys = Keys.parse(KEY_A);
    Redactor r = Redactor.create(RedactionPolicy.builder().build(), keys);
    String token = r.token(Operator.encrypt(), EntityType.PERSON, "x", "O\"Brien\\ \n");
    Revealer.Result res = Revealer.of(keys).reveal("{\"t\":\"" + token + "\"}", true);
    assertThat(res.text()).isEqualTo("{\"t\":\"O\\\"Brien\\\\ \\n\"}");
  }

  @Test
  void revealIgnoresLookAlikes() {
    Revealer rv = Revealer.of(Keys.parse(KEY_A));
    for (String s :
        List.of("<EMAIL_ADDRESS>", "<a:enc:abc>", "<X:enc:>", "<X:enc:abc", "<<<", "a < b > c")) {
      assertThat(rv.reveal(s, false).text()).isEqualTo(s);
    }
    assertThat(rv.reveal("<X:enc:abc>", false).failed()).isEqualTo(1);
  }

  @Test
  void codePointOffsetsAfterAstralCharacters() {
    Redaction r = redactor(Operator.replace(), Keys.none()).redact("😀😀 xyz@contoso.com 😀");
    assertThat(r.text()).isEqualTo("😀😀 <EMAIL_ADDRESS> 😀");
    RedactedSpan s = r.spans().get(0);
    assertThat(List.of(s.start(), s.end(), s.charStart(), s.charEnd()))
        .containsExactly(3, 18, 5, 20);
  }

  @Test
  void allowAndDenyLists() {
    Redactor r =
        Redactor.create(
            analyzer(),
            RedactionPolicy.builder().allow("XYZ@contoso.com").deny("Project Bluebird").build(),
            Keys.none());
    Redaction red =
        r.redact("xyz at contoso dot com, abc@contoso.com, project bluebird, Project Bluebirds");
    assertThat(red.text())
        .isEqualTo("xyz at contoso dot com, <EMAIL_ADDRESS>, <DENY_LIST>, Project Bluebirds");
    assertThat(red.spans())
        .extracting(RedactedSpan::type)
        .containsExactly("EMAIL_ADDRESS", "DENY_LIST");
  }

  @Test
  void denyTermOverlappingAFindingReplacesTheWholeGroup() {
    Redactor r =
        Redactor.create(
            analyzer(), RedactionPolicy.builder().deny("contoso.com sales").build(), Keys.none());
    assertThat(r.redact("mail xyz@contoso.com sales team").text())
        .isEqualTo("mail <DENY_LIST> team");
  }

  @Test
  void entitiesAndMinScoreOfThePolicy() {
    Redactor r =
        Redactor.create(
            analyzer(),
            RedactionPolicy.builder().entities(Set.of(EntityType.IP_ADDRESS)).build(),
            Keys.none());
    assertThat(r.redact("xyz@contoso.com 10.0.0.1").text())
        .isEqualTo("xyz@contoso.com <IP_ADDRESS>");
    Redactor strict =
        Redactor.create(analyzer(), RedactionPolicy.builder().minScore(0.95).build(), Keys.none());
    assertThat(strict.redact("xyz@contoso.com").changed()).isFalse();
  }

  @Test
  void dropIsReportedPerRecord() {
    Redactor r =
        Redactor.create(
            analyzer(),
            RedactionPolicy.builder().operator(EntityType.CREDIT_CARD, Operator.drop()).build(),
            Keys.none());
    assertThat(r.redact("card 4111 1111 1111 1111").drop()).isTrue();
    assertThat(r.redact("mail xyz@contoso.com").drop()).isFalse();
  }

  @Test
  void verifyFindsWhatAnOperatorLeftAndIgnoresTokens() {
    Redactor leaky = redactor(Operator.mask(100, true, '*'), Keys.none());
    Redaction r = leaky.redact("mail xyz@contoso.com");
    assertThat(leaky.verify(r))
        .extracting(PiiFinding::type)
        .containsExactly(EntityType.EMAIL_ADDRESS);
    Redactor good = redactor(Operator.replace("xyz@contoso.com"), Keys.none());
    // a token the operator wrote is not a leak of the record
    assertThat(good.verify(good.redact("mail xyz@contoso.com"))).isEmpty();
    Redactor hash = redactor(Operator.hash(), Keys.parse(KEY_A));
    assertThat(hash.verify(hash.redact("mail xyz@contoso.com"))).isEmpty();
  }

  @Test
  void failingDetectorFailsTheText() {
    assertThatThrownBy(
            () -> redactor(Operator.replace(), Keys.none()).redact("BOOM xyz@contoso.com"))
        .isInstanceOf(DetectionException.class)
        .hasMessageNotContaining("xyz");
  }

  @Test
  void keysValidateWithoutQuotingTheMaterial() {
    String shortKey = Base64.getEncoder().encodeToString(bytes(16, 3));
    assertThatThrownBy(() -> Keys.parse(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> Keys.parse("not base64 at all!!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("not base64 at all");
    assertThatThrownBy(() -> Keys.parse("{\"primaryKeyId\": 1, \"key\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tink keyset");
    assertThat(Keys.parse(KEY_A).toString()).isEqualTo("Keys[redacted]");
    assertThatThrownBy(
            () ->
                Redactor.create(
                    RedactionPolicy.builder().defaultOperator(Operator.hash()).build(),
                    Keys.none()))
        .hasMessageContaining("LEAKGUARD_KEY");
  }

  @Test
  void operatorParametersAreValidated() {
    assertThatThrownBy(() -> Operator.mask(-1, true, '*')).hasMessageContaining("keep");
    assertThatThrownBy(() -> Operator.mask(1, true, ' ')).hasMessageContaining("mask character");
    assertThatThrownBy(() -> Operator.Kind.parse("scramble")).hasMessageContaining("expected");
    assertThat(Operator.Kind.parse("HASH")).isEqualTo(Operator.Kind.HASH);
  }
}
