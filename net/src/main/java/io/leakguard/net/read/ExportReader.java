package io.leakguard.net.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.UserInputException;
import io.leakguard.net.AddressSet;
import io.leakguard.net.NetModel;
import io.leakguard.net.RuleSet;
import io.leakguard.net.Target;
import io.leakguard.net.internal.Parallel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads cloud exports into one {@link NetModel}. Each file's format is detected from its content;
 * folders are read whole (files in name order, hidden files skipped). Every file is parsed first,
 * then all objects are converted together, so references across files resolve.
 *
 * <p>Formats: {@code az network nsg|nic|vnet|public-ip|lb|asg list/show} (also the {@code NewNSG}
 * wrapper of {@code az network nsg create}), ARM/REST JSON ({@code properties} nesting, {@code
 * {"value": [...]}}), {@code aws ec2 describe-security-groups|describe-network-interfaces|
 * describe-network-acls|describe-instances}, {@code get-managed-prefix-list-entries} saved as
 * {@code pl-….json}, {@code gcloud compute firewall-rules|instances list --format=json}, and {@code
 * terraform show -json} of a plan or a state.
 *
 * <p>Example: {@code NetModel m = ExportReader.read(List.of(Path.of("exports/")));}
 *
 * @see io.leakguard.net.NetAudit
 */
public final class ExportReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Which side of a Terraform plan to read. */
  public enum PlanSide {
    BEFORE,
    AFTER
  }

  private ExportReader() {}

  /** Reads files and folders; a Terraform plan stands for its planned (after) state. */
  public static NetModel read(List<Path> paths) {
    return read(paths, PlanSide.AFTER);
  }

  /**
   * Reads files and folders, taking {@code side} of any Terraform plan.
   *
   * @throws UserInputException naming the file and JSON path for malformed or unknown input
   */
  public static NetModel read(List<Path> paths, PlanSide side) {
    return read(paths, side, true);
  }

  /**
   * {@link #read(List, PlanSide)}; {@code forDiff} false skips the rule-set fingerprints that only
   * {@code NetDiff} uses (an audit does not need them; a later diff computes them when missing).
   */
  public static NetModel read(List<Path> paths, PlanSide side, boolean forDiff) {
    Inventory inv = new Inventory();
    List<Path> files = expand(paths);
    // parse every file on every core; bucket them in file order (first error in file order)
    List<Object> roots =
        Parallel.map(
            files,
            (Path p, List<Object> out) -> {
              try {
                out.add(parse(p));
              } catch (RuntimeException e) {
                out.add(e);
              }
            },
            2,
            1);
    for (int i = 0; i < files.size(); i++) {
      Object root = roots.get(i);
      if (root instanceof RuntimeException) {
        throw (RuntimeException) root;
      }
      readFile(files.get(i), (JsonNode) root, inv, side);
    }
    List<Target> targets = new ArrayList<>();
    List<RuleSet> sets = new ArrayList<>();
    AzureConverter.convert(inv, targets, sets);
    AwsConverter.convert(inv, targets, sets);
    GcpConverter.convert(inv, targets, sets);
    NetModel model = new NetModel(targets, sets, inv.warnings.list());
    if (forDiff) {
      io.leakguard.net.NetDiff.prepare(model); // rule-set fingerprints for a later diff
    }
    return model;
  }

  static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UserInputException("cannot read folder " + p + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new UserInputException(p + ": no such file or folder");
      }
    }
    return out;
  }

  static JsonNode parse(Path p) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      if (new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.UTF_8)
          .isBlank()) {
        throw new UserInputException(p + ": empty file: expected a JSON cloud export");
      }
      JsonNode split = SplitArray.parse(MAPPER, bytes); // a large array: parsed on every core
      return split != null ? split : MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new UserInputException(
          p + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UserInputException(p + ": cannot read: " + e.getMessage(), e);
    }
  }

  static void readFile(Path p, Inventory inv, PlanSide side) {
    readFile(p, parse(p), inv, side);
  }

  private static void readFile(Path p, JsonNode root, Inventory inv, PlanSide side) {
    String file = p.toString();
    String base = p.getFileName().toString();
    if (root.isObject()) {
      if (root.has("format_version")
          && (root.has("resource_changes")
              || root.has("planned_values")
              || root.has("values")
              || root.has("terraform_version"))) {
        TerraformReader.read(root, file, inv, side);
        return;
      }
      if (root.has("NewNSG")) {
        inv.azNsgs.add(new Doc(root.get("NewNSG"), file, "$.NewNSG"));
        return;
      }
      if (root.has("SecurityGroups")
          || root.has("NetworkInterfaces")
          || root.has("NetworkAcls")
          || root.has("Reservations")) {
        each(root, "SecurityGroups", file, inv.awsSgs);
        each(root, "NetworkInterfaces", file, inv.awsEnis);
        each(root, "NetworkAcls", file, inv.awsNacls);
        if (root.has("Reservations")) {
          int i = 0;
          for (JsonNode r : root.get("Reservations")) {
            int j = 0;
            for (JsonNode inst : r.path("Instances")) {
              inv.awsInstances.add(
                  new Doc(inst, file, "$.Reservations[" + i + "].Instances[" + j++ + "]"));
            }
            i++;
          }
        }
        return;
      }
      if (root.has("Entries") && root.get("Entries").isArray()) {
        String id =
            base.toLowerCase(Locale.ROOT).endsWith(".json")
                ? base.substring(0, base.length() - 5)
                : base;
        if (!id.startsWith("pl-")) {
          throw new UserInputException(
              file
                  + ": looks like 'aws ec2 get-managed-prefix-list-entries' output, but the file must be named after the prefix list id (pl-….json)");
        }
        AddressSet a = AddressSet.EMPTY;
        int i = 0;
        for (JsonNode e : root.get("Entries")) {
          AddressSet c = AddressSet.tryParse(e.path("Cidr").asText(null));
          if (c == null) {
            throw new UserInputException(file + ": $.Entries[" + i + "].Cidr: expected a CIDR");
          }
          a = a.union(c);
          i++;
        }
        inv.awsPrefixLists.put(id, a);
        return;
      }
      if (root.has("value") && root.get("value").isArray()) {
        int i = 0;
        for (JsonNode e : root.get("value")) {
          element(e, file, "$.value[" + i++ + "]", inv);
        }
        return;
      }
      element(root, file, "$", inv);
      return;
    }
    if (root.isArray()) {
      int i = 0;
      for (JsonNode e : root) {
        element(e, file, "$[" + i++ + "]", inv);
      }
      return;
    }
    throw new UserInputException(
        file
            + ": $: unknown format: expected a JSON object or array from az, aws, gcloud or terraform");
  }

  private static void each(JsonNode root, String field, String file, List<Doc> out) {
    int i = 0;
    for (JsonNode e : root.path(field)) {
      out.add(new Doc(e, file, "$." + field + "[" + i++ + "]"));
    }
  }

  static void element(JsonNode e, String file, String path, Inventory inv) {
    if (e == null || !e.isObject()) {
      throw new UserInputException(file + ": " + path + ": unknown format: expected an object");
    }
    Doc d = new Doc(e, file, path);
    String type = J.lower(e.hasNonNull("type") ? e.get("type").asText() : null);
    String kind = e.hasNonNull("kind") ? e.get("kind").asText() : "";
    if (type != null && type.startsWith("microsoft.network/")) {
      switch (type) {
        case "microsoft.network/networksecuritygroups":
          inv.azNsgs.add(d);
          return;
        case "microsoft.network/networksecuritygroups/securityrules":
        case "microsoft.network/networksecuritygroups/defaultsecurityrules":
          inv.azRules.add(d);
          return;
        case "microsoft.network/networkinterfaces":
          inv.azNics.add(d);
          return;
        case "microsoft.network/virtualnetworks":
          inv.azVnets.add(d);
          return;
        case "microsoft.network/virtualnetworks/subnets":
          inv.azSubnets.add(d);
          return;
        case "microsoft.network/publicipaddresses":
          inv.azPublicIps.add(d);
          return;
        case "microsoft.network/loadbalancers":
          inv.azLbs.add(d);
          return;
        case "microsoft.network/applicationsecuritygroups":
          inv.azAsgs.add(d);
          return;
        default:
          inv.warnings.add(
              "unsupported-resource", "ignored Azure resource of type " + type, d.ref());
          return;
      }
    }
    if (kind.equals("compute#firewall")) {
      inv.gcpFirewalls.add(d);
      return;
    }
    if (kind.equals("compute#instance")) {
      inv.gcpInstances.add(d);
      return;
    }
    if (J.get(e, "securityRules") != null || J.get(e, "defaultSecurityRules") != null) {
      inv.azNsgs.add(d);
    } else if (J.get(e, "ipConfigurations") != null) {
      inv.azNics.add(d);
    } else if (J.get(e, "addressSpace") != null) {
      inv.azVnets.add(d);
    } else if (J.get(e, "frontendIPConfigurations") != null) {
      inv.azLbs.add(d);
    } else if (J.get(e, "publicIPAllocationMethod") != null) {
      inv.azPublicIps.add(d);
    } else if (e.has("access") && e.has("direction") && e.has("priority")) {
      inv.azRules.add(d);
    } else if (e.has("allowed") || e.has("denied")) {
      inv.gcpFirewalls.add(d);
    } else if (e.has("networkInterfaces") && e.has("machineType")) {
      inv.gcpInstances.add(d);
    } else if (e.has("GroupId") && (e.has("IpPermissions") || e.has("IpPermissionsEgress"))) {
      inv.awsSgs.add(d);
    } else if (e.has("NetworkInterfaceId")) {
      inv.awsEnis.add(d);
    } else if (e.has("NetworkAclId")) {
      inv.awsNacls.add(d);
    } else {
      throw new UserInputException(
          file
              + ": "
              + path
              + ": unknown format: expected an object from az network (NSG, NIC, VNet, public IP, LB, ASG), ARM, aws ec2 describe-*, gcloud compute or terraform show -json");
    }
  }
}
