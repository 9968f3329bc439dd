package io.leakguard.pii;

import java.util.List;
import java.util.Objects;

/**
 * Why a finding was reported (Presidio's "decision process"): which pattern matched, which
 * validation passed, which context words raised the score, and which normalizations were undone to
 * see the value. Contains no raw PII.
 *
 * @param pattern the detector's named pattern, e.g. {@code email.at-word}
 * @param validation the validation that passed, e.g. {@code luhn}, {@code public-suffix}, or {@code
 *     none}
 * @param baseScore the score before context
 * @param contextWords context words found near the value that raised (or lowered) the score
 * @param normalizations normalizations undone inside the span, e.g. {@code fullwidth}, {@code
 *     html-entity}, {@code percent}, {@code invisible}
 */
public record Explanation(
    String pattern,
    String validation,
    double baseScore,
    List<String> contextWords,
    List<String> normalizations) {
  public Explanation {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(validation, "validation");
    contextWords = List.copyOf(contextWords);
    normalizations = List.copyOf(normalizations);
  }
}
