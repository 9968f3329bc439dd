package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code SECRET}: keys, tokens, passwords, connection strings, private keys and URLs that
 * carry credentials. The named patterns live in {@link SecretPattern}, the keywords in {@link
 * SecretKeywords}, the guards in {@link SecretChars}; see {@code docs/detectors/secret.md}.
 *
 * <p>Example: {@code "Server=tcp:x.database.windows.net;User ID=sa;Password=P@ss;"} gives one
 * finding over {@code P@ss} ({@code secret.connection-string-password}, score 0.85).
 *
 * <p>Design notes (maintainers):
 *
 * <ol>
 *   <li>One left-to-right pass over the {@link TextIndex} tokens (on a text without {@code ==},
 *       only over the tokens a branch-free pass marks by their first two chars: see {@code Marks}).
 *       Four triggers: an alphanumeric token whose first two chars start a known prefix ({@code
 *       AKIA}, {@code ghp_}, {@code eyJ}, {@code Bearer}...; a table indexed by those two chars
 *       rejects every other token in O(1)); an {@code =} or {@code :} token (keyword before it,
 *       value after it, or {@code ://} for URLs); a {@code -} token starting {@code -----BEGIN }; a
 *       {@code >} token closing {@code <keyword>} (XML).
 *   <li>Keywords are read backwards from the separator (at most 64 chars) and matched in a compact
 *       lower-case form without allocation; the last char of every rule word is a fast reject.
 *   <li>Values are bounded (256 chars quoted, 512 unquoted); runs of a character class are cached
 *       in {@link SecretScan} so overlapping triggers never rescan ({@code eyJ-eyJ-...}, {@code
 *       password=password=...}); a PEM scan stops at the next {@code -----BEGIN}. Total work is
 *       linear in the text.
 *   <li>A value that starts with a known prefix is handed to that pattern first ({@code
 *       token=ghp_...} is a {@code secret.github-token}, {@code Bearer eyJ...} a {@code
 *       secret.jwt}).
 *   <li>After a report, triggers inside the reported span are skipped.
 *   <li>Values never appear in exceptions or logs: this class throws nothing of its own.
 * </ol>
 */
final class SecretDetector implements Detector {
  /** Longest quoted value examined. */
  static final int MAX_QUOTED = 256;

  /** Longest unquoted value examined. */
  static final int MAX_VALUE = 512;

  /**
   * Most blanks between a keyword and its {@code =} or {@code :} (session 16: 4 before, so a column
   * aligned by {@code terraform fmt} or by hand, {@code db_password = "x"}, was missed).
   */
  static final int MAX_ALIGN = 24;

  @Override
  public String name() {
    return "secret";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.SECRET);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.ALNUM;
  }

  @Override
  public void detect(DetectionContext ctx) {
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    SecretScan s = new SecretScan(text, ctx);
    // a "==" (MAX_VALUE: none) not before the last word's st + 82: a lone Azure key ends with "=="
    int azureAt = s.nextDoubleEquals(0);
    if (azureAt != Integer.MAX_VALUE) {
      walk(s, idx, azureAt); // every token: the lone-key test depends on where each "==" lies
      return;
    }
    // no "==" in the text (most texts): only the marked tokens can trigger, in token order
    Marks marks = MARKS.get();
    int count = marks.mark(idx, s.chars, s.length);
    int[] list = marks.current;
    int n = idx.size();
    int resume = 0; // s.resumeAt, re-read after every call that may report
    for (int m = 0; m < count; m++) {
      int t = list[m];
      int st = idx.start(t);
      if (st >= resume) {
        token(s, idx, t, st, false);
        resume = s.resumeAt;
      }
      // the token after a '-' (the "--flag" prose form) when it is not marked itself
      int next = t + 1;
      if (s.chars[st] == '-' && next < n && (m + 1 == count || list[m + 1] != next)) {
        int ns = idx.start(next);
        if (ns >= resume) {
          token(s, idx, next, ns, false);
          resume = s.resumeAt;
        }
      }
    }
    marks.current = null; // a huge text's list is not kept
  }

  /**
   * {@link #detect} without the marked-token list: the pass over every token, as for a text holding
   * a {@code ==}. The reference of {@code SecretMarksTest}.
   */
  void detectEveryToken(DetectionContext ctx) {
    SecretScan s = new SecretScan(ctx.text(), ctx);
    walk(s, ctx.tokens(), s.nextDoubleEquals(0));
  }

  /** The pass over every token, for a text holding a {@code ==}. */
  private static void walk(SecretScan s, TextIndex idx, int azureAt) {
    int resume = 0; // s.resumeAt, re-read after every call that may report
    for (int t = 0, n = idx.size(); t < n; t++) {
      int f = idx.flags(t);
      if ((f & (TextIndex.ALNUM | TextIndex.PUNCT)) == 0) {
        continue; // whitespace
      }
      int st = idx.start(t);
      if (st < resume) {
        continue;
      }
      if ((f & TextIndex.ALNUM) != 0) {
        if (st + 82 > azureAt && azureAt != Integer.MAX_VALUE) {
          azureAt = s.nextDoubleEquals(st + 82);
        }
      }
      // a lone key's "==" sits 86 chars after its start, which is at most 4 chars before st
      token(s, idx, t, st, azureAt <= st + 86);
      resume = s.resumeAt;
    }
  }

  /**
   * The triggers at token {@code t} (starting at {@code st}, not inside a reported span); {@code
   * azure}: a {@code ==} lies where a lone Azure key from here would end. Updates {@code
   * s.resumeAt} when it reports.
   */
  private static void token(SecretScan s, TextIndex idx, int t, int st, boolean azure) {
    int f = idx.flags(t);
    char[] a = s.chars;
    int len = s.length;
    if ((f & TextIndex.ALNUM) != 0) {
      // the common case: one small-table look-up and two compares rule out every word trigger
      char c0 = a[st];
      char c1 = st + 1 < len ? a[st + 1] : 0;
      int w = wordTrigger(c0, c1);
      if ((w & W_KEYWORD) != 0 && (f & (TextIndex.DIGIT | TextIndex.NON_ASCII)) == 0) {
        // ASCII letters only: the token is the word SecretProse reads (at most 24 chars)
        int wl = Math.min(idx.end(t) - st, SecretProse.MAX_WORD);
        if (!SecretProse.mayBeKeyword(c0, c1, wl)) {
          w &= ~W_KEYWORD;
        }
      }
      char before = st > 0 ? a[st - 1] : 0;
      boolean prose = before == '-' ? SecretProse.mayBeFlag(s, st) : (w & W_KEYWORD) != 0;
      if (w != 0 || prose || azure) {
        word(s, st, w, azure);
      }
    } else if ((f & TextIndex.ASSIGN) != 0) {
      char prev = st > 0 ? a[st - 1] : 0;
      // "://", or a char that may end the keyword (or a blank or quote before it): "17:", "To:"
      // and "From:" stop here
      if (SecretKeywords.mayEndKeyword(prev)
          || prev == ' '
          || prev == '\t'
          || prev == '"'
          || prev == '\''
          || prev == ')' // PAREN_KEYWORD: "TAP issued (Temporary Access Pass): x"
          || (st + 1 < len && a[st + 1] == '/')) {
        assignment(s, st);
      } else if (a[st] == ':' && ((prev >= '0' && prev <= '9') || prev == '*')) {
        SecretPattern.PGPASS.scan(s, st); // "host:5432:db:user:password" (a colon after a port)
      }
    } else if ((f & TextIndex.DASH) != 0
        && s.at(st + 1) == '-'
        && s.text.startsWith("-----BEGIN ", st)) {
      SecretPattern.PEM_PRIVATE_KEY.scan(s, st);
    } else if (a[st] == '>' && st > 0 && SecretKeywords.mayEndKeyword(a[st - 1])) {
      xmlElement(s, st); // a keyword ends right before the '>'
    } else if (a[st] == '~') {
      SecretPattern.AZURE_AD_CLIENT_SECRET.scan(s, st);
    }
  }

  private static final ThreadLocal<Marks> MARKS = ThreadLocal.withInitial(Marks::new);

  /** Per-thread scratch of the marked-token list (the detector itself is shared by threads). */
  private static final class Marks {
    /**
     * {@link #WORD_TRIGGER} with every pair starting with a punctuation trigger's char ({@code =},
     * {@code :}, {@code -}, {@code >}, {@code ~}) set: one look-up per token for both kinds.
     */
    static final long[] TABLE = WORD_TRIGGER.clone();

    static {
      for (char c : new char[] {'=', ':', '-', '>', '~'}) {
        for (int k = 0; k < 4; k++) {
          TABLE[c << 2 | k] = -1L;
        }
      }
    }

    private int[] kept = new int[256];

    /** The list of the last {@link #mark} call. */
    int[] current;

    /**
     * Lists the tokens at which {@link #token} may do anything when no lone-key test applies, in
     * order, and returns their count: a superset, by their first two chars. A token is marked when
     * {@link #wordTrigger} of its first two chars is not 0 (a prefix or keyword start, or a
     * non-ASCII char) or when its first char may start a punctuation trigger. The token after a
     * {@code -} (the {@code --flag} prose form) is not marked for that: {@link #detect} visits it
     * after the {@code -}. Branch-free per token, one table look-up: in support text about one
     * token in seven is marked, at random places, and the loop over every token with its tests
     * mispredicted about once per marked token.
     */
    int mark(TextIndex idx, char[] a, int len) {
      int n = idx.size();
      int[] out = kept;
      if (out.length < n) {
        out = new int[Math.max(n, out.length * 2)];
        if (n <= MAX_KEPT_MARKS) {
          kept = out; // a huge text's list is used for this call only
        }
      }
      current = out;
      int last = Math.max(0, len - 1);
      int count = 0;
      for (int t = 0; t < n; t++) {
        int st = idx.start(t);
        int c0 = a[st];
        // the second char, 0 after the last char (as token() reads it)
        int c1 = a[Math.min(st + 1, last)] & -((st + 1 - len) >>> 31);
        int m =
            (int) (TABLE[(c0 & 127) << 2 | (c1 & 127) >>> 5] >>> ((c1 & 31) << 1)) & 3
                | (c0 | c1) >>> 7; // a non-ASCII char
        out[count] = t;
        count += (m | -m) >>> 31;
      }
      return count;
    }
  }

  /** Marked-token lists longer than this are not kept per thread. */
  private static final int MAX_KEPT_MARKS = 1 << 16;

  /** {@link #wordTrigger} bit: a word pattern's prefix starts with these two chars. */
  private static final int W_PREFIX = 1;

  /** {@link #wordTrigger} bit: a prose or pair keyword starts with these two chars. */
  private static final int W_KEYWORD = 2;

  /**
   * For an ASCII first char {@code c0} and second char {@code c1}: the two bits at {@code (c1 & 31)
   * << 1} of {@code WORD_TRIGGER[c0 << 2 | c1 >>> 5]} are {@link #W_PREFIX} (a word pattern's
   * prefix starts with {@code c0 c1}) and {@link #W_KEYWORD} (a prose or pair keyword does). 4 KB
   * and one load per word, so the look-up made for every word stays in the L1 cache (a {@code 128 *
   * 128} table does not, next to the other detectors' tables).
   */
  private static final long[] WORD_TRIGGER = new long[128 * 4];

  static {
    for (int c0 = 0; c0 < 128; c0++) {
      for (int c1 = 0; c1 < 128; c1++) {
        long bits = 0;
        if (SecretPattern.mayStartWord((char) c0, (char) c1)) {
          bits |= W_PREFIX;
        }
        if (SecretProse.mayStartKeyword((char) c0, (char) c1)) {
          bits |= W_KEYWORD;
        }
        WORD_TRIGGER[c0 << 2 | c1 >>> 5] |= bits << ((c1 & 31) << 1);
      }
    }
  }

  /**
   * {@link #W_PREFIX} and {@link #W_KEYWORD} for a word starting with {@code c0 c1}. A non-ASCII
   * char starts no prefix, but case-insensitive keyword matching may fold it ({@code ſ}, the Kelvin
   * sign): {@link #W_KEYWORD}.
   */
  private static int wordTrigger(char c0, char c1) {
    if ((c0 | c1) >= 128) {
      return W_KEYWORD;
    }
    return (int) (WORD_TRIGGER[c0 << 2 | c1 >>> 5] >>> ((c1 & 31) << 1)) & 3;
  }

  /**
   * An alphanumeric token at {@code st} that may start a trigger ({@code w} from {@link
   * #wordTrigger}; {@code azure}: a {@code ==} lies where a lone Azure key from here would end): a
   * prefixed token, else the prose forms.
   */
  private static void word(SecretScan s, int st, int w, boolean azure) {
    if ((w & W_PREFIX) != 0 && SecretPattern.tryWord(s, st, false)) {
      return;
    }
    SecretProse.tryWord(s, st, (w & W_KEYWORD) != 0, azure);
  }

  /** An {@code =} or {@code :} at {@code a}: a URL, or a keyword assignment. */
  private static void assignment(SecretScan s, int a) {
    String text = s.text;
    char c = s.chars[a];
    char next = s.at(a + 1);
    char prev = s.at(a - 1);
    if (c == ':' && next == '/' && s.at(a + 2) == '/') {
      if (!SecretPattern.SLACK_WEBHOOK.scan(s, a) && !SecretPattern.DISCORD_WEBHOOK.scan(s, a)) {
        SecretPattern.URL_CREDENTIALS.scan(s, a);
      }
      return;
    }
    if (c == '=' && (next == '=' || prev == '!' || prev == '<' || prev == '>' || prev == '=')) {
      return; // comparison
    }
    if (c == ':' && (next == ':' || prev == ':')) {
      return; // C++/PHP scope
    }
    // the keyword, read backwards
    int k = a;
    // ALIGNED: "db_password     = ..." (terraform fmt, .tfvars, aligned INI/YAML columns)
    for (int sp = 0; sp < MAX_ALIGN && (s.at(k - 1) == ' ' || s.at(k - 1) == '\t'); sp++) {
      k--;
    }
    if (s.at(k - 1) == '"' || s.at(k - 1) == '\'') {
      k--;
      if (s.at(k - 1) == '\\' && s.at(k) == '"') {
        k--; // ESCAPED_JSON: {\"password\":\"...\"} (JSON logged inside a JSON string)
      }
    }
    if (s.at(k - 1) == ')') {
      int p = k - 1;
      k = parenthesized(s, p); // "TAP (Temporary Access Pass): x", "Access Pass (TAP): x"
      if (!strongKeyword(s, k)) {
        int q = qualifiedKey(s, p); // QUALIFIER_AFTER: "Wi-Fi password (guest network): x"
        k = q > 0 && strongKeyword(s, q) ? q : k;
      }
    }
    int ke = k;
    boolean attribute = false;
    if ((s.at(ke - 1) | 0x20) == 'e' && ke >= 6 && s.at(ke - 6) == ' ') {
      ke = attributeKey(s, ke); // KEY_VALUE_ATTRIBUTES: <add key="SmtpPassword" value="..." />
      attribute = ke < k;
    }
    ke = trailingWords(s, ke); // "hasło tymczasowe:", "mot de passe temporaire est :"
    if (!SecretKeywords.mayEndKeyword(s.at(ke - 1))) {
      return; // necessary: every keyword (and "is" in "password is:") ends with a rule's last char
    }
    int ks = keywordStart(s, ke);
    if (ke - ks == 2 && text.regionMatches(true, ks, "is", 0, 2) && s.at(ks - 1) == ' ') {
      ke = ks - 1; // "the password is: x"
      ks = keywordStart(s, ke);
    }
    boolean query = s.at(ks - 1) == '?' || s.at(ks - 1) == '&';
    if (ke - ks == 5 || ke - ks == 7 || ke - ks == 12) {
      // NAME_VALUE_PAIR, TF_VARIABLE: "value" or "default" takes the key named before it
      int pk = pairedKey(s, ks, ke, c);
      if (pk > 0) {
        ke = pk;
        ks = keywordStart(s, pk);
        query = false;
      }
    }
    if (ke - ks < 2 || !SecretKeywords.mayMatch(s.chars, ks, ke)) {
      int fk = forCodes(s, ks, ke); // FOR_CODES: "Backup codes for the admin account: x y"
      if (fk < 0) {
        return; // necessary for a rule below (the two-word form ends the same way)
      }
      ke = fk;
      ks = keywordStart(s, fk);
    }
    SecretKeywords.Rule rule = s.match(ks, ke, query);
    if (rule == null && s.at(ks - 1) == ' ' && codesWord(s, ks, ke)) {
      int ks2 = keywordStart(s, ks - 1); // "recovery codes:", "backup code:"
      rule = ks2 < ks - 1 ? s.match(ks2, ke, false) : null;
      ks = ks2;
    }
    if (rule != null && rule.weak() && s.at(ks - 1) == ' ' && ks >= 2) {
      // two words: "API key:", "Subscription Key:" (strong), "Primary key:" (excluded)
      int ks2 = keywordStart(s, ks - 1);
      if (ks2 < ks - 1) {
        rule = s.match(ks2, ke, query);
        ks = ks2;
      }
    }
    if (rule == null) {
      return;
    }
    // the value
    int v = a + 1;
    if ((c == ':' && s.at(v) == '=') || (c == '=' && s.at(v) == '>')) {
      v++;
    }
    for (int sp = 0; sp < 8 && (s.at(v) == ' ' || s.at(v) == '\t'); sp++) {
      v++;
    }
    if (SecretKeywords.codes(rule)) {
      v = nextLine(s, v); // CODE_LIST: "Recovery codes:\n8f3k-2m9q\n7x1p-4c6z" (one a line)
    }
    if (v >= s.length) {
      return;
    }
    char q = text.charAt(v);
    int vs;
    int ve;
    char quote = 0;
    if (q == '"' || q == '\'' || q == '`') {
      int e = v + 1;
      while (e < s.length && e - v <= MAX_QUOTED) {
        char d = text.charAt(e);
        if (d == q || d == '\n') {
          break;
        }
        e += d == '\\' ? 2 : 1;
      }
      if (e >= s.length || text.charAt(e) != q) {
        return;
      }
      vs = v + 1;
      ve = e;
      quote = q;
    } else if (q == '\\' && s.at(v + 1) == '"') {
      // ESCAPED_JSON: the value between \" and \" (an escaped backslash inside is a pair)
      int e = escapedQuoteEnd(s, v + 2);
      if (e < 0) {
        return;
      }
      vs = v + 2;
      ve = e;
      quote = '"';
    } else if (q == '{' && !query && rule.pattern() == SecretPattern.PASSWORD_ASSIGNMENT) {
      // ODBC_BRACES: "Uid=sa;Pwd={S3cr3t;x};" (ODBC quotes a value in braces); a "{{ var }}" or
      // "{0}" stays a placeholder (PASSWORD_ASSIGNMENT's guards)
      int e = v + 1;
      while (e < s.length
          && e - v <= MAX_QUOTED
          && text.charAt(e) != '}'
          && text.charAt(e) != '\n') {
        e++;
      }
      char after = s.at(e + 1);
      if (e >= s.length
          || text.charAt(e) != '}'
          || s.at(v + 1) == '{'
          || !(s.at(ks - 1) == ';' || after == ';')) {
        return;
      }
      vs = v + 1;
      ve = e;
      quote = q;
    } else {
      if (q == '!' && cfnIntrinsic(text, v + 1)) {
        return; // CFN_INTRINSIC: "MasterUserPassword: !Ref DBPassword" names a parameter
      }
      vs = v;
      ve = s.runEnd(v, query ? SecretChars.VALUE_Q : SecretChars.VALUE);
      if (ve - vs > MAX_VALUE) {
        return;
      }
      if (!query) {
        ve = formFieldEnd(text, vs, ve);
      }
      ve = trimTrailing(s, vs, ve);
      if (SecretKeywords.codes(rule)) {
        ve = codeEnd(s, vs, ve); // CODE_LIST: each code its own finding
      } else if (c == ':'
          && rule.pattern() == SecretPattern.PASSWORD_ASSIGNMENT
          && s.at(ve) == ' ') {
        ve = SecretProse.passphraseEnd(text, vs, ve); // PASSPHRASE: "wifi password: Blue Moon 42!"
      }
    }
    if (ve <= vs) {
      return;
    }
    if (SecretPattern.tryWord(s, vs, true)) {
      return; // a known token after any keyword: its own pattern reported it
    }
    if (sasVersion(s, vs, ve)) {
      return;
    }
    if (attribute
        && rule.pattern() == SecretPattern.KEYWORD_ENTROPY
        && ve - vs >= 40
        && SecretChars.isPaddedBase64(text, vs, ve)) {
      return; // <add key="StorageKey" value="<88 base64>"/>: the lone Azure key form reports it
    }
    s.keyStart = ks;
    s.keyEnd = ke;
    s.separator = c;
    s.valueStart = vs;
    s.valueEnd = ve;
    s.quote = quote;
    s.query = query;
    s.rule = rule;
    if (rule.pattern().scan(s, vs) && quote == 0 && SecretKeywords.codes(rule)) {
      codeList(s, vs, ve);
    }
  }

  /** Most codes read after one {@code CODE_LIST} keyword. */
  static final int MAX_CODES = 16;

  /** {@code codes} or {@code code} at {@code [ks, ke)}. */
  private static boolean codesWord(SecretScan s, int ks, int ke) {
    return (ke - ks == 5 || ke - ks == 4) && s.text.regionMatches(true, ks, "codes", 0, ke - ks);
  }

  /** The end of the first code of a {@code CODE_LIST} value {@code [vs, ve)}: its first word. */
  private static int codeEnd(SecretScan s, int vs, int ve) {
    for (int i = vs; i < ve; i++) {
      if (s.at(i) == ',' || s.at(i) == ';') {
        return i;
      }
    }
    return ve;
  }

  /**
   * {@code CODE_LIST} (session 17, probe20): after the first code {@code [vs, ve)} of a recovery or
   * backup code keyword was reported, the codes that follow on the same line, each after blanks or
   * a {@code ,}/{@code ;} and a blank, with the first one's length and char classes ({@code
   * recovery codes: 8f3k-2m9q 7x1p-4c6z}); at most {@link #MAX_CODES}. A word of another shape ends
   * the list ({@code 48291736 and 50917324} keeps the first only).
   */
  private static void codeList(SecretScan s, int vs, int ve) {
    int len = ve - vs;
    int shape = SecretChars.classes(s.text, vs, ve);
    int p = ve;
    for (int n = 1; n < MAX_CODES; n++) {
      if (s.at(p) == ',' || s.at(p) == ';') {
        p++;
      }
      int b = p;
      while (s.at(p) == ' ' || s.at(p) == '\t') {
        p++;
      }
      p = nextLine(s, p);
      int e = p;
      while (e < s.length && e - p <= len && SecretChars.is(s.at(e), SecretChars.VALUE)) {
        e++;
      }
      e = codeEnd(s, p, e);
      if (p == b || e - p != len || SecretChars.classes(s.text, p, e) != shape) {
        return;
      }
      s.report(
          SecretPattern.PASSWORD_ASSIGNMENT, p, e, 0.85, 0.85, "keyword", List.of(s.rule.word()));
      p = e;
    }
  }

  /**
   * {@code CODE_LIST}: {@code p} moved over one line break ({@code \n} or {@code \r\n}) and the
   * blanks after it, when a line break stands at {@code p}; else {@code p}. Codes printed one a
   * line after their keyword.
   */
  private static int nextLine(SecretScan s, int p) {
    int q = s.at(p) == '\r' ? p + 1 : p;
    if (s.at(q) != '\n') {
      return p;
    }
    q++;
    for (int sp = 0; sp < 8 && (s.at(q) == ' ' || s.at(q) == '\t'); sp++) {
      q++;
    }
    return q;
  }

  /**
   * {@code FOR_CODES} (session 17, probe20): the end of {@code codes} or {@code code} when the
   * keyword {@code [ks, ke)} before a separator ends a phrase {@code codes for} and one to three
   * more words ({@code Backup codes for the admin account: x y}), else -1. Runs only at a separator
   * whose keyword matches no rule; reads at most four words of 24 chars back on the line.
   */
  private static int forCodes(SecretScan s, int ks, int ke) {
    int p = ks;
    for (int words = 0; words < 4 && s.at(p - 1) == ' '; words++) {
      int we = p - 1;
      int ws = we;
      while (ws > 0 && we - ws < 24 && Character.isLetter(s.at(ws - 1))) {
        ws--;
      }
      if (ws == we) {
        return -1;
      }
      if (we - ws == 3 && s.text.regionMatches(true, ws, "for", 0, 3)) {
        int ce = ws - 1;
        if (s.at(ce) != ' ') {
          return -1;
        }
        int cs = keywordStart(s, ce);
        return codesWord(s, cs, ce) && s.at(cs - 1) == ' ' ? ce : -1;
      }
      p = ws;
    }
    return -1;
  }

  /** Lines read back from a Terraform {@code default} for its {@code variable "..." {} line. */
  static final int TF_LINES = 6;

  /** Chars read back from a Terraform {@code default} for its {@code variable} line. */
  static final int TF_LOOKBACK = 400;

  /**
   * The end of the key that the generic keyword {@code [ks, ke)} stands for, or -1. {@code
   * NAME_VALUE_PAIR}: {@code value} after a {@code name} pair, on the line before ({@code - name:
   * DB_PASSWORD\n value: "x"}, a Kubernetes {@code env} entry) or on the same line after a comma
   * ({@code {"name": "DB_PASSWORD", "value": "x"}}, an ECS task definition); the key is the {@code
   * name} pair's value. {@code TF_VARIABLE}: {@code default =} inside a Terraform block opened by
   * {@code variable "db_password" {} at most {@link #TF_LINES} lines and {@link #TF_LOOKBACK} chars
   * back (no {@code }} between); the key is the variable's name. Runs only at an assignment whose
   * keyword has 5 or 7 chars; reads one pair back, or a few lines.
   */
  static int pairedKey(SecretScan s, int ks, int ke, char sep) {
    String t = s.text;
    if (ke - ks == 5 && t.regionMatches(true, ks, "value", 0, 5)) {
      int p = ks;
      if (s.at(p - 1) == '"' || s.at(p - 1) == '\'') {
        p--;
      }
      p = blanksBack(s, p);
      int arm = armKey(s, p);
      if (arm > 0) {
        return arm; // ARM_PARAMETER: "adminPassword": {\n "value": "x"}
      }
      if (s.at(p - 1) == ',') {
        p = blanksBack(s, p - 1); // one line: {"name": "DB_PASSWORD", "value": "x"}
      } else if (s.at(p - 1) == '\n' && sep == ':') {
        p--; // the line before: "- name: DB_PASSWORD"
        if (s.at(p - 1) == '\r') {
          p--;
        }
        p = blanksBack(s, p);
      } else {
        return -1;
      }
      char q = s.at(p - 1);
      int e = q == '"' || q == '\'' ? p - 1 : p;
      int b = keywordStart(s, e);
      if (e - b < 2 || (e < p && s.at(b - 1) != q)) {
        return -1;
      }
      int n = blanksBack(s, e < p ? b - 1 : b);
      if (s.at(n - 1) != ':' && s.at(n - 1) != '=') {
        return -1;
      }
      n = blanksBack(s, n - 1);
      if (s.at(n - 1) == '"' || s.at(n - 1) == '\'') {
        n--;
      }
      return n >= 4
              && t.regionMatches(true, n - 4, "name", 0, 4)
              && !SecretChars.is(s.at(n - 5), SecretChars.KEYWORD)
          ? e
          : -1;
    }
    if (ke - ks == 12 && sep == ':' && t.regionMatches(true, ks, "defaultValue", 0, 12)) {
      return secureStringKey(s, ks); // ARM_SECURE_DEFAULT: {"type": "securestring", ...}
    }
    if (ke - ks == 7 && sep == ':' && t.regionMatches(true, ks, "default", 0, 7)) {
      return cfnKey(s, ks); // CFN_PARAMETER: "DBPassword:\n  Type: String\n  Default: x"
    }
    if (ke - ks == 7 && sep == '=' && t.regionMatches(true, ks, "default", 0, 7)) {
      int p = blanksBack(s, ks);
      for (int line = 0; line < TF_LINES && s.at(p - 1) == '\n' && ks - p < TF_LOOKBACK; line++) {
        int end = p - 1;
        int b = end;
        while (b > 0 && s.at(b - 1) != '\n' && ks - b < TF_LOOKBACK) {
          b--;
        }
        int v = b;
        while (s.at(v) == ' ' || s.at(v) == '\t') {
          v++;
        }
        if (t.startsWith("variable \"", v)) {
          int kb = v + 10;
          int kq = t.indexOf('"', kb);
          return kq > kb + 1 && kq < end && keywordStart(s, kq) == kb ? kq : -1;
        }
        for (int i = b; i < end; i++) {
          if (s.chars[i] == '}') {
            return -1; // another block closed: this default is not the variable's
          }
        }
        p = b;
      }
    }
    return -1;
  }

  /**
   * Words after a password keyword and before its separator, last first: a qualifier that follows
   * its noun ({@code hasło tymczasowe:}, {@code mot de passe temporaire :}, {@code contraseña
   * temporal:}, {@code senha provisória:}) and a link word ({@code est}, {@code ist}, {@code es},
   * {@code jest}; English {@code is} is read later, as before). Session 16 (probe19).
   */
  static final String[] TRAILING_WORDS = {
    "temporaire",
    "provisoire",
    "temporal",
    "provisional",
    "provisoria",
    "provisória",
    "temporaria",
    "temporária",
    "temporanea",
    "provvisoria",
    "tymczasowe",
    "est",
    "ist",
    "es",
    "jest"
  };

  /**
   * {@code TRAILING_QUALIFIER}: {@code ke} moved back over at most two {@link #TRAILING_WORDS},
   * each after one blank. Runs at an assignment; a word is read only when its last char ends one of
   * the words ({@code a e l t s}).
   */
  static int trailingWords(SecretScan s, int ke) {
    for (int round = 0; round < 2; round++) {
      char last = (char) (s.at(ke - 1) | 0x20);
      if (last != 'a' && last != 'e' && last != 'l' && last != 't' && last != 's') {
        return ke;
      }
      int ws = keywordStart(s, ke);
      if (ws < 2 || s.at(ws - 1) != ' ' || s.at(ws - 2) == ' ' || !trailingWord(s.text, ws, ke)) {
        return ke;
      }
      ke = ws - 1;
    }
    return ke;
  }

  private static boolean trailingWord(String t, int ws, int we) {
    for (String w : TRAILING_WORDS) {
      if (w.length() == we - ws && t.regionMatches(true, ws, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code PAREN_KEYWORD} (session 16, probe19): the keyword end for a separator after the {@code
   * )} at {@code p}: the end of the words inside the parentheses ({@code TAP issued (Temporary
   * Access Pass): x}), or, when they are an acronym of two to six capitals, the end of the words
   * before the parentheses ({@code Temporary Access Pass (TAP): x}); {@code p + 1} when no {@code
   * (} lies within 40 chars back on the line or a single word is inside ({@code if (password):
   * return}). Runs only at a separator right after {@code )}.
   */
  static int parenthesized(SecretScan s, int p) {
    int o = p - 1;
    while (o > 0 && p - o < 40 && s.at(o) != '(' && s.at(o) != '\n' && s.at(o) != ')') {
      o--;
    }
    if (s.at(o) != '(' || o + 1 == p) {
      return p + 1;
    }
    boolean acronym = p - o - 1 <= 6 && p - o - 1 >= 2;
    for (int i = o + 1; i < p && acronym; i++) {
      acronym = s.at(i) >= 'A' && s.at(i) <= 'Z';
    }
    if (acronym) {
      return blanksBack(s, o);
    }
    for (int i = o + 2; i < p - 1; i++) {
      if (s.at(i) == ' ') {
        return p; // a phrase inside ("if (password): return" names no secret)
      }
    }
    return p + 1;
  }

  /**
   * {@code QUALIFIER_AFTER} (session 17, probe20): for a separator after the {@code )} at {@code
   * p}, the end of the word right before the {@code (} (one blank between) when the parentheses
   * hold one to four words of letters, digits, blanks and {@code - / ,} within 40 chars on the line
   * ({@code Wi-Fi password (guest network): x}, {@code Password (admin portal): x}; the comma since
   * probe21: {@code Wi-Fi password (guest, 5 GHz): x}); else -1. The caller takes it only when the
   * words inside match no keyword; the value then goes through the usual checks ({@code Password
   * (optional): leave blank} stays prose).
   */
  static int qualifiedKey(SecretScan s, int p) {
    int o = p - 1;
    int blanks = 0;
    while (o > 0 && p - o < 40) {
      char c = s.at(o);
      if (c == '(') {
        break;
      }
      if (c == ' ') {
        blanks++;
      } else if (!Character.isLetterOrDigit(c) && c != '-' && c != '/' && c != ',') {
        return -1;
      }
      o--;
    }
    if (s.at(o) != '(' || o + 1 == p || blanks > 3 || s.at(o - 1) != ' ') {
      return -1;
    }
    int e = o - 1;
    return SecretChars.is(s.at(e - 1), SecretChars.KEYWORD) ? e : -1;
  }

  /** A keyword of a rule that is no exclusion and not weak ends at {@code ke}. */
  private static boolean strongKeyword(SecretScan s, int ke) {
    if (!SecretKeywords.mayEndKeyword(s.at(ke - 1))) {
      return false;
    }
    int ks = keywordStart(s, ke);
    if (ke - ks < 2 || !SecretKeywords.mayMatch(s.chars, ks, ke)) {
      return false;
    }
    SecretKeywords.Rule rule = s.match(ks, ke, false);
    if (rule == null && s.at(ks - 1) == ' ' && codesWord(s, ks, ke)) {
      int ks2 = keywordStart(s, ks - 1); // "your backup codes (keep them safe): x y"
      rule = ks2 < ks - 1 ? s.match(ks2, ke, false) : null;
    }
    return rule != null && rule.pattern() != null && !rule.weak();
  }

  /** CloudFormation's short-form functions after {@code !} ({@code !Ref}, {@code !Sub}, ...). */
  private static final String[] CFN_FUNCTIONS = {
    "Ref ", "Sub ", "GetAtt ", "ImportValue ", "Join ", "Select ", "FindInMap ", "If ", "Base64 "
  };

  /** {@code CFN_INTRINSIC}: a CloudFormation short-form function starts at {@code p}. */
  static boolean cfnIntrinsic(String t, int p) {
    for (String f : CFN_FUNCTIONS) {
      if (t.startsWith(f, p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code ARM_PARAMETER} (session 16, probe19): {@code value} opens an object (blanks, at most one
   * line break, then {@code {}) that is the value of a key ({@code "adminPassword": {"value":
   * "x"}}, an ARM template parameter file): the end of that key, or -1. {@code p}: before the
   * blanks ahead of {@code value}.
   */
  private static int armKey(SecretScan s, int p) {
    if (s.at(p - 1) == '\n') {
      p--;
      if (s.at(p - 1) == '\r') {
        p--;
      }
      p = blanksBack(s, p);
    }
    if (s.at(p - 1) != '{') {
      return -1;
    }
    p = blanksBack(s, p - 1);
    if (s.at(p - 1) != ':') {
      return -1;
    }
    p = blanksBack(s, p - 1);
    char q = s.at(p - 1);
    int e = q == '"' || q == '\'' ? p - 1 : p;
    int b = keywordStart(s, e);
    return e - b >= 2 && (e == p || s.at(b - 1) == q) ? e : -1;
  }

  /**
   * {@code ARM_SECURE_DEFAULT} (session 17, probe20): a {@code defaultValue} (starting at {@code
   * ks}) inside an object, at most {@link #TF_LOOKBACK} chars after its {@code {} with no {@code }}
   * between, whose {@code "type"} is {@code securestring} before or after it ({@code
   * "adminPassword": {"type": "securestring", "defaultValue": "x"}}, an ARM template's parameter):
   * the end of the object's key ({@link #armKey}), or -1. Runs only at a {@code defaultValue}
   * keyword.
   */
  private static int secureStringKey(SecretScan s, int ks) {
    int o = ks - 1;
    while (o > 0 && ks - o < TF_LOOKBACK && s.at(o) != '{' && s.at(o) != '}') {
      o--;
    }
    if (s.at(o) != '{') {
      return -1;
    }
    int c = ks;
    while (c < s.length && c - o < TF_LOOKBACK && s.at(c) != '}' && s.at(c) != '{') {
      c++;
    }
    boolean secure = false;
    for (int i = o + 1; i + 12 <= c && !secure; i++) {
      secure = (s.at(i) | 0x20) == 's' && s.text.regionMatches(true, i, "securestring", 0, 12);
    }
    return secure ? armKey(s, blanksBack(s, o + 1)) : -1;
  }

  /**
   * {@code CFN_PARAMETER} (session 16, probe19): a YAML {@code Default:} whose parent key, the
   * first line above it with less indentation (at most {@link #TF_LINES} lines and {@link
   * #TF_LOOKBACK} chars back), is a bare {@code Key:} ({@code DBPassword:\n Type: String\n NoEcho:
   * true\n Default: x}, a CloudFormation parameter): the end of that key, or -1.
   */
  private static int cfnKey(SecretScan s, int ks) {
    int ls = ks;
    while (ls > 0 && s.at(ls - 1) == ' ') {
      ls--;
    }
    if (ls > 0 && s.at(ls - 1) != '\n') {
      return -1;
    }
    int indent = ks - ls;
    int p = ls;
    for (int line = 0; line < TF_LINES && p > 0 && ks - p < TF_LOOKBACK; line++) {
      int end = p - 1;
      if (s.at(end - 1) == '\r') {
        end--;
      }
      int b = end;
      while (b > 0 && s.at(b - 1) != '\n' && ks - b < TF_LOOKBACK) {
        b--;
      }
      int v = b;
      while (v < end && s.at(v) == ' ') {
        v++;
      }
      if (v < end && v - b < indent) {
        int e = blanksBack(s, end);
        if (s.at(e - 1) != ':') {
          return -1;
        }
        int k = keywordStart(s, e - 1);
        return k == v && e - 1 - k >= 2 ? e - 1 : -1;
      }
      p = b;
    }
    return -1;
  }

  /** {@code p} moved back over blanks and tabs. */
  private static int blanksBack(SecretScan s, int p) {
    while (p > 0 && (s.at(p - 1) == ' ' || s.at(p - 1) == '\t')) {
      p--;
    }
    return p;
  }

  /**
   * {@code ESCAPED_JSON}: the index of the backslash of the {@code \"} that closes a value starting
   * at {@code from}, or -1 (a line end, an unescaped quote or more than {@link #MAX_QUOTED} chars
   * first). Runs only at a keyword assignment whose value starts with {@code \"}.
   */
  private static int escapedQuoteEnd(SecretScan s, int from) {
    for (int e = from; e < s.length && e - from <= MAX_QUOTED; e++) {
      char d = s.chars[e];
      if (d == '\n' || d == '"') {
        return -1;
      }
      if (d == '\\') {
        if (s.at(e + 1) == '"') {
          return e;
        }
        e++; // an escaped char (a backslash pair)
      }
    }
    return -1;
  }

  /**
   * {@code SAS_VERSION}: the value after {@code SharedAccessSignature=} or {@code sas token:} is a
   * query whose first field is the service version ({@code sv=2021-06-08&ss=b&...&sig=...}); the
   * version is no secret, and the {@code sig} value is reported by {@link
   * SecretPattern#AZURE_SAS_SIGNATURE}. Runs once per keyword value.
   */
  private static boolean sasVersion(SecretScan s, int vs, int ve) {
    return ve - vs >= 13
        && (ve - vs == 13 || s.at(vs + 13) == '&')
        && s.startsWith("sv=", vs)
        && s.at(vs + 7) == '-'
        && s.at(vs + 10) == '-'
        && Character.isDigit(s.at(vs + 3))
        && Character.isDigit(s.at(vs + 12));
  }

  /**
   * {@code KEY_VALUE_ATTRIBUTES}: when the keyword ending at {@code ke} is the attribute {@code
   * value} after a quoted attribute value ({@code <add key="SmtpPassword" value="..." />} in a .NET
   * config, {@code <property name="db.password" value="..."/>} in Spring XML, {@code <entry key=...
   * value=...>}), the end of that quoted key (for the keyword match); else {@code ke}. Runs only
   * for an assignment whose keyword ends in {@code e} after a blank six chars back.
   */
  private static int attributeKey(SecretScan s, int ke) {
    int vs = ke - 5;
    if (!s.text.regionMatches(true, vs, "value", 0, 5)) {
      return ke;
    }
    int e = vs - 1;
    while (vs - e < 4 && s.at(e - 1) == ' ') {
      e--;
    }
    char q = s.at(e - 1);
    if (q != '"' && q != '\'') {
      return ke;
    }
    int kq = e - 1;
    int ks = keywordStart(s, kq);
    return kq - ks >= 2 && s.at(ks - 1) == q && s.at(ks - 2) == '=' ? kq : ke;
  }

  /** {@code <password>value</password>}, {@code <ApiKey>value</ApiKey>}: the element text. */
  private static void xmlElement(SecretScan s, int gt) {
    int ks = keywordStart(s, gt);
    if (gt - ks < 2 || s.at(ks - 1) != '<' || !SecretKeywords.mayMatch(s.chars, ks, gt)) {
      return;
    }
    SecretKeywords.Rule rule = s.match(ks, gt, false);
    if (rule == null) {
      return;
    }
    int vs = gt + 1;
    int ve = vs;
    while (ve < s.length
        && ve - vs <= MAX_QUOTED
        && s.text.charAt(ve) != '<'
        && s.text.charAt(ve) != '\n') {
      ve++;
    }
    if (!s.startsWith("</", ve)) {
      return;
    }
    while (vs < ve && s.text.charAt(vs) == ' ') {
      vs++;
    }
    while (ve > vs && s.text.charAt(ve - 1) == ' ') {
      ve--;
    }
    if (ve <= vs || SecretPattern.tryWord(s, vs, true)) {
      return;
    }
    s.keyStart = ks;
    s.keyEnd = gt;
    s.separator = '>';
    s.valueStart = vs;
    s.valueEnd = ve;
    s.quote = '>';
    s.query = false;
    s.rule = rule;
    rule.pattern().scan(s, vs);
  }

  /** Start of the keyword that ends at {@code ke} (at most {@link SecretKeywords#MAX_KEYWORD}). */
  private static int keywordStart(SecretScan s, int ke) {
    int ks = ke;
    while (ks > 0
        && ke - ks < SecretKeywords.MAX_KEYWORD
        && SecretChars.is(s.chars[ks - 1], SecretChars.KEYWORD)) {
      ks--;
    }
    return ks;
  }

  /**
   * {@code FORM_FIELD}: an {@code application/x-www-form-urlencoded} body has no {@code ?} before
   * its first field ({@code client_secret=X&grant_type=client_credentials}), so the value ends
   * before the first {@code &name=} inside it. A {@code &} not followed by a field name and {@code
   * =} stays in the value ({@code Tr0ub4dor&3}). Bounded by the value's length.
   */
  static int formFieldEnd(String t, int vs, int ve) {
    for (int i = vs + 1; i < ve - 2; i++) {
      if (t.charAt(i) != '&' || !isAsciiLetter(t.charAt(i + 1))) {
        continue;
      }
      int j = i + 2;
      while (j < ve && (isAsciiLetter(t.charAt(j)) || isDigit(t.charAt(j)) || t.charAt(j) == '_')) {
        j++;
      }
      if (j < ve && t.charAt(j) == '=') {
        return i;
      }
    }
    return ve;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Sentence punctuation after an unquoted value: {@code .}, {@code :}, an unbalanced {@code )}.
   */
  private static int trimTrailing(SecretScan s, int vs, int ve) {
    int e = ve;
    while (e > vs) {
      char c = s.text.charAt(e - 1);
      if (c == '.' || c == ':') {
        e--;
      } else if (c == ')' && !contains(s.text, vs, e, '(')) {
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  private static boolean contains(String t, int from, int to, char c) {
    for (int i = from; i < to; i++) {
      if (t.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }
}
