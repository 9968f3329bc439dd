package io.leakguard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leakguard.core.Warnings;
import io.leakguard.store.StateStore;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert lifecycle and delivery against real receivers on 127.0.0.1 (HTTP and SMTP). */
class DeliveryTest {
  static final ObjectMapper M = new ObjectMapper();
  @TempDir Path tmp;

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2019-12-05T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static Routes routes(String yaml) {
    try {
      return Routes.parse(
          new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml),
          "routes");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ExposureFinding f(String id, String owner) {
    return RoutesTest.finding(
        "/subscriptions/1/rg/nic-" + id, Map.of("owner", owner, "description", "call jane at 555"));
  }

  static ExposureFinding withId(ExposureFinding x, String id) {
    var copy = x.finding().deepCopy();
    copy.put("id", id);
    return ExposureFinding.fromJson(copy);
  }

  static io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;

  @org.junit.jupiter.api.BeforeAll
  static void startPostgres() throws Exception {
    pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
  }

  @org.junit.jupiter.api.AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  /** A fresh state database: an H2 file, or a new database on the real PostgreSQL server. */
  String state(String kind, String name) throws Exception {
    if (kind.equals("h2")) {
      return tmp.resolve(name).toString();
    }
    try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"h2", "postgres"})
  void oneAlertPerExposureRemindersWithNewIdsAndResolution(String kind) throws Exception {
    try (Receiver rx = new Receiver();
        StateStore store = StateStore.open(state(kind, "s1" + kind))) {
      Routes r =
          routes(
              "teams:\n  t:\n    channels:\n      - webhook: {url: \""
                  + rx.url("/hook")
                  + "\", secret_env: HOOK_SECRET}\ndefault_team: t\n");
      TestClock clock = new TestClock();
      AlertService svc =
          new AlertService(
              store,
              r,
              text -> text.replace("jane", "<PERSON>"),
              clock,
              Duration.ofHours(4),
              new Warnings());
      Relay relay =
          new Relay(
              store,
              r.allChannels(),
              new Channels(Duration.ofSeconds(2), Map.of("HOOK_SECRET", "s3cret")::get),
              Relay.Options.defaults(),
              clock);
      ExposureFinding a = withId(f("a", "t"), "finding-a");
      assertThat(svc.reconcile(List.of(a))).isEqualTo(new AlertService.Result(1, 0, 0, 1));
      assertThat(svc.reconcile(List.of(a))).isEqualTo(new AlertService.Result(0, 0, 0, 0));
      assertThat(relay.deliverDue()).isEqualTo(1);
      clock.now = clock.now.plus(Duration.ofHours(5));
      assertThat(svc.reconcile(List.of(a))).isEqualTo(new AlertService.Result(0, 0, 1, 1));
      clock.now = clock.now.plus(Duration.ofMinutes(1));
      assertThat(svc.reconcile(List.of())).isEqualTo(new AlertService.Result(0, 1, 0, 1));
      assertThat(relay.deliverDue()).isEqualTo(2);

      List<JsonNode> bodies = new ArrayList<>();
      for (Receiver.Request q : rx.requests) {
        JsonNode b = M.readTree(q.body());
        bodies.add(b);
        assertThat(q.header("Idempotency-Key")).isEqualTo(b.get("id").asText());
        assertThat(q.header("X-Leakguard-Signature"))
            .isEqualTo("sha256=" + Channels.hmac("s3cret", q.body()));
      }
      assertThat(bodies)
          .extracting(b -> b.get("kind").asText())
          .containsExactly("exposure.opened", "exposure.reminder", "exposure.resolved");
      assertThat(bodies)
          .extracting(b -> b.get("alertId").asText())
          .containsOnly(bodies.get(0).get("alertId").asText());
      assertThat(new HashSet<>(bodies.stream().map(b -> b.get("id").asText()).toList())).hasSize(3);
      assertThat(bodies.get(0).get("team").asText()).isEqualTo("t");
      assertThat(bodies.get(0).get("finding").get("target").get("tags").get("description").asText())
          .isEqualTo("call <PERSON> at 555");
      assertThat(bodies.get(0).get("detectedAt").asText()).isEqualTo("2019-12-05T10:00:00Z");
    }
  }

  @Test
  void aReceiverThatIsDownOrFailingGetsEveryAlertLater() throws Exception {
    int port;
    try (Receiver probe = new Receiver()) {
      port = probe.port();
    }
    try (StateStore store = StateStore.open(tmp.resolve("s2").toString())) {
      Routes r =
          routes(
              "teams:\n  t:\n    channels:\n      - webhook: {url: \"http://127.0.0.1:"
                  + port
                  + "/hook\"}\ndefault_team: t\n");
      TestClock clock = new TestClock();
      AlertService svc = new AlertService(store, r, s -> s, clock, Duration.ZERO, new Warnings());
      Relay relay =
          new Relay(
              store,
              r.allChannels(),
              new Channels(Duration.ofMillis(500), k -> null),
              new Relay.Options(20, Duration.ofMillis(100), Duration.ofSeconds(1), 100),
              clock);
      svc.reconcile(List.of(withId(f("a", "t"), "a"), withId(f("b", "t"), "b")));
      // receiver down: nothing delivered, rows stay pending with a reason
      assertThat(relay.deliverDue()).isZero();
      assertThat(relay.list("pending", 10))
          .hasSize(2)
          .allSatisfy(
              row -> {
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.lastError()).contains("127.0.0.1");
              });
      try (Receiver rx = new Receiver(port)) {
        rx.failFirst.set(1); // then one HTTP 500
        for (int i = 0; i < 10 && rx.requests.size() < 2; i++) {
          clock.now = clock.now.plusSeconds(2);
          relay.deliverDue();
        }
        assertThat(rx.requests).hasSize(2);
        // a slow receiver times out and is retried
        rx.delayMs = 1500;
        svc.reconcile(
            List.of(withId(f("a", "t"), "a"), withId(f("b", "t"), "b"), withId(f("c", "t"), "c")));
        assertThat(relay.deliverDue()).isZero();
        assertThat(relay.list("pending", 10).get(0).lastError()).contains("timed out");
        rx.delayMs = 0;
        clock.now = clock.now.plusSeconds(2);
        assertThat(relay.deliverDue()).isEqualTo(1);
      }
      assertThat(relay.list("pending", 10)).isEmpty();
    }
  }

  @Test
  void afterMaxAttemptsARowIsDeadWithItsReasonAndRetryReplaysIt() throws Exception {
    try (StateStore store = StateStore.open(tmp.resolve("s3").toString())) {
      Routes r =
          routes(
              "teams:\n  t:\n    channels:\n      - webhook: {url: \"http://127.0.0.1:1/x\"}\ndefault_team: t\n");
      TestClock clock = new TestClock();
      new AlertService(store, r, s -> s, clock, Duration.ZERO, new Warnings())
          .reconcile(List.of(withId(f("a", "t"), "a")));
      Relay relay =
          new Relay(
              store,
              r.allChannels(),
              new Channels(Duration.ofMillis(300), k -> null),
              new Relay.Options(3, Duration.ofMillis(10), Duration.ofMillis(20), 10),
              clock);
      for (int i = 0; i < 3; i++) {
        relay.deliverDue();
        clock.now = clock.now.plusSeconds(1);
      }
      assertThat(relay.list("dead", 10))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.attempts()).isEqualTo(3);
                assertThat(row.lastError()).isNotBlank();
              });
      assertThat(relay.retry(false)).isEqualTo(1);
      assertThat(relay.list("pending", 10)).hasSize(1);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"h2", "postgres"})
  void thousandNewExposuresAreAllDeliveredExactlyOnceHere(String kind) throws Exception {
    try (Receiver rx = new Receiver();
        StateStore store = StateStore.open(state(kind, "s4" + kind))) {
      Routes r =
          routes(
              "teams:\n  t:\n    channels:\n      - webhook: {url: \""
                  + rx.url("/h")
                  + "\"}\ndefault_team: t\n");
      TestClock clock = new TestClock();
      List<ExposureFinding> many = new ArrayList<>();
      ExposureFinding base = f("x", "t");
      for (int i = 0; i < 1000; i++) {
        many.add(withId(base, "finding-" + i));
      }
      new AlertService(store, r, s -> s, clock, Duration.ZERO, new Warnings()).reconcile(many);
      Relay relay =
          new Relay(
              store,
              r.allChannels(),
              new Channels(Duration.ofSeconds(5), k -> null),
              Relay.Options.defaults(),
              clock);
      int total = 0;
      for (int i = 0; i < 20 && total < 1000; i++) {
        total += relay.deliverDue();
      }
      assertThat(total).isEqualTo(1000);
      Set<String> ids = new HashSet<>();
      Set<String> findings = new HashSet<>();
      for (Receiver.Request q : rx.requests) {
        JsonNode b = M.readTree(q.body());
        ids.add(b.get("id").asText());
        findings.add(b.get("finding").get("id").asText());
      }
      assertThat(rx.requests).hasSize(1000);
      assertThat(ids).hasSize(1000);
      assertThat(findings).hasSize(1000);
    }
  }

  @Test
  void slackTeamsPagerDutyAndEmailGetTheirOwnFormats() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (Receiver rx = new Receiver();
        StateStore store = StateStore.open(tmp.resolve("s5").toString())) {
      int smtpPort = smtp.getSmtp().getPort();
      Routes r =
          routes(
              "teams:\n  t:\n    channels:\n"
                  + "      - slack: {url: \""
                  + rx.url("/slack")
                  + "\"}\n"
                  + "      - teams: {url: \""
                  + rx.url("/teams")
                  + "\"}\n"
                  + "      - pagerduty: {routing_key_env: PD_KEY, url: \""
                  + rx.url("/pd")
                  + "\"}\n"
                  + "      - email: {to: [\"oncall@example.com\"], smtp: {host: \"127.0.0.1\", port: "
                  + smtpPort
                  + "}}\n"
                  + "default_team: t\n");
      TestClock clock = new TestClock();
      AlertService svc = new AlertService(store, r, s -> s, clock, Duration.ZERO, new Warnings());
      Relay relay =
          new Relay(
              store,
              r.allChannels(),
              new Channels(Duration.ofSeconds(5), Map.of("PD_KEY", "R0UT1NG")::get),
              Relay.Options.defaults(),
              clock);
      ExposureFinding a = withId(f("a", "t"), "fa");
      svc.reconcile(List.of(a));
      assertThat(relay.deliverDue()).isEqualTo(4);
      svc.reconcile(List.of());
      assertThat(relay.deliverDue()).isEqualTo(4);
      Map<String, List<JsonNode>> byPath = new java.util.TreeMap<>();
      for (Receiver.Request q : rx.requests) {
        byPath.computeIfAbsent(q.path(), k -> new ArrayList<>()).add(M.readTree(q.body()));
      }
      assertThat(byPath.get("/slack").get(0).get("text").asText())
          .contains("NEW CRITICAL", "Elasticsearch 9200");
      assertThat(byPath.get("/teams").get(0).get("@type").asText()).isEqualTo("MessageCard");
      JsonNode pd1 = byPath.get("/pd").get(0);
      JsonNode pd2 = byPath.get("/pd").get(1);
      assertThat(pd1.get("routing_key").asText()).isEqualTo("R0UT1NG");
      assertThat(pd1.get("event_action").asText()).isEqualTo("trigger");
      assertThat(pd2.get("event_action").asText()).isEqualTo("resolve");
      assertThat(pd1.get("dedup_key").asText()).isEqualTo(pd2.get("dedup_key").asText());
      assertThat(pd1.get("payload").get("severity").asText()).isEqualTo("critical");
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(2);
      assertThat(mails[0].getSubject()).startsWith("[leakguard] NEW CRITICAL");
      assertThat(mails[1].getSubject()).startsWith("[leakguard] RESOLVED");
    } finally {
      smtp.stop();
    }
  }
}
