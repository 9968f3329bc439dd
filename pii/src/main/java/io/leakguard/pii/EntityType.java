package io.leakguard.pii;

/**
 * The PII entity types leakguard detects. Names are Presidio-compatible and appear verbatim in JSON
 * output and in redaction tokens such as {@code <EMAIL_ADDRESS>}.
 */
public enum EntityType {
  EMAIL_ADDRESS,
  IP_ADDRESS,
  PHONE_NUMBER,
  CREDIT_CARD,
  US_SSN,
  IBAN_CODE,
  MAC_ADDRESS,
  PERSON,
  /** Keys, tokens, passwords, connection strings, private keys, URLs carrying credentials. */
  SECRET;

  /**
   * Tie-break priority in overlap resolution when two candidates have the same score and length:
   * higher wins. Secrets first (a connection string contains hosts and user names), persons last.
   */
  public int priority() {
    switch (this) {
      case SECRET:
        return 9;
      case EMAIL_ADDRESS:
        return 8;
      case IBAN_CODE:
        return 7;
      case CREDIT_CARD:
        return 6;
      case US_SSN:
        return 5;
      case PHONE_NUMBER:
        return 4;
      case IP_ADDRESS:
        return 3;
      case MAC_ADDRESS:
        return 2;
      default:
        return 1;
    }
  }

  /** Parses a name such as {@code EMAIL_ADDRESS} (case-insensitive); throws naming the choices. */
  public static EntityType parse(String name) {
    for (EntityType t : values()) {
      if (t.name().equalsIgnoreCase(name.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown entity '" + name + "': expected one of " + java.util.Arrays.toString(values()));
  }
}
