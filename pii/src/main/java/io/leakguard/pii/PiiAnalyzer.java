package io.leakguard.pii;

import io.leakguard.pii.detectors.BuiltinDetectors;
import io.leakguard.pii.internal.Engine;
import io.leakguard.pii.spi.Detector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The PII detection engine: finds PII in standard and obfuscated forms. Thread-safe and immutable;
 * build once, share everywhere.
 *
 * <pre>{@code
 * PiiAnalyzer analyzer = PiiAnalyzer.builder().region("US").build();
 * for (PiiFinding f : analyzer.analyze("write to XYZ @contoso com")) {
 *   // EMAIL_ADDRESS [9,25) form=spaced
 * }
 * }</pre>
 *
 * <p>Analysis never alters the text; spans are code point offsets into the original. A detector
 * failure throws {@link DetectionException} for the whole text (fail closed): callers such as the
 * redaction pipeline quarantine the record.
 *
 * <p>Known limits: names are found from name lists plus context (greetings, signatures, headers),
 * not by a statistical model, so a bare name in running prose without any cue is missed.
 */
public final class PiiAnalyzer {
  /** Default minimum score for a finding to be reported. */
  public static final double DEFAULT_MIN_SCORE = 0.5;

  private final Engine engine;
  private final Set<EntityType> entities;
  private final double minScore;
  private final String region;

  private PiiAnalyzer(Builder b) {
    this.entities = EnumSet.copyOf(b.entities);
    this.minScore = b.minScore;
    this.region = b.region;
    List<Detector> ds = new ArrayList<>(b.detectors);
    if (b.loadServices) {
      for (Detector d : ServiceLoader.load(Detector.class)) {
        ds.add(d);
      }
    }
    this.engine = new Engine(ds, entities, minScore, region, PiiFinding::deferred);
  }

  /** A builder with every built-in detector and entity, region US, minimum score 0.5. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds PII in {@code text}. Returns findings sorted by start, non-overlapping.
   *
   * @throws DetectionException when a detector fails (the message holds no text)
   */
  public List<PiiFinding> analyze(String text) {
    return engine.analyze(Objects.requireNonNull(text, "text"));
  }

  /**
   * Finds PII in {@code text}, the value of the field, column or key named {@code fieldName} (for
   * example {@code first_name}, {@code customer.phone}, {@code ContactEmail}, {@code
   * messages[*].body}). A name that says what its value is ({@link FieldLabel}: name, phone, ssn,
   * iban, card, email, password, ip...) is read as a label before the value, the way a person reads
   * {@code First name: Maria} on a form, so a bare {@code Maria} or {@code 536221234} in such a
   * field is found; any other name ({@code subject}, {@code body}, {@code customer_id}, null) gives
   * exactly {@link #analyze(String)}. Spans are offsets into {@code text}; the label itself never
   * yields a finding. Structured stores (CSV columns, JSON fields, database columns) call this;
   * free text calls {@link #analyze(String)}.
   *
   * @throws DetectionException when a detector fails (the message holds no text)
   */
  public List<PiiFinding> analyze(String text, String fieldName) {
    Objects.requireNonNull(text, "text");
    String label = FieldLabel.prefix(fieldName);
    if (label.isEmpty()) {
      return engine.analyze(text);
    }
    List<PiiFinding> all = engine.analyze(label + text);
    int p = label.length(); // ASCII: as many code points as chars
    List<PiiFinding> out = new ArrayList<>(all.size());
    for (PiiFinding f : all) {
      if (f.charEnd() > p) {
        out.add(f.shifted(p)); // a span reaching into the label is cut at the value's start
      }
    }
    return out;
  }

  public Set<EntityType> entities() {
    return EnumSet.copyOf(entities);
  }

  public double minScore() {
    return minScore;
  }

  public String region() {
    return region;
  }

  /** Builder for {@link PiiAnalyzer}; validates eagerly with messages that name the bad value. */
  public static final class Builder {
    private Set<EntityType> entities = EnumSet.allOf(EntityType.class);
    private double minScore = DEFAULT_MIN_SCORE;
    private String region = "US";
    private final List<Detector> detectors = new ArrayList<>(BuiltinDetectors.all());
    private boolean loadServices = true;

    private Builder() {}

    /** Restricts detection to these entity types. */
    public Builder entities(Set<EntityType> types) {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("at least one entity type is required");
      }
      this.entities = EnumSet.copyOf(types);
      return this;
    }

    /** Minimum score in [0, 1] for a finding to be reported. */
    public Builder minScore(double s) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("min score must be in [0, 1]: " + s);
      }
      this.minScore = s;
      return this;
    }

    /** Two-letter region for phone numbers without an international prefix, e.g. {@code GB}. */
    public Builder region(String r) {
      String up = r.trim().toUpperCase(Locale.ROOT);
      if (!up.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException("region must be a two-letter code such as US: " + r);
      }
      this.region = up;
      return this;
    }

    /** Adds a detector (after the built-ins). */
    public Builder addDetector(Detector d) {
      detectors.add(Objects.requireNonNull(d, "detector"));
      return this;
    }

    /** Removes every detector, built-ins included; add your own with {@link #addDetector}. */
    public Builder clearDetectors() {
      detectors.clear();
      loadServices = false;
      return this;
    }

    /** Whether to load extra detectors with {@link ServiceLoader} (default true). */
    public Builder loadServiceDetectors(boolean load) {
      this.loadServices = load;
      return this;
    }

    public PiiAnalyzer build() {
      return new PiiAnalyzer(this);
    }
  }
}
