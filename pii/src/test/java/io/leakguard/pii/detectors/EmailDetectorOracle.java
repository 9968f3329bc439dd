package io.leakguard.pii.detectors;

import com.google.common.net.InternetDomainName;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The round-3 {@link EmailDetector}, kept unchanged as the test oracle for the round-4 changes
 * (posting-list walk, first label parsed once, fused domain hash): {@code EmailDifferentialTest}
 * checks both report the same findings. It has its own public-suffix memo. Not used by the engine.
 */
final class EmailDetectorOracle implements Detector {

  // ---- guard names (see docs/detectors/email.md) ----
  /** Nothing usable before {@code @}: {@code @jdoe}, {@code @Override}, {@code @babel/core}. */
  static final String MENTION = "MENTION";

  /** {@code at} glued to code: {@code obj.at(3)}, {@code list.at(i).name}. */
  static final String CODE = "CODE";

  /** The local part before a spaced {@code @} or an {@code at} word is a common English word. */
  static final String STOP_WORD = "STOP_WORD";

  /** {@code www.} host after an {@code at} word: a web address, not a mailbox. */
  static final String WEB_HOST = "WEB_HOST";

  /** Image density suffix: {@code icon@2x.png}. */
  static final String RETINA_ASSET = "RETINA_ASSET";

  /** {@code user@host:path}: an scp/git remote, a service account (score 0.3). */
  static final String SCP_REMOTE = "SCP_REMOTE";

  /** {@code scheme://user@host}: URL user info, left to the secret detector (score 0.4). */
  static final String URL_USERINFO = "URL_USERINFO";

  static final int LOCAL_MAX = 64;
  static final int DOMAIN_MAX = 253;
  static final int LABEL_MAX = 63;
  static final int MAX_LABELS = 40;
  static final int MAX_BACKOFF = 4;
  static final int CONTEXT_WINDOW = 48;

  static final double STANDARD_SCORE = 0.95;
  static final double OBFUSCATED_BASE = 0.55;
  static final double OBFUSCATED_CAP = 0.9;
  static final double SCP_SCORE = 0.3;
  static final double USERINFO_SCORE = 0.4;

  /**
   * Context words that raise an obfuscated address's score when found within {@link
   * #CONTEXT_WINDOW} chars ("e-mail" counts as "mail"). At most 7 letters each: they are matched
   * packed into a long, without allocation.
   */
  static final List<String> CONTEXT =
      List.of(
          "email", "emails", "mail", "mailbox", "contact", "reach", "write", "address", "send",
          "reply", "inbox");

  private static final long[] CONTEXT_KEYS = new long[CONTEXT.size()];
  private static final String[] CONTEXT_BY_KEY = new String[CONTEXT.size()];

  static {
    List<String> sorted = new ArrayList<>(CONTEXT);
    sorted.sort(Comparator.comparingLong(w -> packWord(w, 0, w.length())));
    for (int i = 0; i < sorted.size(); i++) {
      CONTEXT_BY_KEY[i] = sorted.get(i);
      CONTEXT_KEYS[i] = packWord(sorted.get(i), 0, sorted.get(i).length());
    }
  }

  /** Packs 1-7 ASCII letters (any case) into a long, base 27; -1 for anything else. */
  static long packWord(CharSequence s, int from, int to) {
    if (to - from < 1 || to - from > 7) {
      return -1;
    }
    long key = 0;
    for (int i = from; i < to; i++) {
      int c = s.charAt(i) | 0x20;
      if (c < 'a' || c > 'z') {
        return -1;
      }
      key = key * 27 + (c - 'a' + 1);
    }
    return key;
  }

  /**
   * Spelled-out TLDs accepted after a plain space ({@code contoso com}). English words that are
   * also TLDs ({@code at in is it me no to us be so}) are deliberately absent.
   */
  static final Set<String> SPACED_TLDS =
      words(
          "com net org edu gov mil info biz io co uk de fr nl es ru jp cn br au ca ch se pl eu dk "
              + "fi cz pt ie nz za mx ar kr tw hk sg ac ai dev app tv ly gr hu ro sk ua il tr cl vn"
              + " th ph");

  /**
   * TLDs that are also English words, accepted after a plain space only when the {@code @} is
   * literal ({@code brossi @acmeplumbing us}, {@code korhonen.maria @ gmx at}); pairs every three
   * characters. Never after another space-joined label ({@code acmeplumbing us in the form});
   * {@code is}, {@code in}, {@code to}... stay out ({@code XYZ @contoso is here}).
   */
  static final String WORD_TLDS = "at be it no us";

  /** TLDs that add a little evidence to an obfuscated form. */
  static final Set<String> COMMON_TLDS =
      words(
          "com net org edu gov mil info biz io co uk de fr nl es it ru jp cn br au ca ch se pl eu "
              + "us me in");

  // STOP_WORDS: the engine's list, read through EmailDetector.stopWord (session 17)

  /** {@link #COMMON_TLDS} packed by {@link #packLetters} (all 2-4 letters), sorted. */
  private static final int[] COMMON_TLD_KEYS =
      COMMON_TLDS.stream().mapToInt(w -> packLetters(w, 0, w.length())).sorted().toArray();

  /** {@link #formName} of every form bit set: no string building per finding. */
  private static final String[] FORM_NAME_CACHE = new String[1 << 6];

  /** {@link #SPACED_TLDS} packed by {@link #packLetters}, sorted: an allocation-free lookup. */
  private static final int[] SPACED_TLD_KEYS =
      SPACED_TLDS.stream().mapToInt(w -> packLetters(w, 0, w.length())).sorted().toArray();

  /**
   * Packs 1-4 ASCII letters (any case) into an int, base 27; -1 for anything else. Used on the hot
   * path of the English word "at" followed by a short word.
   */
  static int packLetters(CharSequence s, int from, int to) {
    // 27^4 fits an int: the same packing as packWord, limited to four letters
    return to - from > 4 ? -1 : (int) packWord(s, from, to);
  }

  private static Set<String> words(String list) {
    return Set.copyOf(Arrays.asList(list.trim().split("\\s+")));
  }

  // ---- separator kinds (before a label) ----
  private static final int SEP_NONE = 0;
  private static final int SEP_DOT = 1;
  private static final int SEP_SPACED_DOT = 2;
  private static final int SEP_WORD = 3;
  private static final int SEP_BRACKET = 4;
  private static final int SEP_COMMA = 5;
  private static final int SEP_LINEBREAK = 6;
  private static final int SEP_SPACE_TLD = 7;
  private static final int SEP_GLUE = 10;

  // ---- at separator kinds ----
  private static final int AT_PLAIN = 0;
  private static final int AT_SPACED = 1;
  private static final int AT_WORD = 2;
  private static final int AT_BRACKET = 3;

  // ---- form bits, in output order ----
  private static final int F_SPACED = 1;
  private static final int F_WORDS = 1 << 1;
  private static final int F_BRACKETED = 1 << 2;
  private static final int F_COMMA = 1 << 3;
  private static final int F_LINEBREAK = 1 << 4;
  private static final int F_MAILTO = 1 << 5;
  private static final String[] FORM_NAMES = {
    "spaced", "words", "bracketed", "comma", "line-break", "mailto"
  };

  @Override
  public String name() {
    return "email";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.EMAIL_ADDRESS);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.AT_SIGN | TextIndex.AT_WORD;
  }

  @Override
  public void detect(DetectionContext ctx) {
    TextIndex idx = ctx.tokens();
    if ((idx.textFlags() & TextIndex.AT_WORD) == 0) {
      atSignsOnly(ctx);
      return;
    }
    Scan scan = null;
    int lastEnd = 0;
    try {
      for (int t = 0, size = idx.size(); t < size; t++) {
        int f = idx.flags(t);
        if ((f & (TextIndex.AT_SIGN | TextIndex.AT_WORD)) == 0) {
          continue;
        }
        int p = idx.start(t);
        if (p < lastEnd) {
          continue;
        }
        if (scan == null) {
          scan = SCANS.get().reset(ctx);
        }
        int end = (f & TextIndex.AT_SIGN) != 0 ? scan.atSign(p) : scan.atWord(p);
        if (end > 0) {
          lastEnd = end;
        }
      }
    } finally {
      if (scan != null) {
        scan.release();
      }
    }
  }

  /**
   * {@link #detect} for a text without an {@code at} word: the triggers are the {@code @} chars
   * (each is its own {@link TextIndex#AT_SIGN} token), found by the vectorized {@link
   * String#indexOf(int, int)} instead of a walk over every token's flags.
   */
  private static void atSignsOnly(DetectionContext ctx) {
    String text = ctx.text();
    int p = text.indexOf('@');
    if (p < 0) {
      return;
    }
    Scan scan = SCANS.get().reset(ctx);
    try {
      while (p >= 0) {
        int end = scan.atSign(p);
        p = text.indexOf('@', end > p ? end : p + 1);
      }
    } finally {
      scan.release();
    }
  }

  /**
   * One scanner per thread, reused text after text (its arrays and buffers are allocated once):
   * detectors are shared by threads, and one thread runs one detection at a time.
   */
  private static final ThreadLocal<Scan> SCANS = ThreadLocal.withInitial(Scan::new);

  /**
   * Scanner state for the current text; every field a candidate reads is set for that candidate
   * first, so nothing carries over between candidates or texts.
   */
  private static final class Scan {
    DetectionContext ctx;
    String s;
    char[] chars;
    int n;

    // at separator
    int atKind;
    boolean atNewline;
    boolean atSpacedH;

    // domain labels
    int[] labS;
    int[] labE;
    int[] labSep;
    boolean[] labSpaced;
    int labels;

    // local chunks, right to left
    int[] locS;
    int[] locE;
    int[] locSep;
    int locChunks;
    boolean localSpacedLetters;
    boolean localQuoted;

    Scan() {
      labS = new int[MAX_LABELS];
      labE = new int[MAX_LABELS];
      labSep = new int[MAX_LABELS];
      labSpaced = new boolean[MAX_LABELS];
      locS = new int[17];
      locE = new int[17];
      locSep = new int[17];
    }

    Scan reset(DetectionContext ctx) {
      this.ctx = ctx;
      this.s = ctx.text();
      this.chars = ctx.tokens().chars();
      this.n = s.length();
      this.domLabels = -1;
      return this;
    }

    /** Drops the text (the thread keeps the scanner, not the last text). */
    void release() {
      ctx = null;
      s = null;
      chars = null;
    }

    // ------------------------------------------------------------------ triggers

    /** {@code @} at {@code p}, possibly bracketed {@code [@]} and spaced. */
    int atSign(int p) {
      int in0 = p;
      int in1 = p + 1;
      atKind = AT_PLAIN;
      if (p > 0 && p + 1 < n && isOpener(chars[p - 1]) && chars[p + 1] == closerOf(chars[p - 1])) {
        in0 = p - 1;
        in1 = p + 2;
        atKind = AT_BRACKET;
      }
      int a = skipHSpaceLeft(in0, 2);
      atNewline = false;
      int b = in1;
      int ws = 0;
      while (b < n && ws < 3 && isSpace(chars[b])) {
        if (isNewline(chars[b])) {
          atNewline = true;
        }
        b++;
        ws++;
      }
      if (atNewline) {
        int q = b;
        while (b < n && b - q < 12 && (chars[b] == '>' || isHSpace(chars[b]))) {
          b++; // reply quote prefix: "o.ruiz@\n> > ziggo.nl"
        }
      }
      boolean breakBefore = false;
      if (a == in0) {
        // "lukas.mensah\n@proseware.ie", "lukas.mensah\n> @proseware.ie"
        int q = in0;
        while (q > 0 && in0 - q < 12 && (chars[q - 1] == '>' || isHSpace(chars[q - 1]))) {
          q--;
        }
        if (q > 0 && chars[q - 1] == '\n') {
          q--;
          if (q > 0 && chars[q - 1] == '\r') {
            q--;
          }
          if (q > 0 && isLocalChar(chars[q - 1])) {
            a = q;
            breakBefore = true;
          }
        }
      }
      atSpacedH = atKind == AT_PLAIN && ((a < in0 && !breakBefore) || (b > in1 && !atNewline));
      atNewline |= breakBefore;
      if (atKind == AT_PLAIN && atSpacedH) {
        atKind = AT_SPACED;
      }
      return candidate(a, b);
    }

    /** {@code at} word at {@code p} (two chars). */
    int atWord(int p) {
      int q = p + 2;
      char before = p > 0 ? chars[p - 1] : '\0';
      int in0;
      int in1;
      int o = -1;
      if (isOpener(before)) {
        o = p - 1;
      } else if (before == ' ' && p > 1 && isOpener(chars[p - 2])) {
        o = p - 2;
      }
      atNewline = false;
      atSpacedH = false;
      if (o >= 0) {
        int c = q < n && chars[q] == ' ' ? q + 1 : q;
        if (c >= n || chars[c] != closerOf(chars[o])) {
          return -1; // CODE guard: "(at" without a closing bracket
        }
        in0 = o;
        in1 = c + 1;
        atKind = AT_BRACKET;
      } else {
        // CODE guard: the word must stand alone between spaces
        if (p == 0 || !isHSpace(before) || q >= n || !isHSpace(chars[q])) {
          return -1;
        }
        in0 = p;
        in1 = q;
        atKind = AT_WORD;
      }
      int a = skipHSpaceLeft(in0, 2);
      int b = skipHSpaceRight(in1, 2);
      return candidate(a, b);
    }

    // ------------------------------------------------------------------ candidate

    /**
     * Separator covers {@code [a, b)}; the domain starts at {@code b}, the local part ends at
     * {@code a}. Returns the candidate's end, or -1.
     */
    int candidate(int a, int b) {
      if (b >= n || !isLabelStart(chars[b]) || a == 0) {
        return -1; // MENTION (nothing before) or nothing after
      }
      boolean obf = atKind != AT_PLAIN;
      // a spaced-out domain after a literal '@' ("jane.doe@c o n t o s o . c o m", session 14)
      if (!parseDomain(b, obf || EmailDetector.spacedDomainAt(chars, b, n))) {
        return -1;
      }
      // domain labels parsed; validate (with bounded back-off)
      int k = validLabelCount();
      if (k < 2) {
        return -1;
      }
      if (!parseLocal(a, obf || hasObfuscatedDot(k))) {
        return -1;
      }
      return report(k);
    }

    // ------------------------------------------------------------------ domain

    boolean parseDomain(int start, boolean obf) {
      // fast reject without allocation: one label, then a dot-like separator
      int e = spacedLettersAt(start, obf) ? spacedLettersEnd(start) : firstLabelEnd(start);
      if (e < 0) {
        return false;
      }
      curSep = SEP_NONE;
      int next = separatorAfter(e, start);
      if (next < 0) {
        return false;
      }
      labels = 0;
      domLabels = -1;
      int i = start;
      int sep = SEP_NONE;
      int domainChars = 0;
      while (labels < MAX_LABELS) {
        boolean spaced = spacedLettersAt(i, obf);
        int le = spaced ? spacedLettersEnd(i) : labels == 0 ? firstLabelEnd(i) : labelEnd(i);
        if (labels == 0) {
          labBroken = !spaced && firstBroken;
        }
        if (le < 0) {
          break;
        }
        int len = spaced ? (le - i + 1) / 2 : le - i;
        if (labels > 0 && le < n && chars[le] == '@') {
          break; // the local part of the next address
        }
        domainChars += len + (labels > 0 ? 1 : 0);
        if (domainChars > DOMAIN_MAX) {
          break;
        }
        labS[labels] = i;
        labE[labels] = le;
        labSep[labels] = sep;
        labSpaced[labels] = spaced;
        labels++;
        curSep = sep;
        int nx = separatorAfter(le, i);
        if (nx < 0) {
          break;
        }
        sep = lastSep;
        i = nx;
      }
      return labels >= 2;
    }

    int lastSep;

    /** The first label continues across a line break. */
    boolean labBroken;

    /** Separator before the label that {@link #separatorAfter} is called for. */
    int curSep;

    /**
     * Dot-like separator after a label ending at {@code j}; returns the next label's start and sets
     * {@link #lastSep}, or -1.
     */
    /**
     * A spelled-out TLD word ({@link #isSpacedTld}) starts at {@code k} and ends a word: the only
     * label taken after a dot with a space on one side only ({@code gmail. com}, {@code gmail
     * .com}).
     */
    boolean tldWordAt(int k) {
      int e = k;
      while (e < n && e - k < 8 && isAsciiAlnum(chars[e])) {
        e++;
      }
      return e > k && (e >= n || !isLabelChar(chars[e])) && isSpacedTld(k, e);
    }

    int separatorAfter(int j, int labelStart) {
      if (j >= n) {
        return -1;
      }
      char c = chars[j];
      if (c == '.') {
        if (j + 1 < n && isLabelStart(chars[j + 1])) {
          lastSep = SEP_DOT;
          return j + 1;
        }
        int k = j + 1;
        boolean nl = false;
        while (k < n && k - j <= 8 && isSpace(chars[k])) {
          nl |= isNewline(chars[k]);
          k++;
        }
        if (nl) {
          while (k < n && k - j <= 16 && (chars[k] == '>' || isHSpace(chars[k]))) {
            k++;
          }
        }
        if (k < n && isLabelStart(chars[k])) {
          if (nl) {
            if (EmailDetector.paragraphBreak(chars, j + 1, k)) {
              return -1; // "at 5 dot 30.\n\nBest regards": a blank line ends the address
            }
            lastSep = SEP_LINEBREAK;
            return k;
          }
          if (k - j <= 3 && tldWordAt(k)) {
            lastSep = SEP_SPACED_DOT; // "gmail. com": a space after the dot only, before a TLD
            return k;
          }
        }
        return -1;
      }
      if (isNewline(c)) {
        // "contoso\n.com", "contoso\n> .com"
        int m = afterBreak(j);
        if (m + 1 < n && chars[m] == '.' && isLabelStart(chars[m + 1])) {
          lastSep = SEP_LINEBREAK;
          return m + 1;
        }
        return -1;
      }
      if (c == ',') {
        if (j + 1 < n && isLabelStart(chars[j + 1])) {
          lastSep = SEP_COMMA;
          return j + 1;
        }
        return -1;
      }
      int k = skipHSpaceRight(j, 2);
      if (k >= n) {
        return -1;
      }
      char d = chars[k];
      if (d == '.' && k > j) {
        int m = skipHSpaceRight(k + 1, 2);
        if (m < n && isLabelStart(chars[m]) && (m > k + 1 || tldWordAt(m))) {
          lastSep = SEP_SPACED_DOT; // "gmail . com", or "gmail .com" before a TLD
          return m;
        }
        return -1;
      }
      if (isOpener(d)) {
        int m = skipHSpaceRight(k + 1, 1);
        if (m < n && chars[m] == '.') {
          m++;
        } else if (isWordAt(m, "dot")) {
          m += 3;
        } else {
          return -1;
        }
        m = skipHSpaceRight(m, 1);
        if (m >= n || chars[m] != closerOf(d)) {
          return -1;
        }
        m = skipHSpaceRight(m + 1, 2);
        if (m < n && isLabelStart(chars[m])) {
          lastSep = SEP_BRACKET;
          return m;
        }
        return -1;
      }
      if (k == j) {
        return -1;
      }
      if (isWordAt(k, "dot") && k + 3 < n && isHSpace(chars[k + 3])) {
        int m = skipHSpaceRight(k + 3, 2);
        if (m < n && isLabelStart(chars[m])) {
          lastSep = SEP_WORD;
          return m;
        }
        return -1;
      }
      // a plain space only before a spelled-out TLD word ("contoso com")
      int e = k;
      while (e < n && e - k < LABEL_MAX && isAsciiAlnum(chars[e])) {
        e++;
      }
      if (e == k || j <= labelStart || (e < n && (isLabelChar(chars[e]) || chars[e] == '@'))) {
        return -1;
      }
      // a TLD that is also an English word ("gmx at", "acmeplumbing us") only after a literal '@'
      if (isSpacedTld(k, e) || (atKind != AT_WORD && curSep != SEP_SPACE_TLD && isWordTld(k, e))) {
        lastSep = SEP_SPACE_TLD;
        return k;
      }
      // the first label of a two-label public suffix: "fabrikam onmicrosoft com" (checked later)
      if (e - k > 2 && e + 1 < n && chars[e] == ' ') {
        int f = e + 1;
        while (f < n && f - e <= 5 && isAsciiAlnum(chars[f])) {
          f++;
        }
        if (f > e + 1 && (f >= n || !isLabelChar(chars[f])) && isSpacedTld(e + 1, f)) {
          lastSep = SEP_SPACE_TLD;
          return k;
        }
      }
      return -1;
    }

    /** A TLD that is also a common English word ({@link #WORD_TLDS}). */
    boolean isWordTld(int from, int to) {
      if (to - from != 2) {
        return false;
      }
      char a = Character.toLowerCase(chars[from]);
      char b = Character.toLowerCase(chars[from + 1]);
      for (int i = 0; i + 1 < WORD_TLDS.length(); i += 3) {
        if (WORD_TLDS.charAt(i) == a && WORD_TLDS.charAt(i + 1) == b) {
          return true;
        }
      }
      return false;
    }

    /**
     * Number of leading labels that form a valid domain under a public suffix, with at most {@link
     * #MAX_BACKOFF} attempts; 0 when none.
     */
    int validLabelCount() {
      int k = labels;
      // a line break after "contoso.com." or before a capital ("30.\nBest") starts the next
      // sentence, not a label
      for (int m = 1; m < k; m++) {
        if (labSep[m] == SEP_LINEBREAK
            && (suffixParts(m) > 0
                || EmailDetector.sentenceAfterBreak(chars, labS[m - 1], labE[m - 1], labS[m]))) {
          k = m;
          break;
        }
      }
      // spaced-out TLD followed by single-letter words: "s e e o telefone" is ".se" + "e o"
      if (k == labels && labSpaced[k - 1] && suffixParts(k) <= 0) {
        int full = labE[k - 1];
        int len = (full - labS[k - 1] + 1) / 2;
        for (int t = Math.min(len - 1, 4); t >= 2; t--) {
          labE[k - 1] = labS[k - 1] + 2 * t - 1;
          domLabels = -1;
          if (suffixParts(k) > 0) {
            break;
          }
          labE[k - 1] = full;
        }
        domLabels = -1;
      }
      for (int tries = 0; tries < MAX_BACKOFF && k >= 2; tries++, k--) {
        int ps = suffixParts(k);
        if (ps <= 0) {
          continue;
        }
        boolean ok = true;
        for (int m = 1; m < k; m++) {
          // ... or the middle of "fabrikam onmicrosoft com" after a literal '@'
          boolean tenant = m == 1 && k == 3 && ps == 1 && atKind != AT_WORD;
          if (labSep[m] == SEP_SPACE_TLD && k - m > ps && !tenant) {
            ok = false; // space-joined labels must be inside the public suffix
            break;
          }
        }
        if (ok) {
          return k;
        }
      }
      return 0;
    }

    /** Public-suffix label count when labels [0,k) are under a public suffix, else 0. */
    int suffixParts(int k) {
      domain(k);
      if (domLen > DOMAIN_MAX) {
        return 0;
      }
      // the same domain again (a signature and a quote in one text): no shared-memo look-up
      if (domLen == lastLen && Arrays.equals(lastDomain, 0, domLen, domBuf, 0, domLen)) {
        return lastParts;
      }
      int parts = publicSuffixParts(domBuf, domLen);
      if (domLen <= lastDomain.length) {
        System.arraycopy(domBuf, 0, lastDomain, 0, domLen);
        lastLen = domLen;
        lastParts = parts;
      }
      return parts;
    }

    /** The last domain looked up on this thread and its answer ({@link #lastLen} -1: none). */
    final char[] lastDomain = new char[DOMAIN_MAX];

    int lastLen = -1;
    int lastParts;

    /** The lower-case domain of labels {@code [0, domLabels)}: {@code domBuf[0, domLen)}. */
    char[] domBuf = new char[64];

    int domLen;

    /** Label count {@link #domBuf} was built for; -1 after the labels changed. */
    int domLabels = -1;

    /**
     * Builds the lower-case domain of labels {@code [0, k)} into {@link #domBuf} (kept while the
     * labels and {@code k} stay the same). ASCII is lower-cased in place; a domain with other chars
     * goes through {@link String#toLowerCase(Locale)} (its lower case may differ in length).
     */
    void domain(int k) {
      if (k == domLabels) {
        return;
      }
      int cap = k;
      for (int m = 0; m < k; m++) {
        cap += labE[m] - labS[m];
      }
      if (domBuf.length < cap) {
        domBuf = new char[Math.max(cap, domBuf.length * 2)];
      }
      char[] d = domBuf;
      int len = 0;
      boolean ascii = true;
      for (int m = 0; m < k && ascii; m++) {
        if (m > 0) {
          d[len++] = '.';
        }
        int step = labSpaced[m] ? 2 : 1;
        boolean filter = !labSpaced[m] && m == 0 && labBroken;
        for (int i = labS[m]; i < labE[m]; i += step) {
          char ch = chars[i];
          if (ch >= 128) {
            ascii = false;
            break;
          }
          if (filter && !isLabelChar(ch)) {
            continue;
          }
          d[len++] = ch >= 'A' && ch <= 'Z' ? (char) (ch | 0x20) : ch;
        }
      }
      if (!ascii) {
        StringBuilder sb = new StringBuilder(cap);
        for (int m = 0; m < k; m++) {
          if (m > 0) {
            sb.append('.');
          }
          appendLabel(sb, m);
        }
        String lower = sb.toString().toLowerCase(Locale.ROOT);
        len = lower.length();
        if (domBuf.length < len) {
          domBuf = new char[len];
        }
        lower.getChars(0, len, domBuf, 0);
      }
      domLen = len;
      domLabels = k;
    }

    void appendLabel(StringBuilder sb, int m) {
      if (labSpaced[m]) {
        for (int i = labS[m]; i < labE[m]; i += 2) {
          sb.append(chars[i]);
        }
      } else if (m == 0 && labBroken) {
        for (int i = labS[m]; i < labE[m]; i++) {
          if (isLabelChar(chars[i])) {
            sb.append(chars[i]);
          }
        }
      } else {
        sb.append(s, labS[m], labE[m]);
      }
    }

    boolean hasObfuscatedDot(int k) {
      for (int m = 1; m < k; m++) {
        int sp = labSep[m];
        if (sp == SEP_SPACED_DOT || sp == SEP_WORD || sp == SEP_BRACKET) {
          return true;
        }
      }
      return false;
    }

    // ------------------------------------------------------------------ local part

    boolean parseLocal(int end, boolean obf) {
      localSpacedLetters = false;
      localQuoted = false;
      locChunks = 0;
      char c = chars[end - 1];
      if (c == '"' && atKind == AT_PLAIN) {
        int q = end - 2;
        while (q >= 0 && end - q <= LOCAL_MAX && chars[q] != '"' && !isNewline(chars[q])) {
          q--;
        }
        if (q < 0 || chars[q] != '"' || q == end - 2) {
          return false;
        }
        localQuoted = true;
        addLocal(q, end, SEP_NONE);
        return true;
      }
      if (obf && spacedLettersLeft(end)) {
        int pos = end - 1;
        // letters and digits, with single '.', '_' or '-' between them: "j o h n . s m i t h"
        while (pos >= 2
            && end - pos < 2 * LOCAL_MAX
            && chars[pos - 1] == ' '
            && (isAsciiAlnum(chars[pos - 2])
                || (isSpacedLocalSep(chars[pos - 2]) && isAsciiAlnum(chars[pos])))
            && (pos - 2 == 0 || !isLocalChar(chars[pos - 3]))) {
          pos -= 2;
        }
        if (!isAsciiAlnum(chars[pos])) {
          pos += 2; // a separator does not start the local part
        }
        localSpacedLetters = true;
        addLocal(pos, end, SEP_NONE);
        return true;
      }
      int j = localChunkStart(end);
      if (j == end) {
        return false; // MENTION
      }
      addLocal(j, end, SEP_NONE);
      int total = end - j;
      while (obf && locChunks < 16) {
        int ce = dotLeft(j);
        if (ce <= 0) {
          break;
        }
        int cs = localChunkStart(ce);
        if (cs == ce || total + (ce - cs) + 1 > LOCAL_MAX) {
          break;
        }
        locSep[locChunks - 1] = lastSep; // separator before the chunk on its right
        addLocal(cs, ce, SEP_NONE);
        total += ce - cs + 1;
        j = cs;
      }
      // a dot-atom does not start with '.', and '-'/'+' there is punctuation
      int first = locChunks - 1;
      while (locS[first] < locE[first] && "._-+".indexOf(chars[locS[first]]) >= 0) {
        locS[first]++;
      }
      if (locS[first] == locE[first]) {
        return false;
      }
      if (atKind == AT_PLAIN) {
        // BROKEN_LOCAL: the part before a line break that cut the local part
        int fe = EmailDetector.breakBefore(chars, locS[first]);
        int fs = fe < 0 ? -1 : EmailDetector.brokenLocalStart(chars, fe, locS[first]);
        if (fs >= 0) {
          locSep[first] = SEP_GLUE;
          addLocal(fs, fe, SEP_NONE);
        }
      }
      return true;
    }

    void addLocal(int from, int to, int sep) {
      locS[locChunks] = from;
      locE[locChunks] = to;
      locSep[locChunks] = sep;
      locChunks++;
    }

    int localChunkStart(int end) {
      return EmailDetector.localChunkStart(chars, end);
    }

    /**
     * Obfuscated dot ending at {@code j} (the start of a local chunk); returns the end of the chunk
     * before it and sets {@link #lastSep}, or -1.
     */
    int dotLeft(int j) {
      int k = skipHSpaceLeft(j, 2);
      if (k <= 0) {
        return -1;
      }
      char c = chars[k - 1];
      if (c == '.' && k < j) {
        int m = skipHSpaceLeft(k - 1, 2);
        if (m < k - 1 && m > 0 && isLocalChar(chars[m - 1])) {
          lastSep = SEP_SPACED_DOT;
          return m;
        }
        return -1;
      }
      if (isCloser(c)) {
        char open = openerOf(c);
        int m = skipHSpaceLeft(k - 1, 1);
        if (m > 0 && chars[m - 1] == '.') {
          m--;
        } else if (m >= 3 && isWordAt(m - 3, "dot")) {
          m -= 3;
        } else {
          return -1;
        }
        m = skipHSpaceLeft(m, 1);
        if (m <= 0 || chars[m - 1] != open) {
          return -1;
        }
        int e = skipHSpaceLeft(m - 1, 2);
        if (e > 0 && isLocalChar(chars[e - 1])) {
          lastSep = SEP_BRACKET;
          return e;
        }
        return -1;
      }
      if (k < j && k >= 4 && isWordAt(k - 3, "dot") && isHSpace(chars[k - 4])) {
        int m = skipHSpaceLeft(k - 3, 2);
        if (m > 0 && isLocalChar(chars[m - 1])) {
          lastSep = SEP_WORD;
          return m;
        }
      }
      return -1;
    }

    boolean spacedLettersLeft(int end) {
      return EmailDetector.spacedLettersEnd(chars, end);
    }

    /** The lower-case local part, chunks joined by dots: {@code locBuf[0, locLen)}. */
    char[] locBuf = new char[64];

    int locLen;

    /** Builds the local part into {@link #locBuf}, as {@link #domain(int)} does the domain. */
    void local() {
      int cap = locChunks;
      for (int m = 0; m < locChunks; m++) {
        cap += locE[m] - locS[m];
      }
      if (locBuf.length < cap) {
        locBuf = new char[Math.max(cap, locBuf.length * 2)];
      }
      char[] d = locBuf;
      int len = 0;
      int step = localSpacedLetters ? 2 : 1;
      for (int m = locChunks - 1; m >= 0; m--) {
        for (int i = locS[m]; i < locE[m]; i += step) {
          char ch = chars[i];
          if (ch >= 128) {
            localSlow();
            return;
          }
          d[len++] = ch >= 'A' && ch <= 'Z' ? (char) (ch | 0x20) : ch;
        }
        if (m > 0 && locSep[m - 1] != SEP_GLUE) {
          d[len++] = '.';
        }
      }
      locLen = len;
    }

    private void localSlow() {
      StringBuilder sb = new StringBuilder(32);
      for (int m = locChunks - 1; m >= 0; m--) {
        if (localSpacedLetters) {
          for (int i = locS[m]; i < locE[m]; i += 2) {
            sb.append(chars[i]);
          }
        } else {
          sb.append(s, locS[m], locE[m]);
        }
        if (m > 0 && locSep[m - 1] != SEP_GLUE) {
          sb.append('.');
        }
      }
      String lower = sb.toString().toLowerCase(Locale.ROOT);
      locLen = lower.length();
      if (locBuf.length < locLen) {
        locBuf = new char[locLen];
      }
      lower.getChars(0, locLen, locBuf, 0);
    }

    /** Whether the local part is letters only ({@link Character#isLetter(char)}). */
    boolean localLettersOnly() {
      for (int i = 0; i < locLen; i++) {
        if (!isLetter(locBuf[i])) {
          return false;
        }
      }
      return true;
    }

    /** {@code local@domain}, built with one copy. */
    String canonical() {
      int len = locLen + 1 + domLen;
      if (outBuf.length < len) {
        outBuf = new char[Math.max(len, outBuf.length * 2)];
      }
      System.arraycopy(locBuf, 0, outBuf, 0, locLen);
      outBuf[locLen] = '@';
      System.arraycopy(domBuf, 0, outBuf, locLen + 1, domLen);
      return new String(outBuf, 0, len);
    }

    char[] outBuf = new char[128];

    /**
     * {@code COMMON_TLDS.contains(lastLabel())} without building the string: {@link #domBuf} is
     * lower case, and every common TLD is 2-4 ASCII letters ({@link #COMMON_TLD_KEYS}).
     */
    boolean lastLabelIsCommonTld() {
      int i = domLen;
      while (i > 0 && domBuf[i - 1] != '.') {
        i--;
      }
      if (domLen - i < 1 || domLen - i > 4) {
        return false;
      }
      int key = 0;
      for (int j = i; j < domLen; j++) {
        int c = domBuf[j] | 0x20; // as packLetters
        if (c < 'a' || c > 'z') {
          return false;
        }
        key = key * 27 + (c - 'a' + 1);
      }
      return Arrays.binarySearch(COMMON_TLD_KEYS, key) >= 0;
    }

    /** The domain's last label, e.g. {@code com}. */
    String lastLabel() {
      int i = domLen;
      while (i > 0 && domBuf[i - 1] != '.') {
        i--;
      }
      return new String(domBuf, i, domLen - i);
    }

    // ------------------------------------------------------------------ guards, score, report

    /**
     * STACK_FRAME: the domain ending at {@code end}, continued by at most 64 more {@code .name}
     * chars, is followed by {@code (}, {@code $} or {@code :digit} (a method call, an inner class,
     * a file and line: {@code at com.contoso.Invoice.total(}, {@code at server.app.js:12:5}).
     */
    boolean stackFrameAfter(int end) {
      return EmailDetector.stackFrameAfter(chars, n, end);
    }

    /**
     * MESSAGE_ID: the line holding the {@code <} at {@code lt} (looked at most 1,000 chars back)
     * starts with a {@code Message-ID:}, {@code In-Reply-To:}, {@code References:} or {@code
     * Content-ID:} header, whose {@code <id@host>} values are message ids, not mailboxes.
     */
    boolean messageIdHeader(int lt) {
      return EmailDetector.messageIdHeader(s, chars, lt);
    }

    int report(int k) {
      int start = locS[locChunks - 1];
      int end = labE[k - 1];
      local();
      domain(k);
      boolean lettersOnly = localLettersOnly();
      // STOP_WORD: "look at contoso.com", "meet @ contoso.com"
      if ((atKind == AT_WORD || atKind == AT_SPACED)
          && !localSpacedLetters
          && EmailDetector.stopWord(locBuf, locLen)) {
        return -1;
      }
      // URL_PATH: "the KB at support.microsoft.com/kb/5034441": a path goes on after the host
      if (atKind == AT_WORD && end + 1 < n && chars[end] == '/' && isAsciiAlnum(chars[end + 1])) {
        return -1;
      }
      // WEB_HOST: "docs at www.contoso.com"
      if (atKind == AT_WORD
          && domLen >= 4
          && domBuf[0] == 'w'
          && domBuf[1] == 'w'
          && domBuf[2] == 'w'
          && domBuf[3] == '.') {
        return -1;
      }
      // RETINA_ASSET: "icon@2x.png"
      if (isRetina(labS[0], labE[0])) {
        return -1;
      }
      // STACK_FRAME: "NullPointerException at com.contoso.Invoice.total(Invoice.java:142)"
      if (atKind == AT_WORD && stackFrameAfter(end)) {
        return -1;
      }
      // MESSAGE_ID: "Message-ID: <CAF8a1b2@mail.gmail.com>", "In-Reply-To:", "References:"
      if (start > 0 && chars[start - 1] == '<' && messageIdHeader(start - 1)) {
        return -1;
      }
      int form = 0;
      boolean dotWords = false;
      boolean spaceTld = false;
      for (int m = 1; m < k; m++) {
        form |= formOf(labSep[m]) | (labSpaced[m] ? F_SPACED : 0);
        dotWords |= labSep[m] == SEP_WORD;
        spaceTld |= labSep[m] == SEP_SPACE_TLD;
      }
      if (labSpaced[0]) {
        form |= F_SPACED;
      }
      for (int m = 0; m + 1 < locChunks; m++) {
        form |= formOf(locSep[m]);
        dotWords |= locSep[m] == SEP_WORD;
      }
      if (localSpacedLetters || atSpacedH) {
        form |= F_SPACED;
      }
      if (atKind == AT_WORD) {
        form |= F_WORDS;
      } else if (atKind == AT_BRACKET) {
        form |= F_BRACKETED;
      }
      if (atNewline || labBroken) {
        form |= F_LINEBREAK;
      }
      boolean mailto =
          start >= 7
              && chars[start - 1] == ':'
              && s.regionMatches(true, start - 7, "mailto:", 0, 7);
      if (mailto) {
        form |= F_MAILTO;
      }

      String pattern;
      double base;
      List<String> context = List.of();
      double score;
      if ((form & ~F_MAILTO) == 0) {
        pattern = mailto ? "email.mailto" : localQuoted ? "email.quoted" : "email.standard";
        base = STANDARD_SCORE;
        if (end < n - 1 && chars[end] == ':' && isScpPathStart(chars[end + 1])) {
          pattern = "email.scp-remote"; // SCP_REMOTE
          base = SCP_SCORE;
        } else if ((start >= 3 && s.startsWith("://", start - 3))
            || EmailDetector.userinfoTail(s, start)) {
          pattern = "email.url-userinfo"; // URL_USERINFO
          base = USERINFO_SCORE;
        }
        score = base;
      } else {
        if ((form & F_BRACKETED) != 0) {
          pattern = "email.bracketed";
        } else if (atKind == AT_WORD) {
          pattern = "email.at-word";
        } else if (dotWords) {
          pattern = "email.dot-word";
        } else if (localSpacedLetters || labSpaced[0]) {
          pattern = "email.spaced-letters";
        } else if ((form & F_SPACED) != 0) {
          pattern = "email.spaced";
        } else if ((form & F_COMMA) != 0) {
          pattern = "email.comma";
        } else {
          pattern = "email.line-break";
        }
        base = OBFUSCATED_BASE;
        if (atKind == AT_PLAIN || atKind == AT_SPACED || (form & F_BRACKETED) != 0) {
          base += 0.2; // a literal '@' or deliberate brackets
        }
        if (atKind == AT_WORD && dotWords) {
          base += 0.15; // "at" and "dot" words used together
        }
        if (!lettersOnly || localQuoted || locChunks > 1) {
          base += 0.1; // username-like local part
        }
        if (lastLabelIsCommonTld()) {
          base += 0.05;
        }
        if (atKind == AT_WORD && spaceTld) {
          base -= 0.15; // "Jean at Maison de": weakest combination
        }
        base = Math.min(OBFUSCATED_CAP, base);
        context = contextWords(start, end);
        score = context.isEmpty() ? base : Math.min(OBFUSCATED_CAP, base + 0.1);
      }
      if (atKind == AT_PLAIN && start > 0 && chars[start - 1] == '=') {
        start = EmailDetector.bounceStart(chars, start);
      }
      ctx.report(
          Candidate.builder(EntityType.EMAIL_ADDRESS, start, end)
              .baseScore(base)
              .score(score)
              .form(formName(form))
              .pattern(pattern)
              .validation("public-suffix")
              .contextWords(context)
              .canonical(canonical())
              .build());
      return end;
    }

    /**
     * The {@link #CONTEXT} words within {@link #CONTEXT_WINDOW} chars before {@code start} or after
     * {@code end}; allocates only when one is found. Words cut by the window edge are skipped.
     */
    List<String> contextWords(int start, int end) {
      List<String> found = contextIn(Math.max(0, start - CONTEXT_WINDOW), start, null);
      found = contextIn(end, Math.min(n, end + CONTEXT_WINDOW), found);
      return found == null ? List.of() : found;
    }

    private List<String> contextIn(int from, int to, List<String> found) {
      int i = from;
      if (i > 0 && isLetter(chars[i - 1])) {
        while (i < to && isLetter(chars[i])) {
          i++;
        }
      }
      while (i < to) {
        if (!isLetter(chars[i])) {
          i++;
          continue;
        }
        int w = i;
        while (i < to && isLetter(chars[i])) {
          i++;
        }
        if (i == to && to < n && isLetter(chars[to])) {
          break; // cut by the window
        }
        int hit = Arrays.binarySearch(CONTEXT_KEYS, packWord(s, w, i));
        if (hit >= 0) {
          if (found == null) {
            found = new ArrayList<>(2);
          }
          if (!found.contains(CONTEXT_BY_KEY[hit])) {
            found.add(CONTEXT_BY_KEY[hit]);
          }
        }
      }
      return found;
    }

    boolean isRetina(int from, int to) {
      int len = to - from;
      if (len < 2 || len > 3 || (chars[to - 1] | 0x20) != 'x') {
        return false;
      }
      for (int i = from; i < to - 1; i++) {
        if (!isDigit(chars[i])) {
          return false;
        }
      }
      return true;
    }

    // ------------------------------------------------------------------ labels

    /** End of a plain label at {@code i}, or -1. */
    int labelEnd(int i) {
      if (i >= n || !isLabelStart(chars[i])) {
        return -1;
      }
      int j = i;
      while (j < n
          && isLabelChar(chars[j])
          && !(j > i && EmailDetector.scriptBreak(chars[j - 1], chars[j]))) {
        j++;
        if (j - i > LABEL_MAX) {
          return -1;
        }
      }
      while (j > i && chars[j - 1] == '-') {
        j--;
      }
      return j;
    }

    /** Spaced-out letters "c o n t o s o" start at {@code i} (obfuscated forms only). */
    boolean spacedLettersAt(int i, boolean obf) {
      return obf
          && i + 3 <= n
          && isAsciiAlnum(chars[i])
          && chars[i + 1] == ' '
          && (isAsciiAlnum(chars[i + 2])
              || (chars[i + 2] == '-'
                  && i + 4 < n
                  && chars[i + 3] == ' '
                  && isAsciiAlnum(chars[i + 4])))
          && (i + 3 == n || !isLabelChar(chars[i + 3]));
    }

    /**
     * Start of the next line's text when {@code k} is at a line break: skips one break and a reply
     * quote prefix ({@code "> > "}); -1 when {@code k} is not at a break.
     */
    int afterBreak(int k) {
      if (k >= n || !isNewline(chars[k])) {
        return -1;
      }
      int m = k + 1;
      if (chars[k] == '\r' && m < n && chars[m] == '\n') {
        m++;
      }
      int q = m;
      while (m < n && m - q < 12 && (chars[m] == '>' || isHSpace(chars[m]))) {
        m++;
      }
      return m;
    }

    /**
     * End of the domain's first plain label at {@code i}; a label cut by a line break ({@code
     * pros\neware.ie}) continues on the next line when a dot follows there. Sets {@link
     * #firstBroken}.
     */
    int firstLabelEnd(int i) {
      firstBroken = false;
      int e = labelEnd(i);
      if (e < 0 || e >= n || !isNewline(chars[e])) {
        return e;
      }
      int m = afterBreak(e);
      if (m < n && isLabelChar(chars[m]) && chars[m] != '-') {
        int e2 = labelEnd(m);
        if (e2 > 0 && e2 + 1 < n && chars[e2] == '.' && isLabelStart(chars[e2 + 1])) {
          firstBroken = true;
          return e2;
        }
      }
      return e;
    }

    boolean firstBroken;

    int spacedLettersEnd(int i) {
      int j = i + 1;
      // a single '-' inside the label: "c a f e - l u m i e r e"
      while (j + 1 < n
          && (j - i) / 2 < LABEL_MAX
          && chars[j] == ' '
          && (isAsciiAlnum(chars[j + 1])
              || (chars[j + 1] == '-'
                  && j + 3 < n
                  && chars[j + 2] == ' '
                  && isAsciiAlnum(chars[j + 3])))
          && (j + 2 == n || !isLabelChar(chars[j + 2]))) {
        j += 2;
      }
      return j;
    }

    static boolean isSpacedLocalSep(char c) {
      return c == '.' || c == '_' || c == '-';
    }

    // ------------------------------------------------------------------ chars

    boolean isWordAt(int k, String w) {
      int len = w.length();
      return k >= 0
          && k + len <= n
          && s.regionMatches(true, k, w, 0, len)
          && (k + len == n || !isLabelChar(chars[k + len]))
          && (k == 0 || !isLabelChar(chars[k - 1]));
    }

    int skipHSpaceRight(int i, int max) {
      int j = i;
      while (j < n && j - i < max && isHSpace(chars[j])) {
        j++;
      }
      return j;
    }

    int skipHSpaceLeft(int i, int max) {
      int j = i;
      while (j > 0 && i - j < max && isHSpace(chars[j - 1])) {
        j--;
      }
      return j;
    }

    /** Whether {@code s[from, to)} is one of {@link #SPACED_TLDS}, without allocating. */
    boolean isSpacedTld(int from, int to) {
      int key = packLetters(s, from, to);
      return key > 0 && Arrays.binarySearch(SPACED_TLD_KEYS, key) >= 0;
    }
  }

  /**
   * An immutable memo entry (final fields, the array never written after construction): safe to
   * publish through a plain array slot.
   */
  private static final class Suffix {
    final char[] domain;
    final int hash;
    final int parts;

    Suffix(char[] domain, int hash, int parts) {
      this.domain = domain;
      this.hash = hash;
      this.parts = parts;
    }
  }

  /**
   * 16k slots (~1 MB at most with entries): the generated support corpus names many distinct
   * domains, and with 1k slots the profile still showed most of {@link #publicSuffixParts}' time in
   * Guava (memo misses through slot collisions). A domain may sit in its slot or the next one (two
   * ways: two hot domains sharing a slot no longer evict each other).
   */
  private static final int SUFFIX_MEMO_BITS = 14;

  /**
   * Memo of public-suffix lookups (lower-case domain to suffix label count). Support text repeats
   * the same few domains, and Guava's lookup (parse, split, trie walk) is the detector's largest
   * cost per address. Racy by design: slots hold immutable entries, a lost write only costs a
   * recomputation. This is a cache of a pure function, not per-text state.
   */
  private static final Suffix[] SUFFIX_MEMO = new Suffix[1 << SUFFIX_MEMO_BITS];

  /**
   * Public-suffix label count when the lower-case domain {@code d[0, len)} is under a public
   * suffix, else 0. A hit in the memo allocates nothing.
   */
  static int publicSuffixParts(char[] d, int len) {
    int lastDot = len - 1;
    while (lastDot >= 0 && d[lastDot] != '.') {
      lastDot--;
    }
    if (lastDot + 1 < len && isDigit(d[lastDot + 1])) {
      // Guava rejects a last label starting with a digit ("10.0.0.1", "8.107.243") with an
      // exception, which is dear: answer at once
      return 0;
    }
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + d[i];
    }
    int mask = (1 << SUFFIX_MEMO_BITS) - 1;
    int slot = (h * 0x9E3779B9) >>> (32 - SUFFIX_MEMO_BITS);
    Suffix a = SUFFIX_MEMO[slot];
    if (a != null && a.hash == h && Arrays.equals(a.domain, 0, a.domain.length, d, 0, len)) {
      return a.parts;
    }
    int slot2 = (slot + 1) & mask;
    Suffix b = SUFFIX_MEMO[slot2];
    if (b != null && b.hash == h && Arrays.equals(b.domain, 0, b.domain.length, d, 0, len)) {
      return b.parts;
    }
    int parts = publicSuffixParts(new String(d, 0, len));
    Suffix entry = new Suffix(Arrays.copyOf(d, len), h, parts);
    if (a == null) {
      SUFFIX_MEMO[slot] = entry;
    } else {
      SUFFIX_MEMO[slot2] = a; // the older entry moves to the second way
      SUFFIX_MEMO[slot] = entry;
    }
    return parts;
  }

  /** Public-suffix label count when {@code d} is under a public suffix, else 0 (no memo). */
  static int publicSuffixParts(String d) {
    try {
      InternetDomainName idn = InternetDomainName.from(d);
      InternetDomainName ps = idn.isUnderPublicSuffix() ? idn.publicSuffix() : null;
      return ps == null ? 0 : ps.parts().size();
    } catch (IllegalArgumentException e) {
      return 0; // numeric TLD, bad label...
    }
  }

  static String formName(int form) {
    if (form >= 0 && form < FORM_NAME_CACHE.length) {
      String cached = FORM_NAME_CACHE[form];
      if (cached == null) {
        cached = buildFormName(form);
        FORM_NAME_CACHE[form] = cached; // racy but idempotent: equal strings
      }
      return cached;
    }
    return buildFormName(form);
  }

  private static String buildFormName(int form) {
    if (form == 0) {
      return "standard";
    }
    StringBuilder sb = new StringBuilder();
    for (int b = 0; b < FORM_NAMES.length; b++) {
      if ((form & (1 << b)) != 0) {
        if (sb.length() > 0) {
          sb.append('+');
        }
        sb.append(FORM_NAMES[b]);
      }
    }
    return sb.toString();
  }

  /** {@link Character#isLetter(char)}, with the ASCII answer computed in place. */
  static boolean isLetter(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }

  static boolean isScpPathStart(char c) {
    return c == '/' || c == '~' || isAsciiAlnum(c);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  static boolean isLabelStart(char c) {
    if (c < 128) {
      return isAsciiAlnum(c);
    }
    return Character.isLetterOrDigit(c) || Character.isHighSurrogate(c);
  }

  static boolean isLabelChar(char c) {
    if (c < 128) {
      return isAsciiAlnum(c) || c == '-';
    }
    return Character.isLetterOrDigit(c)
        || Character.isSurrogate(c)
        || Character.getType(c) == Character.NON_SPACING_MARK
        || Character.getType(c) == Character.COMBINING_SPACING_MARK;
  }

  static boolean isLocalChar(char c) {
    if (c < 128) {
      return isAsciiAlnum(c) || c == '.' || c == '_' || c == '-' || c == '+';
    }
    return isLabelChar(c);
  }

  static boolean isHSpace(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  static boolean isNewline(char c) {
    return c == '\n' || c == '\r';
  }

  static boolean isOpener(char c) {
    return c == '(' || c == '[' || c == '{' || c == '<';
  }

  static boolean isCloser(char c) {
    return c == ')' || c == ']' || c == '}' || c == '>';
  }

  /** The form bit of a dot-like separator. */
  static int formOf(int sep) {
    return switch (sep) {
      case SEP_SPACED_DOT, SEP_SPACE_TLD -> F_SPACED;
      case SEP_WORD -> F_WORDS;
      case SEP_BRACKET -> F_BRACKETED;
      case SEP_COMMA -> F_COMMA;
      case SEP_LINEBREAK, SEP_GLUE -> F_LINEBREAK;
      default -> 0;
    };
  }

  static char closerOf(char c) {
    return switch (c) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '<' -> '>';
      default -> '\0';
    };
  }

  static char openerOf(char c) {
    return switch (c) {
      case ')' -> '(';
      case ']' -> '[';
      case '}' -> '{';
      case '>' -> '<';
      default -> '\0';
    };
  }
}
