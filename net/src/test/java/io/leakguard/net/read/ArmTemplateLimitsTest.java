package io.leakguard.net.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.Warning;
import io.leakguard.net.NetModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile ARM templates: expressions that would overflow the stack or blow up exponentially. */
class ArmTemplateLimitsTest {
  @TempDir Path dir;

  private static String template(String variables, String port) {
    return "{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/"
        + "deploymentTemplate.json#\",\"contentVersion\":\"1.0.0.0\",\"variables\":{"
        + variables
        + "},\"resources\":[{\"type\":\"Microsoft.Network/networkSecurityGroups\","
        + "\"apiVersion\":\"2023-09-01\",\"name\":\"nsg-1\",\"properties\":{\"securityRules\":[{"
        + "\"name\":\"r\",\"properties\":{\"priority\":100,\"direction\":\"Inbound\","
        + "\"access\":\"Allow\",\"protocol\":\"Tcp\",\"sourceAddressPrefix\":\"*\","
        + "\"sourcePortRange\":\"*\",\"destinationAddressPrefix\":\"*\","
        + "\"destinationPortRange\":\""
        + port
        + "\"}}]}}]}";
  }

  private NetModel read(String json) throws Exception {
    Path f = dir.resolve("template.json");
    Files.writeString(f, json);
    return ExportReader.read(List.of(f));
  }

  private static List<String> codes(NetModel m) {
    return m.warnings().stream().map(Warning::code).collect(Collectors.toList());
  }

  @Test
  void deeplyNestedCallsAreUnresolvedNotAStackOverflow() throws Exception {
    String port = "[" + "concat(".repeat(20_000) + "'22'" + ")".repeat(20_000) + "]";
    NetModel m = read(template("", port));
    assertThat(m.ruleSets()).hasSize(1);
    assertThat(m.warnings())
        .isNotEmpty(); // the port is unknown: counted as exposed, with a warning
  }

  @Test
  void variablesThatDoubleAtEveryLevelStopAtTheBudget() throws Exception {
    StringBuilder vars = new StringBuilder("\"v0\":\"" + "x".repeat(4000) + "\"");
    for (int i = 1; i <= 16; i++) {
      vars.append(",\"v")
          .append(i)
          .append("\":\"[concat(variables('v")
          .append(i - 1)
          .append("'), variables('v")
          .append(i - 1)
          .append("'))]\"");
    }
    NetModel m = read(template(vars.toString(), "[variables('v16')]"));
    assertThat(m.ruleSets()).hasSize(1);
    assertThat(m.warnings()).isNotEmpty();
  }

  @Test
  void ordinaryNestingStillEvaluates() throws Exception {
    NetModel m = read(template("\"p\":\"2\"", "[concat(concat('2', variables('p')), '')]"));
    assertThat(m.ruleSets()).hasSize(1);
    assertThat(codes(m)).doesNotContain("unknown-value");
    assertThat(m.ruleSets().get(0).lines().toString()).contains("22");
  }
}
