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
 *       <keyword>} (XML).
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
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    SecretScan s = new SecretScan(text, ctx);
    for (int t = 0, n = idx.size(); t < n; t++) {
      int st = idx.start(t);
      if (st < s.resumeAt) {
        continue;
      }
      int f = idx.flags(t);
      if ((f & TextIndex.ALNUM) != 0) {
        if (!SecretPattern.tryWord(s, st, false)) {
          SecretProse.tryWord(s, st);
        }
      } else if ((f & TextIndex.ASSIGN) != 0) {
        assignment(s, st);
      } else if ((f & TextIndex.DASH) != 0
          && s.at(st + 1) == '-'
          && text.startsWith("-----BEGIN ", st)) {
        SecretPattern.PEM_PRIVATE_KEY.scan(s, st);
      } else if ((f & TextIndex.PUNCT) != 0 && s.chars[st] == '>') {
        xmlElement(s, st);
      }
    }
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
    int ks = keywordStart(s, ke);
    if (ke - ks == 2 && text.regionMatches(true, ks, "is", 0, 2) && s.at(ks - 1) == ' ') {
      ke = ks - 1; // "the password is: x"
      ks = keywordStart(s, ke);
    }
    if (ke - ks < 2) {
      return;
    }
    boolean query = s.at(ks - 1) == '?' || s.at(ks - 1) == '&';
    SecretKeywords.Rule rule =
        SecretKeywords.match(text, ks, ke, query, s.keywordBuf, s.keywordBoundary);
    if (rule != null && rule.weak() && s.at(ks - 1) == ' ' && ks >= 2) {
      // two words: "API key:", "Subscription Key:" (strong), "Primary key:" (excluded)
      int ks2 = keywordStart(s, ks - 1);
      if (ks2 < ks - 1) {
        rule = SecretKeywords.match(text, ks2, ke, query, s.keywordBuf, s.keywordBoundary);
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
    if (gt - ks < 2 || s.at(ks - 1) != '<') {
      return;
    }
    SecretKeywords.Rule rule =
        SecretKeywords.match(s.text, ks, gt, false, s.keywordBuf, s.keywordBoundary);
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
