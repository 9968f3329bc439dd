package io.leakguard.cli.redact;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a redaction run did: records in, out, dropped, quarantined (of which by {@code --verify}),
 * written without a value at any field path, and findings per type. Immutable.
 */
public final class Summary {
  private final long in;
  private final long out;
  private final long dropped;
  private final long quarantined;
  private final long verifyFailed;
  private final long unselected;
  private final Map<String, Long> findings;

  Summary(
      long in,
      long out,
      long dropped,
      long quarantined,
      long verifyFailed,
      long unselected,
      Map<String, Long> findings) {
    this.in = in;
    this.out = out;
    this.dropped = dropped;
    this.quarantined = quarantined;
    this.verifyFailed = verifyFailed;
    this.unselected = unselected;
    this.findings = Collections.unmodifiableMap(new TreeMap<>(findings));
  }

  public long recordsIn() {
    return in;
  }

  public long recordsOut() {
    return out;
  }

  public long dropped() {
    return dropped;
  }

  public long quarantined() {
    return quarantined;
  }

  /** Records quarantined because {@code --verify} still found PII after redaction. */
  public long verifyFailed() {
    return verifyFailed;
  }

  /**
   * JSONL records written out in which no {@code --field} path selected a value: nothing in them
   * was checked (an explicit {@code --field} that the record does not have; without {@code --field}
   * such a record is quarantined instead).
   */
  public long unselected() {
    return unselected;
  }

  /** Redacted spans per type name (entity types and {@code DENY_LIST}), sorted by name. */
  public Map<String, Long> findings() {
    return findings;
  }

  /**
   * Two lines for stderr, e.g. {@code records: 10 in, 8 out, 1 dropped, 1 quarantined}, and a
   * warning line between them when records went out with no value at any field path.
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("records: ")
        .append(in)
        .append(" in, ")
        .append(out)
        .append(" out, ")
        .append(dropped)
        .append(" dropped, ")
        .append(quarantined)
        .append(" quarantined");
    if (verifyFailed > 0) {
      sb.append(" (").append(verifyFailed).append(" by --verify)");
    }
    if (unselected > 0) {
      sb.append("\nwarning: ")
          .append(unselected)
          .append(unselected == 1 ? " record" : " records")
          .append(" had no value at any --field and went out unchecked");
    }
    sb.append("\nfindings:");
    if (findings.isEmpty()) {
      sb.append(" none");
    }
    for (Map.Entry<String, Long> e : findings.entrySet()) {
      sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return toText().replace('\n', ';');
  }
}
