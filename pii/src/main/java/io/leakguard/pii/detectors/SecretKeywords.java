package io.leakguard.pii.detectors;

/**
 * The keywords that make the value after {@code =} or {@code :} a secret, and which {@link
 * SecretPattern} examines that value.
 *
 * <p>A keyword is compared in a compact form: lower case, separators {@code _ - .} removed, so
 * {@code DB_PASSWORD}, {@code dbPassword}, {@code db-password} and {@code
 * spring.datasource.password} all end with {@code password}. Short, ambiguous suffixes ({@code
 * pwd}, {@code pass}, {@code key}, {@code auth}) must start a word of the keyword (after a
 * separator, at a camel-case hump, or at the start), so {@code bypass} and {@code monkey} are not
 * keywords. The first matching rule wins; exclusions ({@code public_key}, {@code sort_key}...) come
 * first.
 */
final class SecretKeywords {
  /** How a rule's word must sit in the compact keyword. */
  enum Match {
    /** The whole keyword. */
    EXACT,
    /** The keyword ends with the word, anything before it ({@code dbpassword}). */
    SUFFIX,
    /** The keyword ends with the word and the word starts a word of the keyword. */
    WORD
  }

  /**
   * One keyword rule.
   *
   * @param word the compact lower-case word
   * @param pattern the pattern that examines the value, or null for an exclusion
   * @param match how the word must sit in the keyword
   * @param queryOnly only in a URL query ({@code ?sig=}, {@code &code=})
   * @param weak a weak keyword ({@code key}, {@code auth}, {@code code}): stricter value checks
   */
  record Rule(String word, SecretPattern pattern, Match match, boolean queryOnly, boolean weak) {}

  private static final SecretPattern PW = SecretPattern.PASSWORD_ASSIGNMENT;
  private static final SecretPattern GEN = SecretPattern.KEYWORD_ENTROPY;

  static final Rule[] RULES = {
    // exclusions: keys that are not secrets
    excl("publickey"),
    excl("pubkey"),
    excl("publickeytoken"),
    excl("foreignkey"),
    excl("primarykey"),
    excl("partitionkey"),
    excl("sortkey"),
    excl("rowkey"),
    excl("cachekey"),
    excl("idempotencykey"),
    excl("objectkey"),
    excl("hotkey"),
    excl("sharedaccesskeyname"),
    // Azure
    new Rule("accountkey", SecretPattern.AZURE_ACCOUNT_KEY, Match.EXACT, false, false),
    new Rule("sharedaccesskey", SecretPattern.AZURE_ACCOUNT_KEY, Match.EXACT, false, false),
    new Rule("sig", SecretPattern.AZURE_SAS_SIGNATURE, Match.EXACT, true, false),
    // AWS
    new Rule("secretaccesskey", SecretPattern.AWS_SECRET_KEY, Match.SUFFIX, false, false),
    // HTTP authorization header
    new Rule("authorization", SecretPattern.BASIC_AUTH, Match.SUFFIX, false, false),
    // passwords
    new Rule("password", PW, Match.SUFFIX, false, false),
    new Rule("passwd", PW, Match.SUFFIX, false, false),
    new Rule("passphrase", PW, Match.SUFFIX, false, false),
    new Rule("pwd", PW, Match.WORD, false, false),
    new Rule("pass", PW, Match.WORD, false, false),
    new Rule("pw", PW, Match.WORD, false, false),
    // session 14: keytool's -storepass / -keypass (also -srcstorepass), wpa_supplicant's psk=
    new Rule("storepass", PW, Match.SUFFIX, false, false),
    new Rule("keypass", PW, Match.WORD, false, false),
    new Rule("psk", PW, Match.WORD, false, false),
    // passwords in other languages ("mot de passe :" is read as "passe")
    new Rule("passwort", PW, Match.SUFFIX, false, false),
    new Rule("kennwort", PW, Match.SUFFIX, false, false),
    new Rule("contraseña", PW, Match.SUFFIX, false, false),
    new Rule("contrasena", PW, Match.SUFFIX, false, false),
    new Rule("passe", PW, Match.EXACT, false, false),
    new Rule("senha", PW, Match.SUFFIX, false, false),
    new Rule("wachtwoord", PW, Match.SUFFIX, false, false),
    new Rule("lösenord", PW, Match.SUFFIX, false, false),
    new Rule("losenord", PW, Match.SUFFIX, false, false),
    new Rule("salasana", PW, Match.SUFFIX, false, false),
    // session 6: Slavic, Hungarian, Turkish, Italian and CJK words for the password
    new Rule("пароль", PW, Match.SUFFIX, false, false),
    new Rule("hasło", PW, Match.SUFFIX, false, false),
    new Rule("haslo", PW, Match.SUFFIX, false, false),
    new Rule("heslo", PW, Match.SUFFIX, false, false),
    new Rule("jelszó", PW, Match.SUFFIX, false, false),
    new Rule("jelszo", PW, Match.SUFFIX, false, false),
    new Rule("şifre", PW, Match.EXACT, false, false),
    new Rule("sifre", PW, Match.EXACT, false, false),
    new Rule("parola", PW, Match.EXACT, false, false),
    // session 16 (probe19): Turkish possessive forms ("geçici şifreniz:", "şifresi:")
    new Rule("şifreniz", PW, Match.EXACT, false, false),
    new Rule("sifreniz", PW, Match.EXACT, false, false),
    new Rule("şifresi", PW, Match.EXACT, false, false),
    new Rule("sifresi", PW, Match.EXACT, false, false),
    // session 16 (probe19): a BitLocker recovery key (eight groups of six digits)
    new Rule("recoverykey", PW, Match.SUFFIX, false, false),
    // session 17 (probe20): MFA recovery and backup codes, one or several after the keyword
    // (CODE_LIST); read as two words from "codes"/"code" (SecretDetector.assignment)
    new Rule("recoverycodes", PW, Match.SUFFIX, false, false),
    new Rule("recoverycode", PW, Match.SUFFIX, false, false),
    new Rule("backupcodes", PW, Match.SUFFIX, false, false),
    new Rule("backupcode", PW, Match.SUFFIX, false, false),
    new Rule("パスワード", PW, Match.SUFFIX, false, false),
    new Rule("密码", PW, Match.SUFFIX, false, false),
    new Rule("密碼", PW, Match.SUFFIX, false, false),
    new Rule("비밀번호", PW, Match.SUFFIX, false, false),
    // strong secret words: generic value check
    new Rule("secret", GEN, Match.SUFFIX, false, false),
    new Rule("token", GEN, Match.SUFFIX, false, false),
    new Rule("apikey", GEN, Match.SUFFIX, false, false),
    new Rule("accesskey", GEN, Match.SUFFIX, false, false),
    new Rule("secretkey", GEN, Match.SUFFIX, false, false),
    new Rule("privatekey", GEN, Match.SUFFIX, false, false),
    new Rule("signingkey", GEN, Match.SUFFIX, false, false),
    new Rule("encryptionkey", GEN, Match.SUFFIX, false, false),
    new Rule("masterkey", GEN, Match.SUFFIX, false, false),
    new Rule("subscriptionkey", GEN, Match.SUFFIX, false, false),
    new Rule("sessionkey", GEN, Match.SUFFIX, false, false),
    new Rule("authkey", GEN, Match.SUFFIX, false, false),
    new Rule("credential", GEN, Match.SUFFIX, false, false),
    new Rule("credentials", GEN, Match.SUFFIX, false, false),
    new Rule("signature", GEN, Match.SUFFIX, false, false),
    // session 14 (probe15b): Rails' SECRET_KEY_BASE (ends in "e", already a keyword end)
    new Rule("secretkeybase", GEN, Match.SUFFIX, false, false),
    // session 17 (probe20): RabbitMQ's Erlang cookie (erlangCookie: in Helm values,
    // RABBITMQ_ERLANG_COOKIE=): the shared secret of the cluster's nodes
    new Rule("erlangcookie", GEN, Match.SUFFIX, false, false),
    // weak words: stricter value check
    new Rule("key", GEN, Match.WORD, false, true),
    new Rule("auth", GEN, Match.WORD, false, true),
    new Rule("code", GEN, Match.EXACT, true, true),
  };

  /** A rule of MFA recovery or backup codes (several values may follow: {@code CODE_LIST}). */
  static boolean codes(Rule r) {
    return r.word().startsWith("recoverycode") || r.word().startsWith("backupcode");
  }

  /** Fast rejection: the last char of every rule word. */
  private static final boolean[] LAST_CHAR = new boolean[128];

  /**
   * {@link #RULES} by the last char of their word, each list in {@link #RULES} order (so the first
   * matching rule still wins); null for a char that ends no word.
   */
  private static final Rule[][] BY_LAST_CHAR = new Rule[128][];

  /**
   * Rules whose word ends with a non-ASCII char ({@code пароль}, {@code jelszó}, {@code パスワード}), in
   * {@link #RULES} order, and those last chars: the ASCII tables above cannot index them.
   */
  private static final Rule[] NON_ASCII_LAST;

  private static final String NON_ASCII_LAST_CHARS;

  static {
    java.util.List<Rule> wide = new java.util.ArrayList<>();
    StringBuilder wideLast = new StringBuilder();
    for (Rule r : RULES) {
      char last = r.word().charAt(r.word().length() - 1);
      if (last >= 128) {
        wide.add(r);
        wideLast.append(last);
        continue;
      }
      LAST_CHAR[last] = true;
      Rule[] old = BY_LAST_CHAR[last];
      Rule[] grown = old == null ? new Rule[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = r;
      BY_LAST_CHAR[last] = grown;
    }
    NON_ASCII_LAST = wide.toArray(new Rule[0]);
    NON_ASCII_LAST_CHARS = wideLast.toString();
  }

  /**
   * The last two chars (lower case) of every word of a rule that reports (not an exclusion),
   * indexed {@code c0 << 7 | c1}: {@link #mayMatch}.
   */
  private static final boolean[] LAST_TWO = new boolean[128 * 128];

  /** {@link #LAST_CHAR} for both cases of an ASCII letter: no case mapping on the hot path. */
  private static final boolean[] LAST_CHAR_ANY_CASE = new boolean[128];

  static {
    for (Rule r : RULES) {
      String w = r.word();
      char last = w.charAt(w.length() - 1);
      char prev = w.charAt(w.length() - 2);
      if (r.pattern() != null && last < 128 && prev < 128) {
        LAST_TWO[prev << 7 | last] = true;
      }
    }
    for (int c = 0; c < 128; c++) {
      LAST_CHAR_ANY_CASE[c] = LAST_CHAR[Character.toLowerCase(c)];
    }
  }

  /**
   * False when no keyword can end with {@code c}: {@link #match} returns null for every keyword
   * whose last char is {@code c}.
   */
  static boolean mayEndKeyword(char c) {
    if (c < 128) {
      return LAST_CHAR_ANY_CASE[c];
    }
    char l = Character.toLowerCase(c); // the Kelvin sign folds to 'k'
    return l < 128 ? LAST_CHAR[l] : NON_ASCII_LAST_CHARS.indexOf(l) >= 0;
  }

  /**
   * False when {@link #match} returns null for the keyword {@code a[from, to)} whatever {@code
   * query} is: the compact form's last two chars (separators skipped) do not end the word of any
   * reporting rule. Every rule word has at least two chars, so a keyword with fewer compact chars
   * matches nothing. A non-ASCII char among the two passes (its lower case may be ASCII). O(1) for
   * keywords without separators: {@code Note:}, {@code Subject:}, {@code Date:} stop here instead
   * of being lower-cased char by char.
   */
  static boolean mayMatch(char[] a, int from, int to) {
    if (to - from > MAX_KEYWORD) {
      from = to - MAX_KEYWORD; // as in match: the suffix is what matters
    }
    int i = to - 1;
    while (i >= from && isSeparator(a[i])) {
      i--;
    }
    int j = i - 1;
    while (j >= from && isSeparator(a[j])) {
      j--;
    }
    if (j < from) {
      return false; // fewer than two compact chars
    }
    char c1 = a[i];
    char c0 = a[j];
    if (c0 >= 128 || c1 >= 128) {
      return true;
    }
    return LAST_TWO[asciiLower(c0) << 7 | asciiLower(c1)];
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == ' ';
  }

  private static int asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** Longest keyword examined, in chars. */
  static final int MAX_KEYWORD = 64;

  private SecretKeywords() {}

  private static Rule excl(String word) {
    return new Rule(word, null, Match.SUFFIX, false, false);
  }

  /**
   * The rule for the keyword {@code text[from, to)}, or null. {@code buf} and {@code boundary}
   * (length {@link #MAX_KEYWORD}) are scratch space.
   */
  static Rule match(String text, int from, int to, boolean query, char[] buf, boolean[] boundary) {
    char lastChar = Character.toLowerCase(text.charAt(to - 1));
    if (lastChar >= 128 ? NON_ASCII_LAST_CHARS.indexOf(lastChar) < 0 : !LAST_CHAR[lastChar]) {
      return null;
    }
    if (to - from > buf.length) {
      from = to - buf.length; // the suffix is what matters
    }
    int n = 0;
    boolean nextBoundary = true;
    char prev = 0;
    for (int i = from; i < to && n < buf.length; i++) {
      char c = text.charAt(i);
      if (c == '_' || c == '-' || c == '.' || c == ' ') {
        nextBoundary = true;
        prev = c;
        continue;
      }
      boolean hump =
          c >= 'A' && c <= 'Z' && ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9'));
      buf[n] = Character.toLowerCase(c);
      boundary[n] = nextBoundary || hump;
      nextBoundary = false;
      prev = c;
      n++;
    }
    if (n == 0) {
      return null;
    }
    Rule[] candidates = buf[n - 1] >= 128 ? NON_ASCII_LAST : BY_LAST_CHAR[buf[n - 1]];
    if (candidates == null) {
      return null;
    }
    for (Rule r : candidates) {
      String w = r.word();
      int wl = w.length();
      if (wl > n || (r.queryOnly() && !query)) {
        continue;
      }
      if (r.match() == Match.EXACT && wl != n) {
        continue;
      }
      int off = n - wl;
      boolean eq = true;
      for (int k = 0; k < wl; k++) {
        if (buf[off + k] != w.charAt(k)) {
          eq = false;
          break;
        }
      }
      if (!eq) {
        continue;
      }
      if (r.match() == Match.WORD && !boundary[off]) {
        continue;
      }
      return r.pattern() == null ? null : r;
    }
    return null;
  }
}
