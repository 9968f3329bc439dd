package io.leakguard.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.net.read.ExportReader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-format exports (the {@code real-*} folders of {@link ScenarioTest}, whose findings are
 * pinned there): every target with its public path and layers, as {@code name | public path |
 * layer:rule sets;...}, so a reader that drops a layer, a group or a public path fails here even
 * when the findings happen to stay the same.
 */
class RealFormatsTest {
  static final Path ROOT = ScenarioTest.ROOT;

  /** A scenario's model: its plan (the after side) or its input folder. */
  static NetModel read(String scenario) {
    Path dir = ROOT.resolve(scenario.trim());
    Path plan = dir.resolve("plan.json");
    return ExportReader.read(
        List.of(java.nio.file.Files.exists(plan) ? plan : dir.resolve("input")));
  }

  static String describe(Target t) {
    return t.name()
        + " | "
        + t.privateIp()
        + " | "
        + t.publicPathReason()
        + " | "
        + t.layers().stream()
            .map(
                l ->
                    l.role()
                        + ":"
                        + (l.unknown()
                            ? "unknown " + l.unknownRef()
                            : l.ruleSets().stream()
                                .map(RuleSet::name)
                                .collect(Collectors.joining(","))))
            .collect(Collectors.joining(";"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "real-aws-security-group-rules | eni-0web0000000000001 ~ 10.1.0.10 ~ public IP 203.0.113.10 ~ security-groups:sg-0web00000000000001",
        "real-azure-arm-export-template | web-vm-nic ~ 10.20.1.4 ~ public IP web-vm-ip (203.0.113.40) ~ subnet-nsg:web-nsg;nic-nsg:",
        "real-azure-nsg-backlinks-port-lists | shop-vm-nic ~ 10.30.0.4 ~ public IP shop-vm-ip (192.0.2.44) ~ nic-nsg:shop-nsg",
        "real-aws-describe-instances-icmp-ipv6 | api-1 ~ 10.50.0.10 ~ public IP 203.0.113.50 ~ security-groups:api"
            + " // api-1/2001:db8:50::10 ~ 2001:db8:50::10 ~ global IPv6 address (routes not checked) ~ security-groups:api"
            + " // api-1 ~ 10.50.9.10 ~ null ~ security-groups:mgmt",
        "real-terraform-plan-aws-module-unknowns | web-0 ~ null ~ public IP (known after apply) ~ security-groups:web",
        "real-azure-lb-inbound-nat | vm1-nic ~ 10.70.0.4 ~ inbound NAT rule of public load balancer jump-lb ~ subnet-nsg:;nic-nsg:vm1-nsg",
        "real-terraform-state-azure-lb-asg-associations | web-nic ~ 10.80.1.4 ~ backend of public load balancer app-lb ~ subnet-nsg:app-nsg;nic-nsg:"
            + " // admin-nic ~ 10.80.1.5 ~ inbound NAT rule of public load balancer app-lb ~ subnet-nsg:app-nsg;nic-nsg:"
            + " // batch-nic ~ 10.80.1.6 ~ null ~ subnet-nsg:app-nsg;nic-nsg:",
        "real-aws-cli-query-forms | query-projection ~ 10.95.0.30 ~ public IP 203.0.113.96 ~ security-groups:q-web"
            + " // query-web ~ 10.95.0.10 ~ public IP 203.0.113.95 ~ security-groups:q-web"
            + " // query-worker ~ 10.95.0.20 ~ null ~ security-groups:q-web",
        "real-azure-resource-graph | db-nic ~ 10.99.0.5 ~ public IP db-ip (198.51.100.99) ~ nic-nsg:graph-nsg",
        "real-gcp-two-projects-default-network | alpha-vm ~ 10.132.0.2 ~ access config with NAT IP 203.0.113.11 ~ firewall:projects/proj-alpha/global/networks/default"
            + " // beta-vm ~ 10.132.0.3 ~ access config with NAT IP 203.0.113.12 ~ firewall:projects/proj-beta/global/networks/default",
        "real-gcp-gcloud-lists | web-1 ~ 10.128.0.2 ~ access config with NAT IP 203.0.113.90 ~ firewall:projects/example-proj/global/networks/default"
            + " // batch-1 ~ 10.128.0.3 ~ null ~ firewall:projects/example-proj/global/networks/default",
        "real-aws-multi-eni-peering-nacl-v6 | eni-0elb00000000000001 ~ 10.60.1.200 ~ public IP 203.0.113.63 ~ nacl:public-acl;security-groups:alb"
            + " // bastion-1/10.60.1.10 ~ 10.60.1.10 ~ public IP 203.0.113.60 ~ nacl:public-acl;security-groups:bastion"
            + " // bastion-1/10.60.1.11 ~ 10.60.1.11 ~ public IP 198.51.100.61 ~ nacl:public-acl;security-groups:bastion"
            + " // bastion-1/2001:db8:60:1::10 ~ 2001:db8:60:1::10 ~ global IPv6 address (routes not checked) ~ nacl:public-acl;security-groups:bastion"
            + " // bastion-1 ~ 10.60.2.10 ~ null ~ security-groups:backend",
        "real-azure-multi-ipconfig-nsg-show | app-vm-nic/ipconfig1 ~ 10.70.1.4 ~ null ~ subnet-nsg:app-subnet-nsg;nic-nsg:app-nic-nsg"
            + " // app-vm-nic/ipconfig-public ~ 10.70.1.5 ~ public IP app-vm-ip2 (203.0.113.70) ~ subnet-nsg:app-subnet-nsg;nic-nsg:app-nic-nsg",
        "real-terraform-plan-nested-modules-replace | api-nic/primary ~ 10.91.1.4 ~ null ~ nic-nsg:api-nsg"
            + " // api-nic/secondary ~ 10.91.1.5 ~ public IP api-ip (203.0.113.91) ~ nic-nsg:api-nsg"
            + " // tf-app ~ 10.90.1.10 ~ public IP 203.0.113.90 ~ security-groups:app"
            + " // kafka-1 ~ 10.92.0.2 ~ access config with NAT IP 198.51.100.92 ~ firewall:projects/tf-proj/global/networks/tf-net,tf-policy,projects/tf-proj/global/networks/tf-net (implied)"
            + " // kafka-1/v6 ~ 2001:db8:92::2 ~ IPv6 access config 2001:db8:92::2 ~ firewall:projects/tf-proj/global/networks/tf-net,tf-policy,projects/tf-proj/global/networks/tf-net (implied)",
        "real-terraform-state-aws-instance-eni-blocks | tf-web ~ 10.95.1.10 ~ public IP 203.0.113.95 ~ security-groups:web"
            + " // tf-worker ~ 10.95.1.20 ~ null ~ security-groups:web",
        "real-gcp-firewall-policies | web-1/nic0 ~ 10.10.0.5 ~ access config with NAT IP 203.0.113.21 ~ firewall:org-baseline,shared-fw,uc1-fw,projects/host-proj/global/networks/shared-vpc,projects/host-proj/global/networks/shared-vpc (implied)"
            + " // web-1/nic0/v6 ~ 2001:db8:21::1 ~ IPv6 access config 2001:db8:21::1 ~ firewall:org-baseline,shared-fw,uc1-fw,projects/host-proj/global/networks/shared-vpc,projects/host-proj/global/networks/shared-vpc (implied)"
            + " // web-1/nic1 ~ 10.20.0.5 ~ null ~ firewall:org-baseline,projects/svc-proj/global/networks/backend (implied)"
            + " // db-1 ~ 10.10.8.7 ~ null ~ firewall:org-baseline,shared-fw,projects/host-proj/global/networks/shared-vpc,projects/host-proj/global/networks/shared-vpc (implied)",
        "real-gcp-effective-firewalls | edge-1 ~ 10.30.0.2 ~ access config with NAT IP 198.51.100.31 ~ firewall:folder-guard,projects/edge-proj/global/networks/edge,edge-net-fw,projects/edge-proj/global/networks/edge (implied)",
        "real-terraform-state-aws-attachments-eip-nacl | app-1 ~ 10.40.1.10 ~ public IP 198.51.100.77 ~ nacl:app-acl;security-groups:default"
            + " // extra-eni ~ 10.40.1.20 ~ public IP 198.51.100.78 ~ nacl:app-acl;security-groups:admin",
        "real-powershell-az-nsg-nic | web-nic ~ 10.60.1.4 ~ public IP web-pip (203.0.113.60) ~ subnet-nsg:;nic-nsg:web-nsg"
            + " // db-nic ~ 10.60.2.4 ~ null ~ subnet-nsg:db-nsg;nic-nsg:",
        "real-powershell-aws-ec2 | web-1 ~ 10.61.1.10 ~ public IP 203.0.113.71 ~ nacl:app-acl;security-groups:web"
            + " // db-1 ~ 10.61.2.20 ~ null ~ nacl:app-acl;security-groups:db"
            + " // sg-0a0a0a0a0a0a0a0a9 ~ null ~ null ~ security-groups:sg-0a0a0a0a0a0a0a0a9",
        "real-aws-config-items | web-eni ~ 10.62.1.10 ~ public IP 203.0.113.81 ~ nacl:shop-acl;security-groups:web"
            + " // bastion ~ 10.62.1.20 ~ public IP 198.51.100.82 ~ nacl:shop-acl;security-groups:admin",
        "real-powershell-default-depth | db-nic ~ 10.64.0.6 ~ null ~ nic-nsg:db-nsg"
            + " // jump-nic ~ null ~ public IP jump-pip (203.0.113.64) ~ nic-nsg:jump-nsg"
            + " // app-nic ~ null ~ public IP unknown (cut off by ConvertTo-Json) ~ nic-nsg:app-nsg"
            + " // mgmt-nsg ~ null ~ null ~ nsg:mgmt-nsg"
            + " // i-0d1d1d1d1d1d1d1d1 ~ 10.65.0.10 ~ public IP 203.0.113.65 ~ security-groups:unknown (cut off by ConvertTo-Json)"
            + " // api ~ null ~ null ~ security-groups:api // cache ~ null ~ null ~ security-groups:cache"
            + " // bastion ~ null ~ null ~ security-groups:bastion",
        "real-terraform-plan-foreach-drift-deferred | edge-nsg ~ null ~ null ~ nsg:edge-nsg"
            + " // web-0 ~ null ~ public IP (known after apply) ~ security-groups:api"
            + " // worker-0 ~ null ~ null ~ security-groups:api,admin"
            + " // edge-1 ~ 10.66.0.2 ~ access config with NAT IP 203.0.113.97 ~ firewall:global/networks/edge-net",
        "real-terraform-state-modules-foreach | node-0 ~ 10.69.0.10 ~ public IP 203.0.113.110 ~ security-groups:svc-web,svc-ssh"
            + " // node-1 ~ 10.69.0.11 ~ null ~ security-groups:svc-ssh"
            + " // db-0 ~ 10.69.0.20 ~ public IP 198.51.100.111 ~ security-groups:db",
        "real-yaml-outputs | yaml-nsg ~ null ~ null ~ nsg:yaml-nsg"
            + " // a901-yaml ~ 10.68.0.10 ~ public IP 203.0.113.101 ~ security-groups:yaml-sg"
            + " // a902-yaml ~ 10.68.0.11 ~ public IP 203.0.113.102 ~ security-groups:yaml-sg"
            + " // web-yaml ~ 10.128.0.7 ~ access config with NAT IP 203.0.113.98 ~ firewall:projects/yaml-proj/global/networks/default",
        "real-gcp-cloud-asset-inventory | db-1 ~ 10.63.0.9 ~ null ~ firewall:projects/shop-proj/global/networks/shop-vpc"
            + " // web-1 ~ 10.63.0.5 ~ access config with NAT IP 203.0.113.93 ~ firewall:projects/shop-proj/global/networks/shop-vpc",
      })
  void targets(String scenario, String expected) {
    NetModel m = read(scenario);
    String actual =
        m.targets().stream()
            .map(RealFormatsTest::describe)
            .map(s -> s.replace(" | ", " ~ "))
            .collect(Collectors.joining(" // "));
    assertThat(actual).isEqualTo(expected.trim());
  }

  /** Rules of one rule set in evaluation order: {@code direction priority name allow}. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "real-terraform-state-aws-attachments-eip-nacl | app-acl | inbound 80 80 deny; inbound 90 90 deny; inbound 100 100 allow; outbound 100 100 allow",
        "real-azure-arm-export-template | web-nsg | inbound 300 AllowHTTPS allow; inbound 305 DenyTelnet deny; inbound 310 AllowAdminSSH allow; inbound 320 AllowRDP allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-azure-nsg-and-rule-list | ops-nsg | inbound 100 ssh allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-azure-arm-template-with-parameters | jump-nsg | inbound 100 jump-nsg-rule-admin allow; inbound 110 jump-nsg-rule-db allow; inbound 200 allow-app-1 allow; inbound 201 allow-app-2 allow; inbound 202 allow-app-3 allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-aws-multi-eni-peering-nacl-v6 | public-acl | inbound 90 90 deny; inbound 100 100 allow; inbound 105 105 deny; inbound 110 110 allow; inbound 32767 * deny; inbound 32767 * deny; outbound 100 100 allow; outbound 101 101 allow; outbound 32767 * deny; outbound 32767 * deny",
        "real-aws-multi-eni-peering-nacl-v6 | backend | inbound -1 ingress[0] tcp/5432 sg-0peer000000000001 allow; inbound -1 ingress[1] 6/6379 pl-0office000000001 allow; inbound -1 ingress[2] tcp/9200-9300 pl-0missing00000001 allow",
        "real-gcp-firewall-policies | shared-fw | inbound 100 allow-https allow; inbound 150 allow-ssh-v6 allow; inbound 300 deny-admin deny; inbound 400 allow-postgres-tagged allow",
        "real-gcp-firewall-policies | org-baseline | inbound 1000 priority-1000 deny; inbound 1100 priority-1100 allow",
        "real-gcp-effective-firewalls | folder-guard | inbound 10 priority-10 deny; inbound 20 priority-20 allow",
        "real-aws-security-group-rules | sg-0web00000000000001 | inbound -1 sgr-0a1b2c3d4e5f60001 tcp/443 0.0.0.0/0 allow; inbound -1 sgr-0a1b2c3d4e5f60002 6/22 ::/0 allow; inbound -1 sgr-0a1b2c3d4e5f60003 all sg-0web00000000000001 allow; inbound -1 sgr-0a1b2c3d4e5f60005 udp/3389 pl-0a0a0a0a0a0a0a0a0 allow; outbound -1 sgr-0a1b2c3d4e5f60004 all 0.0.0.0/0 allow",
        "real-powershell-az-nsg-nic | web-nsg | inbound 100 AllowHttpsInbound allow; inbound 110 AllowSshFromOffice allow; inbound 120 AllowAppPorts allow; inbound 130 DenyRdp deny; inbound 140 AllowRdpFromJump allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-powershell-aws-ec2 | web | inbound -1 ingress[0] tcp/443 0.0.0.0/0 allow; inbound -1 ingress[0] tcp/443 ::/0 allow; inbound -1 ingress[1] tcp/22 198.51.100.10/32 allow; inbound -1 ingress[1] tcp/22 198.51.100.11/32 allow; inbound -1 ingress[2] icmp 0.0.0.0/0 allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-powershell-aws-ec2 | sg-0a0a0a0a0a0a0a0a9 | inbound -1 sgr-0a0a0a0a0a0a0a0a1 tcp/8443 0.0.0.0/0 allow; inbound -1 sgr-0a0a0a0a0a0a0a0a2 tcp/22 sg-0aa11bb22cc33dd44 allow; outbound -1 sgr-0a0a0a0a0a0a0a0a3 all 0.0.0.0/0 allow",
        "real-powershell-aws-ec2 | app-acl | inbound 90 90 deny; inbound 100 100 allow; inbound 32767 * deny; outbound 100 100 allow; outbound 32767 * deny",
        "real-yaml-outputs | projects/yaml-proj/global/networks/default | inbound 900 deny-smb deny; inbound 1000 allow-ssh-office allow; inbound 1000 allow-web allow; inbound 1000 allow-smb allow; inbound 65535 implied-deny-ingress deny; outbound 65535 implied-allow-egress allow",
        "real-steampipe-cloudquery-rows | ops-web | inbound -1 ingress[0] tcp/443 0.0.0.0/0 allow; inbound -1 ingress[1] tcp/8080 sg-0f1f1f1f1f1f1f1f1 allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-steampipe-cloudquery-rows | cq-db | inbound -1 ingress[0] tcp/5432 0.0.0.0/0 allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-terraform-plan-foreach-drift-deferred | api | inbound -1 ingress[0] tcp/443 0.0.0.0/0 allow; inbound -1 ingress[0] tcp/443 ::/0 allow; inbound -1 ingress[1] tcp/8080 aws_security_group.svc[\"api\"] allow; outbound -1 egress[0] all 0.0.0.0/0 allow; outbound -1 egress[0] all ::/0 allow",
        "real-terraform-plan-foreach-drift-deferred | admin | inbound -1 ingress[0] tcp/22 198.51.100.0/24 allow; inbound -1 ingress[1] tcp/3389 0.0.0.0/0 allow; outbound -1 egress[0] all 0.0.0.0/0 allow; outbound -1 egress[0] all ::/0 allow",
        "real-terraform-plan-foreach-drift-deferred | edge-nsg | inbound 200 mgmt-from-partners allow; inbound 300 web allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-terraform-plan-foreach-drift-deferred | global/networks/edge-net | inbound 900 block-telnet deny; inbound 1000 partners allow; inbound 65535 implied-deny-ingress deny; outbound 65535 implied-allow-egress allow",
        "real-powershell-default-depth | mgmt-nsg | inbound 100 AllowRdpPartners allow; inbound 200 DenyAllSsh deny; inbound 300 AllowSshAll allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-powershell-default-depth | jump-nsg | inbound 100 AllowSshOffice allow; inbound 110 AllowWinRmAll allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-powershell-default-depth | app-nsg | inbound 100 (rules cut off by ConvertTo-Json) allow; inbound 65000 AllowVnetInBound allow; inbound 65001 AllowAzureLoadBalancerInBound allow; inbound 65500 DenyAllInBound deny; outbound 100 (rules cut off by ConvertTo-Json) allow; outbound 65000 AllowVnetOutBound allow; outbound 65001 AllowInternetOutBound allow; outbound 65500 DenyAllOutBound deny",
        "real-powershell-default-depth | bastion | inbound -1 ingress[0] tcp/22 198.51.100.7/32 allow; inbound -1 ingress[0] tcp/22 198.51.100.8/32 allow; inbound -1 ingress[1] tcp/3389 0.0.0.0/0 allow; inbound -1 ingress[2] tcp/443 Ipv6Ranges (cut off) allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-powershell-default-depth | api | inbound -1 ingress[0] (cut off) allow; outbound -1 egress[0] (cut off) allow",
        "real-aws-config-items | web | inbound -1 ingress[0] tcp/443 0.0.0.0/0 allow; inbound -1 ingress[1] tcp/22 198.51.100.0/24 allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-aws-config-items | admin | inbound -1 ingress[0] tcp/3389 0.0.0.0/0 allow; inbound -1 ingress[1] tcp/22 ::/0 allow; inbound -1 ingress[2] tcp/8443 sg-0c1c1c1c1c1c1c1c1 allow; outbound -1 egress[0] all 0.0.0.0/0 allow",
        "real-aws-config-items | shop-acl | inbound 100 100 deny; inbound 200 200 allow; inbound 32767 * deny; outbound 100 100 allow; outbound 32767 * deny",
      })
  void rules(String scenario, String ruleSet, String expected) {
    NetModel m = read(scenario);
    RuleSet rs =
        m.ruleSets().stream()
            .filter(r -> r.name().equals(ruleSet.trim()))
            .findFirst()
            .orElseThrow();
    String actual =
        java.util.stream.Stream.of(Direction.INBOUND, Direction.OUTBOUND)
            .flatMap(d -> rs.lines(d).stream())
            .map(
                l ->
                    l.direction().word()
                        + " "
                        + l.priority()
                        + " "
                        + l.name()
                        + " "
                        + (l.allow() ? "allow" : "deny"))
            .collect(Collectors.joining("; "));
    assertThat(actual).isEqualTo(expected.trim());
  }

  /**
   * A raw state file ({@code terraform.tfstate}, {@code terraform state pull}) reads into the same
   * targets, layers and rules as {@code terraform show -json} of that state: each {@code
   * real-terraform-raw-state/input/<scenario>.tfstate} is the raw form of that scenario's input
   * (modules, {@code count} and {@code for_each} index keys included).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "real-terraform-state-aws-attachments-eip-nacl",
    "real-terraform-state-aws-instance-eni-blocks",
    "real-terraform-state-aws-prefix-lists",
    "real-terraform-state-azure-lb-asg-associations",
    "real-terraform-state-modules-foreach",
    "terraform-state-aws-gcp",
  })
  void rawStateReadsLikeShowJson(String scenario) {
    NetModel raw =
        ExportReader.read(
            List.of(ROOT.resolve("real-terraform-raw-state/input").resolve(scenario + ".tfstate")));
    NetModel shown = read(scenario);
    assertThat(summary(raw)).isNotEmpty().isEqualTo(summary(shown));
  }

  /** Every target as {@link #describe} and every rule line of every rule set, in model order. */
  private static List<String> summary(NetModel m) {
    List<String> out = new java.util.ArrayList<>();
    m.targets().forEach(t -> out.add(describe(t)));
    for (RuleSet rs : m.ruleSets()) {
      for (Direction d : Direction.values()) {
        rs.lines(d)
            .forEach(
                l ->
                    out.add(
                        rs.name()
                            + " "
                            + d.word()
                            + " "
                            + l.priority()
                            + " "
                            + l.name()
                            + " "
                            + l.allow()
                            + " "
                            + l.remote()
                            + " "
                            + l.ports()));
      }
    }
    return out;
  }

  /**
   * Windows shells save exports with a byte-order mark (PowerShell 5 {@code >} writes UTF-16LE,
   * {@code Out-File -Encoding utf8} a UTF-8 BOM): read like plain UTF-8.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"UTF-8 BOM", "UTF-16LE BOM", "UTF-16BE BOM", "UTF-8"})
  void byteOrderMarks(String encoding) throws java.io.IOException {
    String json =
        "[{\"kind\": \"compute#firewall\", \"name\": \"ssh\", \"network\": \"default\","
            + " \"direction\": \"INGRESS\", \"priority\": 1000, \"sourceRanges\": [\"0.0.0.0/0\"],"
            + " \"allowed\": [{\"IPProtocol\": \"tcp\", \"ports\": [\"22\"]}]}]\r\n";
    byte[] bytes;
    switch (encoding) {
      case "UTF-8 BOM":
        bytes = ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        break;
      case "UTF-16LE BOM":
        bytes = ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        break;
      case "UTF-16BE BOM":
        bytes = ("\uFEFF" + json).getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        break;
      default:
        bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    Path f = java.nio.file.Files.createTempFile("firewall-rules", ".json");
    try {
      java.nio.file.Files.write(f, bytes);
      NetModel m = ExportReader.read(List.of(f));
      assertThat(m.ruleSets()).hasSize(1);
      assertThat(m.ruleSets().get(0).lines(Direction.INBOUND).get(0).name()).isEqualTo("ssh");
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
