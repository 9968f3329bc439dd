"""Session 17 (netsem8): one scenario per provider whose expected findings were derived from the
vendor documentation before the engine was run (docs/net-engine.md, "Semantics checked against the
vendor docs"). Real export shapes (az network ... list, aws ec2 describe-*, gcloud ... list
--format=json). Run: python3 vendor_semantics_scenarios.py net/src/test/resources/io/leakguard/net/ScenarioTest"""
import sys
from azure_common import write, rid, rule, nsg, nic, vnet, subnet_id, pip
import aws_gcp_common as common

ROOT = sys.argv[1]

# ---- Azure: subnet NSG then NIC NSG, service tags, prefix lists, a private destination, ICMP,
# a deny at a lower number, an ASG destination.
rg = "rg-sem"
sub_nsg = rid(rg, "networkSecurityGroups", "nsg-snet-web")
nic_nsg = rid(rg, "networkSecurityGroups", "nsg-nic-both")
snet = subnet_id(rg, "vnet-sem", "snet-web")
asg_web = f"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{rg}/providers/Microsoft.Network/applicationSecurityGroups/asg-web"
nics = [
    nic(rg, "both-nic", "10.40.1.4", snet, nsg_id=nic_nsg, pip_id=rid(rg, "publicIPAddresses", "both-pip")),
    nic(rg, "subnet-only-nic", "10.40.1.5", snet, nsg_id=None, pip_id=rid(rg, "publicIPAddresses", "subnet-only-pip"), asgs=[asg_web]),
]
R = lambda *a, **k: (lambda i: rule(i, rg, *a, **k))
nsgs = [
    nsg(rg, "nsg-snet-web", [
        R("deny-rdp-all", 100, "Inbound", "Deny", "Tcp", src="*", dport="3389"),
        R("allow-rdp-internet", 110, "Inbound", "Allow", "Tcp", src="Internet", dport="3389"),
        R("allow-ssh-internet", 120, "Inbound", "Allow", "Tcp", src="Internet", dport="22"),
        R("allow-https-any", 130, "Inbound", "Allow", "Tcp", src="*", dport="443"),
        R("allow-icmp-any", 140, "Inbound", "Allow", "Icmp", src="*", dport="*"),
        R("allow-azurecloud-8080", 150, "Inbound", "Allow", "Tcp", src="AzureCloud", dport="8080"),
        R("allow-storage-weu-445", 160, "Inbound", "Allow", "Tcp", src="Storage.WestEurope", dport="445"),
        R("allow-lb-probe-9000", 170, "Inbound", "Allow", "Tcp", src="AzureLoadBalancer", dport="9000"),
        R("allow-vnet-5432", 180, "Inbound", "Allow", "Tcp", src="VirtualNetwork", dport="5432"),
        R("allow-mixed-list-1433", 190, "Inbound", "Allow", "Tcp", srcs=["10.0.0.0/8", "52.0.0.0/8"], dport="1433"),
        R("allow-redis-one-host", 200, "Inbound", "Allow", "Tcp", src="*", dst="10.40.1.5", dport="6379"),
        R("allow-mongo-zero-cidr", 210, "Inbound", "Allow", "Tcp", src="0.0.0.0/0", dport="27017"),
        R("allow-es-any-word", 220, "Inbound", "Allow", "Tcp", src="Any", dport="9200"),
        R("allow-http-asg", 230, "Inbound", "Allow", "Tcp", src="Internet", dst_asgs=[asg_web], dport="80"),
        R("allow-alt-ports-any-proto", 240, "Inbound", "Allow", "*", src="Internet", dports=["8000-8010", "8443"]),
    ], subnets=[snet]),
    nsg(rg, "nsg-nic-both", [
        R("allow-https", 100, "Inbound", "Allow", "Tcp", src="*", dport="443"),
        R("allow-ssh-corp", 110, "Inbound", "Allow", "Tcp", src="10.0.0.0/8", dport="22"),
        R("allow-rdp", 120, "Inbound", "Allow", "Tcp", src="*", dport="3389"),
        R("allow-icmp", 130, "Inbound", "Allow", "Icmp", src="*", dport="*"),
        R("allow-app-ports", 140, "Inbound", "Allow", "Tcp", src="*",
          dports=["80", "445", "1433", "5432", "6379", "8080", "9000", "9200", "27017"]),
    ], nics=[nics[0]["id"]]),
]
write(f"{ROOT}/vendor-docs-azure-semantics/input/nsg-list.json", nsgs)
write(f"{ROOT}/vendor-docs-azure-semantics/input/nic-list.json", nics)
write(f"{ROOT}/vendor-docs-azure-semantics/input/vnet-list.json", [vnet(rg, "vnet-sem", "10.40.0.0/16", [("snet-web", "10.40.1.0/24", sub_nsg)])])
write(f"{ROOT}/vendor-docs-azure-semantics/input/public-ip-list.json", [
    pip(rg, "both-pip", "20.70.0.1", f"{nics[0]['id']}/ipConfigurations/ipconfig1"),
    pip(rg, "subnet-only-pip", "20.70.0.2", f"{nics[1]['id']}/ipConfigurations/ipconfig1")])

# ---- AWS: several groups on one ENI, -1, protocol numbers, ranges, ::/0, NACL first match, NACL
# return traffic, the default NACL, a customer prefix list.
OWNER = common.OWNER
VPC = "vpc-0sem0000000000001"

def perm(proto, frm=None, to=None, v4=(), v6=(), pls=(), groups=()):
    p = {"IpProtocol": proto, "IpRanges": [{"CidrIp": c} for c in v4],
         "Ipv6Ranges": [{"CidrIpv6": c} for c in v6], "PrefixListIds": [{"PrefixListId": x} for x in pls],
         "UserIdGroupPairs": [{"GroupId": g, "UserId": OWNER} for g in groups]}
    if frm is not None:
        p["FromPort"] = frm
        p["ToPort"] = to
    return p

def sg(gid, name, ingress):
    return {"Description": f"{name}", "GroupName": name, "IpPermissions": ingress, "OwnerId": OWNER, "GroupId": gid,
            "IpPermissionsEgress": [perm("-1", v4=["0.0.0.0/0"])], "VpcId": VPC}

def eni(eid, ip, subnet, groups, public, v6=()):
    e = {"AvailabilityZone": "eu-west-1a", "Description": "", "Groups": [{"GroupName": g, "GroupId": g} for g in groups],
         "InterfaceType": "interface", "Ipv6Addresses": [{"Ipv6Address": a} for a in v6],
         "MacAddress": "06:00:00:00:00:02", "NetworkInterfaceId": eid, "OwnerId": OWNER,
         "PrivateIpAddress": ip, "PrivateIpAddresses": [{"Primary": True, "PrivateIpAddress": ip}],
         "RequesterManaged": False, "SourceDestCheck": True, "Status": "in-use", "SubnetId": subnet, "TagSet": [], "VpcId": VPC}
    assoc = {"IpOwnerId": "amazon", "PublicDnsName": "ec2-x.eu-west-1.compute.amazonaws.com", "PublicIp": public}
    e["Association"] = assoc
    e["PrivateIpAddresses"][0]["Association"] = assoc
    return e

entry = common.entry

def nacl(aid, subnets, entries, default=False):
    return common.nacl(VPC, aid, subnets, entries, default)

base = f"{ROOT}/vendor-docs-aws-semantics/input"
write(f"{base}/describe-security-groups.json", {"SecurityGroups": [
    sg("sg-0web", "web", [perm("tcp", 443, 443, v4=["0.0.0.0/0"]), perm("tcp", 80, 80, v6=["::/0"])]),
    sg("sg-0ssh", "ssh", [perm("tcp", 22, 22, v4=["203.0.113.0/24"])]),
    sg("sg-0alt", "alt", [perm("tcp", 8000, 8100, v4=["0.0.0.0/0"])]),
    sg("sg-0all", "partner-all", [perm("-1", v4=["198.51.100.7/32"])]),
    sg("sg-0num", "redis-by-number", [perm("6", 6379, 6379, v4=["0.0.0.0/0"])]),
    sg("sg-0dns", "dns", [perm("udp", 53, 53, v4=["0.0.0.0/0"])]),
    sg("sg-0ping", "ping", [perm("icmp", -1, -1, v4=["0.0.0.0/0"])]),
    sg("sg-0pl", "pg-from-list", [perm("tcp", 5432, 5432, pls=["pl-0halves00000001"])]),
]})
write(f"{base}/describe-network-interfaces.json", {"NetworkInterfaces": [
    eni("eni-0aaa", "10.1.1.10", "subnet-0aaa", ["sg-0web", "sg-0ssh", "sg-0alt"], "54.171.0.1", v6=["2a05:d018:1::10"]),
    eni("eni-0bbb", "10.1.2.10", "subnet-0bbb", ["sg-0all", "sg-0num", "sg-0dns", "sg-0ping"], "54.171.0.2"),
    eni("eni-0ccc", "10.1.3.10", "subnet-0ccc", ["sg-0num", "sg-0dns", "sg-0ping", "sg-0pl"], "54.171.0.3"),
]})
write(f"{base}/describe-network-acls.json", {"NetworkAcls": [
    # listed out of order on purpose: evaluation is by rule number
    nacl("acl-0aaa", ["subnet-0aaa"], [
        entry(120, "deny", False, "6", ports=(443, 443)),
        entry(110, "allow", False), entry(111, "allow", False, cidr="::/0", v6=True),
        entry(100, "deny", False, "6", ports=(8080, 8080)),
        entry(32767, "deny", False), entry(32768, "deny", False, cidr="::/0", v6=True),
        entry(100, "allow", True, "6", ports=(1024, 65535)), entry(101, "allow", True, "6", cidr="::/0", ports=(1024, 65535), v6=True),
        entry(32767, "deny", True), entry(32768, "deny", True, cidr="::/0", v6=True)]),
    nacl("acl-0bbb", ["subnet-0bbb"], [
        entry(100, "allow", False), entry(32767, "deny", False),
        entry(100, "allow", True, "6", ports=(443, 443)), entry(32767, "deny", True)]),
    nacl("acl-0default", [], [entry(100, "allow", False), entry(32767, "deny", False),
                              entry(100, "allow", True), entry(32767, "deny", True)], default=True),
]})
write(f"{base}/pl-0halves00000001.json", {"Entries": [{"Cidr": "0.0.0.0/1", "Description": "lower half"},
                                                      {"Cidr": "128.0.0.0/1", "Description": "upper half"}]})

# ---- GCP: disabled rules, sourceTags without sourceRanges, ranges + tags, no source at all, target
# tags vs service accounts, a tag no instance has, priorities both ways, egress denies (stateful),
# protocol numbers and "all", an instance without external IP.
P = "https://www.googleapis.com/compute/v1/projects/acme-sem"
def fw(i, name, prio, **k):
    return common.gcp_fw(P, str(7100000000000000000 + i), name, "vpc-sem", prio, **k)
tcp = lambda *ports: {"IPProtocol": "tcp", "ports": list(ports)}
write(f"{ROOT}/vendor-docs-gcp-semantics/input/firewall-rules.json", [
    fw(1, "deny-http-disabled", 10, denied=[tcp("80")], src=["0.0.0.0/0"], disabled=True),
    fw(2, "allow-http-web", 1000, allowed=[tcp("80")], src=["0.0.0.0/0"], ttags=["web"]),
    fw(3, "allow-all-disabled", 5, allowed=[{"IPProtocol": "all"}], src=["0.0.0.0/0"], disabled=True),
    fw(4, "allow-pg-from-tag", 1000, allowed=[tcp("5432")], stags=["web"]),
    fw(5, "allow-redis-ranges-or-tags", 1000, allowed=[tcp("6379")], src=["0.0.0.0/0"], stags=["web"], ttags=["cache"]),
    fw(6, "allow-8443-no-source", 1000, allowed=[tcp("8443")], ttags=["web"]),
    fw(7, "allow-mongo-sa", 1000, allowed=[tcp("27017")], src=["0.0.0.0/0"], tsas=["db@acme-sem.iam.gserviceaccount.com"]),
    fw(8, "allow-mysql-unused-tag", 1000, allowed=[tcp("3306")], src=["0.0.0.0/0"], ttags=["mysql"]),
    fw(9, "deny-es-http-first", 500, denied=[tcp("9200")], src=["0.0.0.0/0"]),
    fw(10, "allow-es-http-later", 1000, allowed=[tcp("9200")], src=["0.0.0.0/0"]),
    fw(11, "allow-es-transport-first", 500, allowed=[tcp("9300")], src=["0.0.0.0/0"]),
    fw(12, "deny-es-transport-later", 1000, denied=[tcp("9300")], src=["0.0.0.0/0"]),
    fw(13, "deny-all-egress", 0, direction="EGRESS", denied=[{"IPProtocol": "all"}], dst=["0.0.0.0/0"]),
    fw(14, "allow-9090-by-number", 1000, allowed=[{"IPProtocol": "6", "ports": ["9090"]}], src=["0.0.0.0/0"], ttags=["web"]),
    fw(15, "allow-partner-all", 1000, allowed=[{"IPProtocol": "all"}], src=["198.51.100.0/24"], ttags=["web"]),
    fw(16, "allow-ssh-tag", 1000, allowed=[tcp("22")], src=["0.0.0.0/0"], ttags=["ssh"]),
    fw(17, "deny-ssh-tag", 1000, denied=[tcp("22")], src=["0.0.0.0/0"], ttags=["ssh"]),
])
def inst(i, name, ip, **k):
    return common.gcp_inst(P, str(7200000000000000000 + i), name, "vpc-sem", "snet-sem", ip, **k)
write(f"{ROOT}/vendor-docs-gcp-semantics/input/instances.json", [
    inst(1, "web-1", "10.20.0.2", tags=["web", "cache", "ssh"], nat="34.77.0.2"),
    inst(2, "db-1", "10.20.0.3", nat="34.77.0.3", sa="db@acme-sem.iam.gserviceaccount.com"),
    inst(3, "web-internal-1", "10.20.0.4", tags=["web"]),
])
