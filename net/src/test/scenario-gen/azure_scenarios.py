import copy, json, sys
from azure_common import *

ROOT = sys.argv[1]
rg = "rg-search"

# ---- 2019 incident: Elasticsearch behind an NSG that denied 9200 from the internet; a change
# placed an allow from Internet on 9200 above the deny.
def incident(with_allow):
    nsg_id = rid(rg, "networkSecurityGroups", "nsg-es")
    sub = subnet_id(rg, "vnet-search", "snet-es")
    nic_id = rid(rg, "networkInterfaces", "es-node-1-nic")
    rules = [
        lambda i: rule(i, rg, "allow-ssh-bastion", 110, "Inbound", "Allow", "Tcp", src="10.20.0.4/32", dport="22"),
        lambda i: rule(i, rg, "deny-es-internet", 200, "Inbound", "Deny", "Tcp", src="Internet", dport="9200"),
        lambda i: rule(i, rg, "allow-https", 300, "Inbound", "Allow", "Tcp", src="*", dport="443"),
    ]
    if with_allow:
        rules.insert(0, lambda i: rule(i, rg, "allow-es-9200", 100, "Inbound", "Allow", "Tcp", src="Internet", dport="9200", desc="temporary: debug cluster"))
    files = {
        "nsg-list.json": [nsg(rg, "nsg-es", rules, nics=[nic_id])],
        "nic-list.json": [nic(rg, "es-node-1-nic", "10.20.1.5", sub, nsg_id=nsg_id, pip_id=rid(rg, "publicIPAddresses", "es-node-1-pip"), tags={"owner": "search-platform"})],
        "vnet-list.json": [vnet(rg, "vnet-search", "10.20.0.0/16", [("snet-es", "10.20.1.0/24", None), ("snet-bastion", "10.20.0.0/24", None)])],
        "public-ip-list.json": [pip(rg, "es-node-1-pip", "20.50.60.70", f"{nic_id}/ipConfigurations/ipconfig1")],
    }
    return files

for name, fs in incident(False).items():
    write(f"{ROOT}/azure-2019-incident-diff/before/{name}", fs)
for name, fs in incident(True).items():
    write(f"{ROOT}/azure-2019-incident-diff/after/{name}", fs)
for name, fs in incident(True).items():
    write(f"{ROOT}/azure-2019-incident-audit/input/{name}", fs)

# ---- Checkov regression: rules judged alone ignoring priorities and deny rules.
# A deny from Internet on 22 at 100 makes the allow * on 22 at 300 harmless for the internet.
def checkov():
    nsg_id = rid(rg, "networkSecurityGroups", "nsg-deny-first")
    return [nsg(rg, "nsg-deny-first", [
        lambda i: rule(i, rg, "deny-ssh-internet", 100, "Inbound", "Deny", "Tcp", src="Internet", dport="22"),
        lambda i: rule(i, rg, "allow-ssh-any", 300, "Inbound", "Allow", "Tcp", src="*", dport="22"),
        lambda i: rule(i, rg, "deny-all-rdp", 310, "Inbound", "Deny", "*", src="*", dport="3389"),
        lambda i: rule(i, rg, "allow-rdp-any", 320, "Inbound", "Allow", "Tcp", src="0.0.0.0/0", dport="3389"),
    ])]
write(f"{ROOT}/regression-checkov-priority-deny/input/nsg-list.json", checkov())

# ---- "a rule from 0.0.0.0/0 passing": 0.0.0.0/0 is the internet as much as Internet or *.
write(f"{ROOT}/regression-zero-cidr-source/input/nsg-show.json",
      nsg(rg, "nsg-zero", [
          lambda i: rule(i, rg, "allow-pg", 100, "Inbound", "Allow", "Tcp", src="0.0.0.0/0", dport="5432"),
          lambda i: rule(i, rg, "allow-redis-split", 110, "Inbound", "Allow", "Tcp", srcs=["0.0.0.0/1", "128.0.0.0/1"], dport="6379"),
          lambda i: rule(i, rg, "allow-mysql-any", 120, "Inbound", "Allow", "Tcp", src="Any", dport="3306"),
      ]))

# ---- Prowler regression: port '*' and destinationPortRanges arrays.
write(f"{ROOT}/regression-prowler-port-star-and-ranges/input/nsg-list.json", [
    nsg(rg, "nsg-star", [lambda i: rule(i, rg, "allow-all-internet", 100, "Inbound", "Allow", "*", src="Internet", dport="*")]),
    nsg(rg, "nsg-ranges", [lambda i: rule(i, rg, "allow-mgmt", 100, "Inbound", "Allow", "Tcp", src="*", dports=["22", "3389", "5985-5986"])]),
])

# ---- Trivy regression: the Internet tag is the internet; deny rules are not openings.
write(f"{ROOT}/regression-trivy-internet-tag-deny/input/nsg-list.json", [
    nsg(rg, "nsg-tag", [
        lambda i: rule(i, rg, "allow-rdp-internet-tag", 100, "Inbound", "Allow", "Tcp", src="Internet", dport="3389"),
        lambda i: rule(i, rg, "deny-ssh-everyone", 110, "Inbound", "Deny", "Tcp", src="*", dport="22"),
        lambda i: rule(i, rg, "deny-sql-internet", 120, "Inbound", "Deny", "*", src="0.0.0.0/0", dport="1433"),
    ]),
])

# ---- Subnet NSG then NIC NSG: both must allow; a layer without an NSG allows everything;
# deny carve-outs; narrow sources; internet-wide except one /24; unmatchable, shadowed and broad rules.
def layers():
    sub_nsg = rid(rg, "networkSecurityGroups", "nsg-subnet-app")
    nic_nsg = rid(rg, "networkSecurityGroups", "nsg-nic-app")
    sub_app = subnet_id(rg, "vnet-app", "snet-app")
    sub_open = subnet_id(rg, "vnet-app", "snet-open")
    nics = [
        nic(rg, "app-1-nic", "10.30.1.4", sub_app, nsg_id=nic_nsg, pip_id=rid(rg, "publicIPAddresses", "app-1-pip")),
        nic(rg, "app-2-nic", "10.30.1.5", sub_app, nsg_id=nic_nsg, pip_id=rid(rg, "publicIPAddresses", "app-2-pip")),
        nic(rg, "open-1-nic", "10.30.2.4", sub_open, nsg_id=None, pip_id=None),
        nic(rg, "redis-1-nic", "10.30.1.9", sub_app, nsg_id=nic_nsg, pip_id=None),
    ]
    nsgs = [
        nsg(rg, "nsg-subnet-app", [
            lambda i: rule(i, rg, "allow-ssh-internet", 100, "Inbound", "Allow", "Tcp", src="Internet", dport="22"),
            lambda i: rule(i, rg, "deny-one-net-https", 105, "Inbound", "Deny", "Tcp", src="198.51.100.0/24", dport="443"),
            lambda i: rule(i, rg, "allow-https", 110, "Inbound", "Allow", "Tcp", src="*", dport="443"),
            lambda i: rule(i, rg, "allow-redis-partner", 120, "Inbound", "Allow", "Tcp", srcs=["203.0.113.0/24", "192.0.2.10"], dport="6379"),
            lambda i: rule(i, rg, "allow-web-public-dst", 130, "Inbound", "Allow", "Tcp", src="*", dst="20.1.2.3", dport="8080"),
            lambda i: rule(i, rg, "allow-ssh-dup", 140, "Inbound", "Allow", "Tcp", src="0.0.0.0/0", dport="22"),
            lambda i: rule(i, rg, "allow-corp-all", 150, "Inbound", "Allow", "*", src="10.0.0.0/8", dport="*"),
            lambda i: rule(i, rg, "allow-storage-tag", 160, "Inbound", "Allow", "Tcp", src="Storage", dport="445"),
        ], subnets=[sub_app]),
        nsg(rg, "nsg-nic-app", [
            lambda i: rule(i, rg, "deny-ssh", 100, "Inbound", "Deny", "Tcp", src="*", dport="22"),
            lambda i: rule(i, rg, "allow-https", 110, "Inbound", "Allow", "Tcp", src="*", dport="443"),
            lambda i: rule(i, rg, "allow-redis-partner", 120, "Inbound", "Allow", "Tcp", src="*", dport="6379"),
        ], nics=[n["id"] for n in nics if n["networkSecurityGroup"]]),
    ]
    return {
        "nsg-list.json": nsgs,
        "nic-list.json": nics,
        "vnet-list.json": [vnet(rg, "vnet-app", "10.30.0.0/16", [("snet-app", "10.30.1.0/24", sub_nsg), ("snet-open", "10.30.2.0/24", None)])],
        "public-ip-list.json": [pip(rg, "app-1-pip", "20.60.0.1", f"{nics[0]['id']}/ipConfigurations/ipconfig1"),
                                pip(rg, "app-2-pip", "20.60.0.2", f"{nics[1]['id']}/ipConfigurations/ipconfig1")],
    }
for name, fs in layers().items():
    write(f"{ROOT}/azure-subnet-then-nic/input/{name}", fs)

# ---- ARM/REST: properties nesting, {"value": [...]}, older casing, NewNSG wrapper, ASGs,
# public load balancer backend, a missing NSG reference.
def arm_rule(i, name, prio, direction, access, proto, **kw):
    flat = rule(i, rg, name, prio, direction, access, proto, **kw)
    props = {k: v for k, v in flat.items() if k not in ("id", "name", "etag", "type", "resourceGroup")}
    return {"name": name, "id": flat["id"], "etag": flat["etag"], "type": flat["type"], "properties": props}

asg_web = rid(rg, "applicationSecurityGroups", "asg-web")
asg_db = rid(rg, "applicationSecurityGroups", "asg-db")
arm_nsg_id = rid(rg, "networkSecurityGroups", "nsg-arm")
arm = {"value": [{
    "name": "nsg-arm", "id": arm_nsg_id, "etag": "W/\"x\"", "type": "Microsoft.Network/networkSecurityGroups", "location": "westeurope",
    "properties": {
        "provisioningState": "Succeeded",
        "securityRules": [
            arm_rule(arm_nsg_id, "allow-web-asg", 100, "Inbound", "Allow", "Tcp", src="Internet", dport="80", dst_asgs=[asg_web]),
            arm_rule(arm_nsg_id, "allow-db-from-web", 110, "Inbound", "Allow", "Tcp", src_asgs=[asg_web], dst_asgs=[asg_db], dport="5432"),
            arm_rule(arm_nsg_id, "allow-ssh-lb", 120, "Inbound", "Allow", "Tcp", src="Internet", dport="22", dst_asgs=[asg_db]),
        ],
    }}]}
write(f"{ROOT}/azure-arm-asg-lb/input/nsg-arm.json", arm)
lb_pool = rid(rg, "loadBalancers", "lb-public") + "/backendAddressPools/pool1"
sub_db = subnet_id(rg, "vnet-db", "snet-db")
write(f"{ROOT}/azure-arm-asg-lb/input/nic-list.json", [
    nic(rg, "web-1-nic", "10.40.1.4", sub_db, nsg_id=arm_nsg_id, pip_id=rid(rg, "publicIPAddresses", "web-1-pip"), asgs=[asg_web], old_casing=True),
    nic(rg, "db-1-nic", "10.40.1.5", sub_db, nsg_id=arm_nsg_id, pools=[lb_pool], asgs=[asg_db], old_casing=True),
    nic(rg, "orphan-1-nic", "10.40.1.6", sub_db, nsg_id=rid(rg, "networkSecurityGroups", "nsg-not-exported"), pip_id=rid(rg, "publicIPAddresses", "orphan-pip")),
])
write(f"{ROOT}/azure-arm-asg-lb/input/vnet-list.json", [vnet(rg, "vnet-db", "10.40.0.0/16", [("snet-db", "10.40.1.0/24", None)])])
write(f"{ROOT}/azure-arm-asg-lb/input/lb-list.json", [{
    "backendAddressPools": [{"id": lb_pool, "name": "pool1", "backendIPConfigurations": None, "resourceGroup": rg, "type": "Microsoft.Network/loadBalancers/backendAddressPools"}],
    "frontendIPConfigurations": [{"id": rid(rg, "loadBalancers", "lb-public") + "/frontendIPConfigurations/fe", "name": "fe", "privateIPAddress": None,
                                  "publicIPAddress": {"id": rid(rg, "publicIPAddresses", "lb-pip"), "resourceGroup": rg}}],
    "id": rid(rg, "loadBalancers", "lb-public"), "name": "lb-public", "resourceGroup": rg, "type": "Microsoft.Network/loadBalancers",
    "loadBalancingRules": [], "inboundNatRules": [], "probes": [], "sku": {"name": "Standard"},
}])
new_nsg = nsg(rg, "nsg-created", [lambda i: rule(i, rg, "allow-mongo", 100, "Inbound", "Allow", "Tcp", src="Internet", dport="27017-27019")])
write(f"{ROOT}/azure-arm-asg-lb/input/nsg-create.json", {"NewNSG": new_nsg})
