package io.leakguard.cli.net;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.alert.AlertService;
import io.leakguard.alert.Channels;
import io.leakguard.alert.ExposureFinding;
import io.leakguard.alert.Relay;
import io.leakguard.alert.Routes;
import io.leakguard.cli.PiiSanitizer;
import io.leakguard.core.Durations;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warning;
import io.leakguard.core.Warnings;
import io.leakguard.net.AuditReport;
import io.leakguard.net.Finding;
import io.leakguard.net.NetAudit;
import io.leakguard.net.NetModel;
import io.leakguard.net.Policy;
import io.leakguard.net.Reports;
import io.leakguard.net.Target;
import io.leakguard.net.read.ExportReader;
import io.leakguard.store.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard net watch DIR --routes FILE}: re-audits when the exports in DIR change and
 * alerts the owning team of every new exposure and every resolution, through a durable outbox in
 * the state database. State survives restarts: a restarted watch opens no duplicate alerts and
 * delivers what was left in the outbox.
 *
 * <p>Design note: the folder is polled every {@code --interval}; its fingerprint is a SHA-256 of
 * every file's name and content, so a change is seen whatever the file system's timestamp
 * granularity. A folder that cannot be read or parsed (a half-written export) is reported and
 * retried at the next tick with the previous state kept: never "everything resolved". An empty
 * folder is treated the same way. The relay runs on its own thread and delivers due outbox rows
 * every 200 ms.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Re-audits when exports in DIR change; alerts new exposures and resolutions.")
public final class NetWatchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder where exports land.")
  Path dir;

  @Option(names = "--routes", required = true, paramLabel = "FILE", description = "Routes YAML.")
  Path routesFile;

  @Option(
      names = "--state",
      paramLabel = "JDBC_URL|PATH",
      description = "State database: a JDBC URL or an H2 file path (default: ~/.leakguard/state).")
  String state;

  @Option(
      names = "--interval",
      defaultValue = "2s",
      description = "Polling interval (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--reminder",
      defaultValue = "24h",
      description =
          "Remind about an open exposure this often; 0s for never (default: ${DEFAULT-VALUE}).")
  String reminder;

  @Option(names = "--policy", paramLabel = "FILE", description = "Audit policy YAML.")
  Path policyFile;

  @Option(
      names = "--timeout",
      defaultValue = "5s",
      description = "Per-delivery timeout (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--max-attempts",
      defaultValue = "8",
      description = "Deliveries tried before a dead letter (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(
      names = "--once",
      description = "Audit once, deliver what is due, and exit (for cron jobs and tests).")
  boolean once;

  static String defaultState() {
    return Path.of(System.getProperty("user.home"), ".leakguard", "state").toString();
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new UserInputException(dir + ": not a folder");
    }
    Duration every = parse("--interval", interval);
    Duration remind = parse("--reminder", reminder);
    Duration deliveryTimeout = parse("--timeout", timeout);
    Routes routes = Routes.load(routesFile);
    Policy policy = policyFile == null ? Policy.defaults() : Policy.load(policyFile);
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemUTC();
    try (StateStore store = StateStore.open(state == null ? defaultState() : state)) {
      Warnings routeWarnings = new Warnings();
      AlertService alerts =
          new AlertService(store, routes, PiiSanitizer.create(), clock, remind, routeWarnings);
      Relay relay =
          new Relay(
              store,
              routes.allChannels(),
              new Channels(deliveryTimeout, Channels.systemEnv()),
              new Relay.Options(maxAttempts, Duration.ofMillis(500), Duration.ofMinutes(5), 200),
              clock);
      if (once) {
        boolean ok = tick(store, alerts, policy, err, routeWarnings);
        drain(relay);
        return ok ? 0 : io.leakguard.core.ExitCodes.USAGE;
      }
      Thread relayThread =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    relay.deliverDue();
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  } catch (RuntimeException e) {
                    err.println("leakguard: relay: " + e.getMessage());
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                      return;
                    }
                  }
                }
              },
              "leakguard-relay");
      relayThread.setDaemon(true);
      relayThread.start();
      err.printf("leakguard: watching %s every %s (state %s)%n", dir, interval, store.url());
      err.flush();
      while (true) {
        tick(store, alerts, policy, err, routeWarnings);
        Thread.sleep(every.toMillis());
      }
    }
  }

  private static void drain(Relay relay) {
    for (int i = 0; i < 50 && relay.deliverDue() > 0; i++) {
      // keep going while deliveries succeed
    }
  }

  private String lastFingerprint;
  private NetModel lastModel;
  private final Map<String, Integer> reported = new HashMap<>();

  /**
   * One poll: if the folder changed, audit and reconcile. Never throws on bad exports; returns
   * false when the exports could not be used (state kept, retried at the next tick).
   */
  boolean tick(
      StateStore store,
      AlertService alerts,
      Policy policy,
      PrintWriter err,
      Warnings routeWarnings) {
    String fp;
    try {
      fp = fingerprint(dir);
    } catch (IOException e) {
      err.println("leakguard: " + dir + ": cannot read the folder, retrying: " + e.getMessage());
      err.flush();
      return false;
    }
    if (fp.equals(lastFingerprint)) {
      return true;
    }
    if (fp.equals("empty")) {
      err.println("leakguard: " + dir + ": no export files yet; keeping the previous state");
      err.flush();
      return false;
    }
    NetModel model;
    AuditReport report;
    try {
      model = ExportReader.read(List.of(dir));
      report = NetAudit.audit(model, policy, LocalDate.now(ZoneOffset.UTC));
    } catch (UserInputException e) {
      // half-written or unparsable export: report and retry at the next tick, state unchanged
      if (reported.merge(fp, 1, Integer::sum) == 1) {
        err.println("leakguard: exports not usable yet, will retry: " + e.getMessage());
        err.flush();
      }
      return false;
    }
    // what changed: the same engine on the previous and the current exports (DESIGN: a change is
    // a diff of two runs); only for the findings this change adds
    Map<String, List<io.leakguard.net.NetDiff.RuleChange>> causes = new HashMap<>();
    if (lastModel != null) {
      for (io.leakguard.net.NetDiff.Entry e :
          io.leakguard.net.NetDiff.diff(lastModel, model, policy, LocalDate.now(ZoneOffset.UTC))
              .entries()) {
        if (e.change().equals("added")) {
          causes.put(e.finding().id(), e.ruleChanges());
        }
      }
    }
    Map<String, Target> byId = new HashMap<>();
    for (Target t : model.targets()) {
      byId.put(t.id(), t);
    }
    List<ExposureFinding> current = new ArrayList<>();
    for (Finding f : report.findings()) {
      ObjectNode json = Reports.finding(f);
      Target t = byId.get(f.targetId());
      if (t != null && !t.tags().isEmpty()) {
        ObjectNode tags = ((ObjectNode) json.get("target")).putObject("tags");
        t.tags().forEach(tags::put);
      }
      List<io.leakguard.net.NetDiff.RuleChange> rc = causes.get(f.id());
      if (rc != null) {
        com.fasterxml.jackson.databind.node.ArrayNode arr = json.putArray("ruleChanges");
        for (io.leakguard.net.NetDiff.RuleChange c : rc) {
          ObjectNode o = arr.addObject();
          o.put("change", c.change());
          o.put("ruleSet", c.ruleSet());
          o.put("rule", c.rule());
          o.put("direction", c.direction());
          if (c.priority() != null) {
            o.put("priority", c.priority());
          }
          o.put("action", c.action());
          o.put("file", c.file());
        }
        json.put("change", "added");
      }
      List<String> ids = new ArrayList<>();
      ids.add(f.targetId());
      for (Finding.PathStep s : f.path()) {
        if (s.resourceId() != null && !ids.contains(s.resourceId())) {
          ids.add(s.resourceId());
        }
      }
      current.add(
          new ExposureFinding(
              f.id(), f.severity().word(), f.title(), ids, t == null ? Map.of() : t.tags(), json));
    }
    AlertService.Result r = alerts.reconcile(current);
    lastFingerprint = fp;
    lastModel = model;
    store.inTransaction(
        c -> {
          StateStore.put(c, "watch.fingerprint", fp);
          return null;
        });
    err.printf(
        "leakguard: %s: %d exposure(s); %d opened, %d resolved, %d reminder(s)%n",
        Instant.now(), current.size(), r.opened(), r.resolved(), r.reminders());
    for (Warning w : routeWarnings.list()) {
      err.println("leakguard: warning: " + w.message());
    }
    err.flush();
    return true;
  }

  static String fingerprint(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    if (files.isEmpty()) {
      return "empty";
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      try (InputStream in = Files.newInputStream(f)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          md.update(buf, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static Duration parse(String option, String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage());
    }
  }
}
