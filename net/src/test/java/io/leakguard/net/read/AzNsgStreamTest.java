package io.leakguard.net.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AddressSet;
import io.leakguard.net.NetAudit;
import io.leakguard.net.NetModel;
import io.leakguard.net.Policy;
import io.leakguard.net.PortSet;
import io.leakguard.net.Reports;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader of {@code az network nsg list} gives the model the tree path gives (every
 * rule set, line, target and warning field, and the audit report), and hands every other shape back
 * to the tree path.
 */
class AzNsgStreamTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setNodeFactory(KeyedNodes.FACTORY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Path DATA =
      Path.of("src/test/resources/io/leakguard/net/read/AzNsgStreamTest");
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  /** Every field of the model, records walked component by component (values compared by text). */
  static String describe(NetModel m) {
    StringBuilder sb = new StringBuilder();
    describe(sb, m, 0);
    return sb.toString();
  }

  private static void describe(StringBuilder sb, Object o, int depth) {
    if (depth > 12) {
      sb.append("...");
      return;
    }
    if (o instanceof Record) {
      sb.append(o.getClass().getSimpleName()).append('{');
      for (RecordComponent c : o.getClass().getRecordComponents()) {
        sb.append(c.getName()).append('=');
        try {
          describe(sb, c.getAccessor().invoke(o), depth + 1);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
        sb.append(';');
      }
      sb.append("}\n");
    } else if (o instanceof Collection<?> c) {
      sb.append('[');
      for (Object x : c) {
        describe(sb, x, depth + 1);
        sb.append(',');
      }
      sb.append(']');
    } else if (o instanceof Map<?, ?> mp) {
      sb.append(mp);
    } else if (o instanceof PortSet p) {
      sb.append(p.toStrings());
    } else if (o instanceof AddressSet a) {
      sb.append(a);
    } else {
      sb.append(o);
    }
  }

  private static void assertSameModel(List<Path> input) {
    NetModel tree = ExportReader.read(input, ExportReader.PlanSide.AFTER, true, false);
    NetModel streamed = ExportReader.read(input, ExportReader.PlanSide.AFTER, true, true);
    assertThat(describe(streamed)).as(input.toString()).isEqualTo(describe(tree));
    assertThat(Reports.json(NetAudit.audit(streamed, Policy.defaults(), TODAY)).toPrettyString())
        .isEqualTo(Reports.json(NetAudit.audit(tree, Policy.defaults(), TODAY)).toPrettyString());
  }

  static Stream<Path> scenarioInputs() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/io/leakguard/net/ScenarioTest"))) {
      return s
          .filter(
              p ->
                  p.getFileName().toString().equals("input")
                      || p.getFileName().toString().equals("before")
                      || p.getFileName().toString().equals("after"))
          .filter(Files::isDirectory)
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  /** Every scenario input: same model with and without the streaming reader. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioInputs")
  void scenarioModelsAreTheTreeModels(Path dir) {
    assertSameModel(List.of(dir));
  }

  /** The scenario exports the streaming reader takes (so the test above is not vacuous). */
  @Test
  void streamTakesThePlainNsgListsOfTheScenarios() throws IOException {
    List<String> taken = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/io/leakguard/net/ScenarioTest"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        if (AzNsgStream.read(Files.readAllBytes(f), MAPPER) != null) {
          taken.add(f.getParent().getParent().getFileName() + "/" + f.getFileName());
        }
      }
    }
    assertThat(taken).hasSizeGreaterThanOrEqualTo(3);
  }

  /** The CLI's full shape: default rules, nulls, plural lists, subnets, NICs, tags. */
  @Test
  void fullCliShapeIsStreamedAndGivesTheTreeModel() throws IOException {
    byte[] b = Files.readAllBytes(DATA.resolve("full-cli-shape.json"));
    AzNsgStream.Streamed s = AzNsgStream.read(b, MAPPER);
    assertThat(s).isNotNull();
    assertThat(s.nsgs).hasSize(3);
    AzNsgStream.Nsg web = s.nsgs.get(0);
    assertThat(web.rules().rules()).hasSize(5);
    assertThat(web.rules().defaults()).hasSize(2);
    AzureConverter.RawRule mgmt = web.rules().rules().get(0);
    assertThat(mgmt.name()).isEqualTo("mgmt");
    assertThat(mgmt.priorityValue()).isEqualTo(100);
    assertThat(mgmt.src()).containsExactly("0.0.0.0/0", "198.51.100.0/24");
    assertThat(mgmt.dports()).containsExactly("22", "3389", "8000-8100");
    assertThat(mgmt.sports()).containsExactly("*");
    // the NSG node keeps everything but the two rule arrays
    assertThat(web.node().has("securityRules")).isFalse();
    assertThat(web.node().has("defaultSecurityRules")).isFalse();
    assertThat(web.node().path("subnets").get(0).path("id").asText()).endsWith("/subnets/front");
    assertThat(web.node().path("tags").path("env").asText()).isEqualTo("prod");
    assertThat(s.nsgs.get(1).rules().rules()).isEmpty();
    assertSameModel(List.of(DATA.resolve("full-cli-shape.json"), DATA.resolve("nics.json")));
    assertSameModel(List.of(DATA));
  }

  /** Shapes the stream leaves to the tree path (their lenient lookups decide): (case, JSON). */
  static Stream<String[]> treeShapes() {
    String rule =
        "\"name\":\"r\",\"priority\":100,\"direction\":\"Inbound\",\"access\":\"Allow\",\"protocol\":\"Tcp\","
            + "\"sourceAddressPrefix\":\"*\",\"destinationPortRange\":\"22\"";
    String nsg =
        "\"id\":\"/x/nsg\",\"name\":\"nsg\",\"type\":\"Microsoft.Network/networkSecurityGroups\"";
    return Stream.of(
        new String[] {
          "ARM nesting", "[{" + nsg + ",\"properties\":{\"securityRules\":[{" + rule + "}]}}]"
        },
        new String[] {
          "rule under properties",
          "[{"
              + nsg
              + ",\"securityRules\":[{\"name\":\"r\",\"properties\":{"
              + rule.substring(11)
              + "}}]}]"
        },
        new String[] {
          "other casing",
          "[{" + nsg + ",\"securityRules\":[{" + rule.replace("\"access\"", "\"Access\"") + "}]}]"
        },
        new String[] {"rule array casing", "[{" + nsg + ",\"SecurityRules\":[{" + rule + "}]}]"},
        new String[] {
          "priority as text",
          "[{" + nsg + ",\"securityRules\":[{" + rule.replace("100", "\"100\"") + "}]}]"
        },
        new String[] {
          "priority fraction",
          "[{" + nsg + ",\"securityRules\":[{" + rule.replace("100", "100.0") + "}]}]"
        },
        new String[] {
          "priority huge",
          "[{"
              + nsg
              + ",\"securityRules\":[{"
              + rule.replace("100", "99999999999999999999")
              + "}]}]"
        },
        new String[] {
          "duplicate rule key", "[{" + nsg + ",\"securityRules\":[{" + rule + ",\"name\":\"s\"}]}]"
        },
        new String[] {
          "duplicate NSG key",
          "[{" + nsg + ",\"name\":\"other\",\"securityRules\":[{" + rule + "}]}]"
        },
        new String[] {
          "number where text",
          "[{" + nsg + ",\"securityRules\":[{" + rule.replace("\"22\"", "22") + "}]}]"
        },
        new String[] {
          "application security groups",
          "[{"
              + nsg
              + ",\"securityRules\":[{"
              + rule
              + ",\"sourceApplicationSecurityGroups\":[{\"id\":\"/x/asg\"}]}]}]"
        },
        new String[] {
          "terraform marks", "[{" + nsg + ",\"securityRules\":[{" + rule + ",\"__path\":\"$.x\"}]}]"
        },
        new String[] {
          "unknown rule field",
          "[{" + nsg + ",\"securityRules\":[{" + rule + ",\"sourcePortRangez\":\"*\"}]}]"
        },
        new String[] {
          "plural as text",
          "[{" + nsg + ",\"securityRules\":[{" + rule + ",\"sourceAddressPrefixes\":\"1.2.3.4\"}]}]"
        },
        new String[] {
          "no type", "[{\"id\":\"/x/nsg\",\"name\":\"nsg\",\"securityRules\":[{" + rule + "}]}]"
        },
        new String[] {
          "another type",
          "[{\"id\":\"/x/nic\",\"name\":\"nic\",\"type\":\"Microsoft.Network/networkInterfaces\"}]"
        },
        new String[] {
          "a NIC after the NSG",
          "[{" + nsg + "},{\"id\":\"/x/nic\",\"type\":\"Microsoft.Network/networkInterfaces\"}]"
        },
        new String[] {"nested array", "[[{" + nsg + "}]]"},
        new String[] {"object root", "{" + nsg + "}"},
        new String[] {"empty array", "[]"},
        new String[] {"trailing document", "[{" + nsg + "}] [{" + nsg + "}]"},
        new String[] {"truncated", "[{" + nsg + ",\"securityRules\":[{" + rule + "}"},
        new String[] {"rule not an object", "[{" + nsg + ",\"securityRules\":[\"r\"]}]"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("treeShapes")
  void otherShapesGoToTheTree(String name, String json) {
    assertThat(AzNsgStream.read(json.getBytes(StandardCharsets.UTF_8), MAPPER)).as(name).isNull();
    assertThat(AzNsgStream.read(json.getBytes(StandardCharsets.UTF_8), MAPPER, 3))
        .as(name)
        .isNull();
  }

  /** Errors in a streamed file are the tree path's: same message, file and JSON path. */
  @Test
  void conversionErrorsNameFileAndPathAsTheTreePathDoes(@TempDir Path tmp) throws IOException {
    String nsg =
        "\"id\":\"/x/nsg\",\"name\":\"nsg\",\"type\":\"Microsoft.Network/networkSecurityGroups\"";
    String[][] cases = {
      {
        "\"name\":\"r\",\"priority\":100,\"direction\":\"Sideways\",\"access\":\"Allow\"",
        "direction"
      },
      {"\"name\":\"r\",\"priority\":100,\"direction\":\"Inbound\",\"access\":\"Maybe\"", "access"},
      {"\"name\":\"r\",\"direction\":\"Inbound\",\"access\":\"Allow\"", "no priority"},
      {
        "\"name\":\"r\",\"priority\":100,\"direction\":\"Inbound\",\"access\":\"Allow\",\"destinationPortRange\":\"99999\"",
        "destinationPortRange"
      },
    };
    int k = 0;
    for (String[] c : cases) {
      Path f = tmp.resolve("nsg-" + k++ + ".json");
      String body =
          "[{"
              + nsg
              + ",\"securityRules\":[{\"name\":\"ok\",\"priority\":200,\"direction\":\"Inbound\",\"access\":\"Deny\"},{"
              + c[0]
              + "}]}]";
      Files.writeString(f, body);
      assertThat(AzNsgStream.read(body.getBytes(StandardCharsets.UTF_8), MAPPER)).isNotNull();
      String tree =
          message(() -> ExportReader.read(List.of(f), ExportReader.PlanSide.AFTER, false, false));
      String streamed =
          message(() -> ExportReader.read(List.of(f), ExportReader.PlanSide.AFTER, false, true));
      assertThat(streamed)
          .as(c[1])
          .isEqualTo(tree)
          .contains(f.toString())
          .contains("$[0].securityRules[1]");
    }
    // duplicate priority: both rules named
    Path f = tmp.resolve("dup.json");
    Files.writeString(
        f,
        "[{"
            + nsg
            + ",\"securityRules\":[{\"name\":\"a\",\"priority\":100,\"direction\":\"Inbound\",\"access\":\"Deny\"},"
            + "{\"name\":\"b\",\"priority\":100,\"direction\":\"Inbound\",\"access\":\"Allow\"}]}]");
    assertThat(
            message(() -> ExportReader.read(List.of(f), ExportReader.PlanSide.AFTER, false, true)))
        .isEqualTo(
            message(() -> ExportReader.read(List.of(f), ExportReader.PlanSide.AFTER, false, false)))
        .contains("duplicate priority 100");
  }

  /** Malformed JSON keeps the tree path's line and column. */
  @Test
  void malformedJsonKeepsLineAndColumn(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bad.json");
    Files.writeString(
        f,
        "[{\"id\":\"/x/nsg\",\"name\":\"nsg\",\"type\":\"Microsoft.Network/networkSecurityGroups\"},\n"
            + "{\"id\":\"/x/nsg2\",\"name\":\"nsg2\",\"type\":\"Microsoft.Network/networkSecurityGroups\",\n"
            + "\"securityRules\":[{\"name\":\"r\",}]}]");
    assertThatThrownBy(() -> ExportReader.read(List.of(f)))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("malformed JSON at line 3");
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (UserInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }

  /**
   * A benchmark-like export (random rules, 60 NSGs of 40 rules) read in runs cut at many places:
   * the same NSGs in the same order as one piece, and the same model as the tree.
   */
  @Test
  void runsGiveTheOnePieceResultAndTheTreeModel(@TempDir Path tmp) throws IOException {
    Random rnd = new Random(9);
    String[] sources = {
      "*",
      "Internet",
      "VirtualNetwork",
      "10.0.0.0/8",
      "0.0.0.0/0",
      "198.51.100.7",
      "Storage",
      "AzureLoadBalancer"
    };
    String[] ports = {"22", "443", "1433", "8000-8100", "*", "0-65535", "3389"};
    StringBuilder sb = new StringBuilder("[");
    for (int n = 0; n < 60; n++) {
      String id =
          "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-"
              + n;
      sb.append(n == 0 ? "" : ",\n")
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"name\":\"nsg-")
          .append(n)
          .append("\",\"type\":\"Microsoft.Network/networkSecurityGroups\",\"securityRules\":[");
      for (int r = 0; r < 40; r++) {
        sb.append(r == 0 ? "" : ",")
            .append("{\"name\":\"rule-")
            .append(r)
            .append("\",\"id\":\"")
            .append(id)
            .append("/securityRules/rule-")
            .append(r)
            .append("\",\"priority\":")
            .append(100 + 10 * r)
            .append(",\"direction\":\"")
            .append(rnd.nextInt(4) == 0 ? "Outbound" : "Inbound")
            .append("\",\"access\":\"")
            .append(rnd.nextInt(3) == 0 ? "Deny" : "Allow")
            .append("\",\"protocol\":\"")
            .append(new String[] {"Tcp", "Udp", "*", "Icmp"}[rnd.nextInt(4)])
            .append("\",\"sourceAddressPrefix\":\"")
            .append(sources[rnd.nextInt(sources.length)])
            .append(
                "\",\"sourceAddressPrefixes\":[],\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\",");
        if (rnd.nextBoolean()) {
          sb.append("\"destinationPortRange\":\"")
              .append(ports[rnd.nextInt(ports.length)])
              .append("\",\"destinationPortRanges\":[]");
        } else {
          sb.append("\"destinationPortRange\":null,\"destinationPortRanges\":[\"")
              .append(ports[rnd.nextInt(ports.length)])
              .append("\",\"")
              .append(ports[rnd.nextInt(ports.length)])
              .append("\"]");
        }
        sb.append(",\"type\":\"Microsoft.Network/networkSecurityGroups/securityRules\"}");
      }
      sb.append("]}");
    }
    sb.append("]\n");
    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
    AzNsgStream.Streamed whole = AzNsgStream.read(b, MAPPER, 0);
    assertThat(whole).isNotNull();
    assertThat(whole.nsgs).hasSize(60);
    for (int runs : new int[] {2, 3, 7, 59, 1000}) {
      AzNsgStream.Streamed split = AzNsgStream.read(b, MAPPER, runs);
      assertThat(split).isNotNull();
      assertThat(split.nsgs.stream().map(n -> n.node().toString() + n.rules()).toList())
          .as("%d runs", runs)
          .isEqualTo(whole.nsgs.stream().map(n -> n.node().toString() + n.rules()).toList());
    }
    Path f = tmp.resolve("nsg-list.json");
    Files.write(f, b);
    assertSameModel(List.of(f));
  }
}
