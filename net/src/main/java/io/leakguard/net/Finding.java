package io.leakguard.net;

import io.leakguard.core.Severity;
import java.util.List;

/**
 * One exposure or hygiene finding: one (check, target, direction, protocol, contiguous port range).
 * Serialized as DESIGN §5 describes.
 *
 * @param id stable id (hash of check, provider, target resource id, direction, protocol, ports)
 * @param check check id such as {@code exposed-datastore-port}
 * @param severity severity after policy
 * @param title one line
 * @param targetId provider resource id of the target (rule set id for latent / hygiene findings)
 * @param targetName display name
 * @param provider the cloud
 * @param privateIp the target's private address, null when latent
 * @param direction inbound or outbound
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code any}
 * @param ports {@code "N"} / {@code "N-M"} strings
 * @param sources effective public sources as CIDRs after deny carve-outs
 * @param sourcesAsWritten the allowing rules' sources as the export spells them
 * @param internetWide sources cover at least 99% of the public space of their family
 * @param publicPath the target has a public path
 * @param unknown an unknown value contributed (counted as exposed)
 * @param path deciding rule per layer for the sample packet
 * @param samplePacket a packet that gets through
 * @param file export file where the deciding rule (or the rule set) was read
 * @param jsonPath JSON path of it, or null
 * @param address Terraform address, or null
 */
public record Finding(
    String id,
    String check,
    Severity severity,
    String title,
    String targetId,
    String targetName,
    Provider provider,
    String privateIp,
    Direction direction,
    String protocol,
    List<String> ports,
    List<String> sources,
    List<String> sourcesAsWritten,
    boolean internetWide,
    boolean publicPath,
    boolean unknown,
    List<PathStep> path,
    Packet samplePacket,
    String file,
    String jsonPath,
    String address) {
  public Finding {
    ports = List.copyOf(ports);
    sources = List.copyOf(sources);
    sourcesAsWritten = List.copyOf(sourcesAsWritten);
    path = List.copyOf(path);
  }

  /**
   * The deciding rule at one layer.
   *
   * @param layer layer role ({@code subnet-nsg}, {@code nic-nsg}, {@code nacl}, {@code
   *     nacl-return}, {@code security-groups}, {@code firewall})
   * @param resource rule set name (or the missing reference)
   * @param resourceId rule set id
   * @param rule rule name, null when no rule matched (implicit deny) or the layer is unknown
   * @param priority priority / rule number, null when none
   * @param action {@code allow}, {@code deny} or {@code unknown}
   * @param file export file of the rule
   * @param jsonPath JSON path of the rule
   */
  public record PathStep(
      String layer,
      String resource,
      String resourceId,
      String rule,
      Long priority,
      String action,
      String file,
      String jsonPath) {}

  /** A sample packet: remote source, destination, protocol and destination port. */
  public record Packet(String src, String dst, String protocol, int port) {}
}
