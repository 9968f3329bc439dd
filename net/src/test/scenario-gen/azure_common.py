"""Helpers that print Azure objects exactly as `az network ... list` prints them (flat, camelCase,
explicit nulls, empty plural lists). Used once to write the scenario files; the files are the test data."""
import json, os

SUB = "/subscriptions/00000000-0000-0000-0000-000000000000"

def rid(rg, kind, name):
    return f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Network/{kind}/{name}"

def rule(nsg_id, rg, name, prio, direction, access, proto, src="*", dst="*", dport="*", sport="*",
         srcs=None, dsts=None, dports=None, src_asgs=None, dst_asgs=None, default=False, desc=None):
    kind = "defaultSecurityRules" if default else "securityRules"
    r = {
        "access": access,
        "description": desc,
        "destinationAddressPrefix": dst if dsts is None and not dst_asgs else None,
        "destinationAddressPrefixes": dsts or [],
        "destinationApplicationSecurityGroups": [{"id": a, "resourceGroup": rg} for a in dst_asgs] if dst_asgs else None,
        "destinationPortRange": dport if dports is None else None,
        "destinationPortRanges": dports or [],
        "direction": direction,
        "etag": "W/\"3f4c8f7e-0000-0000-0000-000000000000\"",
        "id": f"{nsg_id}/{kind}/{name}",
        "name": name,
        "priority": prio,
        "protocol": proto,
        "provisioningState": "Succeeded",
        "resourceGroup": rg,
        "sourceAddressPrefix": src if srcs is None and not src_asgs else None,
        "sourceAddressPrefixes": srcs or [],
        "sourceApplicationSecurityGroups": [{"id": a, "resourceGroup": rg} for a in src_asgs] if src_asgs else None,
        "sourcePortRange": sport,
        "sourcePortRanges": [],
        "type": f"Microsoft.Network/networkSecurityGroups/{kind}",
    }
    return r

def defaults(nsg_id, rg):
    d = lambda *a, **k: rule(nsg_id, rg, *a, default=True, **k)
    return [
        d("AllowVnetInBound", 65000, "Inbound", "Allow", "*", src="VirtualNetwork", dst="VirtualNetwork", desc="Allow inbound traffic from all VMs in VNET"),
        d("AllowAzureLoadBalancerInBound", 65001, "Inbound", "Allow", "*", src="AzureLoadBalancer", desc="Allow inbound traffic from azure load balancer"),
        d("DenyAllInBound", 65500, "Inbound", "Deny", "*", desc="Deny all inbound traffic"),
        d("AllowVnetOutBound", 65000, "Outbound", "Allow", "*", src="VirtualNetwork", dst="VirtualNetwork", desc="Allow outbound traffic from all VMs to all VMs in VNET"),
        d("AllowInternetOutBound", 65001, "Outbound", "Allow", "*", dst="Internet", desc="Allow outbound traffic from all VMs to Internet"),
        d("DenyAllOutBound", 65500, "Outbound", "Deny", "*", desc="Deny all outbound traffic"),
    ]

def nsg(rg, name, rules, nics=(), subnets=None, location="westeurope"):
    i = rid(rg, "networkSecurityGroups", name)
    return {
        "defaultSecurityRules": defaults(i, rg),
        "etag": "W/\"3f4c8f7e-0000-0000-0000-000000000000\"",
        "flushConnection": False,
        "id": i,
        "location": location,
        "name": name,
        "networkInterfaces": [{"id": n, "resourceGroup": rg} for n in nics] or None,
        "provisioningState": "Succeeded",
        "resourceGroup": rg,
        "resourceGuid": "6a7b8c9d-0000-0000-0000-000000000000",
        "securityRules": [r(i) for r in rules],
        "subnets": [{"id": s, "resourceGroup": rg} for s in subnets] if subnets else None,
        "tags": {},
        "type": "Microsoft.Network/networkSecurityGroups",
    }

def nic(rg, name, ip, subnet_id, nsg_id=None, pip_id=None, pools=None, asgs=None, tags=None, old_casing=False):
    i = rid(rg, "networkInterfaces", name)
    ipc = {
        "applicationGatewayBackendAddressPools": None,
        "applicationSecurityGroups": [{"id": a, "resourceGroup": rg} for a in asgs] if asgs else None,
        "etag": "W/\"11111111-0000-0000-0000-000000000000\"",
        "id": f"{i}/ipConfigurations/ipconfig1",
        "loadBalancerBackendAddressPools": [{"id": p, "resourceGroup": rg} for p in pools] if pools else None,
        "loadBalancerInboundNatRules": None,
        "name": "ipconfig1",
        "primary": True,
        "privateIPAddress": ip,
        "privateIPAddressVersion": "IPv4",
        "privateIPAllocationMethod": "Dynamic",
        "provisioningState": "Succeeded",
        "publicIPAddress": {"id": pip_id, "resourceGroup": rg} if pip_id else None,
        "resourceGroup": rg,
        "subnet": {"id": subnet_id, "resourceGroup": rg},
        "type": "Microsoft.Network/networkInterfaces/ipConfigurations",
    }
    if old_casing:
        ipc = {("privateIpAddress" if k == "privateIPAddress" else "publicIpAddress" if k == "publicIPAddress" else
                "privateIpAllocationMethod" if k == "privateIPAllocationMethod" else
                "privateIpAddressVersion" if k == "privateIPAddressVersion" else k): v for k, v in ipc.items()}
    return {
        "dnsSettings": {"appliedDnsServers": [], "dnsServers": [], "internalDomainNameSuffix": "x.ax.internal.cloudapp.net"},
        "enableAcceleratedNetworking": False,
        "enableIPForwarding": False,
        "etag": "W/\"11111111-0000-0000-0000-000000000000\"",
        "id": i,
        "ipConfigurations": [ipc],
        "location": "westeurope",
        "macAddress": "00-0D-3A-00-00-01",
        "name": name,
        "networkSecurityGroup": {"id": nsg_id, "resourceGroup": rg} if nsg_id else None,
        "primary": True,
        "provisioningState": "Succeeded",
        "resourceGroup": rg,
        "tags": tags or {},
        "type": "Microsoft.Network/networkInterfaces",
        "virtualMachine": {"id": f"{SUB}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}-vm", "resourceGroup": rg},
    }

def vnet(rg, name, space, subnets):
    i = rid(rg, "virtualNetworks", name)
    return {
        "addressSpace": {"addressPrefixes": [space]},
        "enableDdosProtection": False,
        "etag": "W/\"22222222-0000-0000-0000-000000000000\"",
        "id": i,
        "location": "westeurope",
        "name": name,
        "provisioningState": "Succeeded",
        "resourceGroup": rg,
        "subnets": [{
            "addressPrefix": p,
            "delegations": [],
            "etag": "W/\"22222222-0000-0000-0000-000000000000\"",
            "id": f"{i}/subnets/{sn}",
            "ipConfigurations": None,
            "name": sn,
            "networkSecurityGroup": {"id": nsg_id, "resourceGroup": rg} if nsg_id else None,
            "privateEndpointNetworkPolicies": "Disabled",
            "provisioningState": "Succeeded",
            "resourceGroup": rg,
            "type": "Microsoft.Network/virtualNetworks/subnets",
        } for sn, p, nsg_id in subnets],
        "tags": {},
        "type": "Microsoft.Network/virtualNetworks",
    }

def subnet_id(rg, vnet_name, sn):
    return f"{rid(rg, 'virtualNetworks', vnet_name)}/subnets/{sn}"

def pip(rg, name, addr, ipc_id):
    return {
        "etag": "W/\"33333333-0000-0000-0000-000000000000\"",
        "id": rid(rg, "publicIPAddresses", name),
        "idleTimeoutInMinutes": 4,
        "ipAddress": addr,
        "ipConfiguration": {"id": ipc_id, "resourceGroup": rg} if ipc_id else None,
        "ipTags": [],
        "location": "westeurope",
        "name": name,
        "provisioningState": "Succeeded",
        "publicIPAddressVersion": "IPv4",
        "publicIPAllocationMethod": "Static",
        "resourceGroup": rg,
        "sku": {"name": "Standard", "tier": "Regional"},
        "tags": {},
        "type": "Microsoft.Network/publicIPAddresses",
    }

def write(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")
