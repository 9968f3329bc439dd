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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-model index of {@link Incremental}: a rule-only change keeps the targets digest and
 * picks, by id, exactly the targets whose layers use the changed rule set (the slow definition: a
 * walk over every target); a change to a target changes the digest (the diff then takes the walk
 * over the targets). {@code NetDiffIncrementalTest} checks both paths against the full diff.
 */
class IncrementalIndexTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final ObjectMapper M = new ObjectMapper();

  @TempDir static Path tmp;
  static Path base;
  static NetModel before;

  @BeforeAll
  static void generate() throws IOException {
    base = tmp.resolve("before");
    BenchmarkExports.write(base, 300, 40, 12);
    before = ExportReader.read(List.of(base));
  }

  private static Path copy(String name) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (String f : List.of("nsg-list.json", "nic-list.json", "vnet-list.json")) {
      Files.copy(base.resolve(f), dir.resolve(f));
    }
    return dir;
  }

  @Test
  void sameExportSameDigestAndNothingChanged() throws IOException {
    NetModel again = ExportReader.read(List.of(copy("again")));
    assertThat(Incremental.index(again).targetsDigest)
        .isEqualTo(Incremental.index(before).targetsDigest);
    NetModel[] sub = Incremental.affected(before, again, Policy.defaults(), TODAY);
    assertThat(sub[0].targets()).isEmpty();
    assertThat(sub[1].targets()).isEmpty();
    assertThat(sub[0].ruleSets()).isEmpty();
  }

  @Test
  void ruleChangePicksTheTargetsUsingTheRuleSet() throws IOException {
    for (int nsg : new int[] {0, 7, 39}) {
      Path dir = copy("rule-" + nsg);
      Path f = dir.resolve("nsg-list.json");
      ArrayNode list = (ArrayNode) M.readTree(f.toFile());
      ObjectNode rule = (ObjectNode) list.get(nsg).get("securityRules").get(3);
      rule.put("access", rule.get("access").asText().equals("Allow") ? "Deny" : "Allow");
      M.writeValue(f.toFile(), list);
      NetModel after = ExportReader.read(List.of(dir));
      assertThat(Incremental.index(after).targetsDigest)
          .isEqualTo(Incremental.index(before).targetsDigest);
      String id = list.get(nsg).get("id").asText().toLowerCase(Locale.ROOT);
      // the slow definition: every target with a layer using a rule set of that id
      List<Target> want = new ArrayList<>();
      for (Target t : after.targets()) {
        boolean uses = false;
        for (Layer l : t.layers()) {
          for (RuleSet rs : l.ruleSets()) {
            uses |= rs.id().toLowerCase(Locale.ROOT).equals(id);
          }
        }
        if (uses) {
          want.add(t);
        }
      }
      assertThat(want).isNotEmpty();
      NetModel[] sub = Incremental.affected(before, after, Policy.defaults(), TODAY);
      assertThat(sub[1].targets()).as("nsg %d", nsg).containsExactlyElementsOf(want);
      assertThat(sub[0].targets()).hasSameSizeAs(want);
      assertThat(sub[1].ruleSets())
          .extracting(RuleSet::id)
          .containsExactly(list.get(nsg).get("id").asText());
    }
  }

  @Test
  void targetChangeChangesTheDigest() throws IOException {
    Path dir = copy("nic");
    Path f = dir.resolve("nic-list.json");
    ArrayNode list = (ArrayNode) M.readTree(f.toFile());
    ((ObjectNode) list.get(5).get("ipConfigurations").get(0)).put("privateIPAddress", "10.9.9.9");
    M.writeValue(f.toFile(), list);
    NetModel after = ExportReader.read(List.of(dir));
    assertThat(Incremental.index(after).targetsDigest)
        .isNotEqualTo(Incremental.index(before).targetsDigest);
    NetModel[] sub = Incremental.affected(before, after, Policy.defaults(), TODAY);
    assertThat(sub[1].targets()).extracting(Target::privateIp).contains("10.9.9.9");
  }
}
