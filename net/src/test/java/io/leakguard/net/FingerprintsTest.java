package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rule-set fingerprint behind the incremental diff changes with every field a diff compares and
 * with nothing else (source locations differ between the two sides of a diff).
 */
class FingerprintsTest {
  /** A rule line's fields, editable one at a time. */
  static final class Line {
    String ruleSetName = "nsg-one";
    String name = "allow-ssh";
    long priority = 100;
    boolean allow = true;
    Direction direction = Direction.INBOUND;
    Set<Protocol> protocols = Set.of(Protocol.TCP, Protocol.UDP);
    String remote = "0.0.0.0/0";
    PortSet ports = PortSet.of(22);
    String local = "10.0.0.0/24";
    Set<String> selectors = Set.of("web", "db");
    boolean sourcePortsRestricted;
    List<String> remoteAsWritten = List.of("Internet");
    boolean unknown;
    boolean platformDefault;
    String file = "before/nsg.json";

    RuleSet set() {
      RuleLine l =
          new RuleLine(
              "nsg-1",
              ruleSetName,
              name,
              priority,
              allow,
              direction,
              protocols,
              AddressSet.parse(remote),
              ports,
              AddressSet.parse(local),
              selectors,
              sourcePortsRestricted,
              remoteAsWritten,
              unknown,
              platformDefault,
              SourceRef.ofPath(file, "$[0]"));
      return new RuleSet(
          "nsg-1", "nsg-one", Provider.AZURE, "nsg", List.of(l), SourceRef.ofPath(file, "$"), null);
    }
  }

  static RuleSet with(Consumer<Line> edit) {
    Line l = new Line();
    edit.accept(l);
    return l.set();
  }

  @Test
  void sameContentElsewhereHasTheSameFingerprint() {
    RuleSet a = new Line().set();
    RuleSet b = with(l -> l.file = "after/nsg.json");
    assertThat(a).isNotEqualTo(b); // identity
    assertThat(Fingerprints.same(a, b)).isTrue();
    RuleSet reordered =
        with(
            l -> {
              l.protocols = Set.of(Protocol.UDP, Protocol.TCP);
              l.selectors = Set.of("db", "web");
            });
    assertThat(Fingerprints.same(a, reordered)).as("set order does not matter").isTrue();
  }

  @Test
  void everyComparedFieldChangesTheFingerprint() {
    Map<String, Consumer<Line>> changes =
        Map.ofEntries(
            Map.entry("name", l -> l.name = "allow-ssh2"),
            Map.entry("priority", l -> l.priority = 101),
            Map.entry("access", l -> l.allow = false),
            Map.entry("direction", l -> l.direction = Direction.OUTBOUND),
            Map.entry("protocols", l -> l.protocols = Set.of(Protocol.TCP)),
            Map.entry("remote", l -> l.remote = "0.0.0.0/1"),
            Map.entry("ports", l -> l.ports = PortSet.range(22, 23)),
            Map.entry("local", l -> l.local = "10.0.0.0/25"),
            Map.entry("selectors", l -> l.selectors = Set.of("web")),
            Map.entry("sourcePortsRestricted", l -> l.sourcePortsRestricted = true),
            Map.entry("remoteAsWritten", l -> l.remoteAsWritten = List.of("*")),
            Map.entry("unknown", l -> l.unknown = true),
            Map.entry("platformDefault", l -> l.platformDefault = true),
            Map.entry("ruleSetName", l -> l.ruleSetName = "nsg-renamed"));
    RuleSet before = new Line().set();
    changes.forEach(
        (field, change) ->
            assertThat(Fingerprints.same(before, with(change)))
                .as("a change of %s must change the fingerprint", field)
                .isFalse());
  }
}
