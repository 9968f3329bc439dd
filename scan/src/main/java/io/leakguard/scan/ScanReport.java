package io.leakguard.scan;

import io.leakguard.core.Severity;
import io.leakguard.core.Warning;
import io.leakguard.pii.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a scan (DESIGN §5 {@code scan --format json}): per location counts and masked
 * examples, and a summary.
 *
 * @param locations per location, in the order they were scanned
 * @param records records read (rows or lines; a row with several text columns counts once)
 * @param counts values found per entity type
 * @param warnings what could not be scanned as asked (e.g. a table without primary key)
 */
public record ScanReport(
    List<LocationReport> locations,
    long records,
    Map<EntityType, Long> counts,
    List<Warning> warnings) {
  public ScanReport {
    locations = List.copyOf(locations);
    // the enum's order in every run (Map.copyOf iterates in a per-JVM random order)
    EnumMap<EntityType, Long> m = new EnumMap<>(EntityType.class);
    m.putAll(counts);
    counts = Collections.unmodifiableMap(m);
    warnings = List.copyOf(warnings);
  }

  /**
   * Severity of finding residual PII of a type: secrets and financial/identity numbers are
   * critical, contact data and names high, network identifiers medium.
   */
  public static Severity severityOf(EntityType type) {
    switch (type) {
      case SECRET:
      case CREDIT_CARD:
      case US_SSN:
      case IBAN_CODE:
        return Severity.CRITICAL;
      case EMAIL_ADDRESS:
      case PHONE_NUMBER:
      case PERSON:
        return Severity.HIGH;
      default:
        return Severity.MEDIUM;
    }
  }

  /** The highest severity among the types found, or null when nothing was found. */
  public Severity maxSeverity() {
    Severity max = null;
    for (Map.Entry<EntityType, Long> e : counts.entrySet()) {
      if (e.getValue() > 0) {
        Severity s = severityOf(e.getKey());
        if (max == null || s.atLeast(max)) {
          max = s;
        }
      }
    }
    return max;
  }
}
