package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.TextIndex;
import java.util.Set;

/**
 * Named false-positive guards shared by the phone, card and SSN detectors, in the spirit of
 * libphonenumber's {@code PhoneNumberMatcher} ({@code PUB_PAGES}, {@code SLASH_SEPARATED_DATES},
 * {@code TIME_STAMPS}). Each guard looks at a window of groups of a {@link DigitSequence} and its
 * surroundings and returns true when the window is a look-alike that must not be reported.
 *
 * <p>Digits inside a token that also holds letters ({@code KB5034441}, {@code 0x80070005}, hex
 * digests, {@code 05T10}) never become digit groups in the first place: the token is not a number.
 */
final class NumberGuards {
  private NumberGuards() {}

  /** Words before a number that make it an identifier rather than PII. */
  static final Set<String> NEGATIVE_CONTEXT =
      Set.of(
          "order",
          "ticket",
          "invoice",
          "case",
          "tracking",
          "ref",
          "reference",
          "build",
          "version",
          "incident",
          "request",
          "po",
          // the same identifier words in the languages of the national formats (session 14:
          // "Factuurnummer 2025-000123" was a Washington number); not "pedido", which the phone
          // table keeps before a Brazilian number written as such ("pedido (11) 98765-4321")
          "factuur",
          "factuurnummer",
          "bestelling",
          "bestelnummer",
          "rechnung",
          "rechnungsnummer",
          "rechnungsnr",
          "bestellung",
          "bestellnummer",
          "auftrag",
          "auftragsnummer",
          "facture",
          "commande",
          "factura",
          "fattura",
          "ordine",
          "faktura",
          "zamówienie",
          // tax numbers (session 14, probe15a: "TIN: 12345678901", "CPF: 12345678909" were US
          // numbers)
          "tin",
          "cpf",
          "cnpj",
          "steuernummer");

  /**
   * True when a window may start at group {@code g}: the run start, or a gap with whitespace that
   * does not split spaced-out single digits. A dash- or dot-joined cluster is never cut.
   */
  static boolean boundary(DigitSequence s, int g) {
    if (g == 0 || g == s.groups) {
      return true;
    }
    int gp = s.gap[g];
    if ((gp & (DigitSequence.GAP_SPACE | DigitSequence.GAP_NEWLINE)) == 0) {
      return false;
    }
    if ((gp & DigitSequence.GAP_OPEN) != 0) {
      return true; // "1 (425) ..." may start at the bracket
    }
    return !(s.groupLength(g - 1) == 1 && s.groupLength(g) == 1);
  }

  /**
   * {@code VERSION_NUMBER}: a dot-joined cluster in the window whose shape is not a phone, card or
   * SSN grouping ({@code 10.0.19041.1}, {@code 16.0.12527.20242}, semantic versions, IPv4 {@code
   * 10.0.0.1}, decimals {@code 567.89}); or a run preceded by {@code v}/{@code version}/{@code
   * build}.
   */
  static boolean versionNumber(DigitSequence s, int from, int to) {
    int g = from;
    while (g < to) {
      int e = g + 1;
      boolean dotted = false;
      while (e < to && (s.gap[e] & (DigitSequence.GAP_SPACE | DigitSequence.GAP_NEWLINE)) == 0) {
        if ((s.gap[e] & DigitSequence.GAP_DOT) != 0) {
          dotted = true;
        }
        e++;
      }
      if (dotted && !dottedShapeOk(s, g, e)) {
        return true;
      }
      g = e;
    }
    return false;
  }

  private static boolean dottedShapeOk(DigitSequence s, int from, int to) {
    int n = to - from;
    if (n < 3 || n > 5) {
      return false;
    }
    int a = s.groupLength(from);
    int b = s.groupLength(from + 1);
    int c = s.groupLength(from + 2);
    if (n == 3) {
      return (a == 3 && b == 3 && c == 4) // 425.555.0143
          || (a == 3 && b == 2 && c == 4) // 123.45.6789
          || (a == 4 && b == 6 && (c == 5 || c == 4)); // Amex, Diners
    }
    int d = s.groupLength(from + 3);
    if (n == 4) {
      return (a == 1 && b == 3 && c == 3 && d == 4) || (a == 4 && b == 4 && c == 4 && d == 4);
    }
    return a == 4 && b == 4 && c == 4 && d == 4 && s.groupLength(from + 4) == 3;
  }

  /**
   * {@code DATE}: three adjacent groups shaped {@code YYYY-MM-DD} or {@code DD-MM-YYYY} / {@code
   * MM.DD.YYYY} (any soft separator), as in {@code 2019-12-05 10:22:31}.
   */
  static boolean date(DigitSequence s, int from, int to) {
    for (int g = from; g + 3 <= to; g++) {
      int a = s.groupLength(g);
      int b = s.groupLength(g + 1);
      int c = s.groupLength(g + 2);
      if (s.word[g] || s.word[g + 1] || s.word[g + 2]) {
        continue;
      }
      int d0 = s.groupStart[g];
      int d1 = s.groupStart[g + 1];
      int d2 = s.groupStart[g + 2];
      if (a == 4 && b == 2 && c == 2) {
        long y = s.value(d0, d0 + 4);
        long m = s.value(d1, d1 + 2);
        long d = s.value(d2, d2 + 2);
        if (y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
          return true;
        }
      }
      if (a <= 2 && b <= 2 && c == 4) {
        long x = s.value(d0, d1);
        long y2 = s.value(d1, d2);
        long y = s.value(d2, d2 + 4);
        if (y >= 1900 && y <= 2099 && x >= 1 && x <= 31 && y2 >= 1 && y2 <= 31) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code GUID}: the all-digit shape {@code 8-4-4-4-12} (GUIDs with hex letters never form digit
   * groups).
   */
  static boolean guid(DigitSequence s, int from, int to) {
    for (int g = from; g + 2 <= to; g++) {
      if (s.groupLength(g) == 8
          && s.groupLength(g + 1) == 4
          && (s.gap[g + 1] & DigitSequence.GAP_DASH) != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code PUB_PAGES}: a page range followed by a bracketed year, {@code 211-227 (2003)}. */
  static boolean pubPages(DigitSequence s, int from, int to) {
    for (int g = from; g + 3 <= to; g++) {
      if (s.groupLength(g) <= 5
          && s.groupLength(g + 1) <= 5
          && s.groupLength(g + 2) <= 4
          && s.gap[g + 1] == DigitSequence.GAP_DASH
          && (s.gap[g + 2] & DigitSequence.GAP_OPEN) != 0
          && (s.gap[g + 2] & DigitSequence.GAP_CLOSE) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code AMOUNT} on a comma needs the digits touching it to read as a number: an amount's group
   * next to a comma is a thousands group ({@code 1,234}) or a decimal's integer part ({@code
   * 1234,56}), never 13 or more digits in one run. A card number in a CSV row ({@code
   * 49.90,5524334109876549,04/27}) touches commas on both sides, and so does a dash-joined or
   * {@code +}-led value in a CSV row ({@code CSV_FIELD}).
   */
  static final int AMOUNT_MAX_GROUP = 12;

  /**
   * Guards on the chars around a window that ends the run or starts it: {@code SLASH_OR_PATH}
   * ({@code 12/05/2019}, {@code /var/1234567890}), {@code AMOUNT} ({@code $1,234,567.89}, {@code
   * 45%}), {@code TIME_STAMPS} ({@code 10:22}), {@code LETTER_ADJACENT} ({@code v1.2}, {@code
   * INC-123}, {@code 123.log}, {@code 11d3-4f89}), {@code KB_NUMBER} ({@code KB 5034441}), {@code
   * NEGATIVE_NUMBER} (a minus glued to the digits after a space or bracket: the decimal HRESULT
   * {@code -2147024891}), {@code HASH_ID} ({@code #8496519}: fewer than nine digits after a {@code
   * #}). Returns the guard name or null.
   */
  static String surroundings(String text, TextIndex idx, DigitSequence s, int from, int to) {
    int n = idx.size();
    if (from == 0) {
      int t = s.groupToken[0] - 1;
      if (t >= 0 && (idx.flags(t) & TextIndex.PUNCT) != 0) {
        char c = text.charAt(idx.start(t));
        int pf = t > 0 ? idx.flags(t - 1) : 0;
        String guard =
            c == ',' && (s.groupLength(0) > AMOUNT_MAX_GROUP || dashJoined(s, from, to))
                ? null
                : before(c, pf);
        if ("HASH_ID".equals(guard) && numberSignOfValueWord(idx, t)) {
          guard = null; // "ssn #536221234", "social security #536-22-1234": the value's own sign
        }
        if (guard != null) {
          return guard;
        }
      }
      int w = t;
      if (w >= 0 && (idx.flags(w) & TextIndex.SPACE) != 0 && idx.length(w) <= 2) {
        w--;
      }
      if (w >= 0 && (idx.equalsIgnoreCase(w, "kb") || idx.equalsIgnoreCase(w, "v"))) {
        return "KB_NUMBER";
      }
    }
    // a last group split off a glued extension or label ("0143E-mail:") does not touch the next
    // token: the extension or label lies between them
    if (to == s.groups && !s.truncated && s.groupCharEnd(to - 1) == idx.end(s.groupToken[to - 1])) {
      int t = s.groupToken[to - 1] + 1;
      if (t < n && (idx.flags(t) & TextIndex.PUNCT) != 0) {
        char c = text.charAt(idx.start(t));
        int nf = t + 1 < n ? idx.flags(t + 1) : 0;
        String guard =
            c == ','
                    && (s.groupLength(to - 1) > AMOUNT_MAX_GROUP
                        || dashJoined(s, from, to)
                        || plusPrefixed(text, idx, s, from))
                ? null
                : after(c, nf);
        if (guard != null && c == '\\' && escapedQuote(text, idx, t)) {
          guard = null; // ESCAPED_QUOTE: {\"phone\":\"4255550143\"}, "…0143\r\n", JSON in a string
        }
        if (guard != null) {
          return guard;
        }
      }
    }
    return null;
  }

  /**
   * {@code CSV_FIELD} (session 15): a window joined by dashes ({@code 412-67-8901}, {@code
   * 98765-4321}) is no amount, so a comma touching it is a field separator ({@code
   * 88412,412-67-8901,1984-03-17}). Asked only at a comma that {@code AMOUNT} would read.
   */
  private static boolean dashJoined(DigitSequence s, int from, int to) {
    for (int g = from + 1; g < to; g++) {
      if ((s.gap[g] & DigitSequence.GAP_DASH) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Words whose {@code #} before a number is that value's number sign, not an id's ({@code ssn
   * #536221234}, {@code social security #…}, {@code card #…}): {@code HASH_ID} does not apply.
   */
  private static final String[] HASH_VALUE_WORDS = {
    "ssn", "ss", "security", "card", "cc", "visa", "amex", "mastercard"
  };

  /** The {@code #} token {@code t} follows one blank and a {@link #HASH_VALUE_WORDS} word. */
  private static boolean numberSignOfValueWord(TextIndex idx, int t) {
    if (t < 2 || (idx.flags(t - 1) & TextIndex.SPACE) == 0 || idx.length(t - 1) != 1) {
      return false;
    }
    for (String w : HASH_VALUE_WORDS) {
      if (idx.equalsIgnoreCase(t - 2, w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code ESCAPED_QUOTE}: the backslash token {@code t} escapes the quote right after it ({@code
   * \"}), as in a JSON document logged inside a string: the value ends there, no path goes on.
   */
  private static boolean escapedQuote(String text, TextIndex idx, int t) {
    int e = idx.start(t) + 1;
    if (idx.length(t) != 1 || e >= text.length()) {
      return false;
    }
    char c = text.charAt(e);
    // also a line break or tab written as an escape ("…0143\r\n", "…1234\nDOB"): a message
    // logged as a JSON string, its lines joined by \n; a path has its own backslash before the
    // number, which the before-guard reads
    return c == '"' || c == '\'' || c == 'n' || c == 'r' || c == 't';
  }

  private static String before(char c, int pf) {
    return switch (c) {
      case '/', '\\', '_', '@' -> "SLASH_OR_PATH";
      case '=' -> (pf & TextIndex.DIGIT) != 0 ? "SLASH_OR_PATH" : null;
      case '$', '\u20ac', '\u00a3', '\u00a5' -> "AMOUNT";
      case ',' -> (pf & TextIndex.DIGIT) != 0 && (pf & TextIndex.LETTER) == 0 ? "AMOUNT" : null;
      case ':' -> (pf & TextIndex.DIGIT) != 0 ? "TIME_STAMPS" : null;
      case '-' ->
          (pf & TextIndex.LETTER) != 0
              ? "LETTER_ADJACENT"
              : (pf & TextIndex.DIGIT) == 0 ? "NEGATIVE_NUMBER" : null;
      case '.' -> (pf & TextIndex.LETTER) != 0 ? "LETTER_ADJACENT" : null;
      case '#' -> (pf & TextIndex.LETTER) != 0 ? null : "HASH_ID"; // "SS#123-45-6789" stays

      default -> null;
    };
  }

  private static String after(char c, int nf) {
    return switch (c) {
      case '/', '\\', '_', '@', '%' -> "SLASH_OR_PATH";
      case ':' -> (nf & TextIndex.DIGIT) != 0 ? "TIME_STAMPS" : null;
      case ',' -> (nf & TextIndex.DIGIT) != 0 && (nf & TextIndex.LETTER) == 0 ? "AMOUNT" : null;
      case '-', '.' -> (nf & TextIndex.LETTER) != 0 ? "LETTER_ADJACENT" : null;
      default -> null;
    };
  }

  /**
   * {@code INTL_PREFIX}: the window starts right after a {@code +}, or right after the country code
   * that follows it ({@code +31 1 0 6 2 2 8 8 5 2}): a phone number, never a card or an SSN.
   */
  static boolean plusPrefixed(String text, TextIndex idx, DigitSequence s, int from) {
    int t = s.groupToken[0] - 1;
    return (from == 0 || (from == 1 && s.groupLength(0) <= 3))
        && t >= 0
        && !s.word[0]
        && text.charAt(idx.start(t)) == '+';
  }

  /** True when the last group of the window is an hour followed by {@code :mm}. */
  static boolean endsWithTime(String text, TextIndex idx, DigitSequence s, int to) {
    if (to != s.groups || s.truncated) {
      return false;
    }
    int t = s.groupToken[to - 1] + 1;
    return t + 1 < idx.size()
        && text.charAt(idx.start(t)) == ':'
        && (idx.flags(t + 1) & TextIndex.DIGIT) != 0
        && s.groupLength(to - 1) <= 2;
  }

  /** The name {@link #shape} gives a dotted cluster it takes for a version number. */
  static final String VERSION_NUMBER = "VERSION_NUMBER";

  /** Runs every shape guard; returns the first that fires, or null. */
  static String shape(DigitSequence s, int from, int to) {
    return shape(s, from, to, false);
  }

  /**
   * Runs every shape guard; with {@code intlPrefix} (the run follows a {@code +}, as in {@code
   * +34.611.78.02.31}) dotted clusters are not taken for version numbers: versions, IPs and
   * decimals are never written after a plus sign.
   */
  static String shape(DigitSequence s, int from, int to, boolean intlPrefix) {
    if (!intlPrefix && versionNumber(s, from, to)) {
      return VERSION_NUMBER;
    }
    if (date(s, from, to)) {
      return "DATE";
    }
    if (guid(s, from, to)) {
      return "GUID";
    }
    if (pubPages(s, from, to)) {
      return "PUB_PAGES";
    }
    return null;
  }
}
