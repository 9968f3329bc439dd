package io.leakguard.net;

import io.leakguard.core.SourceRef;
import java.util.List;

/**
 * A vendor rule set: an Azure NSG, an AWS security group or network ACL, or the firewall of a GCP
 * network. Lines are in evaluation order (Azure: priority; GCP: priority, deny first at equal
 * priority; NACL: rule number); security groups have no order.
 *
 * @param id provider resource id (Azure id, {@code sg-…}, {@code acl-…}, GCP network URL)
 * @param name display name
 * @param provider the cloud
 * @param kind {@code nsg}, {@code security-group}, {@code nacl} or {@code firewall}
 * @param lines rules, both directions, in evaluation order
 * @param source where the rule set was read
 * @param address Terraform address when read from Terraform, else null
 */
public record RuleSet(
    String id,
    String name,
    Provider provider,
    String kind,
    List<RuleLine> lines,
    SourceRef source,
    String address) {
  public RuleSet {
    lines = List.copyOf(lines);
  }

  /** Lines of one direction, in evaluation order. */
  public List<RuleLine> lines(Direction d) {
    return lines.stream().filter(l -> l.direction() == d).toList();
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
