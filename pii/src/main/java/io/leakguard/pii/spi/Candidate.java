package io.leakguard.pii.spi;

import io.leakguard.pii.EntityType;
import java.util.List;
import java.util.Objects;

/**
 * A detector's result in <em>normalized</em> char offsets, before overlap resolution and offset
 * mapping. Build with {@link #builder(EntityType, int, int)}.
 *
 * @param type the entity type
 * @param start normalized char index, inclusive
 * @param end normalized char index, exclusive
 * @param score final score in [0, 1] after context
 * @param form {@code standard} or the obfuscation the detector recognised ({@code at-word}, {@code
 *     spaced}, {@code bracketed}, {@code hostname}, {@code words}...)
 * @param pattern the detector's named pattern
 * @param validation the validation that passed, or {@code none}
 * @param baseScore the score before context
 * @param contextWords context words that changed the score
 * @param canonical the value in canonical form (raw PII, used by keyed operators)
 */
public record Candidate(
    EntityType type,
    int start,
    int end,
    double score,
    String form,
    String pattern,
    String validation,
    double baseScore,
    List<String> contextWords,
    String canonical) {

  @SuppressWarnings("ReferenceEquality") // the shared List.of() instance
  public Candidate {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(canonical, "canonical");
    // most candidates carry List.of(): List.copyOf would return it as is, after type tests
    contextWords = contextWords == NO_WORDS ? NO_WORDS : List.copyOf(contextWords);
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score out of [0,1]: " + score);
    }
  }

  private static final List<String> NO_WORDS = List.of();

  public int length() {
    return end - start;
  }

  public static Builder builder(EntityType type, int start, int end) {
    return new Builder(type, start, end);
  }

  /** Builder; {@code score} defaults to {@code baseScore} when not set. */
  public static final class Builder {
    private final EntityType type;
    private final int start;
    private final int end;
    private double baseScore = 0.5;
    private double score = Double.NaN;
    private String form = "standard";
    private String pattern = "";
    private String validation = "none";
    private List<String> contextWords = List.of();
    private String canonical = "";

    private Builder(EntityType type, int start, int end) {
      this.type = type;
      this.start = start;
      this.end = end;
    }

    public Builder baseScore(double s) {
      this.baseScore = s;
      return this;
    }

    public Builder score(double s) {
      this.score = s;
      return this;
    }

    public Builder form(String f) {
      this.form = f;
      return this;
    }

    public Builder pattern(String p) {
      this.pattern = p;
      return this;
    }

    public Builder validation(String v) {
      this.validation = v;
      return this;
    }

    public Builder contextWords(List<String> w) {
      this.contextWords = w;
      return this;
    }

    public Builder canonical(String c) {
      this.canonical = c;
      return this;
    }

    public Candidate build() {
      double s = Double.isNaN(score) ? baseScore : score;
      s = Math.max(0, Math.min(1, s));
      return new Candidate(
          type, start, end, s, form, pattern, validation, baseScore, contextWords, canonical);
    }
  }
}
