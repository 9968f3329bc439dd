"""Helpers that print AWS NACLs and GCP firewall rules / instances exactly as `aws ec2
describe-network-acls` and `gcloud compute ... list --format=json` print them. Used once to write the
scenario files; the files are the test data."""

OWNER = "123456789012"

def entry(num, action, egress, proto="-1", cidr="0.0.0.0/0", ports=None, v6=False):
    e = {"Egress": egress, "Protocol": proto, "RuleAction": action, "RuleNumber": num}
    e["Ipv6CidrBlock" if v6 else "CidrBlock"] = cidr
    if ports:
        e["PortRange"] = {"From": ports[0], "To": ports[1]}
    return e

def nacl(vpc, aid, subnets, entries, default=False):
    return {"Associations": [{"NetworkAclAssociationId": f"aclassoc-{s[-4:]}", "NetworkAclId": aid, "SubnetId": s} for s in subnets],
            "Entries": entries, "IsDefault": default, "NetworkAclId": aid, "Tags": [], "VpcId": vpc, "OwnerId": OWNER}

def gcp_fw(project, fid, name, net, prio, direction="INGRESS", allowed=None, denied=None, src=None, dst=None, ttags=None, tsas=None, stags=None, disabled=False):
    r = {"creationTimestamp": "2026-10-01T00:00:00.000-07:00", "description": "", "direction": direction, "disabled": disabled,
         "id": fid, "kind": "compute#firewall", "logConfig": {"enable": False}, "name": name,
         "network": f"{project}/global/networks/{net}", "priority": prio, "selfLink": f"{project}/global/firewalls/{name}"}
    if allowed is not None: r["allowed"] = allowed
    if denied is not None: r["denied"] = denied
    if src is not None: r["sourceRanges"] = src
    if dst is not None: r["destinationRanges"] = dst
    if ttags: r["targetTags"] = ttags
    if tsas: r["targetServiceAccounts"] = tsas
    if stags: r["sourceTags"] = stags
    return r

def gcp_inst(project, iid, name, net, subnet, ip, tags=(), nat=None, sa="123-compute@developer.gserviceaccount.com"):
    ni = {"fingerprint": "abc=", "kind": "compute#networkInterface", "name": "nic0", "network": f"{project}/global/networks/{net}",
          "networkIP": ip, "stackType": "IPV4_ONLY", "subnetwork": f"{project}/regions/europe-west1/subnetworks/{subnet}"}
    if nat is not None:
        ni["accessConfigs"] = [{"kind": "compute#accessConfig", "name": "External NAT", "natIP": nat, "networkTier": "PREMIUM", "type": "ONE_TO_ONE_NAT"}]
    return {"canIpForward": False, "cpuPlatform": "Intel Broadwell", "id": iid, "kind": "compute#instance",
            "machineType": f"{project}/zones/europe-west1-b/machineTypes/e2-medium", "name": name, "networkInterfaces": [ni],
            "selfLink": f"{project}/zones/europe-west1-b/instances/{name}", "serviceAccounts": [{"email": sa, "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}],
            "status": "RUNNING", "tags": {"fingerprint": "x", "items": list(tags)} if tags else {"fingerprint": "x"}, "zone": f"{project}/zones/europe-west1-b"}
