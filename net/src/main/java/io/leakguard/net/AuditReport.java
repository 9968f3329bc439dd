package io.leakguard.net;

import io.leakguard.core.Warning;
import java.util.List;

/**
 * The result of an audit: findings sorted by severity (highest first), then check, target and
 * ports; the warnings; and the findings a policy suppression removed.
 */
public record AuditReport(
    List<Finding> findings, List<Warning> warnings, List<Finding> suppressed) {
  public AuditReport {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
    suppressed = List.copyOf(suppressed);
  }
}
