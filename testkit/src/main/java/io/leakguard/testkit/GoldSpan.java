package io.leakguard.testkit;

import io.leakguard.pii.EntityType;
import java.util.Objects;

/**
 * One labeled span of a generated case: either a PII entity (with its {@link Form}) or a look-alike
 * (with its {@link LookalikeKind}) that must not be flagged.
 *
 * <p>{@code start} (inclusive) and {@code end} (exclusive) are Unicode code point offsets into the
 * case text, like {@link io.leakguard.pii.PiiFinding}. Entity spans cover the whole written value
 * with its obfuscation ({@code XYZ @contoso com}); for secrets the span is the credential itself
 * (the password, key or token value), not the surrounding {@code password=} or connection string
 * keys, except for JWTs and PEM blocks, which are covered whole.
 *
 * <pre>{@code
 * GoldSpan g = GoldSpan.entity(EntityType.EMAIL_ADDRESS, 9, 25, Form.SPACE_FOR_DOT);
 * g.typeLabel(); // "EMAIL_ADDRESS"
 * g.formLabel(); // "space-for-dot"
 * }</pre>
 *
 * @param entity the entity type, or null for a look-alike
 * @param lookalike the look-alike kind, or null for an entity
 * @param start first code point
 * @param end code point just past the span
 * @param form the form of an entity, or null for a look-alike
 */
public record GoldSpan(EntityType entity, LookalikeKind lookalike, int start, int end, Form form) {
  /** The type label used for look-alikes in JSONL. */
  public static final String LOOKALIKE = "LOOKALIKE";

  public GoldSpan {
    if ((entity == null) == (lookalike == null)) {
      throw new IllegalArgumentException("exactly one of entity and lookalike must be set");
    }
    if ((entity == null) != (form == null)) {
      throw new IllegalArgumentException("an entity span needs a form, a look-alike none");
    }
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** An entity span. */
  public static GoldSpan entity(EntityType type, int start, int end, Form form) {
    return new GoldSpan(
        Objects.requireNonNull(type, "type"), null, start, end, Objects.requireNonNull(form));
  }

  /** A look-alike span. */
  public static GoldSpan lookalike(LookalikeKind kind, int start, int end) {
    return new GoldSpan(null, Objects.requireNonNull(kind, "kind"), start, end, null);
  }

  /** True for a look-alike span. */
  public boolean isLookalike() {
    return lookalike != null;
  }

  /** {@code EMAIL_ADDRESS} etc., or {@code LOOKALIKE}. */
  public String typeLabel() {
    return entity != null ? entity.name() : LOOKALIKE;
  }

  /** The form label of an entity, or the kind label of a look-alike. */
  public String formLabel() {
    return entity != null ? form.label() : lookalike.label();
  }

  /** Whether two spans share at least one code point. */
  public boolean overlaps(int s, int e) {
    return s < end && start < e;
  }
}
