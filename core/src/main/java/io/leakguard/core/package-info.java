/**
 * Shared value types used by every leakguard engine: {@link io.leakguard.core.Severity}, {@link
 * io.leakguard.core.Warnings}, {@link io.leakguard.core.SourceRef}, the {@link
 * io.leakguard.core.Sanitizer} seam that lets non-PII modules scrub free text, and {@link
 * io.leakguard.core.UserInputException} for errors that are the user's input (exit code 2).
 *
 * <p>This module depends on the JDK only.
 */
package io.leakguard.core;
