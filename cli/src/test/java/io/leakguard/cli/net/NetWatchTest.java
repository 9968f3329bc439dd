package io.leakguard.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.leakguard.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code net watch} end to end: the 2019 incident lands in a watched folder as real {@code az}
 * exports, and the owning team's webhook (a real HTTP server on 127.0.0.1) hears of it; the process
 * is killed with SIGKILL in the middle of a delivery and nothing is lost.
 */
class NetWatchTest {
  static final ObjectMapper M = new ObjectMapper();
  static final Path DATA = Path.of("src/test/resources/io/leakguard/cli/net/NetWatchTest");

  @TempDir Path tmp;

  /** Records each request when it arrives (before an optional delay), answers 200. */
  static final class Hook implements AutoCloseable {
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    final List<String> keys = new CopyOnWriteArrayList<>();
    volatile int delayMs;
    final HttpServer server;

    Hook(int port) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
      server.createContext(
          "/",
          ex -> {
            try (InputStream in = ex.getRequestBody()) {
              bodies.add(M.readTree(in.readAllBytes()));
            }
            keys.add(ex.getRequestHeaders().getFirst("Idempotency-Key"));
            if (delayMs > 0) {
              try {
                Thread.sleep(delayMs);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
          });
      server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  static void land(Path from, Path dir) throws IOException {
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.toList()) {
        Path tmpFile = dir.resolve("." + f.getFileName() + ".tmp");
        Files.copy(f, tmpFile, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmpFile, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  Path routes(int port) throws IOException {
    Path r = tmp.resolve("routes.yaml");
    Files.writeString(
        r,
        "teams:\n"
            + "  search-platform:\n"
            + "    channels:\n"
            + "      - webhook: {url: \"http://127.0.0.1:"
            + port
            + "/hook\"}\n"
            + "  security-oncall:\n"
            + "    channels: []\n"
            + "ownership:\n"
            + "  - name_regex: \".*/resourceGroups/rg-search/.*\"\n"
            + "    team: search-platform\n"
            + "default_team: security-oncall\n");
    return r;
  }

  static int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    lastErr = err.toString();
    return code;
  }

  static String lastErr;

  @Test
  void theIncidentAlertsTheOwningTeamAndItsFixResolvesIt() throws Exception {
    try (Hook hook = new Hook(0)) {
      Path dir = Files.createDirectories(tmp.resolve("exports"));
      String state = tmp.resolve("state").toString();
      String routes = routes(hook.port()).toString();
      String[] watch = {
        "net", "watch", dir.toString(), "--routes", routes, "--state", state, "--once"
      };
      land(DATA.resolve("before"), dir);
      assertThat(run(watch)).isZero();
      int before = hook.bodies.size();
      land(DATA.resolve("after"), dir);
      assertThat(run(watch)).isZero();
      List<JsonNode> opened = new ArrayList<>(hook.bodies.subList(before, hook.bodies.size()));
      assertThat(opened).extracting(b -> b.get("kind").asText()).containsOnly("exposure.opened");
      JsonNode es =
          opened.stream()
              .filter(b -> b.get("finding").get("check").asText().equals("exposed-datastore-port"))
              .findFirst()
              .orElseThrow();
      assertThat(es.get("severity").asText()).isEqualTo("critical");
      assertThat(es.get("team").asText()).isEqualTo("search-platform");
      assertThat(es.get("finding").get("target").get("privateIp").asText()).isEqualTo("10.20.1.5");

      // a half-written export is reported and retried, never taken as "everything resolved"
      Files.writeString(dir.resolve("nsg-list.json"), "[{\"name\": \"nsg-es\", ");
      int n = hook.bodies.size();
      assertThat(run(watch)).isEqualTo(2);
      assertThat(lastErr).contains("not usable");
      assertThat(hook.bodies).hasSize(n);

      // the fix lands: the exposure is resolved, with the same alert id
      land(DATA.resolve("before"), dir);
      assertThat(run(watch)).isZero();
      JsonNode resolved =
          hook.bodies.stream()
              .filter(b -> b.get("kind").asText().equals("exposure.resolved"))
              .filter(b -> b.get("alertId").asText().equals(es.get("alertId").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(resolved.get("alertId").asText()).isEqualTo(es.get("alertId").asText());
      assertThat(resolved.get("id").asText()).isNotEqualTo(es.get("id").asText());
      for (int i = 0; i < hook.bodies.size(); i++) {
        assertThat(hook.keys.get(i)).isEqualTo(hook.bodies.get(i).get("id").asText());
      }

      // alerts list shows the outbox without delivering anything
      StringWriter out = new StringWriter();
      assertThat(
              Main.run(
                  new String[] {"alerts", "list", "--state", state},
                  new PrintWriter(out),
                  new PrintWriter(new StringWriter())))
          .isZero();
      assertThat(out.toString()).contains("exposure.resolved", "delivered");
    }
  }

  @Test
  void killedWithSigkillMidDeliveryLosesNothingAndRepeatsWithTheSameKey() throws Exception {
    int port;
    try (Hook probe = new Hook(0)) {
      port = probe.port();
    }
    Path dir = Files.createDirectories(tmp.resolve("exports"));
    String state = tmp.resolve("state").toString();
    String routes = routes(port).toString();
    land(DATA.resolve("after"), dir);
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.leakguard.cli.Main",
            "net",
            "watch",
            dir.toString(),
            "--routes",
            routes,
            "--state",
            state,
            "--interval",
            "200ms");
    List<String> firstKeys;
    try (Hook slow = new Hook(port)) {
      slow.delayMs = 60_000; // the receiver hangs: the watch is killed in the middle of delivering
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("watch1.log").toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (slow.bodies.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(slow.bodies).as("first delivery started").isNotEmpty();
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
      firstKeys = new ArrayList<>(slow.keys);
    }
    try (Hook fast = new Hook(port)) {
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("watch2.log").toFile())
              .start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
          if (fast.keys.containsAll(firstKeys) && outboxDrained(state)) {
            break;
          }
          Thread.sleep(200);
        }
      } finally {
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
      }
      // the delivery cut by the kill is repeated with the same idempotency key
      assertThat(fast.keys).containsAll(firstKeys);
      // every opened exposure arrived, none twice after the restart
      Map<String, Integer> perKey = new HashMap<>();
      fast.keys.forEach(k -> perKey.merge(k, 1, Integer::sum));
      assertThat(perKey.values()).allMatch(c -> c == 1);
      assertThat(fast.bodies)
          .extracting(b -> b.get("kind").asText())
          .containsOnly("exposure.opened");
      assertThat(fast.bodies)
          .extracting(b -> b.get("finding").get("ports").toString())
          .anyMatch(s -> s.contains("9200"));
    }
  }

  @Test
  void aRunningWatchNamesTheRuleChangeThatOpenedTheExposure() throws Exception {
    try (Hook hook = new Hook(0)) {
      Path dir = Files.createDirectories(tmp.resolve("exports"));
      land(DATA.resolve("before"), dir);
      String[] args = {
        "net",
        "watch",
        dir.toString(),
        "--routes",
        routes(hook.port()).toString(),
        "--state",
        tmp.resolve("state").toString(),
        "--interval",
        "200ms"
      };
      Thread watch =
          new Thread(
              () ->
                  Main.run(
                      args,
                      new PrintWriter(new StringWriter()),
                      new PrintWriter(new StringWriter())));
      watch.setDaemon(true);
      watch.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int seen = -1;
      // wait until the first audit has been delivered and stays quiet
      while (System.nanoTime() < deadline && seen != hook.bodies.size()) {
        seen = hook.bodies.size();
        Thread.sleep(3000);
      }
      land(DATA.resolve("after"), dir);
      JsonNode es = null;
      while (System.nanoTime() < deadline && es == null) {
        Thread.sleep(200);
        es =
            hook.bodies.stream()
                .filter(
                    b -> b.get("finding").get("check").asText().equals("exposed-datastore-port"))
                .findFirst()
                .orElse(null);
      }
      watch.interrupt();
      assertThat(es).as("alert for the 9200 exposure").isNotNull();
      JsonNode rc = es.get("finding").get("ruleChanges").get(0);
      assertThat(rc.get("change").asText()).isEqualTo("added");
      assertThat(rc.get("rule").asText()).isEqualTo("allow-es-9200");
      assertThat(rc.get("priority").asInt()).isEqualTo(100);
      assertThat(rc.get("action").asText()).isEqualTo("allow");
    }
  }

  static boolean outboxDrained(String state) {
    StringWriter out = new StringWriter();
    Main.run(
        new String[] {"alerts", "list", "--state", state, "--status", "pending"},
        new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    return out.toString().lines().count() == 1; // header only
  }
}
