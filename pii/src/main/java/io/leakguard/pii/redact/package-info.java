/**
 * Redaction: {@link io.leakguard.pii.redact.Redactor} applies a {@link
 * io.leakguard.pii.redact.RedactionPolicy} (an {@link io.leakguard.pii.redact.Operator} per entity
 * type, allow- and deny-lists) to a text with {@link io.leakguard.pii.redact.Keys} for the keyed
 * operators; {@link io.leakguard.pii.redact.Revealer} undoes {@code encrypt}. Free of Jackson (the
 * Spark job uses it). See {@code docs/redaction.md}.
 */
package io.leakguard.pii.redact;
