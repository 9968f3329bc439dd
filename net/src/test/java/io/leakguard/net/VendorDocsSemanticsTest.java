package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.net.read.ExportReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluation semantics checked against the vendors' documentation (session 17; the table in
 * docs/net-engine.md, "Semantics checked against the vendor docs"). Each row was derived from the
 * documentation before the engine ran on the {@code vendor-docs-*} scenarios: for one target (by
 * private IP), protocol and destination port, either {@code -} (no inbound finding covers it) or
 * the check and severity of the finding that must cover it. Port {@code -1} stands for a protocol
 * without ports (ICMP). The golden {@code expected.json} files pin the rest (sources, paths, ids).
 */
class VendorDocsSemanticsTest {
  private static final Map<String, AuditReport> REPORTS = new ConcurrentHashMap<>();

  private static AuditReport report(String scenario) {
    return REPORTS.computeIfAbsent(
        scenario,
        s ->
            NetAudit.audit(
                ExportReader.read(List.of(ScenarioTest.ROOT.resolve(s).resolve("input"))),
                Policy.defaults(),
                ScenarioTest.TODAY));
  }

  @ParameterizedTest(name = "{0} {1} {2}/{3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # Azure: subnet NSG then NIC NSG, both must allow (NSG overview, "How network security groups filter network traffic")
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |   443 | open-to-internet low
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |    22 | -
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  8005 | -
          vendor-docs-azure-semantics | 10.40.1.4 | udp  |  8005 | -
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |    80 | -
          # a deny at a lower number wins over a later allow in the subnet NSG, whatever the NIC NSG says
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  3389 | -
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  3389 | -
          # service tags: AzureCloud, regional Storage.WestEurope, AzureLoadBalancer, VirtualNetwork are not the internet
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  8080 | -
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |   445 | -
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  9000 | -
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  5432 | -
          # a prefix list with one public /8: a narrow exposure, one step lower
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  1433 | exposed-datastore-port high
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  | 27017 | exposed-datastore-port critical
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  9200 | exposed-datastore-port critical
          vendor-docs-azure-semantics | 10.40.1.4 | icmp |    -1 | open-to-internet low
          # destination prefix = another NIC's private IP: only that NIC
          vendor-docs-azure-semantics | 10.40.1.4 | tcp  |  6379 | -
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  6379 | exposed-datastore-port critical
          # a NIC without NSG in a subnet with one: the subnet NSG alone decides
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |    22 | exposed-management-port high
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |   443 | open-to-internet low
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  1433 | exposed-datastore-port high
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  8080 | -
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  5432 | -
          # ASG destination: only members
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |    80 | open-to-internet low
          # protocol * with destinationPortRanges: TCP and UDP on those ports only
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  8005 | open-to-internet low
          vendor-docs-azure-semantics | 10.40.1.5 | udp  |  8443 | open-to-internet low
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  8011 | -
          vendor-docs-azure-semantics | 10.40.1.5 | udp  |   443 | -
          # an Icmp rule with port * opens ICMP, not TCP
          vendor-docs-azure-semantics | 10.40.1.5 | icmp |    -1 | open-to-internet low
          vendor-docs-azure-semantics | 10.40.1.5 | tcp  |  1000 | -
          # AWS: security groups on one ENI are a union (Security group rules)
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |   443 | open-to-internet low
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |    22 | exposed-management-port medium
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |  8000 | open-to-internet low
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |  8100 | open-to-internet low
          # NACL: lowest rule number first (deny 8080 at 100 before allow-all at 110; deny 443 at 120 comes too late)
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |  8080 | -
          # ::/0 is the IPv6 internet: the ENI's IPv6 address, not its IPv4 one
          vendor-docs-aws-semantics   | 10.1.1.10 | tcp  |    80 | -
          vendor-docs-aws-semantics   | 2a05:d018:1::10 | tcp | 80 | open-to-internet low
          vendor-docs-aws-semantics   | 2a05:d018:1::10 | tcp | 443 | -
          # NACL stateless: outbound allows only tcp/443, so no reply reaches a client's ephemeral port
          vendor-docs-aws-semantics   | 10.1.2.10 | tcp  |  6379 | -
          vendor-docs-aws-semantics   | 10.1.2.10 | tcp  |  1000 | -
          vendor-docs-aws-semantics   | 10.1.2.10 | udp  |    53 | -
          vendor-docs-aws-semantics   | 10.1.2.10 | icmp |    -1 | -
          # default NACL (no explicit association) allows all; protocol "6" is TCP with its port range, not all ports
          vendor-docs-aws-semantics   | 10.1.3.10 | tcp  |  6379 | exposed-datastore-port critical
          vendor-docs-aws-semantics   | 10.1.3.10 | tcp  |  6380 | -
          vendor-docs-aws-semantics   | 10.1.3.10 | udp  |    53 | open-to-internet low
          vendor-docs-aws-semantics   | 10.1.3.10 | icmp |    -1 | open-to-internet low
          # a prefix list of 0.0.0.0/1 + 128.0.0.0/1 is the whole internet
          vendor-docs-aws-semantics   | 10.1.3.10 | tcp  |  5432 | exposed-datastore-port critical
          # GCP: disabled rules are ignored (VPC firewall rules, "Enforcement")
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |    80 | open-to-internet low
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  |    80 | -
          # sourceTags alone: traffic from tagged instances only; ranges + tags: either
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  |  5432 | -
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  6379 | exposed-datastore-port critical
          # no source at all: 0.0.0.0/0
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  8443 | open-to-internet low
          # target service account vs target tags
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  | 27017 | exposed-datastore-port critical
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  |  3306 | -
          # priorities: lower number first; at equal priority deny wins, also against another rule's allow
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  9200 | -
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  |  9300 | exposed-datastore-port critical
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |    22 | -
          # egress denies do not touch inbound connections (stateful); protocol "6" is tcp
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  9090 | open-to-internet low
          # a partner /24 on all protocols: narrow, one step lower
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  5432 | exposed-datastore-port high
          vendor-docs-gcp-semantics   | 10.20.0.2 | tcp  |  3306 | exposed-datastore-port high
          vendor-docs-gcp-semantics   | 10.20.0.2 | udp  |  5000 | all-ports-open high
          vendor-docs-gcp-semantics   | 10.20.0.2 | icmp |    -1 | open-to-internet low
          # ingress destinationRanges naming an interface's external IP (natIP): see the test below
          vendor-docs-gcp-semantics   | 10.20.0.3 | tcp  |  8088 | open-to-internet low
          # no external IP: latent, one more step lower
          vendor-docs-gcp-semantics   | 10.20.0.4 | tcp  |  9300 | exposed-datastore-port high
          vendor-docs-gcp-semantics   | 10.20.0.4 | tcp  |  6379 | exposed-datastore-port medium
          vendor-docs-gcp-semantics   | 10.20.0.4 | tcp  |    22 | exposed-management-port low
          vendor-docs-gcp-semantics   | 10.20.0.4 | udp  |  5000 | all-ports-open medium
          vendor-docs-gcp-semantics   | 10.20.0.4 | tcp  |    80 | open-to-internet low
          """)
  void exposureAsDocumented(
      String scenario, String ip, String proto, int port, String expectation) {
    List<Finding> covering =
        report(scenario).findings().stream()
            .filter(f -> f.direction() == Direction.INBOUND)
            .filter(f -> ip.equals(f.privateIp()) && proto.equals(f.protocol()))
            .filter(f -> port < 0 || covers(f.ports(), port))
            .toList();
    List<String> got =
        covering.stream().map(f -> f.check() + " " + f.severity().word()).sorted().toList();
    if (expectation.equals("-")) {
      assertThat(got).as("no finding for %s %s/%d", ip, proto, port).isEmpty();
    } else {
      assertThat(got).as("findings for %s %s/%d", ip, proto, port).contains(expectation);
    }
  }

  /**
   * An ingress rule whose {@code destinationRanges} name db-1's external IP (its access config's
   * {@code natIP}) opens tcp/8088 from the whole internet on db-1 only (web-1 and web-internal-1
   * see 8088 from the partner range alone).
   */
  @Test
  void gcpDestinationRangeNamingAnExternalIpSelectsThatInterfaceOnly() {
    List<String> fromEverywhere =
        report("vendor-docs-gcp-semantics").findings().stream()
            .filter(f -> f.direction() == Direction.INBOUND && "tcp".equals(f.protocol()))
            .filter(f -> covers(f.ports(), 8088) && f.sources().contains("1.0.0.0/8"))
            .map(Finding::privateIp)
            .toList();
    assertThat(fromEverywhere).containsExactly("10.20.0.3");
  }

  private static boolean covers(List<String> ports, int port) {
    for (String p : ports) {
      int dash = p.indexOf('-');
      int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
      int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
      if (lo <= port && port <= hi) {
        return true;
      }
    }
    return false;
  }
}
