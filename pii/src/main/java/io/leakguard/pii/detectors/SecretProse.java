package io.leakguard.pii.detectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Secrets written without {@code =}/{@code :} after their keyword, tried on a word token that no
 * prefixed pattern claimed:
 *
 * <ul>
 *   <li>prose: {@code my password is Hunter2!}, {@code I changed the password to P@ssw0rd314}
 *       ({@link SecretPattern#PASSWORD_PROSE}; the value needs a letter and a digit or symbol);
 *   <li>a random value after {@code secret}, {@code token}, {@code key}, {@code apikey}, {@code
 *       credential} and a link word ({@code the secret key is Kd8sL2pQ...}; {@link
 *       SecretPattern#KEYWORD_ENTROPY}'s test, weak-keyword thresholds);
 *   <li>session 12: a {@code .netrc} entry ({@link #NETRC}) and a random value right after a
 *       qualified keyword and a blank ({@code twilio auth token 3f9a...}, {@link #BLANK_VALUE});
 *   <li>a user/password pair: {@code creds: admin / Winter2025#}, {@code login is admin / s3cr3t!}
 *       (the password only);
 *   <li>command-line flags: {@code --password s3cr3t}, {@code --account-key <base64>}, {@code -p
 *       'x'}, {@code ConvertTo-SecureString "x" -AsPlainText} (the keyword's own pattern);
 *   <li>a lone Azure storage key: 86 base64 chars and {@code ==} ({@code key1: …}, {@code <add
 *       key="StorageKey" value="…"/>}), not after a hash word ({@code sha512-…}, {@code
 *       integrity}).
 * </ul>
 *
 * <p>Known limits: the prose value is one whitespace-free word on the same line, at most 64 chars,
 * within 32 chars after the keyword; {@code my password is secret} (a plain word) is not reported.
 */
final class SecretProse {
  /** Prose keywords (lower case). */
  private static final String[] PROSE_WORDS = {
    "password",
    "passwort",
    "passwd",
    "pw",
    "pwd",
    "passphrase",
    "kennwort",
    "contraseña",
    "contrasena",
    "senha",
    "wachtwoord"
  };

  /** Words that introduce the value in prose. */
  private static final String[] LINK_WORDS = {
    "is", "to", "was", "ist", "es", "lautet", "war", "est", "è", "é", "era"
  };

  /**
   * Form name: a Redis config directive, {@code requirepass X} or {@code masterauth X} at a line's
   * head (redis.conf) or after {@code set} ({@code CONFIG SET requirepass "X"}), session 14
   * (probe15b): the value after one blank, judged as a prose password.
   */
  static final String REDIS_DIRECTIVE = "REDIS_DIRECTIVE";

  /** The directives of {@link #REDIS_DIRECTIVE}. */
  private static final String[] DIRECTIVE_WORDS = {"requirepass", "masterauth"};

  /** Words before a {@code user / password} pair. */
  private static final String[] PAIR_WORDS = {"creds", "credentials", "login", "logon"};

  /**
   * The word after {@code net} in Windows' {@code net user NAME PASSWORD [/add|/domain...]} (see
   * {@link #NET_USER}).
   */
  private static final String[] NET_USER_WORDS = {"user"};

  /**
   * Header words of a password column that are no prose keyword ({@link #PROSE_WORDS} count too);
   * see {@link #CSV_COLUMN}.
   */
  private static final String[] CSV_WORDS = {"pass"};

  /**
   * Form name: a password column of a table pasted as CSV (or with {@code ;}, tab or {@code |}
   * separators): a header line of at least two plain fields (letters, digits, {@code _ -}, blanks,
   * quotes) one of which is a password word, then up to {@value #CSV_ROWS} rows with the header's
   * number of separators; each row's field in that column goes through the prose password checks
   * ({@link #candidate}). Known limit: separators inside quoted fields are not understood (such a
   * row ends the table).
   */
  static final String CSV_COLUMN = "CSV_COLUMN";

  static final int CSV_ROWS = 50;
  private static final int CSV_LINE_MAX = 512;

  /**
   * Form name: a {@code .netrc} entry ({@code machine api.github.com login octocat password X}, on
   * one line or several): {@code password}, a blank and the value right after {@code login} and its
   * value ({@link #netrcValue}); the value goes through the prose password checks.
   */
  static final String NETRC = "NETRC";

  /**
   * Form name: a random value right after {@code token}, {@code secret} or {@code key} and one
   * blank, with a qualifier before the keyword ({@code twilio auth token 3f9a...}, {@code api key
   * ...}, {@code client secret ...}; {@link #blankValue}): 20+ chars through the generic entropy
   * test ({@link SecretPattern#KEYWORD_ENTROPY}). {@code public key ...}, {@code the token expired}
   * stay out.
   */
  static final String BLANK_VALUE = "BLANK_VALUE";

  /**
   * Form name: the password argument of {@code net user NAME PASSWORD}, taken only when the word
   * {@code net} is right before {@code user}, the name is one word and the password is followed by
   * a switch ({@code /add}, {@code /domain}, ...) or the end of the line. {@code net user jdoe
   * /domain}, {@code net user jdoe * /add} (prompt) and {@code net user jdoe} stay out, and the
   * value must pass the prose password checks ({@link #candidate}).
   */
  static final String NET_USER = "NET_USER";

  /**
   * Prose keywords whose value must look random ({@code the secret key is Kd8sL2pQ9v...}): the
   * value goes through the same entropy test as {@link SecretPattern#KEYWORD_ENTROPY} with its
   * stricter (weak-keyword) thresholds, so {@code the key is in the drawer} and {@code the token is
   * expired} stay unreported.
   */
  private static final String[] ENTROPY_WORDS = {"secret", "token", "key", "apikey", "credential"};

  /** Every word of {@link #PROSE_WORDS} and {@link #PAIR_WORDS} (for tests of the shortcuts). */
  static List<String> keywordWords() {
    List<String> all = new ArrayList<>(Arrays.asList(PROSE_WORDS));
    all.addAll(Arrays.asList(PAIR_WORDS));
    all.addAll(Arrays.asList(ENTROPY_WORDS));
    all.addAll(Arrays.asList(NET_USER_WORDS));
    all.addAll(Arrays.asList(CSV_WORDS));
    all.addAll(Arrays.asList(DIRECTIVE_WORDS));
    return all;
  }

  /** Words right before a lone Azure key that make it a digest instead. */
  private static final String[] HASH_WORDS = {
    "sha512", "sha384", "sha256", "integrity", "digest", "hash", "checksum", "thumbprint"
  };

  static final int PROSE_WINDOW = 32;
  static final int MAX_PROSE_VALUE = 64;

  private SecretProse() {}

  /**
   * Tries the forms above on the word token starting at {@code st}. Runs on every word of every
   * text, so each form first checks a necessary condition in O(1): a flag follows {@code -}, a
   * prose or pair keyword starts with two chars of {@link #KEYWORD_HEAD} (or a non-ASCII char,
   * which case-insensitive matching may fold; the caller passes {@link #mayStartKeyword} of the
   * first two chars as {@code keywordHead}), a lone Azure key has {@code ==} 86 chars on (the
   * caller passes {@code azure}: a {@code ==} starts 82 to 86 chars after {@code st}).
   *
   * <p>The caller skips the call when nothing can apply: {@link #mayBeFlag} false after a {@code
   * -}, no keyword head ({@link #mayBeKeyword} false for an ASCII word) otherwise, and no {@code
   * azure}.
   */
  static void tryWord(SecretScan s, int st, boolean keywordHead, boolean azure) {
    char c = s.at(st);
    char before = s.at(st - 1);
    if (before == '-') {
      char b2 = s.at(st - 2);
      if ((b2 == '-' || b2 == ' ') && flag(s, st)) {
        return;
      }
      if ((c == 's' || c == 'S') && s.text.regionMatches(true, st, "SecureString", 0, 12)) {
        secureString(s, st + 12);
        return;
      }
    } else if (keywordHead && isWordStart(before)) {
      int we = wordEnd(s, st);
      if (mayBeKeyword(c, s.at(st + 1), we - st)) {
        if (equalsAny(s, st, we, PROSE_WORDS)) {
          if (!csvColumn(s, st, we)) {
            prose(s, st, we);
          }
          return;
        }
        if (equalsAny(s, st, we, CSV_WORDS)) {
          csvColumn(s, st, we);
          return;
        }
        if (equalsAny(s, st, we, PAIR_WORDS)) {
          pair(s, st, we);
          return;
        }
        if (equalsAny(s, st, we, DIRECTIVE_WORDS)) {
          directive(s, st, we);
          return;
        }
        if (equalsAny(s, st, we, ENTROPY_WORDS)) {
          if (we - st == 6 && s.at(we) == ' ' && (c | 0x20) == 's') {
            int iv = iosValue(s, st, we); // IOS_PASSWORD: "username admin secret 0 X"
            if (iv >= 0) {
              if (iv > 0) {
                candidate(s, iv);
              }
              return;
            }
          }
          int vs = linkedValue(s, we);
          boolean linked = vs > 0;
          if (linked && we - st == 3 && wifiKey(s, st)) {
            candidate(s, vs); // WIFI_KEY: "the wifi key is Gu3st-W1f1-2025"
            return;
          }
          if (!linked) {
            vs = blankValue(s, st, we); // BLANK_VALUE: "twilio auth token 3f9a..."
            if (vs < 0 && (vs = bareBlankValue(s, st, we)) > 0 && !mixedCase(s, vs)) {
              return; // a bare "secret"/"token" needs an upper, a lower case letter and a digit
            }
          }
          if (vs > 0) {
            String keyword = s.text.substring(st, we).toLowerCase(Locale.ROOT);
            entropyCandidate(s, vs, keyword, linked);
          }
          return;
        }
        if (st >= 4
            && equalsAny(s, st, we, NET_USER_WORDS)
            && s.text.regionMatches(true, st - 4, "net ", 0, 4)
            && isWordStart(s.at(st - 5))) {
          netUser(s, we);
          return;
        }
        if (before == '/' && s.at(we) == ':' && equalsAny(s, st, we, NET_USER_WORDS)) {
          netUse(s, st, we); // NET_USE: "net use \\srv\share /user:CORP\svc P4ss"
          return;
        }
      }
    }
    if (!azure) {
      return; // necessary: the key's "==" at rs + 86, rs in [st - 4, st]
    }
    int rs = st;
    while (rs > 0 && st - rs < 4 && (s.at(rs - 1) == '/' || s.at(rs - 1) == '+')) {
      rs--; // a key may start with "/" or "+"
    }
    if (!SecretChars.is(s.at(rs - 1), SecretChars.B64)) {
      azureKey(s, rs);
    }
  }

  /**
   * The first two chars (lower case) of every word of {@link #PROSE_WORDS} and {@link #PAIR_WORDS},
   * indexed {@code c0 << 7 | c1}.
   */
  private static final boolean[] KEYWORD_HEAD = new boolean[128 * 128];

  /**
   * The lengths (bit {@code 1 << length}) of the words of {@link #KEYWORD_HEAD}, by the same index:
   * {@code could}, {@code content}, {@code send} start like a keyword but have no keyword's length.
   */
  private static final int[] KEYWORD_LENGTHS = new int[128 * 128];

  static {
    for (String[] words :
        new String[][] {
          PROSE_WORDS, PAIR_WORDS, ENTROPY_WORDS, NET_USER_WORDS, CSV_WORDS, DIRECTIVE_WORDS
        }) {
      for (String w : words) {
        KEYWORD_HEAD[w.charAt(0) << 7 | w.charAt(1)] = true;
        KEYWORD_LENGTHS[w.charAt(0) << 7 | w.charAt(1)] |= 1 << w.length();
      }
    }
  }

  /**
   * False when no word of {@link #PROSE_WORDS} or {@link #PAIR_WORDS} equals (ignoring case) a word
   * of {@code length} chars starting with {@code c0 c1}. Case-insensitive equality keeps the length
   * in chars; a non-ASCII first or second char passes (see {@link #mayStartKeyword}).
   */
  static boolean mayBeKeyword(char c0, char c1, int length) {
    if (c0 >= 128 || c1 >= 128) {
      return true;
    }
    return length < 32
        && (KEYWORD_LENGTHS[asciiLower(c0) << 7 | asciiLower(c1)] & 1 << length) != 0;
  }

  /**
   * False when no word of {@link #PROSE_WORDS} or {@link #PAIR_WORDS} can start with {@code c0 c1}
   * ignoring case. Non-ASCII chars are not filtered: {@code ſ} and {@code K} (Kelvin) match {@code
   * s} and {@code k} in {@link String#regionMatches(boolean, int, String, int, int)}.
   */
  static boolean mayStartKeyword(char c0, char c1) {
    if (c0 >= 128 || c1 >= 128) {
      return true;
    }
    return KEYWORD_HEAD[asciiLower(c0) << 7 | asciiLower(c1)];
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  /** Longest word {@link #wordEnd} reads. */
  static final int MAX_WORD = 24;

  /**
   * False when the {@code -} form of {@link #tryWord} cannot apply to the word at {@code st} (after
   * a {@code -}): a flag follows {@code --} or {@code " -"}, {@code SecureString} starts with an
   * ASCII {@code s}.
   */
  static boolean mayBeFlag(SecretScan s, int st) {
    char b2 = s.at(st - 2);
    return b2 == '-' || b2 == ' ' || (s.chars[st] | 0x20) == 's';
  }

  /**
   * Commands whose {@code -p} flag takes the password glued to it ({@code mysql -pS3cr3t}, {@code
   * -p'S3cr3t'}); {@code sshpass} and {@code az login} also take it after a space ({@link
   * #spacedP}), which for the MySQL clients names a database instead. {@link #TOOL_FLAG}.
   */
  static final String[] GLUED_P_TOOLS = {
    "mysql",
    "mysqldump",
    "mysqladmin",
    "mysqlimport",
    "mysqlshow",
    "mariadb",
    "mariadb-dump",
    "sshpass",
    "az login",
    "docker login", // session 12
    "podman login"
  };

  /**
   * The {@link #GLUED_P_TOOLS} whose {@code -p} also takes the password after a space: {@code
   * sshpass -p S3cr3t}, {@code az login -u admin@contoso.com -p S3cr3t}, {@code docker login -u
   * deploy -p S3cr3t} (for the MySQL clients a spaced word names a database instead).
   */
  private static boolean spacedP(String tool) {
    return tool.equals("sshpass")
        || tool.equals("az login")
        || tool.equals("docker login")
        || tool.equals("podman login");
  }

  /**
   * Guard name: a password glued to {@code -p} (or after {@code sshpass -p }) is taken only when
   * one of {@link #GLUED_P_TOOLS} is a word before it on the same line (at most {@value
   * #TOOL_LOOKBACK} chars back): {@code ssh -p2222}, {@code mkdir -p dir}, {@code tar -pxf} stay
   * out.
   */
  static final String TOOL_FLAG = "TOOL_FLAG";

  static final int TOOL_LOOKBACK = 160;

  /**
   * The {@link #GLUED_P_TOOLS} word before the {@code -} at {@code dash} on its line, or null (see
   * {@link #commandBefore}).
   */
  static String toolBefore(SecretScan s, int dash) {
    return commandBefore(s, dash, GLUED_P_TOOLS);
  }

  private static final String[] CURL = {"curl"};

  /**
   * The word of {@code commands} before the {@code -} at {@code dash} on its line (at most {@value
   * #TOOL_LOOKBACK} chars back), or null: a word boundary, then the command (any case), then a
   * blank or {@code .exe} and a blank (a path before it is fine). Commands are lower case.
   */
  private static String commandBefore(SecretScan s, int dash, String[] commands) {
    int lo = Math.max(0, dash - TOOL_LOOKBACK);
    for (int i = dash - 1; i >= lo; i--) {
      char c = s.text.charAt(i);
      if (c == '\n' || c == '\r') {
        return null;
      }
      char prev = i > 0 ? s.text.charAt(i - 1) : ' ';
      if (SecretChars.is(prev, SecretChars.ALNUM) || prev == '-' || prev == '_') {
        continue;
      }
      for (String command : commands) {
        int e = i + command.length();
        if ((c | 0x20) == command.charAt(0)
            && e <= dash
            && s.text.regionMatches(true, i, command, 0, command.length())
            && (s.at(e) == ' ' || s.text.regionMatches(true, e, ".exe ", 0, 5))) {
          return command;
        }
      }
    }
    return null;
  }

  /**
   * {@code -pS3cr3t}, {@code -p'S3cr3t'} after a MySQL client or {@code sshpass}, and {@code -p
   * S3cr3t} after {@code sshpass} ({@link #TOOL_FLAG}); {@code st} is the {@code p}.
   */
  private static boolean gluedP(SecretScan s, int st) {
    char next = s.at(st + 1);
    boolean glued = next == '"' || next == '\'' || SecretChars.is(next, SecretChars.VALUE);
    if (!glued && next != ' ') {
      return false;
    }
    if (glued && (next == '-' || next == '=')) {
      return false; // "-p-", "-p=": not this form
    }
    String tool = toolBefore(s, st - 1);
    if (tool == null) {
      return false;
    }
    int vs = st + 1;
    if (!glued) {
      if (!spacedP(tool) || next != ' ') {
        return false;
      }
      vs = st + 2;
      char q = s.at(vs);
      if (q == '-' || q == ' ' || q == 0) {
        return false;
      }
    }
    return value(s, st, st + 1, vs, passwordRule());
  }

  /**
   * Guard name: {@code -u user:password} / {@code --user user:password} is read as a credential
   * pair only after {@code curl} on the same line ({@code curl -u admin:S3cr3t https://…}); the
   * password is the part after the first {@code :} ({@code -u 1000:1000} in {@code docker run}
   * stays out: no curl, and a number fails the value check anyway).
   */
  static final String CURL_USER = "CURL_USER";

  /** {@link #CURL_USER}: {@code st} is the char after the dashes, {@code ke} the flag's end. */
  private static boolean curlUser(SecretScan s, int st, int ke) {
    boolean shortU = ke - st == 1 && (s.at(st) == 'u') && s.at(st - 2) == ' ';
    boolean longU =
        ke - st == 4 && s.at(st - 2) == '-' && s.text.regionMatches(false, st, "user", 0, 4);
    if (!(shortU || longU) || s.at(ke) != ' ' || !curlBefore(s, st - 1)) {
      return false;
    }
    int v = ke + 1;
    if (s.at(v) == '"' || s.at(v) == '\'') {
      v++;
    }
    int end = Math.min(s.length, v + 128);
    for (int i = v + 1; i < end; i++) {
      char c = s.text.charAt(i);
      if (c == ':') {
        return i + 1 < s.length && value(s, st, ke, i + 1, passwordRule());
      }
      if (!SecretChars.is(c, SecretChars.VALUE)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Guard name: {@code -a value} is read as a password only after {@code redis-cli} (or {@code
   * redis-benchmark}) on the same line ({@code redis-cli -h 10.1.1.5 -a S3cr3t ping}); elsewhere
   * {@code -a} is an "all" or "append" switch ({@code ls -a}, {@code tar -a}, {@code git commit
   * -a}).
   */
  static final String REDIS_AUTH = "REDIS_AUTH";

  private static final String[] REDIS_CLI = {"redis-cli", "redis-benchmark"};

  /**
   * Guard name: {@code -P value} is read as a password only after {@code sqlcmd} or {@code bcp}
   * (SQL Server's clients), {@code -w value} only after an OpenLDAP client ({@code ldapsearch},
   * {@code ldapmodify}...), on the same line; elsewhere {@code -P} and {@code -w} are other
   * switches ({@code ssh -P}, {@code grep -w}). Like {@link #REDIS_AUTH}.
   */
  static final String TOOL_PASSWORD_LETTER = "TOOL_PASSWORD_LETTER";

  private static final String[] SQLCMD = {"sqlcmd", "bcp"};

  private static final String[] LDAP_CLIENTS = {
    "ldapsearch", "ldapmodify", "ldapadd", "ldapdelete", "ldapwhoami", "ldappasswd", "ldapmodrdn"
  };

  /**
   * {@link #REDIS_AUTH} and {@link #TOOL_PASSWORD_LETTER}: the one-letter flag at {@code st} takes
   * a password for the command before it on its line.
   */
  private static boolean passwordLetter(SecretScan s, int st) {
    char f = s.at(st);
    if (f == 'a') {
      return redisCliBefore(s, st - 1);
    }
    if (f == 'P') {
      return commandBefore(s, st - 1, SQLCMD) != null;
    }
    return f == 'w' && commandBefore(s, st - 1, LDAP_CLIENTS) != null;
  }

  /** {@link #REDIS_AUTH}: the word {@code redis-cli} before {@code dash} on its line. */
  private static boolean redisCliBefore(SecretScan s, int dash) {
    return commandBefore(s, dash, REDIS_CLI) != null;
  }

  /** The word {@code curl} (or {@code curl.exe}) before {@code dash} on its line. */
  private static boolean curlBefore(SecretScan s, int dash) {
    return commandBefore(s, dash, CURL) != null;
  }

  /** {@code --password value}, {@code --account-key value}, {@code -p 'value'}. */
  private static boolean flag(SecretScan s, int st) {
    if (s.at(st) == 'p' && s.at(st - 2) == ' ' && gluedP(s, st)) {
      return true; // "mysql -pS3cr3t!x", "mysql -p'S3cr3t'", "sshpass -p S3cr3t"
    }
    int ke = st;
    while (ke < s.length && ke - st < SecretKeywords.MAX_KEYWORD) {
      char c = s.text.charAt(ke);
      if (!(SecretChars.is(c, SecretChars.ALNUM) || c == '-' || c == '_')) {
        break;
      }
      ke++;
    }
    if (s.at(ke) != ' ' || ke + 1 >= s.length) {
      return false;
    }
    if (curlUser(s, st, ke)) {
      return true; // "curl -u admin:S3cr3t", "curl --user 'admin:S3cr3t'"
    }
    int vs = ke + 1;
    char q = s.at(vs);
    boolean quoted = q == '"' || q == '\'';
    SecretKeywords.Rule rule;
    if (ke - st == 1 && (s.at(st) == 'p') && s.at(st - 2) == ' ') {
      if (!quoted
          && !(userFlagBefore(s, st - 1) && !plainToken(s, vs) && toolBefore(s, st - 1) == null)) {
        return false; // "-p 8080" is a port; only the quoted mysql/sshpass form
      }
      rule = passwordRule();
    } else if (ke - st == 1 && s.at(st - 2) == ' ' && passwordLetter(s, st)) {
      // REDIS_AUTH: "redis-cli -h 10.1.1.5 -a S3cr3t ping"; TOOL_PASSWORD_LETTER: "sqlcmd -U sa
      // -P 'S3cr3t'", "ldapsearch -D cn=admin -w S3cr3t"
      rule = passwordRule();
    } else {
      rule = s.match(st, ke, false);
    }
    if (rule == null || rule.weak() || q == '-') {
      return false;
    }
    return value(s, st, ke, vs, rule);
  }

  /**
   * {@code USER_FLAG_PAIR} (session 16, probe19): the {@code -} of an unquoted {@code -p} at {@code
   * dash} follows a user flag and its value ({@code az sql server create -u sqladmin -p X}, {@code
   * docker login -u ci-bot -p X}): a user then a password, no port. Runs only at a {@code -p} flag.
   */
  static boolean userFlagBefore(SecretScan s, int dash) {
    int e = dash - 1;
    if (s.at(e) != ' ') {
      return false;
    }
    int b = e;
    while (b > 0 && e - b < 64 && s.at(b - 1) != ' ' && s.at(b - 1) != '\n') {
      b--;
    }
    if (b == e || s.at(b - 1) != ' ' || s.at(b) == '-') {
      return false;
    }
    int f = b - 1;
    if (s.at(f - 1) == 'u' && s.at(f - 2) == '-' && s.at(f - 3) == ' ') {
      return true; // "-u sqladmin -p"
    }
    return f >= 11 && s.text.regionMatches(f - 11, " --username", 0, 11);
  }

  /**
   * Only digits ({@code -p 8080}: a port) or only lower-case letters ({@code -p shop}: a database
   * after a prompt) from {@code vs} to the next blank or line end.
   */
  private static boolean plainToken(SecretScan s, int vs) {
    boolean digits = true;
    boolean lower = true;
    for (int i = vs; i < s.length && i - vs < 64 && s.at(i) != ' ' && s.at(i) != '\n'; i++) {
      char c = s.at(i);
      digits &= c >= '0' && c <= '9';
      lower &= c >= 'a' && c <= 'z';
    }
    return digits || lower;
  }

  /** {@code ConvertTo-SecureString [-String] "value" -AsPlainText}. */
  private static void secureString(SecretScan s, int p) {
    if (s.at(p) != ' ') {
      return;
    }
    int vs = p + 1;
    if (s.text.regionMatches(true, vs, "-String ", 0, 8)) {
      vs += 8;
    }
    char q = s.at(vs);
    if (q != '"' && q != '\'') {
      return;
    }
    value(s, p - 12, p, vs, passwordRule());
  }

  private static SecretKeywords.Rule passwordRule() {
    for (SecretKeywords.Rule r : SecretKeywords.RULES) {
      if (r.pattern() == SecretPattern.PASSWORD_ASSIGNMENT) {
        return r;
      }
    }
    throw new IllegalStateException("no password rule");
  }

  /** Sets up the assignment fields for {@code rule} and lets its pattern judge the value. */
  private static boolean value(SecretScan s, int ks, int ke, int v, SecretKeywords.Rule rule) {
    return value(s, ks, ke, v, rule, ' ');
  }

  /**
   * {@link #value} with the separator {@code sep} before the value: after a {@code :} an unquoted
   * value may be a {@code PASSPHRASE} running to the line's end.
   */
  private static boolean value(
      SecretScan s, int ks, int ke, int v, SecretKeywords.Rule rule, char sep) {
    char q = s.at(v);
    int vs;
    int ve;
    char quote = 0;
    if (q == '"' || q == '\'') {
      int e = v + 1;
      while (e < s.length && e - v <= SecretDetector.MAX_QUOTED) {
        char d = s.text.charAt(e);
        if (d == q || d == '\n') {
          break;
        }
        e++;
      }
      if (e >= s.length || s.text.charAt(e) != q) {
        return false;
      }
      vs = v + 1;
      ve = e;
      quote = q;
    } else {
      vs = v;
      ve = s.runEnd(v, SecretChars.VALUE);
      if (ve - vs > SecretDetector.MAX_VALUE) {
        return false;
      }
      while (ve > vs && (s.at(ve - 1) == '.' || s.at(ve - 1) == ',')) {
        ve--;
      }
      if (sep == ':' && s.at(ve) == ' ') {
        ve = passphraseEnd(s.text, vs, ve);
      }
    }
    if (ve <= vs) {
      return false;
    }
    if (SecretPattern.tryWord(s, vs, true)) {
      return true;
    }
    s.keyStart = ks;
    s.keyEnd = ke;
    s.separator = sep;
    s.valueStart = vs;
    s.valueEnd = ve;
    s.quote = quote;
    s.query = false;
    s.rule = rule;
    return rule.pattern().scan(s, vs);
  }

  /** {@code password is X}, {@code the password I set is X}, {@code password to X}. */
  private static void prose(SecretScan s, int st, int we) {
    int vs = linkedValue(s, we);
    if (vs > 0 && !linkRightAfter(s, we)) {
      // COMMAND_FIRST: "ssh admin@jump01 password X then sudo to root" (a later link word)
      int cv = sshValue(s, st, we);
      if (cv < 0) {
        cv = clientValue(s, st, we);
      }
      if (cv > 0) {
        vs = cv;
      }
    }
    if (vs < 0) {
      vs = netrcValue(s, st, we); // NETRC: "machine h login u password X"
    }
    if (vs < 0) {
      vs = iosValue(s, st, we); // IOS_PASSWORD: "username admin privilege 15 password 0 X"
    }
    if (vs < 0) {
      vs = sshValue(s, st, we); // SSH_PASSWORD: "ssh admin@host password X"
    }
    if (vs < 0) {
      vs = clientValue(s, st, we); // CLIENT_PASSWORD: "mysql -u root password X"
    }
    if (vs < 0) {
      int v = forValue(s, we); // PASSWORD_FOR: "password for wifi: X"
      if (v > 0) {
        value(s, st, we, v, passwordRule(), ':');
      }
      return;
    }
    if (vs > 0) {
      char q = s.at(vs);
      if (q == '"' || q == '\'' || q == '`') {
        // a quoted word ("the password is "Tr0ub4dor&3""): the word, when the quote closes
        // right after it (a quoted phrase with spaces is not taken)
        if (s.at(valueRunEnd(s, vs + 1)) == q) {
          candidate(s, vs + 1, false);
        } else {
          quotedPhrase(s, vs + 1, q); // PASSPHRASE: the passphrase is "purple elephant dancing 7"
        }
        return;
      }
      candidate(s, vs);
    }
  }

  /**
   * {@link #NETRC}: the start of the value after {@code password} and a blank when a {@code login}
   * word and its value stand right before the keyword (blanks and one line break between), or -1.
   * Runs only at a password keyword with no link word after it.
   */
  private static int netrcValue(SecretScan s, int st, int we) {
    if (s.at(we) != ' ' && s.at(we) != '\t') {
      return -1;
    }
    int vs = we + 1;
    if (!SecretChars.is(s.at(vs), SecretChars.VALUE)) {
      return -1;
    }
    int p = st;
    int breaks = 0;
    while (p > 0 && st - p < 16 && isBlank(s.at(p - 1))) {
      breaks += s.at(p - 1) == '\n' ? 1 : 0;
      p--;
    }
    if (p == st || breaks > 1) {
      return -1;
    }
    int ue = p; // the login's value ends here
    while (p > 0 && ue - p <= MAX_PROSE_VALUE && !isBlank(s.at(p - 1))) {
      p--;
    }
    if (p == ue || p < 7 || (s.at(p - 1) != ' ' && s.at(p - 1) != '\t')) {
      return -1;
    }
    int ls = p - 6; // "login" + one blank
    return s.text.regionMatches(true, ls, "login", 0, 5) && isWordStart(s.at(ls - 1)) ? vs : -1;
  }

  /**
   * Form name, session 15 (probe17): a password after an {@code ssh user@host} command on the same
   * line, with a blank and no link word ({@code ssh admin@10.0.0.5 password Xy7#kd93Lq}, the way a
   * ticket hands over a login): the value after one blank, judged as a prose password. Read only at
   * a password keyword with no link word after it, when the word right before the keyword holds an
   * {@code @} and {@code ssh} starts a word before it, at most {@value #SSH_LOOKBACK} chars back on
   * the line; {@code password reset link} prose has no such command.
   */
  static final String SSH_PASSWORD = "SSH_PASSWORD";

  /** How far {@link #SSH_PASSWORD} reads back from the keyword for {@code ssh}. */
  static final int SSH_LOOKBACK = 96;

  /** {@link #SSH_PASSWORD}: the start of the value after the keyword, or -1. */
  private static int sshValue(SecretScan s, int st, int we) {
    if (s.at(we) != ' ' || !SecretChars.is(s.at(we + 1), SecretChars.VALUE) || st < 2) {
      return -1;
    }
    int p = st - 1;
    if (s.at(p) != ' ') {
      return -1;
    }
    int he = p; // the user@host word ends here
    boolean at = false;
    while (p > 0 && he - p < SSH_LOOKBACK && !isBlank(s.at(p - 1))) {
      at |= s.at(p - 1) == '@';
      p--;
    }
    if (!at || p == he) {
      return -1;
    }
    int floor = Math.max(0, st - SSH_LOOKBACK);
    return commandOnLine(s, p - 4, floor, p, SSH_WORDS) ? we + 1 : -1;
  }

  /** The command of {@link #SSH_PASSWORD}, followed by a blank. */
  private static final String[] SSH_WORDS = {"ssh "};

  /**
   * True when one of {@code words} (lower case, any case in the text) starts a word at a position
   * from {@code from} down to {@code floor} on the same line (no line break between) and ends by
   * {@code limit}. The look-back of {@link #SSH_PASSWORD} and {@link #CLIENT_PASSWORD}.
   */
  private static boolean commandOnLine(
      SecretScan s, int from, int floor, int limit, String[] words) {
    for (int i = from; i >= floor; i--) {
      char c = s.at(i);
      if (c == '\n') {
        return false;
      }
      if (i == 0 || isWordStart(s.at(i - 1))) {
        for (String w : words) {
          if ((c | 0x20) == w.charAt(0)
              && i + w.length() <= limit
              && s.text.regionMatches(true, i, w, 0, w.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Form name, session 16 (probe18): a password after a database or file-transfer client command on
   * the same line, with a blank and no link word ({@code mysql -u root password X}, {@code
   * mysqladmin -u root password 'X'}, {@code psql -U postgres password X}, {@code ftp host user
   * deploy password X}): the value after one blank, judged as a prose password. Read only at a
   * password keyword with no link word right after it, when one of {@link #CLIENT_WORDS} starts a
   * word at most {@value #SSH_LOOKBACK} chars back on the line and another word stands between it
   * and the keyword ({@code mysql password reset steps} has none).
   */
  static final String CLIENT_PASSWORD = "CLIENT_PASSWORD";

  /** The commands of {@link #CLIENT_PASSWORD}, each followed by a blank. */
  private static final String[] CLIENT_WORDS = {
    "mysql ", "mysqladmin ", "mariadb ", "psql ", "ftp ", "sftp ", "lftp ", "smbclient "
  };

  /** {@link #CLIENT_PASSWORD}: the start of the value after the keyword, or -1. */
  private static int clientValue(SecretScan s, int st, int we) {
    char v = s.at(we + 1);
    if (s.at(we) != ' '
        || !(SecretChars.is(v, SecretChars.VALUE) || v == '\'' || v == '"')
        || st < 6) {
      return -1;
    }
    if (s.at(st - 1) != ' ') {
      return -1;
    }
    int floor = Math.max(0, st - SSH_LOOKBACK);
    return commandOnLine(s, st - 2, floor, st - 1, CLIENT_WORDS) ? we + 1 : -1;
  }

  /**
   * {@code COMMAND_FIRST}: the word right after the keyword ending at {@code we} is a link word
   * ({@code password is X}); a link word further on ({@code ssh a@h password X then sudo to root})
   * leaves the command forms ({@link #SSH_PASSWORD}, {@link #CLIENT_PASSWORD}) first.
   */
  private static boolean linkRightAfter(SecretScan s, int we) {
    int e = wordEnd(s, we + 1);
    return s.at(we) == ' ' && e > we + 1 && equalsAny(s, we + 1, e, LINK_WORDS);
  }

  /**
   * Form name: a Cisco IOS / IOS-XE config line, {@code username NAME [privilege N] password [0] X}
   * or {@code enable password [0] X}, and the same with {@code secret} for {@code password}
   * (session 14, probe15b): the value after the keyword and an optional encryption type {@code 0}
   * (plain text). Types 5, 7, 8, 9 (hashes, and type 7's reversible encoding) are left out, as a
   * hash is elsewhere. Read only at a password keyword with no link word after it, on a line
   * starting with {@code username} or {@code enable} (at most {@value #IOS_LOOKBACK} chars back);
   * for {@code secret}, at a bare {@code secret} and a blank.
   */
  static final String IOS_PASSWORD = "IOS_PASSWORD";

  static final int IOS_LOOKBACK = 96;

  /**
   * {@link #IOS_PASSWORD}: the value's start, 0 when the line is an IOS line with a hash type (no
   * value to take), or -1.
   */
  private static int iosValue(SecretScan s, int st, int we) {
    if (s.at(we) != ' ') {
      return -1;
    }
    int ls = st;
    while (ls > 0 && st - ls <= IOS_LOOKBACK && s.at(ls - 1) != '\n' && s.at(ls - 1) != '\r') {
      ls--;
    }
    if (ls > 0 && s.at(ls - 1) != '\n' && s.at(ls - 1) != '\r') {
      return -1;
    }
    while (ls < st && (s.at(ls) == ' ' || s.at(ls) == '\t')) {
      ls++;
    }
    boolean user = s.text.regionMatches(true, ls, "username ", 0, 9) && ls + 9 < st;
    boolean enable = ls + 7 == st && s.text.regionMatches(true, ls, "enable ", 0, 7);
    if (!user && !enable) {
      return -1;
    }
    int v = we + 1;
    char type = s.at(v);
    if (type >= '0' && type <= '9' && s.at(v + 1) == ' ') {
      if (type != '0') {
        return 0; // "password 7 0822455D0A16", "secret 5 $1$…": a hash type
      }
      v += 2;
    }
    return SecretChars.is(s.at(v), SecretChars.VALUE) ? v : -1;
  }

  /**
   * {@code PASSWORD_FOR}: the start of the value after a password keyword ending at {@code we},
   * {@code for}, one to three words and a {@code :} ({@code password for wifi: X}, {@code
   * Passphrase for the guest network: X}), or -1. Runs only at a password keyword with no link word
   * after it; reads at most three words of 24 chars.
   */
  private static int forValue(SecretScan s, int we) {
    // "reset the password for user: jdoe" names the account, not the password
    if (s.at(we) != ' ' || !s.text.regionMatches(true, we + 1, "for ", 0, 4)) {
      return -1;
    }
    int p = we + 5;
    for (int words = 0; words < 3; words++) {
      int e = p;
      while (e < s.length && e - p < 24 && Character.isLetterOrDigit(s.at(e))) {
        e++;
      }
      if (e == p) {
        return -1;
      }
      if (s.at(e) == ':' && s.at(e + 1) != '/' && !equalsAny(s, p, e, FOR_ACCOUNT_WORDS)) {
        int v = e + 1;
        while (s.at(v) == ' ' || s.at(v) == '\t') {
          v++;
        }
        return v < s.length && s.at(v) != '\n' ? v : -1;
      }
      if (s.at(e) != ' ') {
        return -1;
      }
      p = e + 1;
    }
    return -1;
  }

  /** The last words of {@code password for ... :} that name the account, not the password. */
  private static final String[] FOR_ACCOUNT_WORDS = {
    "user", "username", "account", "login", "email", "customer", "id", "userid", "member", "client"
  };

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Words before {@code token}, {@code secret} or {@code key} that make a {@link #BLANK_VALUE}. */
  private static final String[] BLANK_QUALIFIERS = {
    "auth",
    "access",
    "api",
    "secret",
    "bearer",
    "refresh",
    "client",
    "private",
    "signing",
    "master",
    "subscription",
    "account",
    "app",
    "session",
    "webhook"
  };

  /**
   * {@link #BLANK_VALUE}: the start of a value right after an entropy keyword ending at {@code we}
   * and one blank, when a qualifier ({@link #BLANK_QUALIFIERS}) and one blank stand right before
   * the keyword ({@code twilio auth token 3f9a...}, {@code api key Kd8s...}; {@code apikey} needs
   * none), or -1. The value then needs 20+ chars and the generic (strong) entropy test.
   */
  private static int blankValue(SecretScan s, int st, int we) {
    if (s.at(we) != ' ' || !SecretChars.is(s.at(we + 1), SecretChars.VALUE)) {
      return -1;
    }
    if (we - st == 6 && s.text.regionMatches(true, st, "apikey", 0, 6)) {
      return we + 1;
    }
    if (st < 2 || s.at(st - 1) != ' ') {
      return -1;
    }
    int qe = st - 1;
    int qs = qe;
    while (qs > 0 && qe - qs < 13 && isLetter(s.at(qs - 1))) {
      qs--;
    }
    return qs < qe && isWordStart(s.at(qs - 1)) && equalsAny(s, qs, qe, BLANK_QUALIFIERS)
        ? we + 1
        : -1;
  }

  /**
   * {@link #BLANK_VALUE} without a qualifier: the start of a value right after a bare {@code
   * secret} or {@code token} and one blank ({@code AKIA... secret wJalrXUtn...}, {@code token
   * Zx9pQ2vL...}), or -1; the caller then also asks {@link #mixedCase} of the value, so {@code
   * token 3f9a...} (hex: a hash as often as a token) and words stay out. Session 13.
   */
  private static int bareBlankValue(SecretScan s, int st, int we) {
    int len = we - st;
    boolean bare =
        len == 6 && s.text.regionMatches(true, st, "secret", 0, 6)
            || len == 5 && s.text.regionMatches(true, st, "token", 0, 5);
    return bare && s.at(we) == ' ' && SecretChars.is(s.at(we + 1), SecretChars.VALUE) ? we + 1 : -1;
  }

  /**
   * Whether the value run at {@code vs} looks random, not like a name: an upper-case letter, a
   * lower-case one and a digit, and the char class changing at one char in three or more (a random
   * base64 value changes at about two in three; a Key Vault secret name such as {@code
   * SqlAdminPassword2024} at one in five or fewer).
   */
  private static boolean mixedCase(SecretScan s, int vs) {
    int changes = 0;
    int prev = -1;
    int i = vs;
    for (; i < s.length && i - vs <= 512 && SecretChars.is(s.at(i), SecretChars.VALUE); i++) {
      int k = SecretChars.classes(s.text, i, i + 1);
      changes += prev >= 0 && k != prev ? 1 : 0;
      prev = k;
    }
    int all = SecretChars.HAS_LOWER | SecretChars.HAS_UPPER | SecretChars.HAS_DIGIT;
    return (SecretChars.classes(s.text, vs, i) & all) == all && changes * 3 >= i - vs;
  }

  /**
   * Start of the value after a link word ({@link #LINK_WORDS}) within {@link #PROSE_WINDOW} chars
   * after a keyword ending at {@code we}, or -1: an assignment ({@code =}, {@code :}) is the
   * assignment pass's, and a line or sentence end stops the search.
   */
  private static int linkedValue(SecretScan s, int we) {
    int limit = Math.min(s.length, we + PROSE_WINDOW);
    int p = we;
    while (p < limit) {
      char c = s.at(p);
      if (c == '\n' || c == '=' || c == ':' || c == '.' || c == ',') {
        return -1;
      }
      if (c == ' ') {
        int ws = p + 1;
        int e = wordEnd(s, ws);
        if (e > ws && s.at(e) == ' ' && equalsAny(s, ws, e, LINK_WORDS)) {
          return e + 1;
        }
      }
      p++;
    }
    return -1;
  }

  /** {@code the secret key is <random value>}: see {@link #ENTROPY_WORDS}. */
  private static void entropyCandidate(SecretScan s, int vs, String keyword) {
    entropyCandidate(s, vs, keyword, true);
  }

  /**
   * As above; {@code weak}: the weak-keyword thresholds (after a link word); a {@link #BLANK_VALUE}
   * takes the strong ones (hex allowed) with 20+ chars.
   */
  private static void entropyCandidate(SecretScan s, int vs, String keyword, boolean weak) {
    int ve = vs;
    while (ve < s.length && ve - vs <= 512 && SecretChars.is(s.at(ve), SecretChars.VALUE)) {
      ve++;
    }
    while (ve > vs && (s.at(ve - 1) == '.' || s.at(ve - 1) == ',' || s.at(ve - 1) == '!')) {
      ve--;
    }
    double score =
        weak || blankShape(s, vs, ve) ? SecretPattern.genericScore(s.text, vs, ve, weak) : 0;
    if (score <= 0 || SecretPattern.tryWord(s, vs, true)) {
      return;
    }
    s.report(SecretPattern.KEYWORD_ENTROPY, vs, ve, score, score, "entropy", List.of(keyword));
  }

  /**
   * A {@link #BLANK_VALUE} value: 20+ chars, no {@code :} (times, URLs, {@code key:value}), no GUID
   * and no date at its start ({@code 2024-11-30...}).
   */
  private static boolean blankShape(SecretScan s, int vs, int ve) {
    if (ve - vs < 20 || SecretChars.isGuid(s.text, vs, ve)) {
      return false;
    }
    for (int i = vs; i < ve; i++) {
      if (s.at(i) == ':') {
        return false;
      }
    }
    for (int i = vs; i < vs + 4; i++) {
      if (s.at(i) < '0' || s.at(i) > '9') {
        return true;
      }
    }
    return s.at(vs + 4) != '-';
  }

  /** {@code creds: admin / X}, {@code login is admin / X}, {@code login admin / X}. */
  private static void pair(SecretScan s, int st, int we) {
    int p = we;
    if (s.at(p) == ':') {
      p++;
    } else if (s.at(p) == ' ' && s.text.regionMatches(true, p + 1, "is", 0, 2)) {
      p += 3;
    } else if (s.at(p) == ' ' && s.text.regionMatches(true, p + 1, "are", 0, 3)) {
      p += 4;
    } else if (s.at(p) != ' ' || !lineHead(s, st)) {
      return; // session 12: else "login admin / X" at a line's head, the blank itself
    }
    if (s.at(p) != ' ') {
      return;
    }
    int us = p + 1;
    int ue = valueRunEnd(s, us);
    if (ue == us) {
      return;
    }
    if (s.text.startsWith(" / ", ue)) {
      candidate(s, ue + 3);
      return;
    }
    int slash = userSlash(s, us, ue);
    if (slash > 0) {
      candidate(s, slash + 1);
    }
  }

  /**
   * Form name: a user and password joined by a slash with no blanks after a pair word ({@code the
   * admin creds are admin/Adm1n!2025x}, {@code login: sa/Sql#2025}), session 14 (probe15b). The
   * password is judged as any prose password, so {@code creds are vault/kv/app} stays out.
   */
  static final String USER_SLASH = "USER_SLASH";

  /**
   * {@link #USER_SLASH}: the slash after a user name of letters, digits and {@code . _ -} at the
   * start of the run [{@code us}, {@code ue}), when a value follows it; else -1.
   */
  private static int userSlash(SecretScan s, int us, int ue) {
    for (int i = us; i < ue && i - us <= 32; i++) {
      char c = s.at(i);
      if (c == '/') {
        return i > us && i + 1 < ue ? i : -1;
      }
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
        return -1;
      }
    }
    return -1;
  }

  /** {@link #REDIS_DIRECTIVE} at the directive word [{@code st}, {@code we}). */
  private static void directive(SecretScan s, int st, int we) {
    if (s.at(we) != ' ') {
      return;
    }
    boolean set = st >= 4 && s.text.regionMatches(true, st - 4, "set ", 0, 4);
    if (!set && !lineHead(s, st)) {
      return;
    }
    char q = s.at(we + 1);
    if (q == '"' || q == '\'') {
      if (s.at(valueRunEnd(s, we + 2)) == q) {
        candidate(s, we + 2, false);
      }
      return;
    }
    candidate(s, we + 1);
  }

  /**
   * No word before {@code st} on its line: the text start, a line break or punctuation before it
   * (blanks skipped), so {@code the login page / ...} is not a pair.
   */
  private static boolean lineHead(SecretScan s, int st) {
    int p = st;
    while (p > 0 && st - p < 8 && (s.at(p - 1) == ' ' || s.at(p - 1) == '\t')) {
      p--;
    }
    return p == 0 || !Character.isLetterOrDigit(s.at(p - 1));
  }

  private static boolean isCsvSep(char c) {
    return c == ',' || c == ';' || c == '\t' || c == '|';
  }

  /**
   * {@link #CSV_COLUMN}: true when the password word at {@code [st, we)} is a field of a CSV header
   * line (its rows are then checked), false otherwise (the caller tries prose).
   */
  private static boolean csvColumn(SecretScan s, int st, int we) {
    char sep = s.at(we);
    if (!isCsvSep(sep)) {
      sep = s.at(st - 1);
      char e = s.at(we);
      if (!isCsvSep(sep) || !(e == 0 || e == '\n' || e == '\r')) {
        return false;
      }
    }
    // the header line: plain fields only; the column is the number of separators before the word
    int ls = st;
    while (ls > 0 && s.at(ls - 1) != '\n') {
      ls--;
      if (st - ls > CSV_LINE_MAX) {
        return false;
      }
    }
    int le = we;
    while (le < s.length && s.at(le) != '\n' && s.at(le) != '\r') {
      le++;
      if (le - we > CSV_LINE_MAX) {
        return false;
      }
    }
    int col = 0;
    int seps = 0;
    for (int i = ls; i < le; i++) {
      char c = s.at(i);
      if (c == sep) {
        seps++;
        if (i < st) {
          col++;
        }
      } else if (!(SecretChars.is(c, SecretChars.ALNUM)
          || c == '_'
          || c == '-'
          || c == ' '
          || c == '"')) {
        return false;
      }
    }
    // the rows: same number of separators; the field of the column is checked
    int p = le;
    for (int row = 0; row < CSV_ROWS; row++) {
      if (s.at(p) == '\r') {
        p++;
      }
      if (s.at(p) != '\n') {
        break;
      }
      p++;
      int fs = -1;
      int n = 0;
      int q = p;
      while (q < s.length && s.at(q) != '\n' && s.at(q) != '\r' && q - p <= CSV_LINE_MAX) {
        if (s.at(q) == sep) {
          n++;
          if (n == col) {
            fs = q + 1;
          }
        }
        q++;
      }
      if (n != seps || q - p > CSV_LINE_MAX) {
        break;
      }
      int vs = col == 0 ? p : fs;
      if (s.at(vs) == '"') {
        vs++;
      }
      if (SecretChars.is(s.at(vs), SecretChars.VALUE)) {
        candidate(s, vs);
      }
      p = q;
    }
    return true;
  }

  /**
   * Form name: the password argument of Windows' {@code net use [X:] \\host\share PASSWORD
   * /user:DOMAIN\name} (session 15, probe16b), right after the {@code /user:} switch's value or
   * right before the switch. Taken only when {@code net use } starts the line's command (read back
   * at most {@link #NET_USE_BACK} chars on the line), the password is one word followed by the line
   * end or another switch, and it passes the prose password checks ({@link #candidate}): {@code net
   * use Z: \\srv\share /user:corp\svc} (prompt) and {@code * /user:x} stay out.
   */
  static final String NET_USE = "NET_USE";

  /** How far back {@link #NET_USE} looks for {@code net use } on the line. */
  private static final int NET_USE_BACK = 160;

  /** {@link #NET_USE}: {@code [st, we)} is {@code user} after {@code /}, followed by {@code :}. */
  private static void netUse(SecretScan s, int st, int we) {
    int ls = st - 1;
    while (ls > 0 && st - ls < NET_USE_BACK && s.at(ls - 1) != '\n') {
      ls--;
    }
    int cmd = ls;
    while (cmd < st - 9 && !s.text.regionMatches(true, cmd, "net use ", 0, 8)) {
      cmd++;
    }
    if (cmd >= st - 9 || !isWordStart(s.at(cmd - 1))) {
      return;
    }
    // after: "/user:CORP\svc P4ss" then the line end or " /persistent:no"
    int ne = userValueEnd(s, we + 1);
    if (ne > we + 1 && s.at(ne) == ' ') {
      int vs = ne + 1;
      char q = s.at(vs);
      if (q != '/' && q != '*' && q != ' ' && q != '"' && q != '\'') {
        int ve = valueRunEnd(s, vs);
        if (switchOrLineEnd(s, ve)) {
          candidate(s, vs);
          return;
        }
      }
    }
    // before: "\\srv\share P4ss /user:CORP\svc"
    int ve = st - 2;
    if (s.at(ve) != ' ') {
      return;
    }
    int vs = ve;
    while (vs > cmd && s.at(vs - 1) != ' ') {
      vs--;
    }
    if (vs > 2 && s.at(vs - 1) == ' ' && s.at(vs) != '\\' && s.at(vs) != '*' && s.at(vs) != '/') {
      int pe = vs - 1; // the word before the password must be the share: "\\host\share"
      int ps = pe;
      while (ps > cmd && s.at(ps - 1) != ' ') {
        ps--;
      }
      if (s.startsWith("\\\\", ps) && valueRunEnd(s, vs) == ve) {
        candidate(s, vs);
      }
    }
  }

  /** {@link #NET_USE}: the end of the {@code /user:} value (a name, {@code DOMAIN\name}). */
  private static int userValueEnd(SecretScan s, int from) {
    int e = from;
    while (e < s.length && e - from <= MAX_PROSE_VALUE && s.at(e) != ' ' && s.at(e) != '\n') {
      e++;
    }
    return e;
  }

  /** {@link #NET_USE}: the line or text ends at {@code e}, or a blank and a switch follow. */
  private static boolean switchOrLineEnd(SecretScan s, int e) {
    char after = s.at(e);
    return after == 0
        || after == '\n'
        || after == '\r'
        || (after == ' ' && s.at(e + 1) == '/' && isLetter(s.at(e + 2)));
  }

  /**
   * Form name: a Wi-Fi network key after a link word ({@code the wifi key is Gu3st-W1f1-2025},
   * {@code WLAN key was ...}), session 15 (probe16b): the value is a typed password, judged as a
   * prose password ({@link #candidate}) instead of by the entropy test of a random key.
   */
  static final String WIFI_KEY = "WIFI_KEY";

  /** The words of {@link #WIFI_KEY} right before {@code key}. */
  private static final String[] WIFI_WORDS = {"wifi", "wi-fi", "wlan", "wpa", "wpa2", "network"};

  /** {@link #WIFI_KEY}: one of {@link #WIFI_WORDS} and a blank end right before {@code st}. */
  private static boolean wifiKey(SecretScan s, int st) {
    if (s.at(st - 1) != ' ') {
      return false;
    }
    int ws = st - 1;
    while (ws > 0
        && st - ws <= 6
        && (isLetter(s.at(ws - 1)) || s.at(ws - 1) == '-' || Character.isDigit(s.at(ws - 1)))) {
      ws--;
    }
    return isWordStart(s.at(ws - 1)) && equalsAny(s, ws, st - 1, WIFI_WORDS);
  }

  /** {@link #NET_USER}: {@code we} is the end of {@code user}. */
  private static void netUser(SecretScan s, int we) {
    if (s.at(we) != ' ') {
      return;
    }
    int ns = we + 1;
    int ne = valueRunEnd(s, ns);
    if (ne == ns || s.at(ns) == '/' || s.at(ne) != ' ') {
      return;
    }
    int vs = ne + 1;
    char q = s.at(vs);
    if (q == '/' || q == '*' || q == '"' || q == '\'' || q == ' ') {
      return;
    }
    int ve = valueRunEnd(s, vs);
    char after = s.at(ve);
    if (after == 0 || after == '\n' || after == '\r' || after == ' ' && s.at(ve + 1) == '/') {
      candidate(s, vs);
    }
  }

  /**
   * End of the run of {@link SecretChars#VALUE} chars from {@code from}, looked at up to {@link
   * #MAX_PROSE_VALUE} + 1 chars (a longer run ends past {@code from + MAX_PROSE_VALUE}).
   */
  private static int valueRunEnd(SecretScan s, int from) {
    int e = from;
    while (e < s.length
        && e - from <= MAX_PROSE_VALUE
        && SecretChars.is(s.at(e), SecretChars.VALUE)) {
      e++;
    }
    return e;
  }

  /** A password-looking word at {@code vs}: a letter and a digit or symbol, 6-64 chars. */
  private static void candidate(SecretScan s, int vs) {
    candidate(s, vs, true);
  }

  /**
   * As {@link #candidate(SecretScan, int)}; {@code trim}: drop sentence punctuation at the end (not
   * for a quoted word, whose closing quote ends it).
   */
  private static void candidate(SecretScan s, int vs, boolean trim) {
    int ve = valueRunEnd(s, vs);
    if (ve - vs > MAX_PROSE_VALUE) {
      return;
    }
    while (trim
        && ve > vs
        && (s.at(ve - 1) == '.'
            || s.at(ve - 1) == ','
            || (s.at(ve - 1) == '!' && !bangInside(s, vs, ve))
            || s.at(ve - 1) == '?')) {
      ve--;
    }
    judge(s, vs, ve);
  }

  /**
   * {@code BANG_INSIDE} (session 17, probe20): the {@code !} before {@code ve} ends the value, not
   * the sentence: one blank and a lower-case letter follow ({@code the temp password is
   * Tmp-8842-Kx! please change it}), the char before it is no {@code !} either ({@code Welcome1!!
   * please}), and the value before it holds a digit or a symbol already ({@code the password is
   * correct! please try again} stays a word and an exclamation). {@code the password is Welcome1!
   * Please …} and a {@code !} at the line's end keep it out, as before.
   */
  private static boolean bangInside(SecretScan s, int vs, int ve) {
    return s.at(ve) == ' '
        && Character.isLowerCase(s.at(ve + 1))
        && s.at(ve - 2) != '!'
        && s.at(ve - 2) != '?'
        && (SecretChars.classes(s.text, vs, ve - 1)
                & (SecretChars.HAS_DIGIT | SecretChars.HAS_OTHER))
            != 0;
  }

  /**
   * {@code PASSPHRASE}: a quoted phrase after a password keyword and its link word ({@code the
   * passphrase is "purple elephant dancing 7"}), from {@code vs} to the closing quote {@code q} on
   * the same line; taken when {@link #passphrase} holds, then judged as a one-word value.
   */
  private static void quotedPhrase(SecretScan s, int vs, char q) {
    String t = s.text;
    int e = vs;
    while (e < s.length && e - vs <= MAX_PASSPHRASE && t.charAt(e) != q && t.charAt(e) != '\n') {
      e++;
    }
    if (s.at(e) == q && passphrase(t, vs, e, false)) {
      judge(s, vs, e);
    }
  }

  /** The symbols a {@code PASSPHRASE} word may hold besides letters and digits. */
  private static final String PASSPHRASE_OTHER = "!#$%&*+-.=?@^_~,;";

  /** Longest passphrase ({@code PASSPHRASE}) taken with its spaces. */
  static final int MAX_PASSPHRASE = 64;

  /**
   * {@code PASSPHRASE}: {@code [from, to)} is two to six words of at most 24 chars each, separated
   * by single spaces, with a letter and a digit or symbol somewhere ({@code Blue Moon 42!}, {@code
   * purple elephant dancing 7}). With {@code capitalized}, no word is all lower-case letters: an
   * unquoted value runs to the line's end only when it reads as a name-like phrase, not prose
   * ({@code see the sticker on the router}).
   */
  static boolean passphrase(String t, int from, int to, boolean capitalized) {
    if (to - from > MAX_PASSPHRASE) {
      return false;
    }
    int words = 0;
    boolean letter = false;
    boolean other = false;
    int i = from;
    while (i < to) {
      int ws = i;
      boolean lowerOnly = true;
      while (i < to && t.charAt(i) != ' ') {
        char c = t.charAt(i);
        if (Character.isLetter(c)) {
          letter = true;
          lowerOnly &= Character.isLowerCase(c);
        } else if (PASSPHRASE_OTHER.indexOf(c) >= 0 || (c >= '0' && c <= '9')) {
          other = true;
          lowerOnly = false;
        } else {
          return false; // brackets, quotes, slashes: "Welcome1 (temporary)", a path or a URL
        }
        i++;
      }
      if (i == ws || i - ws > 24 || (capitalized && lowerOnly)) {
        return false; // two spaces, a long word, or a lower-case word in an unquoted value
      }
      words++;
      i++; // the single space
    }
    return words >= 2 && words <= 6 && letter && other && t.charAt(to - 1) != ' ';
  }

  /**
   * {@code PASSPHRASE}: the end of an unquoted password value that starts at {@code vs} and whose
   * first word ends at {@code ve} before a space, extended to the line's end when the rest of the
   * line makes it a {@link #passphrase} of capitalized words, digits and symbols ({@code wifi
   * password: Blue Moon 42!}); else {@code ve}. Bounded by {@link #MAX_PASSPHRASE}.
   */
  static int passphraseEnd(String t, int vs, int ve) {
    int n = t.length();
    int le = ve;
    while (le < n && le - vs <= MAX_PASSPHRASE && t.charAt(le) != '\n' && t.charAt(le) != '\r') {
      le++;
    }
    while (le > ve && t.charAt(le - 1) == ' ') {
      le--;
    }
    return le > ve
            && (le == n || t.charAt(le) == '\n' || t.charAt(le) == '\r' || t.charAt(le) == ' ')
            && passphrase(t, vs, le, true)
        ? le
        : ve;
  }

  /** The checks of a prose value {@code [vs, ve)} once its end is known; reports it. */
  private static void judge(SecretScan s, int vs, int ve) {
    if (ve - vs < 6) {
      return;
    }
    String t = s.text;
    int k = SecretChars.classes(t, vs, ve);
    boolean letter = (k & (SecretChars.HAS_LOWER | SecretChars.HAS_UPPER)) != 0;
    boolean other = (k & (SecretChars.HAS_DIGIT | SecretChars.HAS_OTHER)) != 0;
    if (!letter || !other) {
      return; // "the password is expired", "password to 123456"
    }
    if (SecretChars.isPlaceholder(t, vs, ve)
        || SecretChars.isCode(t, vs, ve)
        || SecretChars.isPath(t, vs, ve)
        || t.startsWith("http", vs)
        || isEmailLike(t, vs, ve)) {
      return;
    }
    if (SecretPattern.tryWord(s, vs, true)) {
      return;
    }
    double score = SecretChars.isWeakDefault(t, vs, ve) ? 0.45 : 0.8;
    s.report(SecretPattern.PASSWORD_PROSE, vs, ve, score, score, "prose", List.of());
  }

  /** A lone Azure storage account key: 86 base64 chars and {@code ==}. */
  private static void azureKey(SecretScan s, int st) {
    if (s.at(st + 86) != '=' || s.at(st + 87) != '=') {
      return; // necessary: the 86-char run ends in "==" (saves scanning every word's run)
    }
    int e = s.runEnd(st, SecretChars.B64);
    if (e - st != 86 || s.at(e) != '=' || s.at(e + 1) != '=' || s.at(e + 2) == '=') {
      return;
    }
    char after = s.at(e + 2);
    if (SecretChars.is(after, SecretChars.B64URL)) {
      return;
    }
    char before = s.at(st - 1);
    if (before == '-' || before == '_') {
      return; // sha512-<base64>: an npm integrity digest
    }
    String t = s.text;
    int k = SecretChars.classes(t, st, e);
    if (SecretChars.alnumClassCount(k) < 3 || SecretChars.entropy(t, st, e) < 4.5) {
      return;
    }
    int from = Math.max(0, st - 24);
    for (String w : HASH_WORDS) {
      int i =
          t.regionMatches(true, from, w, 0, w.length()) ? from : indexOfIgnoreCase(t, w, from, st);
      if (i >= 0) {
        return;
      }
    }
    s.report(SecretPattern.AZURE_ACCOUNT_KEY, st, e + 2, 0.8, "base64");
  }

  /** {@code a@b.c}: an e-mail address is the e-mail detector's. */
  private static boolean isEmailLike(String t, int vs, int ve) {
    int at = t.indexOf('@', vs);
    return at >= 0 && at < ve && t.indexOf('.', at) >= 0 && t.indexOf('.', at) < ve - 1;
  }

  private static int indexOfIgnoreCase(String t, String w, int from, int to) {
    for (int i = from; i + w.length() <= to; i++) {
      if (t.regionMatches(true, i, w, 0, w.length())) {
        return i;
      }
    }
    return -1;
  }

  /** {@code p} (the char before a word, 0 at the text start) does not continue a word. */
  private static boolean isWordStart(char p) {
    if (p < 128) {
      return !((p >= 'a' && p <= 'z')
          || (p >= 'A' && p <= 'Z')
          || (p >= '0' && p <= '9')
          || p == '_'
          || p == '.');
    }
    return !Character.isLetterOrDigit(p);
  }

  private static int wordEnd(SecretScan s, int st) {
    int e = st;
    char[] a = s.chars;
    while (e < s.length && e - st < MAX_WORD && isLetter(a[e])) {
      e++;
    }
    return e;
  }

  /** {@link Character#isLetter(char)} with the ASCII answer in place. */
  private static boolean isLetter(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
  }

  private static boolean equalsAny(SecretScan s, int from, int to, String[] words) {
    int n = to - from;
    for (String w : words) {
      if (w.length() == n && s.text.regionMatches(true, from, w, 0, n)) {
        return true;
      }
    }
    return false;
  }
}
