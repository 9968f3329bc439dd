package io.leakguard.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leakguard.core.Severity;
import io.leakguard.core.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit policy: watched ports, severity overrides, tags that mark a resource internal, and
 * suppressions (each with a reason and an expiry).
 *
 * <p>YAML example:
 *
 * <pre>
 * watchedPorts:            # replaces the defaults when given
 *   - {protocol: tcp, ports: "22", kind: management}
 *   - {protocol: tcp, ports: "9200-9300", kind: datastore}
 * severities:
 *   exposed-management-port: critical
 * internalTags:            # a target with one of these tags (key, or key=value) is internal
 *   - "exposure=internal"
 *   - "internal-only"
 * suppressions:
 *   - {id: 3f2a9c0d1e2b4a56, reason: "bastion, reviewed", expires: 2027-03-31}
 *   - {check: open-to-internet, target: "eni-0abc", reason: "web tier", expires: 2027-01-01}
 * </pre>
 *
 * <p>An internal target exposed to the internet rates one step higher. Expired suppressions no
 * longer apply and produce a warning.
 *
 * @param watched watched port ranges
 * @param severities check id to severity overrides (the base before adjustments)
 * @param internalTags {@code key} or {@code key=value} entries
 * @param suppressions suppressions
 */
public record Policy(
    List<WatchedPort> watched,
    Map<String, Severity> severities,
    List<String> internalTags,
    List<Suppression> suppressions) {
  public Policy {
    watched = List.copyOf(watched);
    severities = Map.copyOf(severities);
    internalTags = List.copyOf(internalTags);
    suppressions = List.copyOf(suppressions);
  }

  /**
   * A suppression: by finding {@code id}, or by {@code check} and/or {@code target} (resource id or
   * name, case-insensitive).
   */
  public record Suppression(
      String id, String check, String target, String reason, LocalDate expires) {
    boolean matches(Finding f) {
      if (id != null) {
        return id.equals(f.id());
      }
      return (check == null || check.equals(f.check()))
          && (target == null
              || target.equalsIgnoreCase(f.targetId())
              || target.equalsIgnoreCase(f.targetName()));
    }
  }

  /** The defaults of DESIGN §4. */
  public static Policy defaults() {
    List<WatchedPort> w = new ArrayList<>();
    w.add(new WatchedPort(Protocol.TCP, 22, 22, "management"));
    w.add(new WatchedPort(Protocol.TCP, 3389, 3389, "management"));
    w.add(new WatchedPort(Protocol.TCP, 5985, 5986, "management"));
    for (int[] r :
        new int[][] {
          {1433, 1433}, {3306, 3306}, {5432, 5432}, {6379, 6379}, {9200, 9200}, {9300, 9300},
          {27017, 27019}, {9042, 9042}, {11211, 11211}, {5984, 5984}, {9092, 9092}, {1521, 1521}
        }) {
      w.add(new WatchedPort(Protocol.TCP, r[0], r[1], "datastore"));
    }
    w.add(new WatchedPort(Protocol.UDP, 1434, 1434, "datastore"));
    return new Policy(w, Map.of(), List.of(), List.of());
  }

  /** Reads a YAML policy file; bad content is a {@link UserInputException} naming the key. */
  public static Policy load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UserInputException("cannot read policy " + file + ": " + e.getMessage(), e);
    }
    Policy d = defaults();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return d;
    }
    String f = file.toString();
    List<WatchedPort> watched = d.watched();
    if (root.has("watchedPorts")) {
      watched = new ArrayList<>();
      int i = 0;
      for (JsonNode n : root.get("watchedPorts")) {
        String where = f + ": watchedPorts[" + i++ + "]";
        Protocol p = Protocol.parseCli(n.path("protocol").asText("tcp")).iterator().next();
        PortSet ps;
        try {
          ps = PortSet.parse(n.path("ports").asText(n.path("port").asText("")));
        } catch (IllegalArgumentException e) {
          throw new UserInputException(where + ": " + e.getMessage());
        }
        String kind = n.path("kind").asText("datastore").toLowerCase(Locale.ROOT);
        if (!kind.equals("datastore") && !kind.equals("management")) {
          throw new UserInputException(
              where + ".kind: expected datastore or management, got '" + kind + "'");
        }
        watched.add(new WatchedPort(p, ps.lo(0), ps.hi(0), kind));
      }
    }
    Map<String, Severity> sev = new HashMap<>();
    if (root.has("severities")) {
      root.get("severities")
          .fields()
          .forEachRemaining(
              e -> {
                try {
                  sev.put(e.getKey(), Severity.parse(e.getValue().asText()));
                } catch (IllegalArgumentException ex) {
                  throw new UserInputException(
                      f + ": severities." + e.getKey() + ": " + ex.getMessage());
                }
              });
    }
    List<String> internal = new ArrayList<>();
    for (JsonNode n : root.path("internalTags")) {
      if (n.isObject()) {
        internal.add(
            n.path("key").asText() + (n.hasNonNull("value") ? "=" + n.get("value").asText() : ""));
      } else {
        internal.add(n.asText());
      }
    }
    List<Suppression> sup = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root.path("suppressions")) {
      String where = f + ": suppressions[" + i++ + "]";
      String reason = n.path("reason").asText("");
      if (reason.isBlank()) {
        throw new UserInputException(where + ".reason: a suppression needs a reason");
      }
      if (!n.hasNonNull("expires")) {
        throw new UserInputException(
            where + ".expires: a suppression needs an expiry date (YYYY-MM-DD)");
      }
      LocalDate exp;
      try {
        exp = LocalDate.parse(n.get("expires").asText());
      } catch (DateTimeParseException e) {
        throw new UserInputException(
            where + ".expires: expected YYYY-MM-DD, got '" + n.get("expires").asText() + "'");
      }
      String id = n.hasNonNull("id") ? n.get("id").asText() : null;
      String check = n.hasNonNull("check") ? n.get("check").asText() : null;
      String target = n.hasNonNull("target") ? n.get("target").asText() : null;
      if (id == null && check == null && target == null) {
        throw new UserInputException(where + ": give id, check or target");
      }
      sup.add(new Suppression(id, check, target, reason, exp));
    }
    return new Policy(watched, sev, internal, sup);
  }

  boolean isInternal(Map<String, String> tags) {
    for (String t : internalTags) {
      int eq = t.indexOf('=');
      if (eq < 0) {
        for (String k : tags.keySet()) {
          if (k.equalsIgnoreCase(t)) {
            return true;
          }
        }
      } else {
        String k = t.substring(0, eq);
        String v = t.substring(eq + 1);
        for (Map.Entry<String, String> e : tags.entrySet()) {
          if (e.getKey().equalsIgnoreCase(k) && v.equalsIgnoreCase(e.getValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
