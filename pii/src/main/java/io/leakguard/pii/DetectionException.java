package io.leakguard.pii;

/**
 * A detector failed on a text. The whole record fails: no partial findings are ever returned
 * silently. The message names the detector and the failure, never the text.
 */
public final class DetectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String detector;

  public DetectionException(String detector, Throwable cause) {
    super("detector '" + detector + "' failed: " + cause.getClass().getSimpleName(), cause);
    this.detector = detector;
  }

  /** The failing detector's name. */
  public String detector() {
    return detector;
  }
}
