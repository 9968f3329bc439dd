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
 * {"value": [...]}}), ARM deployment templates (portal export), {@code aws ec2
 * describe-security-groups|describe-network-interfaces|
 * describe-network-acls|describe-instances|describe-security-group-rules}, {@code
 * get-managed-prefix-list-entries} saved as {@code pl-….json}, {@code gcloud compute
 * firewall-rules|instances list --format=json}, and {@code terraform show -json} of a plan or a
 * state; also PowerShell's {@code Get-Az*} / {@code Get-EC2*} piped to {@code ConvertTo-Json} (any
 * depth: values it cut off are unknown), AWS Config configuration items, GCP Cloud Asset Inventory
 * assets and Steampipe / CloudQuery security group rows ({@code docs/net-formats.md}).
 *
 * <p>Example: {@code NetModel m = ExportReader.read(List.of(Path.of("exports/")));}
 *
 * @see io.leakguard.net.NetAudit
 */
public final class ExportReader {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setNodeFactory(KeyedNodes.FACTORY) // key signatures for J's lookups of absent fields
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    return read(paths, side, forDiff, true);
  }

  /**
   * {@link #read(List, PlanSide, boolean)}; {@code stream} false reads every file as a tree (the
   * tests compare it with the streaming reader, {@link AzNsgStream}).
   */
  static NetModel read(List<Path> paths, PlanSide side, boolean forDiff, boolean stream) {
    Inventory inv = new Inventory();
    List<Path> files = expand(paths);
    // parse every file on every core; bucket them in file order (first error in file order)
    List<Object> roots =
        Parallel.map(
            files,
            (Path p, List<Object> out) -> {
              try {
                out.add(parse(p, stream));
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
    ArmTemplate.readDeferred(inv);
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
    return parse(p, true);
  }

  /**
   * The file's tree; {@code stream}: an {@code az network nsg list} export may instead come back as
   * an {@link AzNsgStream.Streamed} root (its rules read without trees).
   */
  static JsonNode parse(Path p, boolean stream) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      if (new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.UTF_8)
          .isBlank()) {
        throw new UserInputException(p + ": empty file: expected a JSON cloud export");
      }
      String yaml = yamlText(bytes);
      if (yaml != null) {
        return yaml(p, yaml);
      }
      JsonNode streamed = stream ? AzNsgStream.read(bytes, MAPPER) : null; // no rule trees
      if (streamed != null) {
        return streamed;
      }
      JsonNode split = SplitArray.parse(MAPPER, bytes); // a large array: parsed on every core
      if (split != null) {
        return split;
      }
      try {
        return MAPPER.readTree(bytes);
      } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        if (e.getOriginalMessage() == null
            || !e.getOriginalMessage().startsWith("Trailing token")) {
          throw e;
        }
        return documents(bytes);
      }
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

  /** YAML exports: the same trees as the JSON ones. */
  private static final ObjectMapper YAML =
      new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .setNodeFactory(KeyedNodes.FACTORY);

  /**
   * The text of a YAML export ({@code gcloud ... --format=yaml} and {@code describe}'s default,
   * {@code aws ... --output yaml}, {@code az ... -o yaml}): a file whose first character after the
   * byte-order mark and white space is not <code>{</code> or {@code [}; null for JSON (the common
   * case costs the look at the leading white space).
   */
  static String yamlText(byte[] b) {
    java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
    int off = 0;
    int n = b.length;
    if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
      cs = java.nio.charset.StandardCharsets.UTF_16BE;
      off = 2;
    } else if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
      cs = java.nio.charset.StandardCharsets.UTF_16LE;
      off = 2;
    } else if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
      off = 3;
    } else if (n >= 2 && (b[0] == 0 || b[1] == 0)) {
      return null; // UTF-16 without a mark: JSON (Jackson detects it)
    }
    int step = cs == java.nio.charset.StandardCharsets.UTF_8 ? 1 : 2;
    for (int i = off; i + step - 1 < n; i += step) {
      int c;
      if (step == 1) {
        c = b[i] & 0xff;
      } else {
        boolean be = cs == java.nio.charset.StandardCharsets.UTF_16BE;
        int hi = b[be ? i : i + 1] & 0xff;
        c = hi != 0 ? -1 : b[be ? i + 1 : i] & 0xff;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        continue;
      }
      if (c == '{' || c == '[') {
        return null;
      }
      break;
    }
    return new String(b, off, n - off, cs);
  }

  /** A YAML export: one document, or several ({@code ---}) read like {@link #documents}. */
  private static JsonNode yaml(Path p, String text) {
    List<JsonNode> docs = new ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode d = it.nextValue();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      String where = "";
      if (e instanceof JsonProcessingException
          && ((JsonProcessingException) e).getLocation() != null) {
        JsonLocation loc = ((JsonProcessingException) e).getLocation();
        where = " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      }
      String why =
          e instanceof JsonProcessingException
                  && ((JsonProcessingException) e).getOriginalMessage() != null
              ? ((JsonProcessingException) e).getOriginalMessage()
              : e.getClass().getSimpleName();
      int nl = why.indexOf('\n'); // the parser's next lines quote the input: left out
      throw new UserInputException(
          p + ": malformed JSON or YAML" + where + ": " + (nl < 0 ? why : why.substring(0, nl)), e);
    }
    if (docs.isEmpty()) {
      throw new UserInputException(p + ": empty file: expected a JSON or YAML cloud export");
    }
    if (docs.size() == 1) {
      return docs.get(0);
    }
    Documents out = new Documents();
    docs.forEach(out::add);
    return out;
  }

  /**
   * Several JSON documents one after the other in one file (a CLI run per region or account
   * appended to the same file, or one object per line): an array node marked as {@link Documents},
   * each read as its own export.
   */
  private static JsonNode documents(byte[] bytes) throws IOException {
    Documents out = new Documents();
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> it =
        new ObjectMapper()
            .setNodeFactory(KeyedNodes.FACTORY)
            .readerFor(JsonNode.class)
            .readValues(bytes)) {
      while (it.hasNextValue()) {
        out.add(it.nextValue());
      }
    }
    return out;
  }

  /** The documents of a file holding more than one JSON value. */
  private static final class Documents extends com.fasterxml.jackson.databind.node.ArrayNode {
    private static final long serialVersionUID = 1L;

    Documents() {
      super(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
    }
  }

  static void readFile(Path p, Inventory inv, PlanSide side) {
    readFile(p, parse(p), inv, side);
  }

  private static void readFile(Path p, JsonNode root, Inventory inv, PlanSide side) {
    if (root instanceof AzNsgStream.Streamed) {
      // what element() does for each NSG of the array, with the rules kept beside the node
      String file = p.toString();
      List<AzNsgStream.Nsg> nsgs = ((AzNsgStream.Streamed) root).nsgs;
      for (int i = 0; i < nsgs.size(); i++) {
        AzNsgStream.Nsg n = nsgs.get(i);
        inv.azNsgs.add(new Doc(n.node(), file, "$[" + i + "]"));
        inv.azNsgRules.put(n.node(), n.rules());
      }
      return;
    }
    if (root instanceof Documents) {
      int k = 1;
      for (JsonNode doc : root) {
        readFile(p, p + " (document " + k++ + ")", doc, inv, side);
      }
      return;
    }
    readFile(p, p.toString(), root, inv, side);
  }

  private static void readFile(Path p, String file, JsonNode root, Inventory inv, PlanSide side) {
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
      if (root.path("rows").isArray() && root.path("columns").isArray()) {
        // steampipe query --output json (0.24+): {"columns": [...], "rows": [...]}
        int i = 0;
        for (JsonNode row : root.get("rows")) {
          element(row, file, "$.rows[" + i++ + "]", inv);
        }
        return;
      }
      if (AwsConfigItems.isOutput(root)) {
        AwsConfigItems.readOutput(root, file, inv);
        return;
      }
      if (root.has("lineage") && root.has("version") && root.has("terraform_version")) {
        // a raw state file (terraform.tfstate, terraform state pull)
        if (root.path("version").asInt() >= 4 && root.path("resources").isArray()) {
          TerraformReader.read(root, file, inv, side);
        } else {
          inv.skip(
              file,
              "Terraform state format version "
                  + root.path("version").asText()
                  + " (Terraform 0.11 and older; export with terraform show -json)",
              io.leakguard.core.SourceRef.ofPath(file, "$"));
        }
        return;
      }
      if (root.path("deployment").path("resources").isArray()
          || root.path("checkpoint").path("latest").path("resources").isArray()) {
        // pulumi stack export / a Pulumi backend state file: not read (its outputs rename the
        // providers' fields: camelCase, pluralized blocks)
        inv.skip(
            file,
            "Pulumi stack export (not evaluated; export the deployed resources with az, aws or"
                + " gcloud)",
            io.leakguard.core.SourceRef.ofPath(file, "$"));
        return;
      }
      if (root.has("NewNSG")) {
        inv.azNsgs.add(new Doc(root.get("NewNSG"), file, "$.NewNSG"));
        return;
      }
      if (awsOutput(root)) {
        awsOutput(root, file, "$", inv);
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
      if (root.path("data").isArray()
          && (root.has("count") || root.has("totalRecords") || root.has("skip_token"))) {
        // az graph query (Azure Resource Graph): resources with lower-case types under data
        int i = 0;
        for (JsonNode e : root.get("data")) {
          element(e, file, "$.data[" + i++ + "]", inv);
        }
        return;
      }
      if (root.path("firewallPolicys").isArray()
          || (root.path("firewalls").isArray() && root.size() == 1)) {
        // gcloud compute networks get-effective-firewalls NETWORK --format=json
        GcpPolicies.readEffective(root, file, inv);
        return;
      }
      if (root.has("value") && root.get("value").isArray()) {
        int i = 0;
        for (JsonNode e : root.get("value")) {
          element(e, file, "$.value[" + i++ + "]", inv);
        }
        return;
      }
      if (ArmTemplate.is(root)) {
        ArmTemplate.defer(root, file, p, inv); // read with its parameters file, if any
        return;
      }
      if (ArmTemplate.isParameters(root)) {
        ArmTemplate.deferParameters(root, file, p, inv);
        return;
      }
      if (root.has("AWSTemplateFormatVersion")
          || root.path("Resources")
              .path(
                  root.path("Resources").fieldNames().hasNext()
                      ? root.path("Resources").fieldNames().next()
                      : "")
              .path("Type")
              .asText("")
              .startsWith("AWS::")) {
        inv.skip(
            file,
            "AWS CloudFormation template (not evaluated; export the deployed resources with aws ec2 describe-*)",
            io.leakguard.core.SourceRef.ofPath(file, "$"));
        return;
      }
      if (awsDescribeOutput(root)) {
        inv.skip(
            file,
            "aws output with " + root.fieldNames().next(),
            io.leakguard.core.SourceRef.ofPath(file, "$"));
        return;
      }
      if (AwsConfigItems.isItem(root)) {
        AwsConfigItems.read(List.of(new Doc(root, file, "$")), file, inv);
        return;
      }
      element(root, file, "$", inv);
      return;
    }
    if (root.isArray()) {
      if (root.size() > 0 && AwsConfigItems.isItem(root.get(0))) {
        List<Doc> items = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root) {
          items.add(new Doc(e, file, "$[" + i++ + "]"));
        }
        AwsConfigItems.read(items, file, inv);
        return;
      }
      int i = 0;
      for (JsonNode e : root) {
        if (e.isArray()) {
          // aws --query 'Reservations[*].Instances[*]' prints a list of lists
          int j = 0;
          for (JsonNode x : e) {
            element(x, file, "$[" + i + "][" + j++ + "]", inv);
          }
          i++;
          continue;
        }
        element(e, file, "$[" + i++ + "]", inv);
      }
      return;
    }
    throw new UserInputException(
        file
            + ": $: unknown format: expected a JSON object or array from az, aws, gcloud or terraform");
  }

  /**
   * Another {@code aws ... describe-*} output ({@code Subnets}, {@code Vpcs}, {@code RouteTables},
   * {@code Addresses}, {@code PrefixLists}, {@code LoadBalancers}...): every field named in
   * PascalCase, at least one of them a list. Not used, but not an error either.
   */
  private static boolean awsDescribeOutput(JsonNode root) {
    if (oneResource(root)) {
      return false;
    }
    boolean list = false;
    java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = root.fields();
    if (!it.hasNext()) {
      return false;
    }
    while (it.hasNext()) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.isEmpty() || !Character.isUpperCase(k.charAt(0))) {
        return false;
      }
      list |= e.getValue().isArray();
    }
    return list;
  }

  /**
   * One GCP Cloud Asset Inventory asset: {@code gcloud asset list --content-type=resource
   * --format=json} (camelCase: {@code assetType}, {@code resource.data}) or a line of {@code gcloud
   * asset export} ({@code asset_type}); {@code resource.data} is the Compute Engine REST object.
   * Results without data ({@code gcloud asset search-all-resources}, other content types) and other
   * asset types are skipped with a warning.
   */
  private static void cloudAsset(Doc d, Inventory inv) {
    JsonNode e = d.node();
    String type = (e.has("assetType") ? e.get("assetType") : e.get("asset_type")).asText("");
    JsonNode data = e.path("resource").path("data");
    Doc res = new Doc(data, d.file(), d.path() + ".resource.data");
    if (!data.isObject()) {
      inv.skip(
          d.file(),
          "GCP Cloud Asset Inventory result without resource data (gcloud asset search-all-resources"
              + " or another content type; use gcloud asset list --content-type=resource)",
          d.ref());
      return;
    }
    switch (type) {
      case "compute.googleapis.com/Firewall":
        inv.gcpFirewalls.add(res);
        return;
      case "compute.googleapis.com/Instance":
        inv.gcpInstances.add(res);
        return;
      case "compute.googleapis.com/FirewallPolicy":
      case "compute.googleapis.com/NetworkFirewallPolicy":
      case "compute.googleapis.com/RegionNetworkFirewallPolicy":
        inv.gcpPolicies.add(res);
        return;
      case "compute.googleapis.com/Network":
        if (data.has("networkFirewallPolicyEnforcementOrder")) {
          inv.gcpNetworks.add(res); // only its firewall policy enforcement order is used
          return;
        }
        break;
      default:
        break;
    }
    inv.skip(d.file(), "GCP Cloud Asset Inventory asset type " + type, d.ref());
  }

  /**
   * One resource, not a {@code describe-*} output around a list: what PowerShell's {@code
   * ConvertTo-Json} prints for a single object ({@code Get-EC2SecurityGroup -GroupId ...}, {@code
   * (Get-EC2Instance).Instances} of one instance, {@code Get-AzNetworkSecurityGroup -Name ...},
   * whose {@code NetworkInterfaces} and {@code SecurityGroups} fields look like the AWS outputs'
   * lists).
   */
  private static boolean oneResource(JsonNode root) {
    return root.has("GroupId")
        || root.has("InstanceId")
        || root.has("NetworkInterfaceId")
        || root.has("NetworkAclId")
        || root.has("ReservationId")
        || J.lower(String.valueOf(J.text(root, "id"))).startsWith("/subscriptions/");
  }

  /**
   * A row of Steampipe's {@code aws_vpc_security_group} or CloudQuery's {@code
   * aws_ec2_security_groups} as the {@code describe-security-groups} element it holds: the columns
   * are snake_case, the permissions the EC2 API's PascalCase objects (a JSON string in some
   * exports).
   */
  private static JsonNode tableRowGroup(Doc d) {
    JsonNode row = d.node();
    com.fasterxml.jackson.databind.node.ObjectNode g = KeyedNodes.FACTORY.objectNode();
    g.set("GroupId", row.get("group_id"));
    g.set(
        "GroupName",
        row.path("group_name").isTextual() ? row.get("group_name") : row.get("group_id"));
    for (String[] f :
        new String[][] {
          {"ip_permissions", "IpPermissions"}, {"ip_permissions_egress", "IpPermissionsEgress"}
        }) {
      JsonNode v = row.path(f[0]);
      if (v.isTextual()) {
        try {
          v = MAPPER.readTree(v.asText());
        } catch (JsonProcessingException e) {
          throw new UserInputException(d.ref("." + f[0]), "malformed JSON in the string");
        }
      }
      g.set(f[1], v.isArray() ? v : KeyedNodes.FACTORY.arrayNode());
    }
    g.set("VpcId", row.get("vpc_id"));
    g.set("Tags", row.has("tags_src") ? row.get("tags_src") : row.get("tags"));
    return g;
  }

  /** An {@code aws ec2 describe-*} output (or one page of it): a list field of the kinds read. */
  private static boolean awsOutput(JsonNode root) {
    return (root.has("SecurityGroups")
            || root.has("NetworkInterfaces")
            || root.has("NetworkAcls")
            || root.has("Reservations")
            || root.has("SecurityGroupRules"))
        && !oneResource(root);
  }

  /** The resources of an {@link #awsOutput} at {@code at} ({@code $}, or a page's path). */
  private static void awsOutput(JsonNode root, String file, String at, Inventory inv) {
    each(root, "SecurityGroups", file, at, inv.awsSgs);
    each(root, "SecurityGroupRules", file, at, inv.awsSgRules);
    each(root, "NetworkInterfaces", file, at, inv.awsEnis);
    each(root, "NetworkAcls", file, at, inv.awsNacls);
    int i = 0;
    for (JsonNode r : root.path("Reservations")) {
      int j = 0;
      for (JsonNode inst : r.path("Instances")) {
        inv.awsInstances.add(
            new Doc(inst, file, at + ".Reservations[" + i + "].Instances[" + j++ + "]"));
      }
      i++;
    }
  }

  private static void each(JsonNode root, String field, String file, String at, List<Doc> out) {
    int i = 0;
    for (JsonNode e : root.path(field)) {
      out.add(new Doc(e, file, at + "." + field + "[" + i++ + "]"));
    }
  }

  static void element(JsonNode e, String file, String path, Inventory inv) {
    if (e == null || !e.isObject()) {
      throw new UserInputException(file + ": " + path + ": unknown format: expected an object");
    }
    Doc d = new Doc(e, file, path);
    // "Type" as PowerShell's ConvertTo-Json names it (Get-AzNetworkSecurityGroup, ...)
    String type = J.lower(e.hasNonNull("type") ? e.get("type").asText() : J.text(e, "type"));
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
    if (kind.equals("compute#firewallPolicy")) {
      inv.gcpPolicies.add(d);
      return;
    }
    if (kind.equals("compute#network") && e.has("networkFirewallPolicyEnforcementOrder")) {
      inv.gcpNetworks.add(d); // only its firewall policy enforcement order is used
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
    } else if (J.get(e, "access") != null
        && J.get(e, "direction") != null
        && J.get(e, "priority") != null) {
      // az network nsg rule list; Get-AzNetworkSecurityRuleConfig | ConvertTo-Json (PascalCase)
      inv.azRules.add(d);
    } else if (e.has("allowed") || e.has("denied")) {
      inv.gcpFirewalls.add(d);
    } else if (e.has("networkInterfaces") && e.has("machineType")) {
      inv.gcpInstances.add(d);
    } else if (e.has("GroupId") && (e.has("IpPermissions") || e.has("IpPermissionsEgress"))) {
      inv.awsSgs.add(d);
    } else if (e.has("InstanceId")
        && !e.has("ReservationId")
        && (e.has("NetworkInterfaces") || e.has("SecurityGroups") || e.has("State"))) {
      // aws ec2 describe-instances --query 'Reservations[].Instances[]'
      inv.awsInstances.add(d);
    } else if (e.has("ReservationId") && e.path("Instances").isArray()) {
      // aws ec2 describe-instances --query 'Reservations[]'
      int j = 0;
      for (JsonNode inst : e.get("Instances")) {
        inv.awsInstances.add(new Doc(inst, file, path + ".Instances[" + j++ + "]"));
      }
    } else if (e.has("NetworkInterfaceId")) {
      inv.awsEnis.add(d);
    } else if (e.has("NetworkAclId")) {
      inv.awsNacls.add(d);
    } else if (e.has("effectiveSecurityRules") && e.has("association")) {
      // az network nic show-effective-nsg / list-effective-nsg: the same rules as the NSGs
      inv.skip(
          file,
          "az network nic show-effective-nsg output (export the NSGs with az network nsg list)",
          d.ref());
    } else if (type != null && type.startsWith("microsoft.")) {
      // other resources of the same tools (az vm list, ...): not used, not an error
      inv.skip(file, "Azure resource type " + J.text(e, "type"), d.ref());
    } else if (kind.startsWith("compute#")) {
      inv.skip(file, "GCP resource kind " + kind, d.ref()); // gcloud compute networks list, ...
    } else if (e.has("SecurityGroupRuleId") && e.has("GroupId")) {
      // Get-EC2SecurityGroupRule | ConvertTo-Json, or --query 'SecurityGroupRules[]': bare rules
      inv.awsSgRules.add(d);
    } else if (awsOutput(e)) {
      // aws ... --output yaml-stream prints a list of pages: [{"SecurityGroups": [...]}, ...]
      awsOutput(e, file, path, inv);
    } else if (e.has("virtualMachine") && J.get(e.get("virtualMachine"), "network") != null) {
      inv.skip(file, "az vm list-ip-addresses output", d.ref());
    } else if (e.has("group_id") && e.has("ip_permissions")) {
      // the shapes below are checked last: no cost for the common elements above
      inv.awsSgs.add(new Doc(tableRowGroup(d), file, path)); // a Steampipe / CloudQuery row
    } else if (e.has("_ctx") || e.has("_cq_id") || e.has("_cq_sync_time")) {
      inv.skip(
          file, "Steampipe / CloudQuery table row (only security group rows are read)", d.ref());
    } else if (e.has("assetType") || e.has("asset_type")) {
      cloudAsset(d, inv);
    } else {
      throw new UserInputException(
          file
              + ": "
              + path
              + ": unknown format: expected an object from az network (NSG, NIC, VNet, public IP, LB, ASG), ARM, aws ec2 describe-*, gcloud compute or terraform show -json");
    }
  }
}
