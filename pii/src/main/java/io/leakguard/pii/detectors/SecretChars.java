package io.leakguard.pii.detectors;

/**
 * Character classes, entropy, base64 checks and the named value guards shared by the {@link
 * SecretPattern}s. All methods work on a region of the text and allocate nothing, except the base64
 * decoders used once per candidate.
 */
final class SecretChars {
  /** {@code [A-Za-z0-9]}. */
  static final int ALNUM = 1;

  /** Standard base64 body {@code [A-Za-z0-9+/]} (padding handled separately). */
  static final int B64 = 1 << 1;

  /** base64url {@code [A-Za-z0-9_-]}. */
  static final int B64URL = 1 << 2;

  /** RFC 6750 token68 body {@code [A-Za-z0-9-._~+/]} (padding handled separately). */
  static final int TOKEN68 = 1 << 3;

  /** A char of an unquoted assignment value: not whitespace, quote, {@code ; , } ] < > |}. */
  static final int VALUE = 1 << 4;

  /** A char of an unquoted value in a URL query: as {@link #VALUE}, and not {@code & #}. */
  static final int VALUE_Q = 1 << 5;

  /** A char of a keyword before {@code =} or {@code :}: {@code [A-Za-z0-9_.-]}. */
  static final int KEYWORD = 1 << 6;

  /** A char of a URL authority: not whitespace, {@code / ? # " ' < > \ `}. */
  static final int AUTHORITY = 1 << 7;

  /** Number of class bits (for per-class caches). */
  static final int CLASS_COUNT = 8;

  /** {@link #classes} bits. */
  static final int HAS_LOWER = 1;

  static final int HAS_UPPER = 2;
  static final int HAS_DIGIT = 4;
  static final int HAS_OTHER = 8;

  private static final int[] TABLE = new int[128];

  static {
    for (int c = 0; c < 128; c++) {
      boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      int f = 0;
      if (alnum) {
        f |= ALNUM | B64 | B64URL | TOKEN68 | KEYWORD;
      }
      if (c == '+' || c == '/') {
        f |= B64 | TOKEN68;
      }
      if (c == '_' || c == '-') {
        f |= B64URL | TOKEN68 | KEYWORD;
      }
      if (c == '.' || c == '~') {
        f |= TOKEN68;
      }
      if (c == '.') {
        f |= KEYWORD;
      }
      if (c > ' ' && c < 127 && "\"'`;,}]<>|".indexOf(c) < 0) {
        f |= VALUE;
        if (c != '&' && c != '#') {
          f |= VALUE_Q;
        }
      }
      if (c > ' ' && c < 127 && "/?#\"'<>\\`".indexOf(c) < 0) {
        f |= AUTHORITY;
      }
      TABLE[c] = f;
    }
  }

  private SecretChars() {}

  /** True when {@code c} belongs to class {@code cls} (one of the constants above). */
  static boolean is(char c, int cls) {
    if (c < 128) {
      return (TABLE[c] & cls) != 0;
    }
    if ((cls & KEYWORD) != 0 && Character.isLetter(c)) {
      return true; // "contraseña", "lösenord"
    }
    if ((cls & (VALUE | VALUE_Q | AUTHORITY)) == 0) {
      return false;
    }
    return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c);
  }

  /** Bit set of {@link #HAS_LOWER}, {@link #HAS_UPPER}, {@link #HAS_DIGIT}, {@link #HAS_OTHER}. */
  static int classes(String t, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c >= 'a' && c <= 'z') {
        k |= HAS_LOWER;
      } else if (c >= 'A' && c <= 'Z') {
        k |= HAS_UPPER;
      } else if (c >= '0' && c <= '9') {
        k |= HAS_DIGIT;
      } else {
        k |= HAS_OTHER;
      }
    }
    return k;
  }

  /** Number of the classes lower, upper, digit present. */
  static int alnumClassCount(int classes) {
    return Integer.bitCount(classes & (HAS_LOWER | HAS_UPPER | HAS_DIGIT));
  }

  /** Shannon entropy in bits per char of {@code t[from, to)}. */
  static double entropy(String t, int from, int to) {
    int n = to - from;
    if (n <= 0) {
      return 0;
    }
    int[] counts = new int[129];
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      counts[c < 128 ? c : 128]++;
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(2);
  }

  /** True when every char of {@code t[from, to)} is in {@code cls}. */
  static boolean all(String t, int from, int to, int cls) {
    for (int i = from; i < to; i++) {
      if (!is(t.charAt(i), cls)) {
        return false;
      }
    }
    return to > from;
  }

  /**
   * True when {@code t[from, to)} is canonical padded base64: a multiple of four chars, body {@code
   * [A-Za-z0-9+/]}, at most two trailing {@code =}.
   */
  static boolean isPaddedBase64(String t, int from, int to) {
    int n = to - from;
    if (n == 0 || n % 4 != 0) {
      return false;
    }
    int body = to;
    while (body > from && to - body < 2 && t.charAt(body - 1) == '=') {
      body--;
    }
    return all(t, from, body, B64);
  }

  /** Decodes base64url or base64 (padding optional); null when invalid. Allocates. */
  static byte[] decode(String t, int from, int to, boolean url) {
    try {
      String s = t.substring(from, to);
      return url
          ? java.util.Base64.getUrlDecoder().decode(s)
          : java.util.Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null; // the message would quote the input: dropped on purpose
    }
  }

  /** True when {@code t[from, to)} equals one of {@code words}, ignoring ASCII case. */
  static boolean equalsAny(String t, int from, int to, String[] words) {
    int n = to - from;
    for (String w : words) {
      if (w.length() == n && t.regionMatches(true, from, w, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code t[from, to)} ends with {@code suffix}, ignoring ASCII case. */
  static boolean endsWith(String t, int from, int to, String suffix) {
    int n = suffix.length();
    return to - from >= n && t.regionMatches(true, to - n, suffix, 0, n);
  }

  // ---------------------------------------------------------------- named value guards

  /** Words that stand for "no value here": never a secret. */
  private static final String[] NON_VALUES = {
    "!vault", // session 14: an Ansible vault tag ("password: !vault |"), the value on later lines
    "redacted",
    "removed",
    "hidden",
    "masked",
    "filtered",
    "omitted",
    "sanitized",
    "none",
    "null",
    "nil",
    "empty",
    "undefined",
    "unset",
    "notset",
    "n/a",
    "na",
    "tbd",
    "todo",
    "required",
    "optional",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "ok",
    "string",
    "str",
    "value",
    "example",
    "sample",
    "dummy",
    "placeholder",
    "your_password",
    "yourpassword",
    "your-password",
    "your_token",
    "your_api_key",
    "your_secret",
    "mypassword",
    "expired",
    "reset",
    "changed",
    "incorrect",
    "invalid",
    "wrong",
    "protected",
    "ignored",
    "same",
    "is",
    "was",
    "will",
    "must",
    "should",
    "the",
    "a",
    "an",
    "and",
    "or",
    "not",
    "for",
    "to",
    "of",
    "field",
    "policy"
  };

  /**
   * Default or demo credentials ({@code changeme}, {@code password}...): real values in a default
   * installation, placeholders in documentation. Reported below the default minimum score.
   */
  private static final String[] WEAK_DEFAULTS = {
    "changeme", "change_me", "change-me", "password", "passw0rd", "secret", "admin", "root", "test",
    "guest", "default", "letmein", "welcome", "123456", "12345678", "qwerty", "pa55word", "pass123"
  };

  /**
   * PLACEHOLDER guard: {@code <redacted>}, {@code [REDACTED]}, {@code ****}, {@code xxx}, {@code
   * ${DB_PASSWORD}}, {@code $DB_PASSWORD}, {@code %PASSWORD%}, {@code {{secret}}}, {@code
   * #{secret}}, {@code ...}, and the {@link #NON_VALUES} words.
   */
  static boolean isPlaceholder(String t, int from, int to) {
    int n = to - from;
    if (n <= 0 || isBlank(t, from, to)) {
      return true;
    }
    char first = t.charAt(from);
    char last = t.charAt(to - 1);
    if ((first == '<' && last == '>')
        || (first == '[' && last == ']')
        || (first == '(' && last == ')')
        || first == '{'
        || (first == '%' && last == '%' && n >= 3)) {
      return true;
    }
    if ((first == '$' || first == '#') && n >= 2) {
      char second = t.charAt(from + 1);
      if (second == '{' || second == '(') {
        return true;
      }
      if (first == '$' && isEnvName(t, from + 1, to)) {
        return true;
      }
    }
    if (n >= 3 && sameChar(t, from, to)) {
      return true; // xxx, ****, ...., 0000
    }
    if (first == '*' && last == '*') {
      return true;
    }
    return equalsAny(t, from, to, NON_VALUES);
  }

  /** WEAK_DEFAULT guard: {@code changeme}, {@code password}, {@code admin}... */
  static boolean isWeakDefault(String t, int from, int to) {
    return equalsAny(t, from, to, WEAK_DEFAULTS);
  }

  private static boolean isBlank(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEnvName(String t, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return to > from;
  }

  private static boolean sameChar(String t, int from, int to) {
    char c = Character.toLowerCase(t.charAt(from));
    for (int i = from + 1; i < to; i++) {
      if (Character.toLowerCase(t.charAt(i)) != c) {
        return false;
      }
    }
    return true;
  }

  /**
   * CODE guard (unquoted values): a call ({@code getPassword()}, {@code os.getenv("X")}), an index
   * ({@code env["X"]}) or a dotted reference ({@code config.db.password}, {@code
   * process.env.DB_PASS}).
   */
  static boolean isCode(String t, int from, int to) {
    if (isCmdlet(t, from, to)) {
      return true; // CMDLET: $pw = ConvertTo-SecureString "..." -AsPlainText
    }
    boolean dot = false;
    boolean dottedIdent = true;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c == '(' || c == '[') {
        return true;
      }
      if (c == '.') {
        dot = true;
        if (i == from || i == to - 1 || t.charAt(i - 1) == '.') {
          dottedIdent = false;
        }
      } else if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != '_') {
        dottedIdent = false;
      }
    }
    return dot && dottedIdent;
  }

  /** The PowerShell verbs of {@link #isCmdlet} (lower case). */
  private static final String[] CMDLET_VERBS = {
    "get",
    "set",
    "new",
    "read",
    "convertto",
    "convertfrom",
    "import",
    "export",
    "invoke",
    "add",
    "remove",
    "select",
    "write",
    "out",
    "test",
    "start",
    "connect"
  };

  /**
   * CMDLET guard (session 13): {@code [from, to)} is a PowerShell command {@code Verb-Noun} ({@code
   * $pw = ConvertTo-SecureString "..."}, {@code $password = Read-Host -AsSecureString}, {@code
   * Get-Secret}): letters only, one {@code -}, a listed verb, a capitalized noun. The value of the
   * assignment is the command, not a password.
   */
  static boolean isCmdlet(String t, int from, int to) {
    int dash = t.indexOf('-', from);
    if (dash <= from || dash >= to - 2 || !Character.isUpperCase(t.charAt(dash + 1))) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (i != dash && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
        return false;
      }
    }
    for (String v : CMDLET_VERBS) {
      if (v.length() == dash - from && t.regionMatches(true, from, v, 0, v.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * PROSE guard for {@code Password: <value>}: the value is a plain lower-case word followed by
   * another word on the same line ({@code Password: must be 8 characters}, {@code hasło: zostało
   * wysłane SMS-em}, {@code mot de passe : envoyé par SMS}: lower-case in any script since session
   * 17), or a word of letters only followed by a listed {@link #PROSE_NEXT} word ({@code şifre: SMS
   * ile gönderildi}, {@code Password: SMS to follow}).
   */
  static boolean isProse(String t, int from, int to) {
    boolean lower = true;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (!Character.isLetter(c) && c != '\'') {
        return false;
      }
      lower &= c == '\'' || Character.isLowerCase(c);
    }
    int i = to;
    int n = t.length();
    if (i >= n || t.charAt(i) != ' ') {
      return false;
    }
    while (i < n && t.charAt(i) == ' ') {
      i++;
    }
    if (i >= n || !Character.isLetter(t.charAt(i))) {
      return false;
    }
    if (lower) {
      return true;
    }
    int e = i;
    while (e < n && e - i < 12 && Character.isLetter(t.charAt(e))) {
      e++;
    }
    return (e == n || !Character.isLetterOrDigit(t.charAt(e))) && proseNext(t, i, e);
  }

  /**
   * Session 17 (probe20): common words of the languages whose password words {@link SecretKeywords}
   * reads (links, prepositions, "sent", "see"): after a value of letters only they make it the
   * first word of a sentence ({@code şifre: SMS ile gönderildi}), not a password.
   */
  static final String[] PROSE_NEXT = {
    // English
    "to",
    "by",
    "via",
    "was",
    "is",
    "has",
    "will",
    "sent",
    "in",
    "on",
    "and",
    "of",
    "for",
    "with",
    "from",
    "at",
    "not",
    // German
    "wurde",
    "wird",
    "ist",
    "per",
    "an",
    "mit",
    "im",
    "und",
    "nicht",
    "von",
    "bei",
    "folgt",
    // French
    "par",
    "est",
    "été",
    "sera",
    "de",
    "du",
    "et",
    "pas",
    "envoyé",
    "envoyée",
    "dans",
    // Spanish, Portuguese, Italian
    "por",
    "fue",
    "es",
    "ha",
    "será",
    "el",
    "la",
    "en",
    "enviada",
    "enviado",
    "foi",
    "é",
    "em",
    "è",
    "stata",
    "stato",
    "inviata",
    "inviato",
    "tramite",
    // Dutch, Swedish, Finnish
    "wordt",
    "werd",
    "verstuurd",
    "naar",
    "niet",
    "skickas",
    "skickat",
    "har",
    "är",
    "med",
    "och",
    "lähetetty",
    // Polish, Czech, Hungarian
    "został",
    "zostało",
    "została",
    "zostanie",
    "przez",
    "jest",
    "wysłane",
    "wysłano",
    "bylo",
    "bude",
    "je",
    "přes",
    "zasláno",
    "lett",
    "az",
    "elküldve",
    // Turkish, Russian
    "ile",
    "olarak",
    "gönderildi",
    "için",
    "отправлен",
    "отправлено",
    "был",
    "будет",
    "по"
  };

  private static boolean proseNext(String t, int ws, int we) {
    for (String w : PROSE_NEXT) {
      if (w.length() == we - ws && t.regionMatches(true, ws, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  /** PATH guard: {@code /etc/x}, {@code ./x}, {@code ~/x}, {@code C:\x}, {@code a\b}. */
  static boolean isPath(String t, int from, int to) {
    char first = t.charAt(from);
    if (first == '/'
        || first == '~'
        || (first == '.' && to - from > 1 && t.charAt(from + 1) == '/')
        || (first == '.' && to - from > 2 && t.charAt(from + 1) == '.')) {
      return true;
    }
    if (to - from > 2 && t.charAt(from + 1) == ':' && t.charAt(from + 2) == '\\') {
      return true;
    }
    for (int i = from; i < to; i++) {
      if (t.charAt(i) == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * FILE_PATH guard (session 17, probe20): a relative or absolute path to a file with an extension
   * ({@code ./pw.txt}, {@code /run/secrets/db.txt}, {@code ~/.pgpass.bak}): {@code kubectl create
   * secret --from-file=password=./pw.txt} names the file that holds the password.
   */
  static boolean isFilePath(String t, int from, int to) {
    char c = t.charAt(from);
    boolean rooted =
        c == '/'
            || ((c == '.' || c == '~') && to - from > 2 && t.indexOf('/', from) == from + 1)
            || t.startsWith("../", from);
    return rooted && isFileName(t, from, to);
  }

  /**
   * FILE_NAME guard: ends with {@code .} and a 2-4 letter lower-case extension ({@code tls.key}).
   */
  static boolean isFileName(String t, int from, int to) {
    int i = to - 1;
    int letters = 0;
    while (i > from && t.charAt(i) >= 'a' && t.charAt(i) <= 'z' && letters < 5) {
      i--;
      letters++;
    }
    return letters >= 2 && letters <= 4 && i > from && t.charAt(i) == '.';
  }

  /** GUID guard: {@code 8-4-4-4-12} hex digits (with optional braces stripped by the caller). */
  static boolean isGuid(String t, int from, int to) {
    if (to - from != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = t.charAt(from + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** HASH_DIGEST guard: hex of a digest length (MD5, SHA-1, SHA-256, SHA-512). */
  static boolean isHexDigest(String t, int from, int to) {
    int n = to - from;
    if (n != 32 && n != 40 && n != 64 && n != 128) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!isHex(t.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * IDENTIFIER guard: letters only (plus {@code _ - .}) with few case changes, i.e. words or a
   * camelCase name ({@code AccessTokenProvider}); random base62 of that length changes case often.
   */
  static boolean isIdentifier(String t, int from, int to) {
    int changes = 0;
    int letters = 0;
    int prevCase = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      int cs;
      if (c >= 'a' && c <= 'z') {
        cs = 1;
      } else if (c >= 'A' && c <= 'Z') {
        cs = 2;
      } else if (c == '_' || c == '-' || c == '.') {
        prevCase = 0;
        continue;
      } else {
        return false;
      }
      letters++;
      if (prevCase != 0 && cs != prevCase) {
        changes++;
      }
      prevCase = cs;
    }
    return changes * 3 <= letters;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }
}
