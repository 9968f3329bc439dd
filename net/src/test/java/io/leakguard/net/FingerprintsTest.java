package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.core.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The rule-set fingerprint behind the incremental diff changes with every field a diff compares and
 * with nothing else (source locations differ between the two sides of a diff).
 */
class FingerprintsTest {
  static RuleLine line(
      String name,
      long prio,
      boolean allow,
      Direction dir,
      Set<Protocol> protos,
      String remote,
      PortSet ports,
      String local,
      Set<String> selectors,
      boolean srcPorts,
      List<String> asWritten,
      boolean unknown,
      boolean platformDefault,
      String file) {
    return new RuleLine(
        "nsg-1",
        "nsg-one",
        name,
        prio,
        allow,
        dir,
        protos,
        AddressSet.parse(remote),
        ports,
        AddressSet.parse(local),
        selectors,
        srcPorts,
        asWritten,
        unknown,
        platformDefault,
        SourceRef.ofPath(file, "$[0]"));
  }

  static RuleLine base(String file) {
    return line(
        "allow-ssh",
        100,
        true,
        Direction.INBOUND,
        Set.of(Protocol.TCP, Protocol.UDP),
        "0.0.0.0/0",
        PortSet.of(22),
        "10.0.0.0/24",
        Set.of("web", "db"),
        false,
        List.of("Internet"),
        false,
        false,
        file);
  }

  static RuleSet set(RuleLine l) {
    return new RuleSet(
        "nsg-1", "nsg-one", Provider.AZURE, "nsg", List.of(l), SourceRef.ofPath("a", "$"), null);
  }

  @Test
  void sameContentElsewhereHasTheSameFingerprint() {
    RuleSet a = set(base("before/nsg.json"));
    RuleSet b = set(base("after/nsg.json"));
    assertThat(a).isNotEqualTo(b); // identity
    assertThat(Fingerprints.same(a, b)).isTrue();
    // set order does not matter
    RuleLine reordered =
        line(
            "allow-ssh",
            100,
            true,
            Direction.INBOUND,
            Set.of(Protocol.UDP, Protocol.TCP),
            "0.0.0.0/0",
            PortSet.of(22),
            "10.0.0.0/24",
            Set.of("db", "web"),
            false,
            List.of("Internet"),
            false,
            false,
            "x");
    assertThat(Fingerprints.same(a, set(reordered))).isTrue();
  }

  @Test
  void everyComparedFieldChangesTheFingerprint() {
    RuleLine b = base("f");
    Map<String, UnaryOperator<RuleLine>> changes =
        Map.ofEntries(
            Map.entry("name", l -> with(l, "allow-ssh2", null)),
            Map.entry(
                "priority",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        101,
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "access",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        false,
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "direction",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        Direction.OUTBOUND,
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "protocols",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        Set.of(Protocol.TCP),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "remote",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        AddressSet.parse("0.0.0.0/1"),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "ports",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        PortSet.range(22, 23),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "local",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        AddressSet.parse("10.0.0.0/25"),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "selectors",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        Set.of("web"),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "sourcePorts",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        true,
                        l.remoteAsWritten(),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "asWritten",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        List.of("*"),
                        l.unknown(),
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "unknown",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        true,
                        l.platformDefault(),
                        l.source())),
            Map.entry(
                "platformDefault",
                l ->
                    new RuleLine(
                        l.ruleSetId(),
                        l.ruleSetName(),
                        l.name(),
                        l.priority(),
                        l.allow(),
                        l.direction(),
                        l.protocols(),
                        l.remote(),
                        l.ports(),
                        l.local(),
                        l.localSelectors(),
                        l.sourcePortsRestricted(),
                        l.remoteAsWritten(),
                        l.unknown(),
                        true,
                        l.source())),
            Map.entry("ruleSetName", l -> with(l, l.name(), "nsg-renamed")));
    RuleSet before = set(b);
    changes.forEach(
        (field, change) ->
            assertThat(Fingerprints.same(before, set(change.apply(b))))
                .as("a change of %s must change the fingerprint", field)
                .isFalse());
  }

  private static RuleLine with(RuleLine l, String name, String ruleSetName) {
    return new RuleLine(
        l.ruleSetId(),
        ruleSetName == null ? l.ruleSetName() : ruleSetName,
        name,
        l.priority(),
        l.allow(),
        l.direction(),
        l.protocols(),
        l.remote(),
        l.ports(),
        l.local(),
        l.localSelectors(),
        l.sourcePortsRestricted(),
        l.remoteAsWritten(),
        l.unknown(),
        l.platformDefault(),
        l.source());
  }
}
