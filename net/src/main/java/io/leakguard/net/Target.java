package io.leakguard.net;

import io.leakguard.core.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something that receives traffic: a private address of an Azure NIC ip configuration, an AWS ENI
 * or a GCP instance interface; or, when a rule set has no attached target in the input, the rule
 * set itself ({@link #latent()}, no private IP).
 *
 * @param id provider resource id (NIC ip configuration id, {@code eni-…}, instance self link, or
 *     the rule set id when latent)
 * @param name display name
 * @param provider the cloud
 * @param privateIp the private address, or null when latent
 * @param tags resource tags (free text: sanitize before it leaves the process)
 * @param labels selector labels the target carries ({@code asg:<id>}, {@code tag:<t>}, {@code
 *     sa:<email>}); {@code *} matches every selector (latent targets)
 * @param publicPath a public IP, public LB backend membership, ENI association or NAT IP
 * @param publicPathReason how the public path arises, or null
 * @param layers layers in inbound order (outbound traverses them in reverse)
 * @param source where the target was read
 * @param address Terraform address when read from Terraform, else null
 */
public record Target(
    String id,
    String name,
    Provider provider,
    String privateIp,
    Map<String, String> tags,
    Set<String> labels,
    boolean publicPath,
    String publicPathReason,
    List<Layer> layers,
    SourceRef source,
    String address) {
  public Target {
    tags = Map.copyOf(tags);
    labels = Set.copyOf(labels);
    layers = List.copyOf(layers);
  }

  public boolean latent() {
    return privateIp == null;
  }

  /** Layers in the order a packet of this direction crosses them. */
  public List<Layer> layers(Direction d) {
    if (d == Direction.INBOUND) {
      return layers;
    }
    List<Layer> r = new java.util.ArrayList<>(layers);
    java.util.Collections.reverse(r);
    return r;
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
