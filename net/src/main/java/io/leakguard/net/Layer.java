package io.leakguard.net;

import java.util.ArrayList;
import java.util.List;

/**
 * One filtering layer a packet crosses on its way to or from a target.
 *
 * <ul>
 *   <li>{@link Evaluation#FIRST_MATCH}: the first matching line decides; no match denies (Azure
 *       NSG, AWS NACL, GCP firewall).
 *   <li>{@link Evaluation#ANY_ALLOW}: allowed when any line allows (the union of every security
 *       group on an AWS ENI); no match denies.
 * </ul>
 *
 * <p>A layer that is {@link #unknown} (a referenced rule set missing from the input) allows
 * everything and marks what passes it as unknown. A {@link #stateless} layer (AWS NACL) also needs
 * the opposite direction to allow the reply.
 *
 * @param role {@code subnet-nsg}, {@code nic-nsg}, {@code nacl}, {@code security-groups} or {@code
 *     firewall}
 * @param evaluation how lines combine
 * @param ruleSets the rule sets (one, except for {@code security-groups})
 * @param stateless replies need an explicit rule
 * @param unknown the rule set could not be resolved
 * @param unknownRef the missing reference when unknown, else null
 */
public record Layer(
    String role,
    Evaluation evaluation,
    List<RuleSet> ruleSets,
    boolean stateless,
    boolean unknown,
    String unknownRef) {
  /** How lines combine. */
  public enum Evaluation {
    FIRST_MATCH,
    ANY_ALLOW
  }

  public Layer {
    ruleSets = List.copyOf(ruleSets);
  }

  /** A layer for a referenced rule set missing from the input: allows everything, unknown. */
  public static Layer missing(String role, String ref) {
    return new Layer(role, Evaluation.FIRST_MATCH, List.of(), false, true, ref);
  }

  /** A role with no rule set attached (an Azure subnet or NIC without NSG): allows everything. */
  public static Layer open(String role) {
    return new Layer(role, Evaluation.ANY_ALLOW, List.of(), false, false, null);
  }

  /** True for a layer without rule set that allows everything (not unknown). */
  public boolean isOpen() {
    return !unknown && ruleSets.isEmpty();
  }

  /** All lines of one direction, in evaluation order. */
  public List<RuleLine> lines(Direction d) {
    List<RuleLine> out = new ArrayList<>();
    for (RuleSet rs : ruleSets) {
      out.addAll(rs.lines(d));
    }
    return out;
  }

  /** A display name: the rule set name(s), or the missing reference. */
  public String resourceName() {
    if (unknown) {
      return unknownRef;
    }
    if (ruleSets.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (RuleSet rs : ruleSets) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(rs.name());
    }
    return sb.toString();
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
