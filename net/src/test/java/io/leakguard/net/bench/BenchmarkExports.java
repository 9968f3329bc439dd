package io.leakguard.net.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the benchmark export set in {@code az} CLI format: {@code nsg-list.json} (2,000 NSGs, 50
 * rules each = 100,000 rules), {@code nic-list.json} (10,000 NICs), {@code vnet-list.json} (200
 * subnets, each with a subnet NSG) and {@code public-ip-list.json}. Deterministic (seeded).
 *
 * <p>Run: {@code java -cp <test classpath> io.leakguard.net.bench.BenchmarkExports OUT_DIR [NICS
 * NSGS RULES_PER_NSG]}, then time {@code ./leakguard net audit OUT_DIR --format json}.
 */
public final class BenchmarkExports {
  private static final String SUB =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers/Microsoft.Network";
  private static final String[] SOURCES = {
    "Internet",
    "*",
    "VirtualNetwork",
    "10.0.0.0/8",
    "203.0.113.0/24",
    "0.0.0.0/0",
    "198.51.100.7",
    "AzureLoadBalancer",
    "Storage"
  };
  private static final String[] PORTS = {
    "22",
    "443",
    "80",
    "3389",
    "9200",
    "5432",
    "1433",
    "8000-8100",
    "*",
    "6379",
    "27017-27019",
    "1024-65535"
  };

  private BenchmarkExports() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench-exports");
    int nics = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int nsgs = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    int rules = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    write(out, nics, nsgs, rules);
    System.out.println(
        "wrote " + nics + " NICs, " + nsgs + " NSGs, " + (long) nsgs * rules + " rules to " + out);
  }

  /** Writes the export set into {@code out}. */
  public static void write(Path out, int nics, int nsgs, int rulesPerNsg) throws IOException {
    Files.createDirectories(out);
    Random rnd = new Random(20190101L);
    JsonFactory f = new JsonFactory();
    int subnets = 200;
    try (JsonGenerator g =
        f.createGenerator(Files.newBufferedWriter(out.resolve("nsg-list.json")))) {
      g.writeStartArray();
      for (int n = 0; n < nsgs; n++) {
        String id = SUB + "/networkSecurityGroups/nsg-" + n;
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", "nsg-" + n);
        g.writeStringField("type", "Microsoft.Network/networkSecurityGroups");
        g.writeArrayFieldStart("securityRules");
        for (int r = 0; r < rulesPerNsg; r++) {
          boolean inbound = r % 5 != 4;
          g.writeStartObject();
          g.writeStringField("name", "rule-" + r);
          g.writeStringField("id", id + "/securityRules/rule-" + r);
          g.writeNumberField("priority", 100 + r * 10);
          g.writeStringField("direction", inbound ? "Inbound" : "Outbound");
          g.writeStringField("access", rnd.nextInt(3) == 0 ? "Deny" : "Allow");
          g.writeStringField(
              "protocol", rnd.nextInt(4) == 0 ? "*" : rnd.nextInt(5) == 0 ? "Udp" : "Tcp");
          g.writeStringField("sourceAddressPrefix", SOURCES[rnd.nextInt(SOURCES.length)]);
          g.writeArrayFieldStart("sourceAddressPrefixes");
          g.writeEndArray();
          g.writeStringField("sourcePortRange", "*");
          g.writeStringField("destinationAddressPrefix", "*");
          if (rnd.nextInt(4) == 0) {
            g.writeNullField("destinationPortRange");
            g.writeArrayFieldStart("destinationPortRanges");
            g.writeString(PORTS[rnd.nextInt(PORTS.length)]);
            g.writeString(PORTS[rnd.nextInt(PORTS.length)].replace("*", "8443"));
            g.writeEndArray();
          } else {
            g.writeStringField("destinationPortRange", PORTS[rnd.nextInt(PORTS.length)]);
            g.writeArrayFieldStart("destinationPortRanges");
            g.writeEndArray();
          }
          g.writeStringField("type", "Microsoft.Network/networkSecurityGroups/securityRules");
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    try (JsonGenerator g =
        f.createGenerator(Files.newBufferedWriter(out.resolve("vnet-list.json")))) {
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringField("id", SUB + "/virtualNetworks/vnet-bench");
      g.writeStringField("name", "vnet-bench");
      g.writeStringField("type", "Microsoft.Network/virtualNetworks");
      g.writeObjectFieldStart("addressSpace");
      g.writeArrayFieldStart("addressPrefixes");
      g.writeString("10.0.0.0/8");
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("subnets");
      for (int s = 0; s < subnets; s++) {
        g.writeStartObject();
        g.writeStringField("id", SUB + "/virtualNetworks/vnet-bench/subnets/snet-" + s);
        g.writeStringField("name", "snet-" + s);
        g.writeStringField("addressPrefix", "10." + (s / 256) + "." + (s % 256) + ".0/24");
        g.writeObjectFieldStart("networkSecurityGroup");
        g.writeStringField("id", SUB + "/networkSecurityGroups/nsg-" + (nsgs - 1 - s % nsgs));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
    }
    try (JsonGenerator g =
        f.createGenerator(Files.newBufferedWriter(out.resolve("nic-list.json")))) {
      g.writeStartArray();
      for (int i = 0; i < nics; i++) {
        int s = i % subnets;
        String id = SUB + "/networkInterfaces/nic-" + i;
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", "nic-" + i);
        g.writeStringField("type", "Microsoft.Network/networkInterfaces");
        g.writeObjectFieldStart("networkSecurityGroup");
        g.writeStringField("id", SUB + "/networkSecurityGroups/nsg-" + (i % nsgs));
        g.writeEndObject();
        g.writeArrayFieldStart("ipConfigurations");
        g.writeStartObject();
        g.writeStringField("id", id + "/ipConfigurations/ipconfig1");
        g.writeStringField("name", "ipconfig1");
        g.writeStringField(
            "privateIPAddress",
            "10." + (s / 256) + "." + (s % 256) + "." + (4 + i / subnets % 250));
        g.writeObjectFieldStart("subnet");
        g.writeStringField("id", SUB + "/virtualNetworks/vnet-bench/subnets/snet-" + s);
        g.writeEndObject();
        if (i % 3 == 0) {
          g.writeObjectFieldStart("publicIPAddress");
          g.writeStringField("id", SUB + "/publicIPAddresses/pip-" + i);
          g.writeEndObject();
        } else {
          g.writeNullField("publicIPAddress");
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
