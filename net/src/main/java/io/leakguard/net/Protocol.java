package io.leakguard.net;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An IP protocol as the engine distinguishes it. {@link #OTHER} stands for every protocol that is
 * not TCP, UDP or ICMP (AH, ESP, GRE ...); a rule for "any" protocol covers all four.
 */
public enum Protocol {
  TCP,
  UDP,
  ICMP,
  OTHER;

  /** The JSON spelling: {@code tcp}, {@code udp}, {@code icmp}, {@code other}. */
  public String word() {
    return word;
  }

  private final String word = name().toLowerCase(Locale.ROOT);

  /** Protocols whose port dimension is meaningful. */
  public boolean hasPorts() {
    return this == TCP || this == UDP;
  }

  public static final Set<Protocol> ANY = EnumSet.allOf(Protocol.class);

  /**
   * Parses a vendor spelling: {@code Tcp}, {@code 6}, {@code -1}, {@code *}, {@code all}, {@code
   * Icmp}, {@code icmpv6}, {@code 58}, {@code Ah}, {@code Esp}, {@code 50}...
   */
  public static Set<Protocol> parseVendor(String text) {
    String t = text == null ? "*" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "*":
      case "any":
      case "all":
      case "-1":
        return ANY;
      case "tcp":
      case "6":
        return EnumSet.of(TCP);
      case "udp":
      case "17":
        return EnumSet.of(UDP);
      case "icmp":
      case "1":
      case "icmpv6":
      case "58":
      case "ipv6-icmp":
        return EnumSet.of(ICMP);
      default:
        return EnumSet.of(OTHER);
    }
  }

  /** Parses the CLI spelling {@code tcp|udp|icmp|any}. */
  public static Set<Protocol> parseCli(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("any")) {
      return ANY;
    }
    for (Protocol p : values()) {
      if (p.word().equals(t)) {
        return EnumSet.of(p);
      }
    }
    throw new IllegalArgumentException(
        "unknown protocol '" + text + "': expected tcp, udp, icmp or any");
  }
}
