package io.leakguard.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The label a field name gives its value, read the way a person reads a form: {@code first_name}
 * holding {@code Maria} is {@code first name: Maria}. A bare value carries no cue ({@code Maria},
 * {@code 536221234}), while the same value after its label is certain; so {@link
 * PiiAnalyzer#analyze(String, String)} reads the value after {@link #prefix(String)}.
 *
 * <p>Only names that say what their value is get a label: a word of {@link #WORDS} (name, phone,
 * ssn, iban, card, email, password, ip...). {@code subject}, {@code body}, {@code customer_id} get
 * none, so free-text columns are analyzed exactly as without a field name, at no extra cost.
 */
final class FieldLabel {
  private FieldLabel() {}

  /**
   * Words of a field name that name the kind of value it holds. A field name's words come from its
   * last path segment, split at {@code _}, {@code -}, blanks and lower-to-upper case changes.
   */
  static final Set<String> WORDS =
      Set.of(
          // PERSON
          "name",
          "firstname",
          "lastname",
          "fullname",
          "surname",
          "forename",
          "first",
          "last",
          "given",
          "family",
          "middle",
          "contact",
          "requester",
          "requestor",
          "caller",
          "sender",
          "recipient",
          // PHONE_NUMBER
          "phone",
          "phonenumber",
          "mobile",
          "cell",
          "cellphone",
          "tel",
          "telephone",
          "fax",
          "msisdn",
          // US_SSN
          "ssn",
          "social",
          // CREDIT_CARD
          "card",
          "creditcard",
          "cc",
          "pan",
          // IBAN_CODE
          "iban",
          // EMAIL_ADDRESS
          "email",
          "mail",
          "emailaddress",
          // SECRET
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "apikey",
          "key",
          "credential",
          "credentials",
          // IP_ADDRESS, MAC_ADDRESS
          "ip",
          "ipaddress",
          "mac");

  private static final int MAX_WORDS = 5;
  private static final int MAX_CACHED = 4096;
  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

  /**
   * {@code "first name: "} for {@code first_name}, {@code customer.FirstName} or {@code
   * contacts[*].first-name}; the empty string for a null name, a name without a {@link #WORDS}
   * word, or one of more than five words. The label is ASCII (its code points are its chars).
   */
  static String prefix(String fieldName) {
    if (fieldName == null || fieldName.isEmpty()) {
      return "";
    }
    String p = CACHE.get(fieldName);
    if (p == null) {
      p = compute(fieldName);
      if (CACHE.size() < MAX_CACHED) {
        CACHE.put(fieldName, p);
      }
    }
    return p;
  }

  private static String compute(String fieldName) {
    // the last path segment: "customer.first_name", "messages[*].body", "$.contact.phone", and
    // "phones[0]" or "emails[*]" name their elements: array indexes at the end are skipped
    int end = fieldName.length();
    while (end > 0 && fieldName.charAt(end - 1) == ']') {
      int open = fieldName.lastIndexOf('[', end - 1);
      if (open < 0) {
        break;
      }
      end = open;
    }
    while (end > 0 && !segmentChar(fieldName.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && segmentChar(fieldName.charAt(start - 1))) {
      start--;
    }
    List<String> words = new ArrayList<>(4);
    int w = -1;
    for (int i = start; i <= end; i++) {
      char c = i < end ? fieldName.charAt(i) : ' ';
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      boolean split =
          !alnum
              || (w >= 0
                  && Character.isUpperCase(c)
                  && Character.isLowerCase(fieldName.charAt(i - 1)));
      if (split && w >= 0) {
        words.add(fieldName.substring(w, i).toLowerCase(Locale.ROOT));
        w = -1;
      }
      if (alnum && w < 0) {
        w = i;
      }
    }
    if (words.isEmpty() || words.size() > MAX_WORDS) {
      return "";
    }
    for (String word : words) {
      // "phones", "emails", "contacts": the plural of a label word names the same values
      if (WORDS.contains(word)
          || word.length() > 2
              && word.endsWith("s")
              && WORDS.contains(word.substring(0, word.length() - 1))) {
        return String.join(" ", words) + ": ";
      }
    }
    return "";
  }

  /** Chars of one path segment: letters, digits, {@code _}, {@code -} and blanks. */
  private static boolean segmentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ' ';
  }
}
