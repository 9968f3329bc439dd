package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
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
 *   <li>One left-to-right pass over the {@link TextIndex} tokens. Four triggers: an alphanumeric
 *       token whose first two chars start a known prefix ({@code AKIA}, {@code ghp_}, {@code eyJ},
 *       {@code Bearer}...; a table indexed by those two chars rejects every other token in O(1));
 *       an {@code =} or {@code :} token (keyword before it, value after it, or {@code ://} for
 *       URLs); a {@code -} token starting {@code -----BEGIN }; a {@code >} token closing {@code
 *       <keyword>} (XML). Each token first meets a fast path: its first two chars (ASCII) index
 *       {@code TOKEN_TRIGGER}, one 4 KB table built from {@link TextIndex}'s own char classes, and
 *       together with a pointer to the next {@code ==} this rules out ~86% of tokens (spaces, other
 *       punctuation, words that start no prefix or keyword) without reading their flags; the rest
 *       take the full test. A word after {@code -} is examined from the {@code -} token (the fast
 *       path does not look back), in text order. {@code SecretDetectorOracle} (tests) keeps the
 *       round-3 walk that gave every token the full test.
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
    TextIndex idx = ctx.tokens();
    SecretScan s = new SecretScan(ctx.text(), ctx);
    char[] a = s.chars;
    int n = idx.size();
    // the first "==" at or after the last token's st + 82 (MAX_VALUE: none): a lone Azure key ends
    // with "==", 82 to 86 chars after the start of its word
    int azureAt = s.nextDoubleEquals(0);
    for (int t = 0; t < n; t++) {
      int st = idx.start(t);
      if (t + 1 < n) {
        // the fast path: two ASCII chars (the token's first and the next; t + 1 < n, so st + 1
        // is inside the text) and one load from TOKEN_TRIGGER rule out most tokens: spaces, other
        // punctuation, words that start no prefix or keyword
        char c0 = a[st];
        char c1 = a[st + 1];
        if ((c0 | c1) < 128) {
          if (st + 82 > azureAt) {
            azureAt = s.nextDoubleEquals(st + 82);
          }
          int bits = (int) (TOKEN_TRIGGER[c0 << 2 | c1 >>> 5] >>> ((c1 & 31) << 1)) & 3;
          if (azureAt > st + 86) {
            if (bits == 0) {
              continue;
            }
            // a keyword head and no prefix head: a token of ASCII letters only that is no keyword
            // triggers nothing (wordToken would clear W_KEYWORD; the word after a '-' never gets
            // here, the '-' token consumed it)
            if (bits == W_KEYWORD && !SecretProse.mayBeAsciiKeyword(a, st, idx.start(t + 1))) {
              continue;
            }
          }
        }
      }
      t = token(s, idx, t);
    }
  }

  /**
   * The full test of token {@code t} (the round-3 walk's body; {@code SecretDetectorOracle} keeps
   * that walk): returns the last token it consumed ({@code t}, or {@code t + 1} after a {@code -}
   * when it examined the word that follows).
   */
  private static int token(SecretScan s, TextIndex idx, int t) {
    int f = idx.flags(t);
    if ((f & (TextIndex.ALNUM | TextIndex.PUNCT)) == 0) {
      return t; // whitespace
    }
    int st = idx.start(t);
    if (st < s.resumeAt) {
      return t;
    }
    char[] a = s.chars;
    int len = s.length;
    if ((f & TextIndex.ALNUM) != 0) {
      wordToken(s, idx, t, f, st);
    } else if ((f & TextIndex.ASSIGN) != 0) {
      char prev = st > 0 ? a[st - 1] : 0;
      // "://", or a char that may end the keyword (or a blank or quote before it): "17:", "To:"
      // and "From:" stop here
      if (SecretKeywords.mayEndKeyword(prev)
          || prev == ' '
          || prev == '\t'
          || prev == '"'
          || prev == '\''
          || (st + 1 < len && a[st + 1] == '/')) {
        assignment(s, st);
      }
    } else if ((f & TextIndex.DASH) != 0) {
      if (s.at(st + 1) == '-' && s.startsWith("-----BEGIN ", st)) {
        SecretPattern.PEM_PRIVATE_KEY.scan(s, st);
      } else if (t + 1 < idx.size() && (idx.flags(t + 1) & TextIndex.ALNUM) != 0) {
        // the word after a '-' ("--password", "-p"): the fast path cannot see that it follows a
        // '-', so it is examined here, in text order, and skipped by the walk
        int wt = t + 1;
        int ws = idx.start(wt);
        if (ws >= s.resumeAt) {
          wordToken(s, idx, wt, idx.flags(wt), ws);
        }
        return wt;
      }
    } else if (a[st] == '>' && st > 0 && SecretKeywords.mayEndKeyword(a[st - 1])) {
      xmlElement(s, st); // a keyword ends right before the '>'
    }
    return t;
  }

  /** The alphanumeric token {@code t} (flags {@code f}) at {@code st}: the word triggers. */
  private static void wordToken(SecretScan s, TextIndex idx, int t, int f, int st) {
    char[] a = s.chars;
    int len = s.length;
    char c0 = a[st];
    char c1 = st + 1 < len ? a[st + 1] : 0;
    int w = wordTrigger(c0, c1);
    if ((w & W_KEYWORD) != 0
        && (f & (TextIndex.DIGIT | TextIndex.NON_ASCII)) == 0
        && !SecretProse.isAsciiKeyword(a, st, idx.end(t))) {
      // ASCII letters only: the token is the word SecretProse reads, and it is no keyword
      w &= ~W_KEYWORD;
    }
    char before = st > 0 ? a[st - 1] : 0;
    boolean prose = before == '-' ? SecretProse.mayBeFlag(s, st) : (w & W_KEYWORD) != 0;
    // a lone key's "==" sits 86 chars after its start, which is at most 4 chars before st
    boolean azure = s.doubleEqualsIn(st + 82, st + 86);
    if (w != 0 || prose || azure) {
      word(s, st, w, azure);
    }
  }

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
   * For an ASCII first char {@code c0} and next char {@code c1} of a token: non-zero bits at {@code
   * (c1 & 31) << 1} of {@code TOKEN_TRIGGER[c0 << 2 | c1 >>> 5]} when the token may trigger
   * something: a word whose first two chars start a prefix or keyword ({@link #WORD_TRIGGER}), or
   * one of the punctuation triggers {@code = : - >}. Zero for spaces and every other punctuation
   * char. The char classes come from {@link TextIndex} itself, so the table agrees with the token
   * flags the full test ({@link #token}) reads. 4 KB, like {@link #WORD_TRIGGER}.
   */
  private static final long[] TOKEN_TRIGGER = new long[128 * 4];

  static {
    for (int c0 = 0; c0 < 128; c0++) {
      int f0 = TextIndex.of(String.valueOf((char) c0)).flags(0);
      for (int c1 = 0; c1 < 128; c1++) {
        long bits;
        if ((f0 & TextIndex.ALNUM) != 0) {
          bits = wordTrigger((char) c0, (char) c1);
        } else if ((f0 & TextIndex.DASH) != 0) {
          // a '-' matters before another '-' (PEM) or a word (a flag); "- item", "-)" are nothing
          int f1 = TextIndex.of(String.valueOf((char) c1)).flags(0);
          bits = c1 == '-' || (f1 & TextIndex.ALNUM) != 0 ? 3 : 0;
        } else if ((f0 & TextIndex.PUNCT) != 0) {
          bits = (f0 & TextIndex.ASSIGN) != 0 || c0 == '>' ? 3 : 0;
        } else {
          bits = 0;
        }
        TOKEN_TRIGGER[c0 << 2 | c1 >>> 5] |= bits << ((c1 & 31) << 1);
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
      if (!SecretPattern.SLACK_WEBHOOK.scan(s, a)) {
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
    for (int sp = 0; sp < 4 && (s.at(k - 1) == ' ' || s.at(k - 1) == '\t'); sp++) {
      k--;
    }
    if (s.at(k - 1) == '"' || s.at(k - 1) == '\'') {
      k--;
    }
    int ke = k;
    if (!SecretKeywords.mayEndKeyword(s.at(ke - 1))) {
      return; // necessary: every keyword (and "is" in "password is:") ends with a rule's last char
    }
    if (!SecretKeywords.mayMatch(s.chars, Math.max(0, ke - SecretKeywords.MAX_KEYWORD), ke)
        && !(ke >= 2 && text.regionMatches(true, ke - 2, "is", 0, 2))) {
      // necessary before the keyword is read backwards: the test below on [ks, ke) sees the same
      // last two compact chars (a keyword lies within MAX_KEYWORD chars of ke), unless "is" moves
      // the keyword ("the password is: x")
      return;
    }
    int ks = keywordStart(s, ke);
    if (ke - ks == 2 && text.regionMatches(true, ks, "is", 0, 2) && s.at(ks - 1) == ' ') {
      ke = ks - 1; // "the password is: x"
      ks = keywordStart(s, ke);
    }
    if (ke - ks < 2 || !SecretKeywords.mayMatch(s.chars, ks, ke)) {
      return; // necessary for a rule below (the two-word form ends the same way)
    }
    boolean query = s.at(ks - 1) == '?' || s.at(ks - 1) == '&';
    SecretKeywords.Rule rule = s.match(ks, ke, query);
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
    } else {
      vs = v;
      ve = s.runEnd(v, query ? SecretChars.VALUE_Q : SecretChars.VALUE);
      if (ve - vs > MAX_VALUE) {
        return;
      }
      ve = trimTrailing(s, vs, ve);
    }
    if (ve <= vs) {
      return;
    }
    if (SecretPattern.tryWord(s, vs, true)) {
      return; // a known token after any keyword: its own pattern reported it
    }
    s.keyStart = ks;
    s.keyEnd = ke;
    s.separator = c;
    s.valueStart = vs;
    s.valueEnd = ve;
    s.quote = quote;
    s.query = query;
    s.rule = rule;
    rule.pattern().scan(s, vs);
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
