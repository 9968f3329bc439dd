package io.leakguard.core;

/**
 * Scrubs customer PII out of free text (tags, descriptions, rule names) before it leaves leakguard
 * in a report or an alert. Engines that must not depend on the PII engine take a {@code Sanitizer};
 * the CLI wires one backed by the PII engine.
 */
@FunctionalInterface
public interface Sanitizer {
  /** Returns {@code text} with every PII value replaced; never returns the raw PII. */
  String sanitize(String text);

  /** A sanitizer that removes nothing: only for text known to hold no customer data. */
  static Sanitizer none() {
    return text -> text;
  }
}
