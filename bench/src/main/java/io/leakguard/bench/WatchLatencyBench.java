package io.leakguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.leakguard.cli.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end alert latency of {@code net watch} with the default interval (2s): from the moment a
 * changed export lands in the watched folder (atomic rename) to the moment the webhook receiver on
 * 127.0.0.1 gets the alert. Alternates the 2019 incident's "after" (exposure opened) and "before"
 * (resolved) exports and prints the distribution.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.leakguard.bench.WatchLatencyBench 30
 * </pre>
 */
public final class WatchLatencyBench {
  private static final String[] FILES = {
    "nic-list.json", "nsg-list.json", "public-ip-list.json", "vnet-list.json"
  };

  private WatchLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ObjectMapper m = new ObjectMapper();
    LinkedBlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    hook.createContext(
        "/hook",
        ex -> {
          long now = System.nanoTime();
          try (InputStream in = ex.getRequestBody()) {
            JsonNode b = m.readTree(in.readAllBytes());
            if (b.get("finding").get("check").asText().equals("exposed-datastore-port")) {
              arrivals.add(
                  new long[] {now, b.get("kind").asText().equals("exposure.opened") ? 1 : 0});
            }
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hook.start();
    Path work = Files.createTempDirectory("leakguard-watch-bench");
    Path dir = Files.createDirectories(work.resolve("exports"));
    Path routes = work.resolve("routes.yaml");
    Files.writeString(
        routes,
        "teams:\n  search:\n    channels:\n      - webhook: {url: \"http://127.0.0.1:"
            + hook.getAddress().getPort()
            + "/hook\"}\ndefault_team: search\n");
    land("before", dir);
    Thread watch =
        new Thread(
            () ->
                Main.run(
                    new String[] {
                      "net",
                      "watch",
                      dir.toString(),
                      "--routes",
                      routes.toString(),
                      "--state",
                      work.resolve("state").toString()
                    },
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(new StringWriter())),
            "watch");
    watch.setDaemon(true);
    watch.start();
    Thread.sleep(5000); // JVM warm-up and the first audit of "before"
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      boolean open = i % 2 == 0;
      Thread.sleep(300 + (long) (Math.random() * 2000)); // land at a random point of the interval
      long t0 = System.nanoTime();
      land(open ? "after" : "before", dir);
      long[] a = arrivals.poll(30, TimeUnit.SECONDS);
      if (a == null) {
        System.out.println("round " + i + ": no alert within 30 s");
        continue;
      }
      ms.add((a[0] - t0) / 1e6);
    }
    hook.stop(0);
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "net watch --interval 2s, %d changes: p50 %.0f ms, p95 %.0f ms, max %.0f ms, min %.0f ms%n",
        ms.size(),
        pct(ms, 50),
        pct(ms, 95),
        ms.get(ms.size() - 1),
        ms.get(0));
    System.exit(0);
  }

  static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static void land(String side, Path dir) throws Exception {
    for (String f : FILES) {
      Path tmp = dir.resolve("." + f + ".tmp");
      try (InputStream in =
          WatchLatencyBench.class.getResourceAsStream(
              "/io/leakguard/cli/demo/net/" + side + "/" + f)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(
          tmp, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
