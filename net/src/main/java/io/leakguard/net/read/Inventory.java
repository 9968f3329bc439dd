package io.leakguard.net.read;

import io.leakguard.core.Warnings;
import io.leakguard.net.AddressSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw exported objects by kind, collected from every file before conversion. */
final class Inventory {
  final List<Doc> azNsgs = new ArrayList<>();
  final List<Doc> azRules = new ArrayList<>();
  final List<Doc> azNics = new ArrayList<>();
  final List<Doc> azVnets = new ArrayList<>();
  final List<Doc> azSubnets = new ArrayList<>();
  final List<Doc> azPublicIps = new ArrayList<>();
  final List<Doc> azLbs = new ArrayList<>();
  final List<Doc> azAsgs = new ArrayList<>();

  /**
   * Rules of the NSGs read by {@link AzNsgStream}, by their (rule-less) NSG node in {@link
   * #azNsgs}; NSGs read as trees are not in it.
   */
  final Map<com.fasterxml.jackson.databind.JsonNode, AzNsgStream.Rules> azNsgRules =
      new java.util.IdentityHashMap<>();

  /**
   * Terraform-only: NIC / subnet to NSG associations ({@code nic} or {@code subnet}, id, nsg id).
   */
  final List<String[]> azAssociations = new ArrayList<>();

  final List<Doc> awsSgs = new ArrayList<>();

  /** {@code aws ec2 describe-security-group-rules}: one rule per entry, grouped by GroupId. */
  final List<Doc> awsSgRules = new ArrayList<>();

  final List<Doc> awsEnis = new ArrayList<>();
  final List<Doc> awsNacls = new ArrayList<>();
  final List<Doc> awsInstances = new ArrayList<>();
  final Map<String, AddressSet> awsPrefixLists = new LinkedHashMap<>();

  final List<Doc> gcpFirewalls = new ArrayList<>();
  final List<Doc> gcpInstances = new ArrayList<>();

  /** GCP firewall policies (hierarchical, network, regional network): see {@link GcpPolicies}. */
  final List<Doc> gcpPolicies = new ArrayList<>();

  /**
   * Policies read from {@code gcloud compute networks get-effective-firewalls}: the network named
   * by the same output (null value when it names none).
   */
  final Map<com.fasterxml.jackson.databind.JsonNode, String> gcpPolicyNetwork =
      new java.util.IdentityHashMap<>();

  /** {@code gcloud compute networks list|describe}: only the policy enforcement order is used. */
  final List<Doc> gcpNetworks = new ArrayList<>();

  /** ARM templates and parameters files, read once every file is in (to pair them). */
  final List<ArmTemplate.Pending> armTemplates = new ArrayList<>();

  final List<ArmTemplate.Pending> armParameters = new ArrayList<>();

  final Warnings warnings = new Warnings();

  /** file + resource type already warned about as not used (one warning per file and type). */
  final java.util.Set<String> skipped = new java.util.HashSet<>();

  /** Warns once per file and type that an export of a recognized but unused kind is skipped. */
  void skip(String file, String what, io.leakguard.core.SourceRef ref) {
    if (skipped.add(file + "|" + what)) {
      warnings.add(
          "unsupported-resource",
          what + " is not used by the network audit: skipped (first at this path)",
          ref);
    }
  }
}
