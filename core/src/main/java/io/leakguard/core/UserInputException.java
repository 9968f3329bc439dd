package io.leakguard.core;

/**
 * The run cannot proceed because of the user's input or usage: an unreadable file, a malformed
 * line, an unknown format. The message names the file, line or JSON path and what was expected;
 * adapters print it without a stack trace and exit with code 2. Messages must never quote raw
 * customer data (use {@link MaskedPreview}).
 */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }

  public UserInputException(SourceRef where, String message) {
    super(where + ": " + message);
  }
}
