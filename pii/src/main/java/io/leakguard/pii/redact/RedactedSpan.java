package io.leakguard.pii.redact;

import io.leakguard.pii.PiiFinding;
import java.util.Objects;

/**
 * One span of the original text that was redacted. Offsets point into the <b>original</b> text:
 * {@code start}/{@code end} in code points, {@code charStart}/{@code charEnd} in UTF-16 chars. No
 * raw value is kept.
 *
 * @param type the entity type name, or {@link RedactionPolicy#DENY_LIST}
 * @param start code point index, inclusive
 * @param end code point index, exclusive
 * @param charStart UTF-16 index, inclusive
 * @param charEnd UTF-16 index, exclusive
 * @param operator the operator applied ({@code replace}, {@code mask}, ...)
 * @param finding the finding behind the span, or null for a deny-list term
 */
public record RedactedSpan(
    String type,
    int start,
    int end,
    int charStart,
    int charEnd,
    Operator.Kind operator,
    PiiFinding finding) {
  public RedactedSpan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(operator, "operator");
  }
}
