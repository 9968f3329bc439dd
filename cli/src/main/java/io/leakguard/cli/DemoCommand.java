package io.leakguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.leakguard.alert.AlertService;
import io.leakguard.alert.Channels;
import io.leakguard.alert.ExposureFinding;
import io.leakguard.alert.Relay;
import io.leakguard.alert.Routes;
import io.leakguard.core.MaskedPreview;
import io.leakguard.core.Warnings;
import io.leakguard.net.Finding;
import io.leakguard.net.NetDiff;
import io.leakguard.net.Policy;
import io.leakguard.net.Reports;
import io.leakguard.net.read.ExportReader;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.Operator;
import io.leakguard.pii.redact.RedactionPolicy;
import io.leakguard.pii.redact.Redactor;
import io.leakguard.scan.ImpactQuery;
import io.leakguard.scan.ImpactReport;
import io.leakguard.scan.JdbcScanner;
import io.leakguard.scan.LocationReport;
import io.leakguard.scan.ScanReport;
import io.leakguard.scan.TimeWindow;
import io.leakguard.scan.TypeCount;
import io.leakguard.store.StateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard demo}: the December 2019 incident end to end on bundled data, with embedded
 * defaults, in a temporary folder: (1) support cases with PII in standard and obfuscated forms are
 * analyzed and redacted with keyed pseudonyms; (2) the NSG change that opened Elasticsearch to the
 * internet is diffed from real {@code az} exports; (3) the owning team is alerted over a webhook (a
 * receiver on 127.0.0.1) through the durable outbox of an embedded H2 state database; (4) the
 * unredacted store is scanned and the customers affected during the exposure window are listed.
 * Every value printed is masked.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs leakguard end to end on bundled data (no setup needed).")
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  static final String CASES = "/io/leakguard/cli/demo/support-cases.jsonl";
  static final String[] NET_FILES = {
    "nic-list.json", "nsg-list.json", "public-ip-list.json", "vnet-list.json"
  };
  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Case(String id, String text, String customer, LocalDateTime created) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("leakguard-demo-");
    try {
      List<Case> cases = loadCases();
      PiiAnalyzer analyzer = PiiAnalyzer.builder().build();
      out.println("leakguard demo: the December 2019 support-case exposure, end to end");
      out.println("(bundled data, embedded defaults, working folder " + work + ")");
      piiSection(out, cases, analyzer);
      List<NetDiff.Entry> added = netSection(out, work);
      alertSection(out, work, added);
      scanSection(out, work, cases, analyzer);
      out.println();
      out.println(
          "Every value above is masked. Next: README.md (analyze, redact, net, scan, impact).");
      return 0;
    } finally {
      deleteTree(work);
    }
  }

  private static List<Case> loadCases() throws IOException {
    List<Case> out = new ArrayList<>();
    try (InputStream in = DemoCommand.class.getResourceAsStream(CASES);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = MAPPER.readTree(line);
          out.add(
              new Case(
                  n.get("id").asText(),
                  n.get("text").asText(),
                  n.get("customer").asText(),
                  LocalDateTime.parse(n.get("created").asText())));
        }
      }
    }
    return out;
  }

  private void piiSection(PrintWriter out, List<Case> cases, PiiAnalyzer analyzer) {
    out.println();
    out.println("1. PII in support cases, standard and obfuscated forms (leakguard analyze)");
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    int obfuscated = 0;
    int total = 0;
    for (Case c : cases) {
      List<PiiFinding> findings = analyzer.analyze(c.text());
      out.printf("   case %s: %d finding(s)%n", c.id(), findings.size());
      for (PiiFinding f : findings) {
        counts.merge(f.type(), 1, Integer::sum);
        total++;
        if (f.obfuscated()) {
          obfuscated++;
        }
        String written = c.text().substring(f.charStart(), f.charEnd()).replaceAll("\\s+", " ");
        out.printf(
            "     %-14s %-30s %-16s score %.2f%n",
            f.type(), MaskedPreview.of(written), f.form(), f.score());
      }
    }
    out.printf("   %d findings (%d in non-standard forms): %s%n", total, obfuscated, counts);
    Redactor redactor =
        Redactor.create(
            analyzer,
            RedactionPolicy.builder().defaultOperator(Operator.hash()).build(),
            Keys.fromRawKey(
                "leakguard-demo-key-not-for-production!!".getBytes(StandardCharsets.UTF_8)));
    out.println("   redacted with keyed pseudonyms (leakguard redact --operator hash):");
    for (Case c : cases.subList(0, 2)) {
      out.println("     " + redactor.redact(c.text()).text());
    }
    out.println("   (every spelling of one value, obfuscated or not, gets the same token)");
  }

  private List<NetDiff.Entry> netSection(PrintWriter out, Path work) throws IOException {
    out.println();
    out.println("2. The NSG change that opened Elasticsearch to the internet (leakguard net diff)");
    Path before = copyNet(work, "before");
    Path after = copyNet(work, "after");
    NetDiff.Report diff =
        NetDiff.diff(
            ExportReader.read(List.of(before)),
            ExportReader.read(List.of(after)),
            Policy.defaults(),
            LocalDate.now(ZoneOffset.UTC));
    List<NetDiff.Entry> added = new ArrayList<>();
    for (NetDiff.Entry e : diff.entries()) {
      Finding f = e.finding();
      out.printf("   %s %s %s: %s%n", e.change(), f.severity().word(), f.check(), f.title());
      for (Finding.PathStep s : f.path()) {
        if (s.rule() == null) {
          out.printf(
              "       %s: %s (%s)%n",
              s.layer(), s.resource() == null ? "no NSG" : s.resource(), s.action());
        } else {
          out.printf(
              "       %s: %s rule %s (priority %s, %s)%n",
              s.layer(), s.resource(), s.rule(), s.priority(), s.action());
        }
      }
      for (NetDiff.RuleChange rc : e.ruleChanges()) {
        out.printf(
            "       caused by: %s rule %s in %s (priority %s, %s)%n",
            rc.change(), rc.rule(), rc.ruleSet(), rc.priority(), rc.action());
      }
      if (f.samplePacket() != null) {
        out.printf(
            "       sample packet: %s -> %s %s/%d%n",
            f.samplePacket().src(),
            f.samplePacket().dst(),
            f.samplePacket().protocol(),
            f.samplePacket().port());
      }
      if (e.change().equals("added")) {
        added.add(e);
      }
    }
    return added;
  }

  private Path copyNet(Path work, String side) throws IOException {
    Path dir = Files.createDirectories(work.resolve("exports-" + side));
    for (String f : NET_FILES) {
      try (InputStream in =
          DemoCommand.class.getResourceAsStream("/io/leakguard/cli/demo/net/" + side + "/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    return dir;
  }

  private void alertSection(PrintWriter out, Path work, List<NetDiff.Entry> added)
      throws Exception {
    out.println();
    out.println("3. Alerting the owning team within seconds (leakguard net watch)");
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    hook.createContext(
        "/hook",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            received.add(MAPPER.readTree(in.readAllBytes()));
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    hook.start();
    try (StateStore store = StateStore.open(work.resolve("state").toString())) {
      String yaml =
          "teams:\n  search-platform:\n    channels:\n      - webhook: {url: \"http://127.0.0.1:"
              + hook.getAddress().getPort()
              + "/hook\"}\n  security-oncall:\n    channels: []\nownership:\n"
              + "  - name_regex: \".*/resourceGroups/rg-search/.*\"\n    team: search-platform\n"
              + "default_team: security-oncall\n";
      Routes routes =
          Routes.parse(
              new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                  .readTree(yaml),
              "routes.yaml");
      AlertService alerts =
          new AlertService(
              store,
              routes,
              PiiSanitizer.create(),
              Clock.systemUTC(),
              Duration.ofHours(24),
              new Warnings());
      List<ExposureFinding> current = new ArrayList<>();
      for (NetDiff.Entry e : added) {
        Finding f = e.finding();
        ObjectNode json = Reports.finding(f);
        json.put("change", "added");
        List<String> ids = new ArrayList<>();
        ids.add(f.targetId());
        f.path()
            .forEach(
                s -> {
                  if (s.resourceId() != null) ids.add(s.resourceId());
                });
        current.add(
            new ExposureFinding(f.id(), f.severity().word(), f.title(), ids, Map.of(), json));
      }
      AlertService.Result r = alerts.reconcile(current);
      Relay relay =
          new Relay(
              store,
              routes.allChannels(),
              new Channels(Duration.ofSeconds(5), k -> null),
              Relay.Options.defaults(),
              Clock.systemUTC());
      relay.deliverDue();
      out.printf(
          "   %d alert(s) opened and written to the durable outbox; webhook received %d:%n",
          r.opened(), received.size());
      for (JsonNode b : received) {
        out.printf(
            "     %s %s to team %s: %s%n",
            b.get("kind").asText(),
            b.get("severity").asText(),
            b.get("team").asText(),
            b.get("finding").get("title").asText());
      }
    } finally {
      hook.stop(0);
    }
  }

  private void scanSection(PrintWriter out, Path work, List<Case> cases, PiiAnalyzer analyzer)
      throws Exception {
    out.println();
    out.println("4. What was exposed, and whom to notify (leakguard scan, leakguard impact)");
    String url = "jdbc:h2:" + work.resolve("support-db");
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE support_cases (id VARCHAR(20) PRIMARY KEY, customer_id"
                + " VARCHAR(20), created_at TIMESTAMP, body VARCHAR(2000))");
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO support_cases VALUES (?, ?, ?, ?)")) {
        for (Case k : cases) {
          ps.setString(1, k.id());
          ps.setString(2, k.customer());
          ps.setTimestamp(3, Timestamp.valueOf(k.created()));
          ps.setString(4, k.text());
          ps.executeUpdate();
        }
      }
      ScanReport report = JdbcScanner.builder(c, analyzer).sourceName("support-db").build().scan();
      for (LocationReport l : report.locations()) {
        for (TypeCount t : l.findings()) {
          out.printf(
              "   %-26s %-14s %3d  e.g. %s%n",
              l.location(), t.type(), t.count(), String.join(", ", t.examples()));
        }
      }
      TimeWindow window = TimeWindow.parse("2019-12-05..2019-12-31");
      ImpactReport impact =
          new ImpactQuery(
                  c, analyzer, "support_cases", "customer_id", "created_at", null, List.of("body"))
              .run(window);
      out.printf(
          "   exposure window 2019-12-05..2019-12-31 (26 days): %d records in the store,"
              + " %d with PII, %d customers to notify:%n",
          impact.recordsInWindow(), impact.recordsWithPii(), impact.customers().size());
      for (ImpactReport.Customer cu : impact.customers()) {
        out.printf("     %s  %d record(s)  %s%n", cu.customerId(), cu.records(), cu.entityTypes());
      }
    }
  }

  private static void deleteTree(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      // best effort cleanup of the temp folder
    }
  }
}
