package io.leakguard.net;

import io.leakguard.core.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks, with stable ids, titles and base severities. Exposure checks are adjusted per
 * finding: one step lower for a narrow public source, one step lower without a public path
 * (latent), one step higher for a target tagged internal by the policy.
 */
public final class Checks {
  public static final String DATASTORE = "exposed-datastore-port";
  public static final String MANAGEMENT = "exposed-management-port";
  public static final String ALL_PORTS = "all-ports-open";
  public static final String OPEN = "open-to-internet";
  public static final String SHADOWED = "shadowed-rule";
  public static final String UNMATCHABLE = "unmatchable-rule";
  public static final String BROAD_PRIVATE = "broad-private-source";
  public static final String BROAD_TAG = "broad-service-tag-source";

  /** Check id to (title, base severity). */
  public static final Map<String, Object[]> ALL = new LinkedHashMap<>();

  static {
    ALL.put(
        DATASTORE, new Object[] {"Data-store port reachable from the internet", Severity.CRITICAL});
    ALL.put(
        MANAGEMENT, new Object[] {"Management port reachable from the internet", Severity.HIGH});
    ALL.put(ALL_PORTS, new Object[] {"Every port reachable from the internet", Severity.CRITICAL});
    ALL.put(OPEN, new Object[] {"Port reachable from the internet", Severity.LOW});
    ALL.put(SHADOWED, new Object[] {"Rule shadowed by earlier rules", Severity.LOW});
    ALL.put(UNMATCHABLE, new Object[] {"Rule can never match", Severity.LOW});
    ALL.put(BROAD_PRIVATE, new Object[] {"Very broad private source", Severity.LOW});
    ALL.put(BROAD_TAG, new Object[] {"Broad cloud service-tag source", Severity.LOW});
  }

  private Checks() {}

  public static String title(String check) {
    return (String) ALL.get(check)[0];
  }

  public static Severity base(String check) {
    return (Severity) ALL.get(check)[1];
  }

  static Severity shift(Severity s, int delta) {
    int o = Math.max(0, Math.min(Severity.values().length - 1, s.ordinal() + delta));
    return Severity.values()[o];
  }
}
