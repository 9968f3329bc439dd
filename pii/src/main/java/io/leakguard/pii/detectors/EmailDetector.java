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
 * Finds {@code EMAIL_ADDRESS} in standard and obfuscated forms.
 *
 * <p>Examples (span, canonical value, form):
 *
 * <pre>
 * john.smith@contoso.com                  john.smith@contoso.com   standard
 * XYZ @contoso com                        xyz@contoso.com          spaced
 * john dot smith at contoso dot com       john.smith@contoso.com   words
 * ribeiro.tao&lt;AT&gt;cedarmotors&lt;dot&gt;net      ribeiro.tao@cedarmotors.net bracketed
 * john@contoso,com                        john@contoso.com         comma
 * </pre>
 *
 * <p>Design notes (maintainers):
 *
 * <ol>
 *   <li><b>Triggers</b>: tokens flagged {@link TextIndex#AT_SIGN} ({@code @}, {@code [@]}) and
 *       {@link TextIndex#AT_WORD} ({@code at}, {@code (at)}, {@code <AT>}...), then the letter at
 *       {@code (a)} and the foreign at words: all read from {@link TextIndex#atTriggers()}, which
 *       the index lists during its pass (no walk over every token, no search of the text per
 *       trigger string). An {@code at} word must stand alone between spaces or inside brackets
 *       ({@link #CODE} guard: {@code obj.at(3)}).
 *   <li><b>Domain first</b>: from the separator we parse labels to the right, which rejects the
 *       common English {@code at} after one label (a domain needs a dot-like separator). Dot-like
 *       separators: {@code .}, {@code " . "}, {@code dot}, {@code [dot]}/{@code (.)}..., a comma, a
 *       line break after a dot, and a plain space only before a well-known TLD word ({@code contoso
 *       com}). The domain must be under a public suffix (Guava's {@link InternetDomainName});
 *       space-joined labels must lie inside the public suffix.
 *   <li><b>Local part</b> to the left: dot-atom characters ({@code . _ - +}, letters, digits), a
 *       quoted local part, spaced-out letters, or (in obfuscated forms only) chunks joined by
 *       obfuscated dots.
 *   <li><b>Guards</b> (named): {@link #MENTION} (nothing before {@code @}: handles, decorators, npm
 *       scopes), {@link #CODE}, {@link #STOP_WORD} (an English word before a spaced or word
 *       separator: "look at contoso.com"), {@link #WEB_HOST} ({@code www.} after an {@code at}
 *       word), {@link #RETINA_ASSET} ({@code icon@2x.png}), {@link #SCP_REMOTE} ({@code
 *       git@github.com:org/repo.git}, kept at a low score), {@link #URL_USERINFO} ({@code
 *       https://user@host}, low score), no TLD ({@code user@localhost}, {@code a@b}: never
 *       reported).
 *   <li><b>Score</b>: standard 0.95. Obfuscated: 0.55 plus evidence (a literal {@code @} or
 *       brackets +0.2, {@code at} and {@code dot} words used together +0.15, a username-like local
 *       part +0.1, a common TLD +0.05, context words such as "email" +0.1), minus 0.15 when an
 *       {@code at} word meets a space used as a dot; capped at 0.9.
 *   <li><b>Bounds</b>: local part at most 64 chars in at most 16 chunks, domain at most 253 chars
 *       and {@link #MAX_LABELS} labels, at most {@link #MAX_BACKOFF} validations per trigger:
 *       linear time on any input. The reject path allocates nothing.
 * </ol>
 *
 * <p>Known limits: {@code at}/{@code dot} words glued by hyphens or underscores ({@code
 * john-at-contoso-dot-com}; with a blank outside they are read: {@link #DASHED}), a local part
 * split by a line break, and local parts with RFC specials other than {@code . _ - +} outside
 * quotes ({@code o'brien@...} yields {@code brien@...}) are not recognised in full.
 */
final class EmailDetector implements Detector {

  // ---- guard names (see docs/detectors/email.md) ----
  /** Nothing usable before {@code @}: {@code @jdoe}, {@code @Override}, {@code @babel/core}. */
  static final String MENTION = "MENTION";

  /** {@code at} glued to code: {@code obj.at(3)}, {@code list.at(i).name}. */
  static final String CODE = "CODE";

  /**
   * Form: the at and dot words between dashes or underscores, a blank outside ({@code kevin.obrien
   * -at- gmail -dot- com}, {@code nadia_h _at_ protonmail _dot_ com}); read as bracketed.
   */
  static final String DASHED = "DASHED";

  /** The local part before a spaced {@code @} or an {@code at} word is a common English word. */
  static final String STOP_WORD = "STOP_WORD";

  /** {@code www.} host after an {@code at} word: a web address, not a mailbox. */
  static final String WEB_HOST = "WEB_HOST";

  /** Image density suffix: {@code icon@2x.png}. */
  static final String RETINA_ASSET = "RETINA_ASSET";

  /**
   * An {@code at} word in a stack trace: the "domain" is a qualified method name followed by {@code
   * (}, {@code $} or {@code :line} ({@code Exception at
   * com.contoso.Invoice.total(Invoice.java:1)}).
   */
  static final String STACK_FRAME = "STACK_FRAME";

  /**
   * An {@code <id@host>} value of a {@code Message-ID:}, {@code In-Reply-To:}, {@code References:}
   * or {@code Content-ID:} header line: a message id, not a mailbox.
   */
  static final String MESSAGE_ID = "MESSAGE_ID";

  /** The header names of {@link #MESSAGE_ID}, with their colon. */
  static final String[] MESSAGE_ID_HEADERS = {
    "message-id:", "in-reply-to:", "references:", "content-id:"
  };

  /**
   * The letter {@code a} in brackets used as the at sign ({@code jan.kowalski(a)wp(point)pl},
   * {@code max (a) firma (punkt) de}): taken only when glued to both the local part and the domain,
   * or when the domain is joined by a bracketed dot ({@code (dot)}, {@code (point)}, {@code
   * (punkt)}, {@code [.]}); an enumeration ({@code option (a) contoso.com}) is no address. The
   * usual public-suffix validation applies.
   */
  static final String LETTER_AT = "LETTER_AT";

  /** The texts that trigger {@link #LETTER_AT}. */
  static final String[] LETTER_AT_TRIGGERS = {"(a)", "[a]", "(A)", "[A]"};

  /**
   * The at sign spelled out in other languages ({@code lucia.perez arroba gmail punto com}, {@code
   * marco.rossi chiocciola libero punto it}, {@code hans.weber Klammeraffe gmx Punkt de}): read
   * like the {@code at} word (standing alone between blanks or in brackets), with the same
   * validation. Found by their {@link #FOREIGN_AT_STEMS} (exact, lower case) inside the words of
   * {@link TextIndex#atTriggers()}, lower case or capitalized (an all-caps {@code ARROBA} is not
   * read). {@link TextIndex} keeps its own copy of these words (to list them): change both.
   */
  static final String[] FOREIGN_AT_WORDS = {
    "arroba",
    "arobase",
    "chiocciola",
    "klammeraffe", // Spanish/Portuguese, French, Italian, German
    "małpa",
    "malpa", // Polish, also typed without the diacritic (session 16)
    "apenstaartje", // Dutch
    "snabel-a", // Swedish, Danish, Norwegian
    "zavináč",
    "zavinac", // Czech, Slovak
    "kukac" // Hungarian
  };

  /**
   * Substrings that find every {@link #FOREIGN_AT_WORDS} word, lower case or capitalized: {@code
   * roba} for arroba and arobase, {@code cciola}, {@code lammeraffe}, and each later word without
   * its first letter ({@code nabel}: {@code snabel-a} is the token {@code snabel}, a dash and
   * {@code a}).
   */
  static final String[] FOREIGN_AT_STEMS = {
    "roba",
    "cciola",
    "lammeraffe",
    "ałpa",
    "alpa",
    "penstaartje",
    "nabel",
    "avináč",
    "avinac",
    "ukac"
  };

  /**
   * Labels of a signature line that follow an address ({@code GLUED_WORD}): {@code
   * j.doe@contoso.comPhone: ...} when the line break was lost.
   */
  static final String[] SIGNATURE_WORDS = {
    "phone",
    "tel",
    "mobile",
    "mob",
    "cell",
    "fax",
    "office",
    "direct",
    "web",
    "www",
    "mail",
    "email",
    "telefon",
    "handy",
    "mobil",
    "linkedin",
    "website",
    "address"
  };

  /**
   * Words for the dot between blanks ({@code gmail dot com}) or in brackets ({@code (punkt)}), in
   * English and in the languages of {@link #FOREIGN_AT_WORDS}: {@code punto} (Spanish, Italian),
   * {@code punkt} (German), {@code point} (French), {@code ponto} (Portuguese), {@code punt}
   * (Dutch); {@code period} (American English, session 14: {@code jane.doe at gmail period com});
   * {@code kropka} (Polish), {@code tečka} (Czech), {@code pont} (Hungarian) (session 16).
   */
  static final String[] DOT_WORDS = {
    "dot", "punto", "punkt", "point", "ponto", "punt", "period", "kropka", "tečka", "tecka", "pont"
  };

  /**
   * Words for {@code _} and {@code -} between the words of a local part, standing alone between
   * blanks ({@code mike underscore ross at hotmail dot com}, {@code anna dash maria at ...}: how an
   * address is read out on a call), with the separator each stands for.
   */
  static final String[] JOIN_WORDS = {"underscore", "dash", "hyphen"};

  /**
   * An address without a top-level domain whose domain is a well-known mail provider's name alone
   * ({@code dave.rose at gmail}, {@code dave.rose@outlook}, session 14): only the names of {@link
   * #MAIL_PROVIDERS}, never any word; after an at word the local part must hold a {@code .} or
   * {@code _} ({@code issue at Outlook} is prose). Tried only when the domain parse failed.
   */
  static final String MAIL_PROVIDER = "MAIL_PROVIDER";

  /** The mail providers of {@link #MAIL_PROVIDER}, lower case. */
  static final String[] MAIL_PROVIDERS = {
    "gmail", "googlemail", "hotmail", "outlook", "yahoo", "icloud", "protonmail", "aol"
  };

  /**
   * The end of a {@link #MAIL_PROVIDERS} name (any case) at {@code b} that is followed by neither a
   * label char, an {@code @} nor a dot before a label ({@code gmail.} ends a sentence); -1
   * otherwise.
   */
  static int mailProviderEnd(char[] chars, int b, int n) {
    for (String w : MAIL_PROVIDERS) {
      int e = b + w.length();
      if (e <= n
          && (e == n
              || !isLabelChar(chars[e])
                  && chars[e] != '@'
                  && (chars[e] != '.' || e + 1 == n || !isLabelStart(chars[e + 1])))) {
        boolean same = true;
        for (int i = 0; i < w.length() && same; i++) {
          same = (chars[b + i] | 0x20) == w.charAt(i);
        }
        if (same) {
          return e;
        }
      }
    }
    return -1;
  }

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

  /** Highest base score of a {@link #MAIL_PROVIDER} address (no top-level domain). */
  static final double PROVIDER_SCORE = 0.75;

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

  /** Shortest and longest {@link #CONTEXT} word (4 and 7). */
  private static final int CONTEXT_MIN = CONTEXT.stream().mapToInt(String::length).min().getAsInt();

  private static final int CONTEXT_MAX = CONTEXT.stream().mapToInt(String::length).max().getAsInt();

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

  /**
   * Common English words that precede "at" / "@" in prose ("look at", "meet me at", "works at"). A
   * local part equal to one of them is not taken as an address in an obfuscated form.
   */
  static final Set<String> STOP_WORDS =
      words(
          "a i me us you him her them it we they he she one this that these those here there "
              + "where who what which is are was were be been being am do does did done has have had "
              + "will would can could should may might must look looks looked looking meet meets met "
              + "meeting see sees saw seen arrive arrives arrived arriving arrival available work "
              + "works worked working stay stayed staying live lives lived living start starts "
              + "started starting end ends ended stop stopped left leave leaves leaving stand stands "
              + "stood sit sat sitting eat ate eating play played playing aim aimed aiming point "
              + "pointed pointing laugh laughed smile smiled stare stared staring glance glanced shot "
              + "shoot fire fired good better best bad worse worst great expert hosted located found "
              + "find posted published online now then once only just still even also not all both "
              + "each everyone anyone someone nobody people team staff folks guys website site page "
              + "docs documentation details more up in on off out down over back away home school "
              + "office least most first last time times and or but so if as when while until from to "
              + "of for by with get got go goes went come came call called ring check checked try "
              + "tried visit visited signed sign login log logged registered hired employed born died "
              + "remain remained held hold based open opened closed close price priced sold bought "
              + "buy sell rate rated valued estimated there's it's what's anybody somebody everybody "
              + "engineer engineers developer developers colleague colleagues friend friends thanks "
              + "thank cc hi hello hey ping via follow followed tag tagged mention mentioned reply "
              + "replied ask asked message dm "
              // things that live at a host (session 17): "the scanner at scan01.corp.contoso.com"
              + "scanner scanners printer printers server servers host hosts vm vms node nodes "
              + "instance instances service endpoint portal kb article wiki faq blog forum link "
              + "url share repo repository registry mirror proxy gateway database db cluster "
              + "device devices router firewall app api "
              // contractions (session 17: "we're at fabrikam.com now"); read by stopWord
              + "we're you're they're i'm he's she's that's who's here's we've i've you've "
              + "they've we'll i'll you'll they'll he'll she'll we'd i'd you'd they'd isn't "
              + "aren't wasn't weren't don't doesn't didn't can't won't "
              // the tail of one after a curly apostrophe, which ends the local part ("We’re at")
              + "re ve ll");

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
  // a local part's words joined by a spoken underscore or dash: "mike underscore ross at ..."
  private static final int SEP_WORD_UNDERSCORE = 8;
  private static final int SEP_WORD_DASH = 9;
  // a local part cut by a line break, joined with nothing: "linh.th\nompson@qq.com"
  private static final int SEP_GLUE = 10;

  /** The separator of each {@link #JOIN_WORDS} word. */
  private static final int[] JOIN_SEPS = {SEP_WORD_UNDERSCORE, SEP_WORD_DASH, SEP_WORD_DASH};

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
    // PUNCT: the letter at sign "(a)" / "[a]" has neither an '@' nor an "at" token (LETTER_AT);
    // LETTER: a foreign at word ("ana punto lopez arroba gmail punto com") sets no flag of its own,
    // and such a text may hold no punctuation at all (detect returns at once without at triggers)
    return TextIndex.AT_SIGN | TextIndex.AT_WORD | TextIndex.PUNCT | TextIndex.LETTER;
  }

  @Override
  public void detect(DetectionContext ctx) {
    TextIndex idx = ctx.tokens();
    int m = idx.atTriggerCount();
    if (m == 0) {
      return;
    }
    int[] ats = idx.atTriggers();
    Scan scan = null;
    try {
      // the at signs and at words, in text order (a candidate's end skips what it read). An '@'
      // inside a lone high surrogate's token (see TextIndex.atTriggers) is read only in a text
      // without an at word, as before: the walk over the token flags (text with an at word) did
      // not see it, the indexOf('@') search (text with an at sign token but no at word) did
      int tf = idx.textFlags();
      boolean hiddenAts = (tf & TextIndex.AT_WORD) == 0 && (tf & TextIndex.AT_SIGN) != 0;
      int lastEnd = 0;
      for (int k = 0; k < m; k++) {
        int t = ats[k];
        int f = idx.flags(t);
        int p = idx.start(t);
        if ((f & (TextIndex.AT_SIGN | TextIndex.AT_WORD)) == 0) {
          if (!hiddenAts || !hidesAt(idx, t)) {
            continue;
          }
          p++;
          f = TextIndex.AT_SIGN;
        }
        if (p < lastEnd) {
          continue;
        }
        if (scan == null) {
          scan = SCANS.get().reset(ctx);
        }
        int end = (f & TextIndex.AT_SIGN) != 0 ? scan.atSign(p) : scan.atWord(p, 2);
        if (end > 0) {
          lastEnd = end;
        }
      }
      scan = letterAts(ctx, idx, ats, m, scan);
      scan = foreignAts(ctx, idx, ats, m, scan);
    } finally {
      if (scan != null) {
        scan.release();
      }
    }
  }

  /** A lone high surrogate's token that took an {@code @} with it. */
  private static boolean hidesAt(TextIndex idx, int t) {
    char[] a = idx.chars();
    int s = idx.start(t);
    return idx.length(t) == 2 && a[s + 1] == '@' && Character.isHighSurrogate(a[s]);
  }

  /** A lone high surrogate's token (it took the next char, which is no low surrogate, with it). */
  private static boolean loneHighSurrogate(TextIndex idx, int t) {
    char[] a = idx.chars();
    int s = idx.start(t);
    return idx.length(t) == 2
        && Character.isHighSurrogate(a[s])
        && !Character.isLowSurrogate(a[s + 1]);
  }

  /**
   * The {@link #LETTER_AT} triggers ({@code (a)}, {@code [a]}, either case of the letter), trigger
   * by trigger in {@link #LETTER_AT_TRIGGERS} order, each from the text's start: the letter is a
   * one-char {@link TextIndex#atTriggers()} token. A hit's candidate end skips later hits of the
   * same trigger before it. Returns the scanner (taken on the first hit).
   */
  private static Scan letterAts(DetectionContext ctx, TextIndex idx, int[] ats, int m, Scan scan) {
    char[] a = idx.chars();
    int n = ctx.text().length();
    boolean reset = false;
    for (String trigger : LETTER_AT_TRIGGERS) {
      char open = trigger.charAt(0);
      char letter = trigger.charAt(1);
      char close = trigger.charAt(2);
      int next = 0;
      for (int k = 0; k < m; k++) {
        int s = idx.start(ats[k]);
        int p = s - 1;
        if (p < next
            || a[s] != letter
            || a[p] != open
            || s + 1 >= n
            || a[s + 1] != close
            || idx.length(ats[k]) != 1) {
          continue;
        }
        if (!reset) {
          scan =
              (scan == null ? SCANS.get() : scan).reset(ctx); // each pass starts fresh, as before
          reset = true;
        }
        int end = scan.atLetter(p);
        next = end > p ? end : p + trigger.length();
      }
    }
    return scan;
  }

  /**
   * The {@link #FOREIGN_AT_WORDS} of the text, stem by stem in {@link #FOREIGN_AT_STEMS} order:
   * every occurrence of the stem inside a word of the {@link TextIndex#atTriggers()} or in the
   * token after a lone high surrogate's (an occurrence elsewhere has no foreign at word around it)
   * is read when {@link #foreignAtWordAround} finds the word; a hit's candidate end skips later
   * occurrences before it. Returns the scanner.
   */
  private static Scan foreignAts(DetectionContext ctx, TextIndex idx, int[] ats, int m, Scan scan) {
    String text = ctx.text();
    boolean reset = false;
    for (String stem : FOREIGN_AT_STEMS) {
      int sl = stem.length();
      int next = 0;
      for (int k = 0; k < m; k++) {
        int t = ats[k];
        // a foreign word whose first letter a lone high surrogate took lies in the next token
        int e = t + 1 < idx.size() && loneHighSurrogate(idx, t) ? idx.end(t + 1) : idx.end(t);
        for (int q = Math.max(idx.start(t), next); q + sl <= e; q++) {
          if (q < next || !text.startsWith(stem, q)) {
            continue;
          }
          int end = -1;
          int w = foreignAtWordAround(text, q);
          if (w >= 0) {
            if (!reset) {
              scan = (scan == null ? SCANS.get() : scan).reset(ctx);
              reset = true;
            }
            end = scan.atWord(w, foreignAtLength(text, w));
          }
          next = end > q ? end : q + sl;
        }
      }
    }
    return scan;
  }

  /**
   * The start of the {@link #FOREIGN_AT_WORDS} word (any case) holding the stem found at {@code p},
   * or -1: the word starts at most 4 chars before the stem and is a whole word.
   */
  static int foreignAtWordAround(String text, int p) {
    for (int back = 0; back <= 4 && back <= p; back++) {
      int w = p - back;
      if (foreignAtLength(text, w) > 0) {
        return w;
      }
    }
    return -1;
  }

  /** The length of the {@link #FOREIGN_AT_WORDS} word (any case, whole word) at {@code w}, or 0. */
  static int foreignAtLength(String text, int w) {
    if (w > 0 && Character.isLetterOrDigit(text.charAt(w - 1))) {
      return 0;
    }
    for (String word : FOREIGN_AT_WORDS) {
      int e = w + word.length();
      if (e <= text.length()
          && text.regionMatches(true, w, word, 0, word.length())
          && (e == text.length() || !Character.isLetterOrDigit(text.charAt(e)))) {
        return word.length();
      }
    }
    return 0;
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
      letterAt = false;
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
    int atWord(int p, int len) {
      letterAt = false;
      int q = p + len;
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
      } else if (dashedAt(p, q, before)) {
        // DASHED: "kevin.obrien -at- gmail -dot- com", "nadia_h _at_ protonmail _dot_ com"
        in0 = p - 1;
        in1 = q + 1;
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

    /**
     * {@link #DASHED}: the at word {@code [p, q)} between two equal {@code -} or {@code _} with a
     * blank outside each ({@code -at- }); glued forms ({@code john-at-contoso}) stay out.
     */
    boolean dashedAt(int p, int q, char before) {
      return (before == '-' || before == '_')
          && p >= 2
          && isHSpace(chars[p - 2])
          && q + 1 < n
          && chars[q] == before
          && isHSpace(chars[q + 1]);
    }

    /** The current candidate's domain is a {@link #MAIL_PROVIDER} name alone. */
    boolean providerOnly;

    /** The current candidate's at sign is {@link #LETTER_AT}. */
    boolean letterAt;

    /** The {@link #LETTER_AT} sign has a space on one side at least. */
    boolean letterAtSpaced;

    /** {@link #LETTER_AT}: {@code (a)} or {@code [a]} starting at {@code p} (the opener). */
    int atLetter(int p) {
      letterAt = true;
      atKind = AT_BRACKET;
      atNewline = false;
      atSpacedH = false;
      int a = skipHSpaceLeft(p, 2);
      int b = skipHSpaceRight(p + 3, 2);
      letterAtSpaced = a < p || b > p + 3;
      if (a == p && p > 0 && isOpener(chars[p - 1])) {
        return -1; // "((a))", "5(a)" is handled by the local part; a nested bracket is not
      }
      return candidate(a, b);
    }

    /** Length of a {@link #DOT_WORDS} word at {@code k}, or 0. */
    int dotWordAt(int k) {
      for (String w : DOT_WORDS) {
        if (isWordAt(k, w)) {
          return w.length();
        }
      }
      return 0;
    }

    /** Length of a {@link #DOT_WORDS} word ending at {@code m}, or 0. */
    int dotWordBefore(int m) {
      for (String w : DOT_WORDS) {
        if (m >= w.length() && isWordAt(m - w.length(), w)) {
          return w.length();
        }
      }
      return 0;
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
      providerOnly = false;
      // a spaced-out domain after a literal '@' ("jane.doe@c o n t o s o . c o m", session 14)
      if (!parseDomain(b, obf || EmailDetector.spacedDomainAt(chars, b, n))) {
        int e = EmailDetector.mailProviderEnd(chars, b, n);
        if (e < 0 || letterAt) {
          return -1;
        }
        // MAIL_PROVIDER: "dave.rose at gmail" (no top-level domain)
        providerOnly = true;
        labels = 1;
        labS[0] = b;
        labE[0] = e;
        labSep[0] = SEP_NONE;
        labSpaced[0] = false;
        labBroken = false;
        domLabels = -1;
        if (!parseLocal(a, obf)) {
          return -1;
        }
        return report(1);
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
      // the first label and its separator were read by the fast reject above: the same calls with
      // the same state (curSep SEP_NONE) give the same answers, so they are not made again
      boolean firstSpaced = spacedLettersAt(start, obf);
      labBroken = !firstSpaced && firstBroken;
      int firstSep = lastSep;
      while (labels < MAX_LABELS) {
        boolean spaced = labels == 0 ? firstSpaced : spacedLettersAt(i, obf);
        int le = labels == 0 ? e : spaced ? spacedLettersEnd(i) : labelEnd(i);
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
        int nx;
        if (labels == 1) {
          nx = next;
          lastSep = firstSep;
        } else {
          nx = separatorAfter(le, i);
        }
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
            if (paragraphBreak(chars, j + 1, k)) {
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
        int w;
        if (m < n && chars[m] == '.') {
          m++;
        } else if ((w = dotWordAt(m)) > 0) {
          m += w;
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
      if (d == '-' || d == '_') {
        // DASHED: " -dot- ", " _dot_ " (a blank on each side)
        int w = 0;
        for (String dot : DOT_WORDS) {
          if (k + 1 + dot.length() < n && s.regionMatches(true, k + 1, dot, 0, dot.length())) {
            w = dot.length();
            break;
          }
        }
        int m = k + 1 + w;
        if (w > 0 && m + 1 < n && chars[m] == d && isHSpace(chars[m + 1])) {
          m = skipHSpaceRight(m + 1, 2);
          if (m < n && isLabelStart(chars[m])) {
            lastSep = SEP_BRACKET;
            return m;
          }
        }
        return -1;
      }
      int dw = dotWordAt(k);
      if (dw > 0 && k + dw < n && isHSpace(chars[k + dw])) {
        int m = skipHSpaceRight(k + dw, 2);
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
     * {@code GLUED_WORD} (session 15): a signature whose line breaks were lost glues the next label
     * word to the top-level domain ({@code j.doe@contoso.comPhone: 425...}, {@code
     * ...@fabrikam.deTel.}). When the last label (lower case up to a capital) is no public suffix
     * and the capital starts a {@link #SIGNATURE_WORDS} word (or is a lone letter before {@code
     * :}), it is cut before the capital if that makes a valid domain ({@code logger@app.infoLevel}
     * stays whole).
     */
    private boolean signatureWordAt(int c) {
      int e = c + 1;
      while (e < n && chars[e] >= 'a' && chars[e] <= 'z') {
        e++;
      }
      if (e == c + 1) {
        return e < n && chars[e] == ':'; // "...comT: +44 20 ..."
      }
      for (String w : SIGNATURE_WORDS) {
        if (w.length() == e - c && (chars[c] | 0x20) == w.charAt(0)) {
          int i = 1;
          while (i < w.length() && chars[c + i] == w.charAt(i)) {
            i++;
          }
          if (i == w.length()) {
            return true;
          }
        }
      }
      return false;
    }

    private void gluedWordAfterTld(int k) {
      int s = labS[k - 1];
      int full = labE[k - 1];
      int cut = -1;
      for (int i = s; i < full; i++) {
        char c = chars[i];
        if (c >= 'A' && c <= 'Z') {
          cut = i > s + 1 && chars[i - 1] >= 'a' && chars[i - 1] <= 'z' ? i : -1;
          break;
        }
        if (c < 'a' || c > 'z') {
          return;
        }
      }
      if (cut < 0 || !signatureWordAt(cut) || suffixParts(k) > 0) {
        return;
      }
      labE[k - 1] = cut;
      domLabels = -1;
      if (suffixParts(k) <= 0) {
        labE[k - 1] = full;
        domLabels = -1;
      }
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
                || sentenceAfterBreak(chars, labS[m - 1], labE[m - 1], labS[m]))) {
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
      if (k == labels && !labSpaced[k - 1]) {
        gluedWordAfterTld(k);
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
        int w;
        if (m > 0 && chars[m - 1] == '.') {
          m--;
        } else if ((w = dotWordBefore(m)) > 0) {
          m -= w;
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
      int dw = k < j ? dotWordBefore(k) : 0;
      if (dw > 0 && k > dw && isHSpace(chars[k - dw - 1])) {
        int m = skipHSpaceLeft(k - dw, 2);
        if (m > 0 && isLocalChar(chars[m - 1])) {
          lastSep = SEP_WORD;
          return m;
        }
      }
      if (k < j && k >= 4 && isLetter(chars[k - 1])) {
        for (int w = 0; w < JOIN_WORDS.length; w++) {
          int len = JOIN_WORDS[w].length();
          if (k > len && isWordAt(k - len, JOIN_WORDS[w]) && isHSpace(chars[k - len - 1])) {
            int m = skipHSpaceLeft(k - len, 2);
            if (m > 0 && isLocalChar(chars[m - 1])) {
              lastSep = JOIN_SEPS[w];
              return m;
            }
          }
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
          d[len++] = joinChar(locSep[m - 1]);
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
          sb.append(joinChar(locSep[m - 1]));
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
      // LETTER_AT: "(a)" spaced from the local part or the domain needs a bracketed dot
      if (letterAt && letterAtSpaced) {
        boolean bracketDot = false;
        for (int m = 1; m < k; m++) {
          bracketDot |= labSep[m] == SEP_BRACKET;
        }
        if (!bracketDot) {
          return -1;
        }
      }
      // STOP_WORD: "look at contoso.com", "meet @ contoso.com"
      if ((atKind == AT_WORD || atKind == AT_SPACED || letterAt && letterAtSpaced)
          && !localSpacedLetters
          && EmailDetector.stopWord(locBuf, locLen)) {
        return -1;
      }
      // NUMBER_WORDS: "the VM at ten dot zero dot zero dot four" is an address read out (.zero is a
      // top-level domain): the ip detector's SpokenIpv4 reads it
      if (atKind == AT_WORD && SpokenIpv4.numberWordLabels(domBuf, domLen)) {
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
      // MAIL_PROVIDER: after an at word the local part must look like a user name ("dave.rose",
      // "mike_ross"): "issue at Outlook", "Office365 at Outlook" are prose
      if (providerOnly && atKind != AT_PLAIN && !userNameShaped()) {
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
        // a spoken underscore or dash counts as a dot word (the score of words used together)
        dotWords |= formOf(locSep[m]) == F_WORDS;
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
      if (providerOnly) {
        pattern = "email.provider"; // no top-level domain: weaker than any complete address
        base = Math.min(base, PROVIDER_SCORE);
        score = Math.min(score, PROVIDER_SCORE + 0.1);
      }
      if (atKind == AT_PLAIN && start > 0 && chars[start - 1] == '=') {
        start = EmailDetector.bounceStart(chars, start); // BOUNCE_ADDRESS
      }
      ctx.report(
          Candidate.builder(EntityType.EMAIL_ADDRESS, start, end)
              .baseScore(base)
              .score(score)
              .form(formName(form))
              .pattern(pattern)
              .validation(providerOnly ? "mail-provider" : "public-suffix")
              .contextWords(context)
              .canonical(canonical())
              .build());
      return end;
    }

    /** The local part holds a {@code .} or {@code _} between letters or digits. */
    boolean userNameShaped() {
      for (int i = 1; i + 1 < locLen; i++) {
        char c = locBuf[i];
        if ((c == '.' || c == '_') && isAsciiAlnum(locBuf[i - 1]) && isAsciiAlnum(locBuf[i + 1])) {
          return true;
        }
      }
      return false;
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
        if (i - w < CONTEXT_MIN || i - w > CONTEXT_MAX) {
          continue; // no context word has this length: no packing, no search
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

  /**
   * {@code CJK_ADJACENT}: Japanese, Chinese and Korean text glues words to an address without a
   * space ({@code メールアドレスはsuzuki.aya@gmail.comです}). A change between an ASCII letter or digit and a
   * CJK char ends the local part (read leftwards) or the label (read rightwards); all-CJK IDN
   * labels ({@code 例え.テスト}) have no such change.
   */
  static boolean scriptBreak(char left, char right) {
    return (left < 128 && isCjk(right)) || (right < 128 && isCjk(left));
  }

  /** Han, kana (full and half width), Hangul and CJK punctuation. */
  static boolean isCjk(char c) {
    return (c >= 0x3000 && c <= 0x30ff)
        || (c >= 0x3400 && c <= 0x4dbf)
        || (c >= 0x4e00 && c <= 0x9fff)
        || (c >= 0xac00 && c <= 0xd7af)
        || (c >= 0xf900 && c <= 0xfaff)
        || (c >= 0xff66 && c <= 0xff9f);
  }

  /**
   * An apostrophe inside a dot-atom local part ({@code o'brien.sean@}, {@code d'angelo@}): RFC 5322
   * allows it, Irish, Italian and French surnames use it. Only between two letters and not as the
   * first char of the local part, so {@code 'john@contoso.com'} keeps its quotes out.
   */
  static boolean innerApostrophe(char[] chars, int k, int end) {
    return chars[k] == '\''
        && k > 0
        && k + 1 < end
        && Character.isLetter(chars[k - 1])
        && Character.isLetter(chars[k + 1]);
  }

  /**
   * {@code URL_USERINFO}, tail form: the local part starts right after an {@code @} of a URL's user
   * info, as in {@code mongodb+srv://admin:p%40ss@cluster0.example.net} once the {@code %40} of the
   * password is decoded ({@code p@ss@cluster0…}): {@code ss@cluster0…} is the password's tail and
   * the host, not an address. Also when a {@code :} of the user info stands before the local part
   * ({@code https://oauth2:glpat-x@gitlab.example.com}, {@code ftp://user:Pa55!x@ftp.example.com}:
   * the local part is the password or its tail, which the secret detector reports alone). Reads
   * back at most 256 chars for the {@code ://}, stopping at a blank, a single {@code /}, {@code "},
   * {@code <} or {@code (}.
   */
  static boolean userinfoTail(String s, int start) {
    if (start < 2) {
      return false;
    }
    // "@" before the local part: a decoded %40 inside the password; a ":" on the way back: the
    // local part is (the tail of) the password, as in https://oauth2:glpat-x@gitlab.example.com
    // (session 13)
    boolean password = s.charAt(start - 1) == '@';
    for (int i = start - 1, stop = Math.max(2, start - 256); i >= stop; i--) {
      char c = s.charAt(i);
      if (c == ' '
          || c == '\n'
          || c == '\t'
          || c == '\r'
          || c == '"'
          || c == '<'
          || c == '('
          || (c == '/' && s.charAt(i - 1) != '/')) {
        return false;
      }
      if (c == '/' && s.charAt(i - 1) == '/' && s.charAt(i - 2) == ':') {
        return password;
      }
      password |= c == ':';
    }
    return false;
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

  /**
   * The lower-case local part {@code loc[0, len)} is one of {@link #STOP_WORDS}: letters, and
   * apostrophes of a contraction ({@code we're}, {@code we’re}: the curly one is read as {@code
   * '}). Static so the oracle shares it.
   */
  static boolean stopWord(char[] loc, int len) {
    char[] w = null;
    for (int i = 0; i < len; i++) {
      char c = loc[i];
      if (c == '\'' || c == '\u2019') {
        if (w == null) {
          w = java.util.Arrays.copyOf(loc, len);
        }
        w[i] = '\'';
      } else if (!isLetter(c)) {
        return false;
      }
    }
    return STOP_WORDS.contains(new String(w != null ? w : loc, 0, len));
  }

  /**
   * The start of a bounce address whose local part carries a recipient's address ({@code
   * bounce+j.doe=contoso.com@mailer.fabrikam.com}: VERP writes {@code j.doe@contoso.com} as {@code
   * j.doe=contoso.com}; SRS {@code SRS0=HHH=TT=contoso.com=j.doe@fwd.fabrikam.com}), or {@code
   * start}: the local part read from after an {@code =} would leave the recipient's name or domain
   * in the text. {@code start} follows an {@code =}; the whole run of local chars and {@code =}
   * before it (at most {@link #LOCAL_MAX} chars) is taken when one of its {@code =}-separated
   * pieces, or the piece from {@code start} to the next {@code =} or {@code @}, is a domain ending
   * in a {@link #COMMON_TLDS} label. A key-value pair ({@code user=j.doe@contoso.com}) has no such
   * piece and keeps its key out. Static so the oracle shares it.
   */
  static int bounceStart(char[] chars, int start) {
    int t = start - 1;
    while (t > 0
        && start - t <= LOCAL_MAX
        && (isLocalChar(chars[t - 1]) || chars[t - 1] == '=')
        && chars[t - 1] < 128) {
      t--;
    }
    if (start - t > LOCAL_MAX) {
      return start;
    }
    while (t < start && "._-+=".indexOf(chars[t]) >= 0) {
      t++;
    }
    if (t >= start - 1) {
      return start;
    }
    // pieces: [t, start - 1) split at '=', and the local part's first piece from start
    int p = t;
    while (p < start) {
      int q = p;
      while (q < start - 1 && chars[q] != '=') {
        q++;
      }
      if (domainShaped(chars, p, q)) {
        return t;
      }
      p = q + 1;
    }
    int q = start;
    while (q < chars.length && q - start <= LOCAL_MAX && chars[q] != '=' && chars[q] != '@') {
      q++;
    }
    return q < chars.length && domainShaped(chars, start, q) ? t : start;
  }

  /** Lower-case words ending in a dot at a line end that are abbreviations, not a local part. */
  private static final Set<String> LINE_END_ABBREVIATIONS =
      words("etc e.g i.e eg ie vs approx incl excl resp cf viz");

  /** File extensions that make a dotted word at a line end a file name, not a local part. */
  private static final Set<String> FILE_EXTENSIONS =
      words(
          "pdf txt log json xml csv tsv png jpg jpeg gif zip gz tar doc docx xls xlsx ppt pptx "
              + "html htm exe dll msi cfg conf ini yaml yml sql bak eml msg md ps1 sh bat cmd");

  /**
   * Index of the line break right before a local part that starts at {@code start} at a line start
   * (after one break and a reply quote prefix {@code "> > "}; not after plain indentation), or -1.
   * For {@code \r\n} the index of the {@code \r}.
   */
  static int breakBefore(char[] chars, int start) {
    int p = start;
    boolean quote = false;
    while (p > 0 && start - p < 12 && (chars[p - 1] == '>' || chars[p - 1] == ' ')) {
      quote |= chars[p - 1] == '>';
      p--;
    }
    if ((p != start && !quote) || p == 0 || !isNewline(chars[p - 1])) {
      return -1;
    }
    int b = p - 1;
    if (chars[b] == '\n' && b > 0 && chars[b - 1] == '\r') {
      b--;
    }
    return b;
  }

  /**
   * BROKEN_LOCAL (session 18): start of the part of a local part that a line break cut off, which
   * ends at the break {@code fe} (from {@link #breakBefore}); the part after the break starts at
   * {@code start}. -1 when the previous line does not end in such a part. The part is one run of
   * lower-case ASCII local chars with a letter, glued to the break, not the end of an address
   * ({@code @} before it; not a phone number {@code 425-555-0143\n}; after a blank, a bracket or
   * the line start, so no CSV header {@code ,customer_name\n}), and one of: it ends in {@code . _ -
   * +} ({@code nguyen.\n> ayse@}; not {@code etc.}); it holds a {@code . _ -} between letters or
   * digits and is no domain or file name ({@code linh.th\nompson@}; not {@code www.contoso.com\n},
   * {@code report.pdf\n}); or it is one word that with the next line's letters makes a listed name
   * it is not itself ({@code giuli\na79@}, {@code kathar\nina.fischer@}; not {@code
   * contact\nanna@}). A signature's {@code J.Smith\n} or {@code Ltd.\n} has capitals and stays out.
   * Static so the oracle shares it.
   */
  static int brokenLocalStart(char[] chars, int fe, int start) {
    int fs = fe;
    while (fs > 0 && fe - fs <= LOCAL_MAX && chars[fs - 1] < 128 && isLocalChar(chars[fs - 1])) {
      fs--;
    }
    if (fs == fe || fe - fs > LOCAL_MAX) {
      return -1;
    }
    // the part stands after a blank or an opening bracket: not the end of an address (@), a
    // CSV or TSV header's last column (",customer_name\n") or a URL's path
    if (fs > 0
        && chars[fs - 1] != ' '
        && !isNewline(chars[fs - 1])
        && "(<[>".indexOf(chars[fs - 1]) < 0) {
      return -1;
    }
    while (fs < fe && "._-+".indexOf(chars[fs]) >= 0) {
      fs++;
    }
    if (fe - fs < 2) {
      return -1;
    }
    boolean inner = false;
    boolean letter = false;
    for (int i = fs; i < fe; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        return -1;
      }
      letter |= c >= 'a' && c <= 'z';
      if (i > fs
          && i + 1 < fe
          && (c == '.' || c == '_' || c == '-')
          && isAsciiAlnum(chars[i - 1])
          && isAsciiAlnum(chars[i + 1])) {
        inner = true;
      }
    }
    if (!letter) {
      return -1; // a phone number, a date or an address at the line end: "425-555-0143\n"
    }
    char last = chars[fe - 1];
    if ("._-+".indexOf(last) >= 0) {
      return LINE_END_ABBREVIATIONS.contains(new String(chars, fs, fe - 1 - fs)) ? -1 : fs;
    }
    if (inner) {
      int dot = fe - 1;
      while (dot > fs && chars[dot] != '.') {
        dot--;
      }
      boolean file =
          chars[dot] == '.' && FILE_EXTENSIONS.contains(new String(chars, dot + 1, fe - dot - 1));
      return file || domainShaped(chars, fs, fe) ? -1 : fs;
    }
    // one word: joined with the next line's letters it must make a listed name
    int e = start;
    while (e < chars.length && e - start < 20 && isLetter(chars[e]) && chars[e] < 128) {
      e++;
    }
    int len = (fe - fs) + (e - start);
    if (e == start || len < 4 || len > 20) {
      return -1;
    }
    for (int i = fs; i < fe; i++) {
      if (!isLetter(chars[i])) {
        return -1;
      }
    }
    char[] joined = new char[len];
    System.arraycopy(chars, fs, joined, 0, fe - fs);
    System.arraycopy(chars, start, joined, fe - fs, e - start);
    int flags = PersonNames.WORDS.get(joined, 0, len);
    boolean name =
        (flags & (PersonNames.FIRST | PersonNames.LAST)) != 0
            && (flags & PersonNames.NOT_NAME) == 0;
    return name && PersonNames.WORDS.get(chars, fs, fe) == 0 ? fs : -1;
  }

  /**
   * {@code [from, to)} is ASCII letters, digits, {@code -} and dots, its last label one of {@link
   * #COMMON_TLDS} ({@code contoso.com}; {@code j.doe} is not).
   */
  private static boolean domainShaped(char[] chars, int from, int to) {
    int lastDot = -1;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c == '.') {
        if (i == from || chars[i - 1] == '.') {
          return false;
        }
        lastDot = i;
      } else if (!isAsciiAlnum(c) && c != '-') {
        return false;
      }
    }
    return lastDot >= 0
        && COMMON_TLDS.contains(
            new String(chars, lastDot + 1, to - lastDot - 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Start of the run of local-part chars that ends at {@code end} (an apostrophe only inside the
   * run, a change of script ends it), or {@code end} when the run is longer than the RFC's {@link
   * #LOCAL_MAX}; static so the oracle in the tests applies the same rule instead of a copy.
   */
  static int localChunkStart(char[] chars, int end) {
    int j = end;
    while (j > 0 && end - j <= LOCAL_MAX) {
      char c = chars[j - 1];
      if (isLocalChar(c)
          ? j < end && scriptBreak(c, chars[j])
          : !innerApostrophe(chars, j - 1, end)) {
        break;
      }
      j--;
    }
    if (end - j > LOCAL_MAX) {
      return end; // longer than RFC allows: not an address
    }
    return j;
  }

  /**
   * A spaced-out local part ends at {@code end}: a letter or digit, a space, and a letter or digit
   * before it ({@code j o h n @}), or a one-letter last chunk after a spaced separator ({@code r a
   * j . k @}, session 13), each after a non-local char. Static so the oracle shares it.
   */
  static boolean spacedLettersEnd(char[] chars, int end) {
    if (end < 3 || !isAsciiAlnum(chars[end - 1]) || chars[end - 2] != ' ') {
      return false;
    }
    if (isAsciiAlnum(chars[end - 3])) {
      return end - 3 == 0 || !isLocalChar(chars[end - 4]);
    }
    return end >= 5
        && "._-".indexOf(chars[end - 3]) >= 0
        && chars[end - 4] == ' '
        && isAsciiAlnum(chars[end - 5])
        && (end - 5 == 0 || !isLocalChar(chars[end - 6]));
  }

  /**
   * Three or more single letters or digits between single blanks start at {@code b} ({@code c o n t
   * o s o}): a domain spelled out after a literal {@code @}, read like an obfuscated one. Asked
   * once per {@code @} candidate.
   */
  static boolean spacedDomainAt(char[] chars, int b, int n) {
    return b + 5 < n
        && isAsciiAlnum(chars[b])
        && chars[b + 1] == ' '
        && isAsciiAlnum(chars[b + 2])
        && chars[b + 3] == ' '
        && isAsciiAlnum(chars[b + 4])
        && !isLabelChar(chars[b + 5]);
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

  /**
   * More than one line break in {@code [from, to)} (a blank line between two paragraphs; {@code
   * \r\n} counts once). A label after a dot and such a gap belongs to the next paragraph ({@code
   * tomorrow at 5 dot 30.\n\nBest regards} is no address at {@code 5.30.best}). Static so the
   * oracle shares it.
   */
  static boolean paragraphBreak(char[] chars, int from, int to) {
    int breaks = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= to || chars[i + 1] != '\n'))) {
        breaks++;
      }
    }
    return breaks > 1;
  }

  /**
   * A label after a dot and a line break that starts the next sentence: it begins with a capital
   * while the label before the break has none ({@code at 1738592157394.\nFYI}, {@code at 5 dot
   * 30.\nBest regards}). An address written in capitals ({@code JOHN@CONTOSO.\nCOM}) keeps its
   * label. Static so the oracle shares it.
   */
  static boolean sentenceAfterBreak(char[] chars, int prevStart, int prevEnd, int next) {
    if (next >= chars.length || !Character.isUpperCase(chars[next])) {
      return false;
    }
    for (int i = prevStart; i < prevEnd && i < chars.length; i++) {
      if (Character.isUpperCase(chars[i])) {
        return false;
      }
    }
    return true;
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
      case SEP_WORD, SEP_WORD_UNDERSCORE, SEP_WORD_DASH -> F_WORDS;
      case SEP_BRACKET -> F_BRACKETED;
      case SEP_COMMA -> F_COMMA;
      case SEP_LINEBREAK, SEP_GLUE -> F_LINEBREAK;
      default -> 0;
    };
  }

  /** The char a local part's separator {@code sep} stands for in the canonical address. */
  static char joinChar(int sep) {
    return sep == SEP_WORD_UNDERSCORE ? '_' : sep == SEP_WORD_DASH ? '-' : '.';
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

  /** STACK_FRAME guard (see {@code Scan#stackFrameAfter}); static so the test oracle shares it. */
  static boolean stackFrameAfter(char[] chars, int n, int end) {
    if (end + 1 < n && chars[end] == '.' && chars[end + 1] >= 'A' && chars[end + 1] <= 'Z') {
      // "stack at System.Web.HttpApplication.": a .NET type goes on after the suffix the domain
      // backed off to (session 17); an address's domain does not continue with a capital
      return true;
    }
    int i = end;
    int stop = Math.min(n, end + 64);
    while (i < stop
        && (chars[i] == '.'
            || chars[i] == '_'
            || (chars[i] < 128 && Character.isLetterOrDigit(chars[i])))) {
      i++;
    }
    if (i >= n) {
      return false;
    }
    char c = chars[i];
    return c == '('
        || c == '$'
        || (c == ':' && i + 1 < n && chars[i + 1] >= '0' && chars[i + 1] <= '9');
  }

  /** MESSAGE_ID guard (see {@code Scan#messageIdHeader}); static so the test oracle shares it. */
  static boolean messageIdHeader(String s, char[] chars, int lt) {
    int i = lt;
    int stop = Math.max(0, lt - 1000);
    while (i > stop && chars[i - 1] != '\n') {
      i--;
    }
    if (i > 0 && i == stop && chars[i - 1] != '\n') {
      return false;
    }
    while (i < lt && (chars[i] == ' ' || chars[i] == '>' || chars[i] == '\t')) {
      i++; // quoted reply
    }
    for (String h : MESSAGE_ID_HEADERS) {
      if (s.regionMatches(true, i, h, 0, h.length())) {
        return true;
      }
    }
    return false;
  }
}
