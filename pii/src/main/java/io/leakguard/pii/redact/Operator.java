package io.leakguard.pii.redact;

import java.util.Locale;
import java.util.Objects;

/**
 * What happens to a PII value (DESIGN §3). Immutable; each operator validates its own parameters.
 *
 * <ul>
 *   <li>{@link #replace()}: {@code <EMAIL_ADDRESS>}; {@link #replace(String)}: a given string.
 *   <li>{@link #mask(int, boolean, int)}: every code point becomes the mask character except {@code
 *       keep} code points at the start or at the end: {@code mask(4, true, '*')} turns {@code 4111
 *       1111 1111 1111} into {@code ***************1111}.
 *   <li>{@link #hash()}: {@code <EMAIL_ADDRESS:3f9a2c1b7d4e8a60>}, the first 64 bits of the keyed
 *       HMAC-SHA256 of the canonical value (see {@link Keys}). Same value and key, same token, in
 *       every record, thread, process and machine.
 *   <li>{@link #encrypt()}: {@code <EMAIL_ADDRESS:enc:base64url>}, deterministic AES-SIV of the
 *       canonical value; {@link Revealer} turns it back for someone who holds the key.
 *   <li>{@link #drop()}: a record operator: the whole record leaves the output and is counted.
 * </ul>
 *
 * <p>Example: {@code RedactionPolicy.builder().operator(EntityType.CREDIT_CARD, Operator.mask(4,
 * true, '*'))}.
 *
 * <p>Known limits: {@code hash} and {@code encrypt} work on the canonical value, so {@link
 * Revealer} gives back {@code xyz@contoso.com} for a value written {@code XYZ at contoso dot com}.
 */
public final class Operator {
  /** The operator kinds, with their configuration names ({@code replace}, {@code mask}...). */
  public enum Kind {
    REPLACE,
    MASK,
    HASH,
    ENCRYPT,
    DROP;

    /** The lower-case name used in configuration files and on the command line. */
    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code replace}, {@code mask}, {@code hash}, {@code encrypt} or {@code drop}. */
    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.configName().equalsIgnoreCase(name.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown operator '" + name + "': expected replace, mask, hash, encrypt or drop");
    }
  }

  private static final Operator REPLACE = new Operator(Kind.REPLACE, null, 0, false, '*');
  private static final Operator HASH = new Operator(Kind.HASH, null, 0, false, '*');
  private static final Operator ENCRYPT = new Operator(Kind.ENCRYPT, null, 0, false, '*');
  private static final Operator DROP = new Operator(Kind.DROP, null, 0, false, '*');

  private final Kind kind;
  private final String replacement;
  private final int keep;
  private final boolean fromEnd;
  private final int maskChar;

  private Operator(Kind kind, String replacement, int keep, boolean fromEnd, int maskChar) {
    this.kind = kind;
    this.replacement = replacement;
    this.keep = keep;
    this.fromEnd = fromEnd;
    this.maskChar = maskChar;
  }

  /** Replaces the value with {@code <TYPE>}, e.g. {@code <EMAIL_ADDRESS>}. */
  public static Operator replace() {
    return REPLACE;
  }

  /** Replaces the value with {@code replacement} (may be empty). */
  public static Operator replace(String replacement) {
    return new Operator(
        Kind.REPLACE, Objects.requireNonNull(replacement, "replacement"), 0, false, '*');
  }

  /**
   * Masks the value: every code point becomes {@code maskChar} except {@code keep} code points at
   * the end ({@code fromEnd}) or at the start.
   *
   * @throws IllegalArgumentException when {@code keep < 0} or {@code maskChar} is not a valid,
   *     visible code point
   */
  public static Operator mask(int keep, boolean fromEnd, int maskChar) {
    if (keep < 0) {
      throw new IllegalArgumentException("mask: keep must be >= 0, not " + keep);
    }
    if (!Character.isValidCodePoint(maskChar)
        || Character.isISOControl(maskChar)
        || Character.isWhitespace(maskChar)) {
      throw new IllegalArgumentException("mask: the mask character must be a visible character");
    }
    return new Operator(Kind.MASK, null, keep, fromEnd, maskChar);
  }

  /** Keyed HMAC-SHA256 token {@code <TYPE:16 hex digits>}; needs {@link Keys}. */
  public static Operator hash() {
    return HASH;
  }

  /** Deterministic AES-SIV token {@code <TYPE:enc:base64url>}; needs {@link Keys}. */
  public static Operator encrypt() {
    return ENCRYPT;
  }

  /** Removes the whole record from the output (counted). */
  public static Operator drop() {
    return DROP;
  }

  public Kind kind() {
    return kind;
  }

  /** The replacement string of {@code replace}, or null for the default {@code <TYPE>}. */
  public String replacement() {
    return replacement;
  }

  /** Code points kept by {@code mask}. */
  public int keep() {
    return keep;
  }

  /** Whether {@code mask} keeps code points at the end (true) or at the start. */
  public boolean fromEnd() {
    return fromEnd;
  }

  /** The {@code mask} character (a code point). */
  public int maskChar() {
    return maskChar;
  }

  /** Whether this operator needs key material. */
  public boolean needsKey() {
    return kind == Kind.HASH || kind == Kind.ENCRYPT;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Operator)) {
      return false;
    }
    Operator x = (Operator) o;
    return kind == x.kind
        && Objects.equals(replacement, x.replacement)
        && keep == x.keep
        && fromEnd == x.fromEnd
        && maskChar == x.maskChar;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, replacement, keep, fromEnd, maskChar);
  }

  @Override
  public String toString() {
    switch (kind) {
      case REPLACE:
        return replacement == null ? "replace" : "replace(\"" + replacement + "\")";
      case MASK:
        return "mask(keep="
            + keep
            + ", from="
            + (fromEnd ? "end" : "start")
            + ", char="
            + new String(Character.toChars(maskChar))
            + ")";
      default:
        return kind.configName();
    }
  }
}
