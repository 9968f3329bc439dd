package io.leakguard.pii.spi;

import io.leakguard.pii.EntityType;
import java.util.Set;

/**
 * One detector: finds one kind of PII (or a tight family, e.g. secrets) in normalized text.
 *
 * <p>Contract (see {@code docs/pii-engine.md}):
 *
 * <ul>
 *   <li>Stateless and thread-safe: one instance serves every thread.
 *   <li>Works on {@link DetectionContext#text()}, the <em>normalized</em> text, starting from the
 *       trigger tokens of {@link DetectionContext#tokens()} (never one regex over the whole text),
 *       and reports {@link Candidate}s in normalized char offsets. The engine maps them back to the
 *       original text.
 *   <li>Linear time: work per trigger is bounded by a constant window.
 *   <li>Applies its own named false-positive guards and validation, and its own context scoring
 *       with {@link DetectionContext#contextWords}; the engine resolves overlaps between detectors.
 *   <li>Throws on a bug; the engine fails the whole record (fail closed).
 * </ul>
 */
public interface Detector {
  /** Stable short name shown in findings, e.g. {@code email}. */
  String name();

  /** The entity types it may report. */
  Set<EntityType> entities();

  /**
   * Token flags ({@link TextIndex} constants) of which at least one must be present in the text for
   * this detector to run at all; {@code 0} means always run.
   */
  int triggerFlags();

  /** Finds candidates in {@code ctx.text()} and reports each through {@code ctx.report}. */
  void detect(DetectionContext ctx);
}
