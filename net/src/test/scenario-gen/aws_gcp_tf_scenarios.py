import json, sys
from azure_common import write, rid, nsg as az_nsg
import aws_gcp_common as common

ROOT = sys.argv[1]
OWNER = common.OWNER
VPC = "vpc-0a11b22c33d44e55f"

def perm(proto, frm=None, to=None, v4=(), v6=(), pls=(), groups=()):
    p = {"IpProtocol": proto, "IpRanges": [{"CidrIp": c, "Description": "rule"} for c in v4],
         "Ipv6Ranges": [{"CidrIpv6": c} for c in v6], "PrefixListIds": [{"PrefixListId": p} for p in pls],
         "UserIdGroupPairs": [{"GroupId": g, "UserId": OWNER} for g in groups]}
    if frm is not None:
        p["FromPort"] = frm
        p["ToPort"] = to
    return p

def sg(gid, name, ingress, egress=None):
    return {"Description": f"{name} tier", "GroupName": name, "IpPermissions": ingress, "OwnerId": OWNER, "GroupId": gid,
            "IpPermissionsEgress": egress if egress is not None else [perm("-1", v4=["0.0.0.0/0"])],
            "Tags": [{"Key": "team", "Value": "platform"}], "VpcId": VPC}

def eni(eid, ip, subnet, groups, public=None, v6=(), instance=None, name=None):
    e = {"AvailabilityZone": "eu-west-1a", "Description": "", "Groups": [{"GroupName": g, "GroupId": g} for g in groups],
         "InterfaceType": "interface", "Ipv6Addresses": [{"Ipv6Address": a, "IsPrimaryIpv6": False} for a in v6],
         "MacAddress": "06:00:00:00:00:01", "NetworkInterfaceId": eid, "OwnerId": OWNER,
         "PrivateDnsName": f"ip-{ip.replace('.', '-')}.eu-west-1.compute.internal", "PrivateIpAddress": ip,
         "PrivateIpAddresses": [{"Primary": True, "PrivateDnsName": "x", "PrivateIpAddress": ip}],
         "RequesterManaged": False, "SourceDestCheck": True, "Status": "in-use", "SubnetId": subnet,
         "TagSet": [{"Key": "Name", "Value": name}] if name else [], "VpcId": VPC}
    if public:
        assoc = {"IpOwnerId": "amazon", "PublicDnsName": "ec2-x.eu-west-1.compute.amazonaws.com", "PublicIp": public}
        e["Association"] = assoc
        e["PrivateIpAddresses"][0]["Association"] = assoc
    if instance:
        e["Attachment"] = {"AttachTime": "2026-11-01T10:00:00+00:00", "AttachmentId": "eni-attach-0123", "DeleteOnTermination": True,
                           "DeviceIndex": 0, "NetworkCardIndex": 0, "InstanceId": instance, "InstanceOwnerId": OWNER, "Status": "attached"}
    return e

def entry(*a, **k):
    return common.entry(*a, **k)

def nacl(aid, subnets, entries, default=False):
    return common.nacl(VPC, aid, subnets, entries, default)

base = f"{ROOT}/aws-sg-union-nacl-prefix-lists/input"
write(f"{base}/describe-security-groups.json", {"SecurityGroups": [
    sg("sg-0web000000000001", "web", [perm("tcp", 443, 443, v4=["0.0.0.0/0"], v6=["::/0"]), perm("tcp", 22, 22, v4=["203.0.113.0/24"])]),
    sg("sg-0adm000000000002", "admin", [perm("-1", groups=["sg-0bas000000000004"]), perm("tcp", 3389, 3389, pls=["pl-0office000000001"]),
                                        perm("tcp", 9200, 9300, pls=["pl-0missing00000002"])]),
    sg("sg-0db0000000000003", "db", [perm("tcp", 5432, 5432, v4=["0.0.0.0/0"])]),
    sg("sg-0bas000000000004", "bastion", [perm("tcp", 22, 22, v4=["0.0.0.0/0"]), perm("icmp", -1, -1, v4=["0.0.0.0/0"])]),
    sg("sg-0unused0000000005", "unused", [perm("tcp", 6379, 6379, v4=["0.0.0.0/0"]), perm("udp", 0, 65535, v4=["10.0.0.0/8"])]),
]})
write(f"{base}/describe-network-interfaces.json", {"NetworkInterfaces": [
    eni("eni-0web00000000000a", "10.0.1.10", "subnet-0aaa", ["sg-0web000000000001", "sg-0adm000000000002"], public="54.170.1.10", v6=["2a05:d018::10"], name="web-1"),
    eni("eni-0db000000000000b", "10.0.3.20", "subnet-0ccc", ["sg-0db0000000000003"], name="db-1"),
    eni("eni-0gone0000000000c", "10.0.1.30", "subnet-0aaa", ["sg-0notexported0009"], public="54.170.1.30", name="legacy-1"),
]})
write(f"{base}/describe-network-acls.json", {"NetworkAcls": [
    nacl("acl-0aaa", ["subnet-0aaa"], [
        entry(90, "deny", False, "6", ports=(22, 22)),
        entry(100, "allow", False), entry(101, "allow", False, cidr="::/0", v6=True),
        entry(32767, "deny", False), entry(32768, "deny", False, cidr="::/0", v6=True),
        entry(100, "allow", True, "6", ports=(1024, 65535)), entry(101, "allow", True, "6", cidr="::/0", ports=(1024, 65535), v6=True),
        entry(32767, "deny", True), entry(32768, "deny", True, cidr="::/0", v6=True)]),
    nacl("acl-0ccc", ["subnet-0ccc"], [
        entry(100, "allow", False, "6", ports=(5432, 5432)), entry(32767, "deny", False),
        entry(100, "allow", True, "6", ports=(443, 443)), entry(32767, "deny", True)]),
    nacl("acl-0default", [], [entry(100, "allow", False), entry(32767, "deny", False), entry(100, "allow", True), entry(32767, "deny", True)], default=True),
]})
inst_eni = eni("eni-0bas00000000000d", "10.0.2.5", "subnet-0bbb", ["sg-0bas000000000004"], public="54.170.2.5", instance="i-0bastion00000001")
write(f"{base}/describe-instances.json", {"Reservations": [{"Groups": [], "OwnerId": OWNER, "ReservationId": "r-0123456789abcdef0", "Instances": [{
    "AmiLaunchIndex": 0, "ImageId": "ami-0abcdef1234567890", "InstanceId": "i-0bastion00000001", "InstanceType": "t3.micro",
    "LaunchTime": "2026-11-01T10:00:00+00:00", "Placement": {"AvailabilityZone": "eu-west-1b", "GroupName": "", "Tenancy": "default"},
    "PrivateDnsName": "ip-10-0-2-5.eu-west-1.compute.internal", "PrivateIpAddress": "10.0.2.5", "PublicIpAddress": "54.170.2.5",
    "State": {"Code": 16, "Name": "running"}, "SubnetId": "subnet-0bbb", "VpcId": VPC,
    "NetworkInterfaces": [inst_eni], "SecurityGroups": [{"GroupName": "bastion", "GroupId": "sg-0bas000000000004"}],
    "Tags": [{"Key": "Name", "Value": "bastion"}]}]}]})
write(f"{base}/pl-0office000000001.json", {"Entries": [{"Cidr": "198.51.100.0/24", "Description": "office"}]})

# ---- GCP
P = "https://www.googleapis.com/compute/v1/projects/acme-prod"
def fw(name, net, prio, **k):
    return common.gcp_fw(P, str(abs(hash(name)) % 10**18), name, net, prio, **k)
tcp = lambda *ports: {"IPProtocol": "tcp", "ports": list(ports)}
write(f"{ROOT}/gcp-firewall-priorities-tags/input/firewall-rules.json", [
    fw("default-allow-internal", "default", 65534, allowed=[{"IPProtocol": "tcp", "ports": ["0-65535"]}, {"IPProtocol": "udp", "ports": ["0-65535"]}, {"IPProtocol": "icmp"}], src=["10.128.0.0/9"]),
    fw("default-allow-ssh", "default", 65534, allowed=[tcp("22")], src=["0.0.0.0/0"]),
    fw("default-allow-rdp", "default", 65534, allowed=[tcp("3389")], src=["0.0.0.0/0"]),
    fw("default-allow-icmp", "default", 65534, allowed=[{"IPProtocol": "icmp"}], src=["0.0.0.0/0"]),
    fw("deny-ssh-locked", "default", 1000, denied=[tcp("22")], src=["0.0.0.0/0"], ttags=["locked"]),
    fw("allow-es", "default", 1000, allowed=[tcp("9200", "9300")], src=["0.0.0.0/0"], ttags=["es"]),
    fw("allow-redis", "default", 900, allowed=[tcp("6379")], src=["0.0.0.0/0"], ttags=["cache"]),
    fw("deny-redis", "default", 900, denied=[tcp("6379")], src=["0.0.0.0/0"], ttags=["cache"]),
    fw("allow-mongo-sa", "default", 1000, allowed=[tcp("27017")], src=["0.0.0.0/0"], tsas=["db@acme-prod.iam.gserviceaccount.com"]),
    fw("allow-everything-disabled", "default", 10, allowed=[{"IPProtocol": "all"}], src=["0.0.0.0/0"], disabled=True),
    fw("allow-from-web-tag", "default", 1000, allowed=[tcp("5432")], stags=["web"], ttags=["cache"]),
    fw("prod-allow-https", "prod", 1000, allowed=[tcp("443")], src=["0.0.0.0/0"]),
    fw("prod-deny-egress-smtp", "prod", 1000, direction="EGRESS", denied=[tcp("25")], dst=["0.0.0.0/0"]),
    fw("staging-allow-mysql", "staging", 1000, allowed=[tcp("3306")], src=["0.0.0.0/0"]),
])
def inst(name, net, ip, **k):
    return common.gcp_inst(P, str(abs(hash(name)) % 10**18), name, net, net, ip, **k)
write(f"{ROOT}/gcp-firewall-priorities-tags/input/instances.json", [
    inst("es-1", "default", "10.132.0.2", tags=["es"], nat="34.76.1.2"),
    inst("locked-1", "default", "10.132.0.3", tags=["locked"], nat="34.76.1.3"),
    inst("cache-1", "default", "10.132.0.4", tags=["cache"]),
    inst("mongo-1", "default", "10.132.0.5", sa="db@acme-prod.iam.gserviceaccount.com"),
    inst("web-prod-1", "prod", "10.10.0.2", nat="34.76.9.9"),
])

# ---- Terraform plan (azurerm): the 2019 incident as a change, plus a value known only after apply.
SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"
rg = "rg-search"
nsg_id = f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Network/networkSecurityGroups/nsg-es"
nic_id = f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Network/networkInterfaces/es-node-1-nic"
subnet = f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/vnet-search/subnets/snet-es"
def tf_rule(name, prio, access, src, port, proto="Tcp"):
    return {"access": access, "description": "", "destination_address_prefix": "*", "destination_address_prefixes": [],
            "destination_application_security_group_ids": [], "destination_port_range": port, "destination_port_ranges": [],
            "direction": "Inbound", "name": name, "priority": prio, "protocol": proto, "source_address_prefix": src,
            "source_address_prefixes": [], "source_application_security_group_ids": [], "source_port_range": "*", "source_port_ranges": []}
nsg_vals = {"id": nsg_id, "location": "westeurope", "name": "nsg-es", "resource_group_name": rg, "tags": {},
            "security_rule": [tf_rule("deny-es-internet", 200, "Deny", "Internet", "9200"), tf_rule("allow-https", 300, "Allow", "*", "443")]}
def standalone(name, prio, access, src, port, rid_=None):
    v = {k: v for k, v in tf_rule(name, prio, access, src, port).items() if not k.endswith("_ids")}
    v.update({"network_security_group_name": "nsg-es", "resource_group_name": rg, "id": rid_, "timeouts": None})
    return v
nic_vals = {"id": nic_id, "name": "es-node-1-nic", "location": "westeurope", "resource_group_name": rg, "tags": {"owner": "search-platform"},
            "ip_configuration": [{"name": "ipconfig1", "primary": True, "private_ip_address": "10.20.1.5", "private_ip_address_allocation": "Static",
                                  "private_ip_address_version": "IPv4", "public_ip_address_id": f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Network/publicIPAddresses/es-node-1-pip", "subnet_id": subnet}]}
assoc = {"id": nic_id + "|" + nsg_id, "network_interface_id": nic_id, "network_security_group_id": nsg_id}
def rc(address, typ, name, actions, before, after, after_unknown=None):
    return {"address": address, "mode": "managed", "type": typ, "name": name, "provider_name": "registry.terraform.io/hashicorp/azurerm",
            "change": {"actions": actions, "before": before, "after": after, "after_unknown": after_unknown or {},
                       "before_sensitive": {}, "after_sensitive": {}}}
allow_after = standalone("allow-es-9200", 100, "Allow", "Internet", "9200")
del allow_after["id"]
partner_after = standalone("allow-pg-partner", 110, "Allow", None, "5432")
del partner_after["id"]
plan = {"format_version": "1.2", "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": []}},
        "resource_changes": [
            rc("azurerm_network_security_group.es", "azurerm_network_security_group", "es", ["no-op"], nsg_vals, nsg_vals),
            rc("azurerm_network_security_rule.allow_es", "azurerm_network_security_rule", "allow_es", ["create"], None, allow_after, {"id": True}),
            rc("azurerm_network_security_rule.partner", "azurerm_network_security_rule", "partner", ["create"], None, partner_after, {"id": True, "source_address_prefix": True}),
            rc("azurerm_network_interface.es", "azurerm_network_interface", "es", ["no-op"], nic_vals, nic_vals),
            rc("azurerm_network_interface_security_group_association.es", "azurerm_network_interface_security_group_association", "es", ["no-op"], assoc, assoc),
        ],
        "configuration": {"provider_config": {}, "root_module": {"resources": []}}}
write(f"{ROOT}/terraform-plan-azure-incident/plan.json", plan)

# ---- Terraform state (aws + gcp): inline and standalone rules reassembled, new-style rule resources.
state = {"format_version": "1.0", "terraform_version": "1.9.8", "values": {"root_module": {"resources": [
    {"address": "aws_security_group.app", "mode": "managed", "type": "aws_security_group", "name": "app", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"id": "sg-0app000000000001", "name": "app", "vpc_id": VPC, "description": "app",
                "ingress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 443, "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "tcp", "security_groups": [], "self": False, "to_port": 443}],
                "egress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 0, "ipv6_cidr_blocks": [], "prefix_list_ids": [], "protocol": "-1", "security_groups": [], "self": False, "to_port": 0}],
                "tags": {"Name": "app"}}},
    {"address": "aws_security_group_rule.app_ssh", "mode": "managed", "type": "aws_security_group_rule", "name": "app_ssh", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 2,
     "values": {"id": "sgrule-1", "type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": None, "prefix_list_ids": None, "security_group_id": "sg-0app000000000001", "self": False, "source_security_group_id": None}},
    {"address": "aws_vpc_security_group_ingress_rule.app_redis", "mode": "managed", "type": "aws_vpc_security_group_ingress_rule", "name": "app_redis", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
     "values": {"id": "sgr-0123", "security_group_id": "sg-0app000000000001", "cidr_ipv4": None, "cidr_ipv6": "::/0", "from_port": 6379, "to_port": 6379, "ip_protocol": "tcp", "prefix_list_id": None, "referenced_security_group_id": None}},
    {"address": "aws_instance.app", "mode": "managed", "type": "aws_instance", "name": "app", "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1,
     "values": {"id": "i-0app0000000000001", "ami": "ami-0abc", "instance_type": "t3.small", "private_ip": "10.0.1.50", "public_ip": "54.200.1.50", "associate_public_ip_address": True,
                "subnet_id": "subnet-0aaa", "vpc_security_group_ids": ["sg-0app000000000001"], "tags": {"Name": "app-1"}}},
    {"address": "google_compute_firewall.allow_pg", "mode": "managed", "type": "google_compute_firewall", "name": "allow_pg", "provider_name": "registry.terraform.io/hashicorp/google", "schema_version": 1,
     "values": {"id": "projects/acme/global/firewalls/allow-pg", "name": "allow-pg", "network": "default", "priority": 1000, "direction": "INGRESS", "disabled": False,
                "source_ranges": ["0.0.0.0/0"], "destination_ranges": [], "source_tags": [], "target_tags": ["db"], "target_service_accounts": [], "source_service_accounts": [],
                "allow": [{"protocol": "tcp", "ports": ["5432"]}], "deny": []}},
    {"address": "google_compute_instance.db", "mode": "managed", "type": "google_compute_instance", "name": "db", "provider_name": "registry.terraform.io/hashicorp/google", "schema_version": 6,
     "values": {"id": "projects/acme/zones/europe-west1-b/instances/db-1", "name": "db-1", "self_link": "https://www.googleapis.com/compute/v1/projects/acme/zones/europe-west1-b/instances/db-1",
                "tags": ["db"], "service_account": [{"email": "db@acme.iam.gserviceaccount.com", "scopes": []}], "labels": {},
                "network_interface": [{"network": "https://www.googleapis.com/compute/v1/projects/acme/global/networks/default", "network_ip": "10.132.0.9", "access_config": [{"nat_ip": "35.1.2.3", "network_tier": "PREMIUM"}]}]}},
]}}}
write(f"{ROOT}/terraform-state-aws-gcp/input/terraform.tfstate.json", state)
