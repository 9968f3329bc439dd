package io.leakguard.net;

/** Traffic direction relative to the target: {@code inbound} or {@code outbound} in JSON. */
public enum Direction {
  INBOUND,
  OUTBOUND;

  public String word() {
    return this == INBOUND ? "inbound" : "outbound";
  }

  public Direction opposite() {
    return this == INBOUND ? OUTBOUND : INBOUND;
  }

  public static Direction parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("inbound") || t.equalsIgnoreCase("ingress")) {
      return INBOUND;
    }
    if (t.equalsIgnoreCase("outbound") || t.equalsIgnoreCase("egress")) {
      return OUTBOUND;
    }
    throw new IllegalArgumentException(
        "unknown direction '" + text + "': expected inbound or outbound");
  }
}
