package io.leakguard.pii.spi;

import java.util.List;
import java.util.Set;

/**
 * What a {@link Detector} sees of one text: the normalized text, its token index, the region for
 * phone numbers, helpers for context words, and the sink for candidates. One context per text and
 * thread; not shared.
 */
public interface DetectionContext {
  /**
   * The normalized text (full-width folded, invisibles dropped, entities and %-escapes decoded).
   */
  String text();

  /** The single-pass token index over {@link #text()}: the character-class triggers. */
  TextIndex tokens();

  /** Default region for numbers written without an international prefix, e.g. {@code US}. */
  String region();

  /**
   * The words of {@code vocabulary} (lower case; may contain multi-word phrases joined by a single
   * space) that occur within {@code window} characters before {@code start} or after {@code end}.
   * Returns an empty list when none. Pass a constant set: the engine prepares a table per set
   * instance on first use and does not see later changes to it.
   */
  List<String> contextWords(int start, int end, int window, Set<String> vocabulary);

  /**
   * The original char that the normalized char {@code i} of {@link #text()} starts at: an em dash
   * folded to {@code -} reads as {@code \u2014} here. Read it only at a candidate, never per char.
   * The default (no normalization known) is the normalized char.
   */
  default char originalChar(int i) {
    return text().charAt(i);
  }

  /** Reports one candidate. */
  void report(Candidate candidate);
}
