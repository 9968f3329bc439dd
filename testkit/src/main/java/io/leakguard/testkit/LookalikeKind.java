package io.leakguard.testkit;

import java.util.Locale;

/**
 * Kinds of look-alike spans: text that resembles PII but is not, and must not be flagged.
 *
 * <p>Example: {@code 10.0.19041.1} is a {@link #VERSION}, {@code 0x80070005} an {@link #HRESULT},
 * {@code look at contoso.com} an {@link #AT_PHRASE}.
 */
public enum LookalikeKind {
  /**
   * Windows/Office build numbers, assembly versions ({@code Version=4.0.0.0}), SMTP status codes.
   */
  VERSION("version"),
  /** Semantic versions, {@code v2.14.3}, {@code 1.2.3-beta.1}. */
  SEMVER("semver"),
  /** {@code KB5034441}. */
  KB_NUMBER("kb-number"),
  /** {@code 0x80070005}, and decimal HRESULTs such as {@code -2147024891}. */
  HRESULT("hresult"),
  /** GUIDs, correlation, activity and request ids. */
  GUID("guid"),
  /** Timestamps, including epoch milliseconds. */
  TIMESTAMP("timestamp"),
  /** Dates. */
  DATE("date"),
  /** Ticket, case, order and invoice numbers (long ones fail Luhn). */
  TICKET_NUMBER("ticket-number"),
  /** {@code @mentions} and handles. */
  MENTION("mention"),
  /** Code: annotations, {@code obj.at(3)}, stack frames, {@code pkg@1.2.3}, shell prompts. */
  CODE("code"),
  /** Windows, UNC and POSIX file paths. */
  FILE_PATH("file-path"),
  /** Hex hash digests and commit ids. */
  HASH("hash"),
  /** {@code look at contoso.com}: the word at before a domain. */
  AT_PHRASE("at-phrase"),
  /** {@code meet at 5 dot 30}. */
  DOT_PHRASE("dot-phrase"),
  /** Bare domain names. */
  DOMAIN("domain"),
  /** URLs without credentials or tokens. */
  URL("url"),
  /** SNMP/ASN.1 object identifiers. */
  OID("oid"),
  /** Money amounts and quantities. */
  AMOUNT("amount"),
  /** Last four digits of a card, masked numbers. */
  PARTIAL_NUMBER("partial-number");

  private final String label;

  LookalikeKind(String label) {
    this.label = label;
  }

  /** The label used in JSONL and reports. */
  public String label() {
    return label;
  }

  /** Parses a label such as {@code kb-number}; throws naming the bad label. */
  public static LookalikeKind ofLabel(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (LookalikeKind k : values()) {
      if (k.label.equals(l)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown look-alike kind '" + label + "'");
  }
}
