package io.leakguard.pii.redact;

import io.leakguard.pii.EntityType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to redact: the operator per entity type, the entities and minimum score to act on, an
 * allow-list of values that may stay and a deny-list of terms that must go. Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * RedactionPolicy policy = RedactionPolicy.builder()
 *     .operator(EntityType.EMAIL_ADDRESS, Operator.hash())
 *     .operator(EntityType.CREDIT_CARD, Operator.drop())
 *     .allow("support@contoso.com")
 *     .deny("Project Bluebird")
 *     .build();
 * }</pre>
 *
 * <p>Allow-list entries are compared, ignoring case and surrounding spaces, with both the written
 * value and its canonical form, so {@code support at contoso dot com} is allowed by {@code
 * support@contoso.com}. Deny-list terms are matched literally, ignoring case, at word boundaries
 * (where the term starts or ends with a letter or digit), and replaced with {@code <DENY_LIST>}.
 *
 * <p>Known limits: deny-list matching is a literal scan per term (cost grows with the number of
 * terms times the text length); use it for tens of terms, not for dictionaries.
 */
public final class RedactionPolicy {
  /** The type name reported for deny-list matches. */
  public static final String DENY_LIST = "DENY_LIST";

  private final Operator defaultOperator;
  private final Map<EntityType, Operator> operators;
  private final Set<EntityType> entities;
  private final double minScore;
  private final Set<String> allow;
  private final List<String> deny;
  // per EntityType ordinal: the operator, and whether the type is redacted (no map lookups per
  // span)
  private final Operator[] byType;
  private final boolean[] redacted;

  private RedactionPolicy(Builder b) {
    this.defaultOperator = b.defaultOperator;
    this.operators = Collections.unmodifiableMap(new EnumMap<>(b.operators));
    this.entities = Collections.unmodifiableSet(EnumSet.copyOf(b.entities));
    this.minScore = b.minScore;
    this.allow = Set.copyOf(b.allow);
    this.deny = List.copyOf(b.deny);
    EntityType[] types = EntityType.values();
    this.byType = new Operator[types.length];
    this.redacted = new boolean[types.length];
    for (EntityType t : types) {
      byType[t.ordinal()] = operator(t);
      redacted[t.ordinal()] = entities.contains(t);
    }
  }

  /** {@link #operator} without the map lookup (hot path of the redactor). */
  Operator operatorFast(EntityType type) {
    return byType[type.ordinal()];
  }

  /** {@code entities().contains(type)} without the set lookup. */
  boolean redacts(EntityType type) {
    return redacted[type.ordinal()];
  }

  /** True when an allow-list is set (so the written value must be looked at). */
  boolean hasAllow() {
    return !allow.isEmpty();
  }

  /** Defaults: {@code replace} for every entity type, all types, score 0, no lists. */
  public static Builder builder() {
    return new Builder();
  }

  /** The operator for {@code type}. */
  public Operator operator(EntityType type) {
    return operators.getOrDefault(type, defaultOperator);
  }

  public Operator defaultOperator() {
    return defaultOperator;
  }

  /** Explicit per-type operators (types not listed use {@link #defaultOperator()}). */
  public Map<EntityType, Operator> operators() {
    return operators;
  }

  /** Entity types acted on; findings of other types are left in the text. */
  public Set<EntityType> entities() {
    return entities;
  }

  /** Findings under this score are left in the text (the analyzer usually filters first). */
  public double minScore() {
    return minScore;
  }

  /** Allow-list entries, lower case and trimmed. */
  public Set<String> allow() {
    return allow;
  }

  /** Deny-list terms. */
  public List<String> deny() {
    return deny;
  }

  /** Whether any operator in use needs {@link Keys}. */
  public boolean needsKey() {
    if (defaultOperator.needsKey()) {
      return true;
    }
    for (Operator o : operators.values()) {
      if (o.needsKey()) {
        return true;
      }
    }
    return false;
  }

  boolean allowed(String written, String canonical) {
    if (allow.isEmpty()) {
      return false;
    }
    return allow.contains(written.strip().toLowerCase(Locale.ROOT))
        || (!canonical.isEmpty() && allow.contains(canonical.strip().toLowerCase(Locale.ROOT)));
  }

  /** Builder; validates eagerly. */
  public static final class Builder {
    private Operator defaultOperator = Operator.replace();
    private final Map<EntityType, Operator> operators = new EnumMap<>(EntityType.class);
    private Set<EntityType> entities = EnumSet.allOf(EntityType.class);
    private double minScore;
    private final Set<String> allow = new java.util.HashSet<>();
    private final List<String> deny = new ArrayList<>();

    private Builder() {}

    /** The operator for types without their own (default {@code replace}). */
    public Builder defaultOperator(Operator op) {
      this.defaultOperator = Objects.requireNonNull(op, "operator");
      return this;
    }

    /** The operator for one entity type. */
    public Builder operator(EntityType type, Operator op) {
      operators.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(op, "operator"));
      return this;
    }

    /** Restricts redaction to these types. */
    public Builder entities(Collection<EntityType> types) {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("at least one entity type is required");
      }
      this.entities = EnumSet.copyOf(types);
      return this;
    }

    /** Minimum score in [0, 1] of a finding to be redacted. */
    public Builder minScore(double s) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("min score must be in [0, 1]: " + s);
      }
      this.minScore = s;
      return this;
    }

    /** A value that may stay (compared ignoring case with the written and canonical value). */
    public Builder allow(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.isEmpty()) {
        throw new IllegalArgumentException("allow-list entries must not be empty");
      }
      allow.add(v);
      return this;
    }

    /** A term that must go wherever it appears (ignoring case, at word boundaries). */
    public Builder deny(String term) {
      String t = term.strip();
      if (t.isEmpty()) {
        throw new IllegalArgumentException("deny-list terms must not be empty");
      }
      deny.add(t);
      return this;
    }

    public RedactionPolicy build() {
      return new RedactionPolicy(this);
    }
  }
}
