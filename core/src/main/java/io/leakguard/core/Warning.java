package io.leakguard.core;

import java.util.Objects;

/**
 * One warning in a report: something in the input that was not fully understood and was treated
 * conservatively (for network input: as exposed). Never a silent skip.
 *
 * @param code a stable machine-readable code such as {@code unknown-reference}
 * @param message a human-readable message, free of customer PII
 * @param source where in the input, or null
 */
public record Warning(String code, String message, SourceRef source) {
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return (source == null ? "" : source + ": ") + message + " [" + code + "]";
  }
}
