package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.net.bench.BenchmarkExports;
import io.leakguard.net.read.ExportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental {@link NetDiff#diff} (re-audits only what a change touches) gives exactly the
 * entries of {@link NetDiff#fullDiff} (both sides audited whole): on every diff scenario, and on
 * random single changes (a rule's access, ports, source, priority, a deleted or added rule, a NIC
 * moved to another NSG or losing its NSG) applied to a generated az CLI export.
 */
class NetDiffIncrementalTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final ObjectMapper M = new ObjectMapper();
  static final String[] SOURCES = {"Internet", "*", "10.0.0.0/8", "203.0.113.0/24", "Storage"};
  static final String[] PORTS = {"22", "443", "9200", "*", "1024-65535", "5432"};

  @TempDir static Path tmp;
  static Path base;
  static NetModel before;

  @BeforeAll
  static void generate() throws IOException {
    base = tmp.resolve("before");
    BenchmarkExports.write(base, 400, 60, 20);
    before = ExportReader.read(List.of(base));
  }

  static Stream<String> diffScenarios() throws IOException {
    return ScenarioTest.scenarios()
        .filter(n -> !Files.isDirectory(ScenarioTest.ROOT.resolve(n).resolve("input")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diffScenarios")
  void scenarioIncrementalEqualsFull(String name) {
    Path dir = Path.of("").toAbsolutePath().resolve(ScenarioTest.ROOT).resolve(name);
    Policy policy =
        Files.exists(dir.resolve("policy.yaml"))
            ? Policy.load(dir.resolve("policy.yaml"))
            : Policy.defaults();
    NetModel b;
    NetModel a;
    if (Files.exists(dir.resolve("plan.json"))) {
      b = ExportReader.read(List.of(dir.resolve("plan.json")), ExportReader.PlanSide.BEFORE);
      a = ExportReader.read(List.of(dir.resolve("plan.json")), ExportReader.PlanSide.AFTER);
    } else {
      b = ExportReader.read(List.of(dir.resolve("before")));
      a = ExportReader.read(List.of(dir.resolve("after")));
    }
    NetDiff.Report full = NetDiff.fullDiff(b, a, policy, TODAY);
    assertThat(full.entries()).isNotEmpty();
    assertThat(NetDiff.diff(b, a, policy, TODAY)).isEqualTo(full);
  }

  @Test
  void unchangedExportHasAnEmptyDiff() throws IOException {
    NetModel again = ExportReader.read(List.of(base));
    assertThat(NetDiff.diff(before, again, Policy.defaults(), TODAY).entries()).isEmpty();
  }

  @Test
  void randomSingleChangesIncrementalEqualsFull() throws IOException {
    Random rnd = new Random(4242);
    int nonEmpty = 0;
    for (int run = 0; run < 24; run++) {
      Path after = tmp.resolve("after-" + run);
      Files.createDirectories(after);
      for (String f : List.of("nsg-list.json", "nic-list.json", "vnet-list.json")) {
        Files.copy(base.resolve(f), after.resolve(f));
      }
      String what = mutate(after, rnd, run % 8);
      NetModel a = ExportReader.read(List.of(after));
      NetDiff.Report full = NetDiff.fullDiff(before, a, Policy.defaults(), TODAY);
      NetDiff.Report inc = NetDiff.diff(before, a, Policy.defaults(), TODAY);
      assertThat(inc).as(what).isEqualTo(full);
      if (!full.entries().isEmpty()) {
        nonEmpty++;
      }
    }
    assertThat(nonEmpty).as("changes that add or remove findings").isGreaterThanOrEqualTo(8);
  }

  /** Applies one change of the given kind in {@code dir}; returns a description. */
  private static String mutate(Path dir, Random rnd, int kind) throws IOException {
    if (kind >= 6) {
      Path nics = dir.resolve("nic-list.json");
      ArrayNode list = (ArrayNode) M.readTree(nics.toFile());
      int i = rnd.nextInt(list.size());
      ObjectNode nic = (ObjectNode) list.get(i);
      String desc;
      if (kind == 6) {
        int to = rnd.nextInt(60);
        ((ObjectNode) nic.get("networkSecurityGroup"))
            .put(
                "id",
                nic.get("networkSecurityGroup")
                    .get("id")
                    .asText()
                    .replaceAll("nsg-\\d+$", "nsg-" + to));
        desc = "nic " + i + " moved to nsg-" + to;
      } else {
        nic.putNull("networkSecurityGroup");
        desc = "nic " + i + " without NSG";
      }
      M.writeValue(nics.toFile(), list);
      return desc;
    }
    Path nsgs = dir.resolve("nsg-list.json");
    ArrayNode list = (ArrayNode) M.readTree(nsgs.toFile());
    int n = rnd.nextInt(list.size());
    ArrayNode rules = (ArrayNode) list.get(n).get("securityRules");
    int r = rnd.nextInt(rules.size());
    ObjectNode rule = (ObjectNode) rules.get(r);
    String desc = "nsg " + n + " rule " + r + ": ";
    switch (kind) {
      case 0 -> {
        rule.put("access", rule.get("access").asText().equals("Allow") ? "Deny" : "Allow");
        desc += "access flipped";
      }
      case 1 -> {
        String p = PORTS[rnd.nextInt(PORTS.length)];
        rule.put("destinationPortRange", p);
        rule.putArray("destinationPortRanges");
        desc += "ports " + p;
      }
      case 2 -> {
        String s = SOURCES[rnd.nextInt(SOURCES.length)];
        rule.put("sourceAddressPrefix", s);
        desc += "source " + s;
      }
      case 3 -> {
        rule.put("priority", 4000 + rnd.nextInt(90));
        desc += "priority moved down";
      }
      case 4 -> {
        rules.remove(r);
        desc += "deleted";
      }
      default -> {
        ObjectNode add = rule.deepCopy();
        add.put("name", "added-rule");
        add.put("priority", 99);
        add.put("direction", "Inbound");
        add.put("access", "Allow");
        add.put("sourceAddressPrefix", "Internet");
        add.put("destinationPortRange", PORTS[rnd.nextInt(PORTS.length)]);
        add.putArray("destinationPortRanges");
        rules.insert(0, add);
        desc += "allow from Internet added at 99";
      }
    }
    M.writeValue(nsgs.toFile(), list);
    return desc;
  }
}
