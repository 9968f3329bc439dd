package io.leakguard.testkit;

import java.util.Locale;

/**
 * How a gold entity value is written in a generated case. The label appears in the JSONL corpus and
 * in the report tables.
 *
 * <p>{@link #standard()} forms are the ways a value is normally written (for secrets, every kind is
 * standard: the form names the kind of secret); the others are obfuscations, sloppy typing or paste
 * damage. Which entity uses which forms is listed in {@code docs/pii-corpus.md}.
 *
 * <p>Example: {@code XYZ @contoso com} is {@link #SPACE_FOR_DOT}; {@code 10[.]0[.]0[.]1} is {@link
 * #BRACKETED}.
 */
public enum Form {
  /** The usual written form (for phones: national or international format). */
  STANDARD("standard", true),
  /** IPv6 address in its standard text form. */
  IPV6("ipv6", true),
  // ---- email ----
  /** {@code XYZ @contoso com}: a space next to {@code @}, a space instead of the dot. */
  SPACE_FOR_DOT("space-for-dot", false),
  /** Spaces around separators: {@code xyz @ contoso . com}, {@code 10 . 0 . 0 . 1}. */
  SPACED("spaced", false),
  /** {@code at}/{@code dot} words in any case; for IPs {@code 10 dot 0 dot 0 dot 1}. */
  WORDS("words", false),
  /** {@code [at]}, {@code (at)}, {@code {at}}, {@code <at>}, {@code [.]} and the same for dot. */
  BRACKETED("bracketed", false),
  /** {@code 10(.)0(.)0(.)1}. */
  PARENTHESIZED("parenthesized", false),
  /** A comma instead of a dot. */
  COMMA("comma", false),
  /** Every character separated by a space: {@code j o h n @ ...}. */
  SPACED_OUT("spaced-out", false),
  /** Full-width {@code ＠ ．} or full-width digits/letters. */
  FULLWIDTH("fullwidth", false),
  /** Zero-width or other invisible characters inside the value. */
  INVISIBLE("invisible", false),
  /** {@code &#64;}, {@code &#x40;}, {@code &commat;} and friends. */
  HTML_ENTITY("html-entity", false),
  /** {@code %40}, also inside URLs. */
  PERCENT("percent", false),
  /** In a {@code mailto:} link (the span is the address only). */
  MAILTO("mailto", false),
  /** Split by a line break (the span includes the break and any quote prefix). */
  LINE_BREAK("line-break", false),
  /** All upper case. */
  UPPERCASE("uppercase", false),
  /** All lower case (IBAN, person names). */
  LOWERCASE("lowercase", false),
  /** Cloud host names carrying the address: {@code ip-10-0-0-1}, {@code ec2-54-12-3-4}. */
  HOSTNAME("hostname", false),
  // ---- numbers ----
  /** Dashes as separators where they are not usual. */
  DASHES("dashes", false),
  /** Dots as separators. */
  DOTS("dots", false),
  /** Spaces as separators where they are not usual (SSN). */
  SPACES("spaces", false),
  /** Parentheses: {@code +44 (0)20 7946 0958}, {@code +1 (425) 555 0134}. */
  PARENTHESES("parentheses", false),
  /** Digits regrouped in unusual group sizes. */
  IRREGULAR_GROUPING("irregular-grouping", false),
  /** Every digit separated by a space. */
  SPACED_DIGITS("spaced-digits", false),
  /** Digits written as words: {@code four one one one ...}. */
  DIGIT_WORDS("digit-words", false),
  /** No separators where they are usual (SSN, US phone, MAC). */
  COMPACT("compact", false),
  /** A card number followed by its expiry date (the span is the number). */
  WITH_EXPIRY("with-expiry", false),
  // ---- MAC ----
  /** Cisco style {@code 001a.2b3c.4d5e}. */
  CISCO_DOTS("cisco-dots", false),
  // ---- person ----
  /** {@code Last, First}. */
  LAST_FIRST("last-first", true),
  /** First name, middle initial, last name. */
  MIDDLE_INITIAL("middle-initial", true),
  /** A first name alone ({@code Hi Maria,}). */
  FIRST_NAME("first-name", true),
  // ---- secrets (all standard; the form names the kind) ----
  AWS_ACCESS_KEY("aws-access-key", true),
  AWS_SECRET_KEY("aws-secret-key", true),
  AZURE_STORAGE_CONNECTION_STRING("azure-storage-connection-string", true),
  AZURE_ACCOUNT_KEY("azure-account-key", true),
  SAS_SIGNATURE("sas-signature", true),
  GITHUB_TOKEN("github-token", true),
  SLACK_TOKEN("slack-token", true),
  GOOGLE_API_KEY("google-api-key", true),
  JWT("jwt", true),
  PEM_PRIVATE_KEY("pem-private-key", true),
  PASSWORD_ASSIGNMENT("password-assignment", true),
  PASSWORD_PROSE("password-prose", true),
  DB_CONNECTION_STRING("db-connection-string", true),
  URL_CREDENTIALS("url-credentials", true),
  BEARER_TOKEN("bearer-token", true);

  private final String label;
  private final boolean standard;

  Form(String label, boolean standard) {
    this.label = label;
    this.standard = standard;
  }

  /** The label used in JSONL and reports, e.g. {@code space-for-dot}. */
  public String label() {
    return label;
  }

  /** True for the usual written forms (see the class comment). */
  public boolean standard() {
    return standard;
  }

  /** Parses a label such as {@code space-for-dot}; throws naming the bad label. */
  public static Form ofLabel(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (Form f : values()) {
      if (f.label.equals(l)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown form '" + label + "'");
  }
}
