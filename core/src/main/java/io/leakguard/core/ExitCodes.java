package io.leakguard.core;

/**
 * The CLI exit codes (DESIGN §5). The highest applicable code wins: {@link #USAGE} over {@link
 * #QUARANTINED} over {@link #FINDINGS} over {@link #OK}.
 */
public final class ExitCodes {
  /** Done, nothing at or above {@code --fail-on}. */
  public static final int OK = 0;

  /** Findings at or above {@code --fail-on}. */
  public static final int FINDINGS = 1;

  /** The run could not proceed: bad usage, unreadable or unusable input. */
  public static final int USAGE = 2;

  /** Done, but some records were quarantined. */
  public static final int QUARANTINED = 3;

  private ExitCodes() {}

  /** Combines two exit codes under the "highest applicable wins" order 2 > 3 > 1 > 0. */
  public static int combine(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    switch (code) {
      case USAGE:
        return 3;
      case QUARANTINED:
        return 2;
      case FINDINGS:
        return 1;
      default:
        return 0;
    }
  }
}
