package io.leakguard.net;

import io.leakguard.core.SourceRef;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One rule of a vendor rule set, in the vendor-independent model. Lines stay one-to-one with the
 * source rules and point back to them ({@link #source}).
 *
 * <p>The line is written from the target's point of view: {@code remote} is the peer (the source of
 * inbound traffic, the destination of outbound traffic), {@code local} is the side the target sits
 * on (an inbound rule's destination). {@code ports} are always the destination ports of the flow
 * (for inbound: ports on the target; for outbound: ports on the remote).
 *
 * <p>Example: Azure {@code {"name": "ssh", "priority": 100, "access": "Allow", "direction":
 * "Inbound", "protocol": "Tcp", "sourceAddressPrefix": "Internet", "destinationPortRange": "22"}}
 * becomes {@code RuleLine(name="ssh", priority=100, allow=true, INBOUND, {TCP}, remote=internet,
 * ports=22, local=ALL)}.
 *
 * @param ruleSetId provider id of the rule set holding the rule (NSG, security group, NACL, GCP
 *     network)
 * @param ruleSetName the rule set's display name
 * @param name rule name (AWS security group rules: a synthetic name such as {@code
 *     ingress[0]/tcp/22/0.0.0.0/0})
 * @param priority priority or rule number; -1 when the vendor has none (security groups)
 * @param allow allow or deny
 * @param direction inbound or outbound
 * @param protocols the protocols matched
 * @param remote peer addresses matched
 * @param ports destination ports matched (ICMP / other: {@link PortSet#ALL})
 * @param local local addresses matched ({@link AddressSet#ALL} when unrestricted)
 * @param localSelectors labels a target must carry (any of them) for the rule to apply (Azure
 *     {@code asg:<id>}, GCP {@code tag:<t>} / {@code sa:<email>}); empty = every target
 * @param sourcePortsRestricted true when the rule only matches some source ports (a deny rule
 *     restricted so does not block an attacker, who chooses the source port)
 * @param remoteAsWritten the peer as the export spells it ({@code Internet}, {@code 0.0.0.0/0})
 * @param unknown a value in this rule was unknown (counted as matching everything)
 * @param platformDefault an implied or default rule (Azure 65000+, GCP implied rules)
 * @param source file and JSON path of the rule
 */
public record RuleLine(
    String ruleSetId,
    String ruleSetName,
    String name,
    long priority,
    boolean allow,
    Direction direction,
    Set<Protocol> protocols,
    AddressSet remote,
    PortSet ports,
    AddressSet local,
    Set<String> localSelectors,
    boolean sourcePortsRestricted,
    List<String> remoteAsWritten,
    boolean unknown,
    boolean platformDefault,
    SourceRef source) {
  public RuleLine {
    Objects.requireNonNull(name, "name");
    protocols = Set.copyOf(protocols);
    localSelectors = Set.copyOf(localSelectors);
    remoteAsWritten = List.copyOf(remoteAsWritten);
  }

  /** This line with other local addresses. */
  public RuleLine withLocal(AddressSet newLocal) {
    return new RuleLine(
        ruleSetId,
        ruleSetName,
        name,
        priority,
        allow,
        direction,
        protocols,
        remote,
        ports,
        newLocal,
        localSelectors,
        sourcePortsRestricted,
        remoteAsWritten,
        unknown,
        platformDefault,
        source);
  }

  /** This line moved into another rule set. */
  public RuleLine inRuleSet(String id, String setName) {
    return new RuleLine(
        id,
        setName,
        name,
        priority,
        allow,
        direction,
        protocols,
        remote,
        ports,
        local,
        localSelectors,
        sourcePortsRestricted,
        remoteAsWritten,
        unknown,
        platformDefault,
        source);
  }

  /** True when the rule matches this protocol. */
  public boolean matches(Protocol p) {
    return protocols.contains(p);
  }

  /** Ports as the engine matches them for a protocol (ICMP and others have no port dimension). */
  public PortSet portsFor(Protocol p) {
    return p.hasPorts() ? ports : PortSet.ALL;
  }

  public String action() {
    return allow ? "allow" : "deny";
  }

  /**
   * Identity: model values are shared by reference (caches key on them); compare fields explicitly.
   */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
