package io.leakguard.pii;

import io.leakguard.pii.spi.Candidate;
import java.util.List;
import java.util.Objects;

/**
 * One PII value found in a text. Immutable.
 *
 * <p>{@code start} (inclusive) and {@code end} (exclusive) are <b>Unicode code point</b> indices
 * into the <b>original</b> text, and cover the whole written value including its obfuscation (for
 * {@code XYZ @contoso com} the span covers all 16 code points). {@link #charStart()} and {@link
 * #charEnd()} are the same span in UTF-16 {@code char} indices, for Java callers that slice
 * strings.
 *
 * <p>{@link #canonical()} is the value in canonical form ({@code xyz@contoso.com}); it is raw PII,
 * meant for keyed operators only, and is excluded from {@link #toString()}.
 */
public final class PiiFinding {
  private final EntityType type;
  private final int start;
  private final int end;
  private final int charStart;
  private final int charEnd;
  private final double score;
  private final String detector;
  private final String form;
  private final String canonical;
  // the explanation, or null until first read when built from a candidate (see #deferred)
  private Explanation explanation;
  private final Candidate source;
  private final List<String> normalizations;

  public PiiFinding(
      EntityType type,
      int start,
      int end,
      int charStart,
      int charEnd,
      double score,
      String detector,
      String form,
      String canonical,
      Explanation explanation) {
    this.type = Objects.requireNonNull(type, "type");
    if (start < 0 || end < start || charStart < 0 || charEnd < charStart) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    this.start = start;
    this.end = end;
    this.charStart = charStart;
    this.charEnd = charEnd;
    this.score = score;
    this.detector = Objects.requireNonNull(detector, "detector");
    this.form = Objects.requireNonNull(form, "form");
    this.canonical = Objects.requireNonNull(canonical, "canonical");
    this.explanation = Objects.requireNonNull(explanation, "explanation");
    this.source = null;
    this.normalizations = null;
  }

  /**
   * A finding whose {@link Explanation} is built from {@code source} and {@code normalizations} on
   * the first {@link #explanation()} call. Design note: most callers never read the explanation
   * (redaction, scanning), and building it for each finding was a visible per-finding cost of the
   * engine.
   */
  private PiiFinding(
      EntityType type,
      int start,
      int end,
      int charStart,
      int charEnd,
      double score,
      String detector,
      String form,
      Candidate source,
      List<String> normalizations) {
    if (start < 0 || end < start || charStart < 0 || charEnd < charStart) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
    this.type = type;
    this.start = start;
    this.end = end;
    this.charStart = charStart;
    this.charEnd = charEnd;
    this.score = score;
    this.detector = detector;
    this.form = form;
    this.canonical = source.canonical();
    this.source = source;
    this.normalizations = normalizations;
  }

  /**
   * The engine's factory (see {@code PiiAnalyzer}): {@code type} and {@code canonical} come from
   * {@code source}, the explanation is deferred. Every value is non-null (the candidate checked its
   * own; the engine passes the rest).
   */
  static PiiFinding deferred(
      int start,
      int end,
      int charStart,
      int charEnd,
      double score,
      String detector,
      String form,
      Candidate source,
      List<String> normalizations) {
    return new PiiFinding(
        source.type(),
        start,
        end,
        charStart,
        charEnd,
        score,
        detector,
        form,
        source,
        normalizations);
  }

  public EntityType type() {
    return type;
  }

  /** Code point index of the first code point of the value in the original text. */
  public int start() {
    return start;
  }

  /** Code point index just past the value in the original text. */
  public int end() {
    return end;
  }

  /** UTF-16 index of the value's start in the original text. */
  public int charStart() {
    return charStart;
  }

  /** UTF-16 index just past the value in the original text. */
  public int charEnd() {
    return charEnd;
  }

  /** Confidence in [0, 1]. */
  public double score() {
    return score;
  }

  /** Name of the detector that found it, e.g. {@code email}. */
  public String detector() {
    return detector;
  }

  /**
   * How the value was written: {@code standard}, or the obfuscation seen, e.g. {@code
   * at-dot-words}, {@code spaced}, {@code bracketed}, {@code fullwidth}, {@code html-entity},
   * {@code percent}, {@code hostname}, several joined by {@code +}.
   */
  public String form() {
    return form;
  }

  /** True when {@link #form()} is not {@code standard}. */
  public boolean obfuscated() {
    return !"standard".equals(form);
  }

  /**
   * This finding in a text that lacks the first {@code by} code points of the analyzed one, all of
   * them single chars (a field label, see {@link PiiAnalyzer#analyze(String, String)}); a span
   * starting inside them starts at 0. The explanation stays deferred.
   */
  PiiFinding shifted(int by) {
    int s = Math.max(0, start - by);
    int cs = Math.max(0, charStart - by);
    if (source != null) {
      return new PiiFinding(
          type, s, end - by, cs, charEnd - by, score, detector, form, source, normalizations);
    }
    return new PiiFinding(
        type, s, end - by, cs, charEnd - by, score, detector, form, canonical, explanation);
  }

  /** The canonical value (raw PII!), e.g. {@code xyz@contoso.com}, {@code 4111111111111111}. */
  public String canonical() {
    return canonical;
  }

  public Explanation explanation() {
    Explanation e = explanation;
    if (e == null) {
      // racy but benign: every thread builds an equal, immutable (final-field) value
      Candidate c = source;
      e =
          new Explanation(
              c.pattern(),
              c.validation(),
              roundScore(c.baseScore()),
              c.contextWords(),
              normalizations);
      explanation = e;
    }
    return e;
  }

  /** Scores are reported to three decimals (the engine rounds the same way). */
  private static double roundScore(double s) {
    return Math.round(s * 1000) / 1000.0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PiiFinding)) {
      return false;
    }
    PiiFinding f = (PiiFinding) o;
    return type == f.type
        && start == f.start
        && end == f.end
        && charStart == f.charStart
        && charEnd == f.charEnd
        && Double.compare(score, f.score) == 0
        && detector.equals(f.detector)
        && form.equals(f.form)
        && canonical.equals(f.canonical)
        && explanation().equals(f.explanation());
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, start, end, score, detector, form, canonical);
  }

  /** Never includes the value. */
  @Override
  public String toString() {
    return type
        + "["
        + start
        + ","
        + end
        + ") score="
        + score
        + " detector="
        + detector
        + " form="
        + form;
  }
}
