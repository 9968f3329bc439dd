package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The test oracle: {@link PersonDetector} as it was at the start of the round-4 speed work (main @
 * 614004a), renamed and otherwise unchanged. {@link PersonDetectorDifferentialTest} checks that the
 * current detector reports exactly the same candidates. Its original Javadoc follows.
 *
 * <p>Finds {@code PERSON} names from name lists plus context, without a statistical model.
 *
 * <p>Examples (the span is the name only, never the cue or a title):
 *
 * <pre>
 *   Hi Maria,                          person.greeting   0.85  "Maria"
 *   Dear Dr. Anna Müller               person.greeting   0.85  "Anna Müller"
 *   Best regards,\nTom O'Brien         person.signature  0.85  "Tom O'Brien"
 *   my name is Maria Gonzalez          person.self-intro 0.85
 *   From: "Gonzalez, Maria" &lt;m@x&gt;      person.header     0.85  canonical "Maria Gonzalez"
 *   Assigned to: JOHN SMITH            person.label      0.85  canonical "John Smith"
 *   the laptop of Anna Müller ...      person.full-name  0.65  (both parts in the lists, no cue)
 * </pre>
 *
 * <p>Design notes (maintainers). One pass over the {@link TextIndex}: every capitalized letter
 * token starts a <em>chain</em>: up to {@link #MAX_PARTS} name parts joined by one same-line space,
 * hyphen or apostrophe inside a part ({@code Jean-Luc}, {@code O'Brien}), lower-case particles
 * between parts ({@code van}, {@code de la}) and initials ({@code A.}). The scan resumes after the
 * chain (a rejected chain is retried from its second part, so {@code Ask John Smith} works), so the
 * work is linear. Each part is looked up in the name lists ({@link PersonNames}) through a folding
 * hash set that reads the text in place (no allocation). A chain is then judged against its cue,
 * read backwards from its first token within the same line (or the line before, for signatures):
 *
 * <ul>
 *   <li>strong cues (greeting, sign-off, {@code my name is}, mail header, {@code Label:}, title): a
 *       listed name scores 0.85, a listed but {@link PersonNames#AMBIGUOUS ambiguous} single word
 *       0.75, an unlisted but name-shaped chain 0.65 if it ends the phrase (comma, line end, {@code
 *       <});
 *   <li>weak cues ({@code this is}, {@code I'm}, {@code assigned to} without colon): listed names
 *       only, 0.85;
 *   <li>no cue: a title-case pair whose first part is a first name and last part a last name, 0.65
 *       (0.6 when the first name is ambiguous; never at sentence start then).
 * </ul>
 *
 * <p>Cost (it visits every word of every text, so the no-name path must be cheap): a lower-case
 * word is looked up only when a cue can apply ({@code noLowerCue}: the run of words after it is
 * scanned once per run, the token before it is read once); a lone capitalized part is looked up
 * only when a cue may apply before ({@code cueBefore}) or after it ({@code forwardCue}), since
 * without one it is never reported. See docs/pii-perf.md (Round 3: person3) for the measurements.
 *
 * <p>Named guards: {@link #NOT_A_NAME} (a part is a company form, role, place or common noun),
 * {@link #NOT_ALONE} (day, month, product with no listed name beside it), {@link #TECH_PHRASE},
 * {@link #CODE} (identifier punctuation around the chain or CamelCase inside a part), {@link
 * #TITLE_CASE_RUN} (more than {@link #MAX_PARTS} capitalized words: a heading), {@link #ALL_CAPS}
 * (upper-case chains need a header, label or signature cue).
 *
 * <p>Forward cues (read after the chain, {@link #forwardCue}): an address ({@code Maria Garcia
 * <m@x>}, {@code Tom (tom@x)}, {@code Tom, tom@x}), a chat speaker label ({@code [10:14:30]
 * Maria:}, {@code Agent (Léa):}), a vocative ({@code Léa, can you}) and {@code Nikos here}.
 * Lower-case names ({@link #lowerName}) need a cue and listed parts ({@code thanks, anna}, {@code
 * escalated to beatriz kaya}).
 *
 * <p>Known limits: a name in running prose with no cue and not both parts in the lists is missed
 * ({@code spoke about Zyxwa}); an unlisted name after a weak cue ({@code per Zyxwa}) is missed; a
 * list name used as a word right after a cue ({@code Hi Will,}) is reported.
 */
final class PersonDetectorReference implements Detector {
  /** Most name parts in one chain; a longer run of capitalized words is a heading. */
  static final int MAX_PARTS = 4;

  // guard names (documented above, each has a test case)
  static final String NOT_A_NAME = "not-a-name";
  static final String NOT_ALONE = "not-alone";
  static final String TECH_PHRASE = "tech-phrase";
  static final String CODE = "code";
  static final String TITLE_CASE_RUN = "title-case-run";
  static final String ALL_CAPS = "all-caps";

  private static final List<String> TITLE_WORDS = PersonDetector.TITLE_WORDS;
  private static final NameSet TITLES = new NameSet(TITLE_WORDS);
  private static final NameSet PARTICLES = PersonDetector.PARTICLES;
  private static final NameSet CLOSINGS = PersonDetector.CLOSINGS;
  private static final NameSet HEADERS = PersonDetector.HEADERS;
  private static final NameSet LABELS = PersonDetector.LABELS;
  private static final NameSet LABELS_WITHOUT_COLON = PersonDetector.LABELS_WITHOUT_COLON;

  /** A word token: letters, no digits ({@code (flags & WORD_MASK) == WORD}). */
  private static final int WORD_MASK = TextIndex.ALNUM | TextIndex.LETTER | TextIndex.DIGIT;

  private static final int WORD = TextIndex.ALNUM | TextIndex.LETTER;

  /** Flags of the single word right before a chain, so most chains need one lookup for a cue. */
  private static final int W_GREETING = 1;

  private static final int W_INTRO = 1 << 1;
  private static final int W_LABEL_END = 1 << 2;
  private static final int W_GREETING_END = 1 << 3;
  private static final NameSet GREETING_PHRASES = PersonDetector.GREETING_PHRASES;
  private static final NameSet CUE_WORDS = new NameSet(cueWords());

  /** A title or a cue word: one lookup for the word before most tokens ({@link Scan#cueBefore}). */
  private static final NameSet CUE_OR_TITLE = cueOrTitle();

  private static NameSet cueOrTitle() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>(cueWords());
    for (String w : TITLE_WORDS) {
      m.merge(w, 1, (a, b) -> a | b);
    }
    return new NameSet(m);
  }

  private static java.util.Map<String, Integer> cueWords() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (String g : PersonNames.load("greetings.txt")) {
      m.merge(g, W_GREETING, (a, b) -> a | b);
    }
    for (String w :
        List.of(
            "is", "m", "s", "am", "me", "soy", "llamo", "appelle", "chiamo", "ist", "heiße",
            "heisse", "sono", "chamo", "ben", "its")) {
      m.merge(w, W_INTRO, (a, b) -> a | b);
    }
    for (String w :
        List.of(
            "to",
            "by",
            "with",
            "of",
            "for",
            "contact",
            "attn",
            "cc'd",
            "from",
            "per",
            "cc",
            "ask",
            "asked",
            "ping",
            "pinged",
            "colleague",
            "cx",
            "holder",
            "cardholder",
            "card",
            "caller",
            "kunde",
            "kundin",
            "is",
            "transcript",
            "tam",
            "csm",
            "employee",
            "husband",
            "wife",
            "manager",
            "boss",
            "partner",
            "technician",
            "engineer",
            "customer",
            "starter", // session 16 (probe19): "new starter", "new joiner", "new hire"
            "joiner",
            "hire",
            "name", // session 17 (probe21): "first name Wei", "last name Chen" in a transcript
            "surname")) {
      m.merge(w, W_LABEL_END, (a, b) -> a | b);
    }
    for (String w :
        List.of("much", "you", "again", "morning", "afternoon", "evening", "day", "ora")) {
      m.merge(w, W_GREETING_END, (a, b) -> a | b);
    }
    return m;
  }

  // cue kinds
  private static final int NONE = 0;
  private static final int WEAK = 1;
  private static final int STRONG = 2;

  // part flags: the first five are the PersonNames flags
  private static final int P_FIRST = PersonNames.FIRST;
  private static final int P_LAST = PersonNames.LAST;
  private static final int P_AMBIG = PersonNames.AMBIGUOUS;
  private static final int P_NOT_ALONE = PersonNames.NOT_ALONE;
  private static final int P_NOT_NAME = PersonNames.NOT_NAME;
  private static final int P_CAPS = 1 << 5;
  private static final int P_CAMEL = 1 << 6;
  private static final int P_INITIAL = 1 << 7;

  @Override
  public String name() {
    return "person";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.PERSON);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.LETTER; // lower-case names after a cue too
  }

  @Override
  public void detect(DetectionContext ctx) {
    new Scan(ctx).run();
  }

  /** The per-text scanner; its scratch arrays are reused for every chain. */
  private static final class Scan {
    final DetectionContext ctx;
    final TextIndex ix;
    final String text;

    /** The text's chars (read only; {@link TextIndex#chars()} is valid during detect). */
    final char[] chars;

    final int n;
    // the current chain: part p spans tokens [ps[p], pe[p]] inclusive
    final int[] ps = new int[MAX_PARTS + 1];
    final int[] pe = new int[MAX_PARTS + 1];
    final int[] pf = new int[MAX_PARTS + 1];
    int parts;
    boolean tooLong;
    boolean cut;
    // the cue found for the chain
    int cueKind;
    String cuePattern;
    String cueWord;
    boolean capsAllowed;
    boolean labelCue;
    boolean speakerCue;
    boolean speakerFramed;
    int lead;
    // a lone part whose flags are not looked up yet (chain, judge)
    boolean lazy;
    boolean lazyInitial;
    // noLowerCue: the run of words and inline spaces after the word runFrom is (runFrom, runStop)
    int runFrom = -1;
    int runStop = -1;
    boolean runHasHere;

    Scan(DetectionContext ctx) {
      this.ctx = ctx;
      this.ix = ctx.tokens();
      this.text = ctx.text();
      char[] c = ix.chars();
      this.chars = c != null && c.length >= text.length() ? c : text.toCharArray();
      this.n = ix.size();
    }

    void run() {
      int t = 0;
      while (t < n) {
        int f = ix.flags(t);
        if ((f & WORD_MASK) != WORD) {
          t++; // space, punctuation, a token with digits
          continue;
        }
        if ((f & TextIndex.INITIAL_UPPER) == 0) {
          int r = (f & TextIndex.UPPER) == 0 ? lowerName(t) : 0;
          t = r > t ? r : t + 1;
          continue;
        }
        int next = chain(t);
        int resume = judge(t);
        t = resume > t ? resume : next;
      }
    }

    /**
     * A lower-case name ({@code thanks, anna}, {@code escalated to beatriz kaya}) starting at the
     * lower-case word {@code t}: every part listed (a listed first name first), or a listed first
     * name plus one unlisted word that ends the phrase after a strong cue. Strong cues take a lone
     * first name; weak cues need a listed first and last name. Returns the token to resume at, or
     * 0.
     */
    int lowerName(int t) {
      if (ix.length(t) < 2 || (t > 0 && (ix.flags(t - 1) & TextIndex.SPACE) == 0)) {
        return 0; // "m'appelle", "e-mail": only a word after a space or at the text start
      }
      if (noLowerCue(t)) {
        return 0; // most words of running prose: no lookup at all
      }
      int f0 = PersonNames.WORDS.get(chars, ix.start(t), ix.end(t));
      boolean unlistedHead = false;
      if ((f0 & (P_AMBIG | P_NOT_ALONE | P_NOT_NAME)) != 0) {
        return 0;
      }
      if ((f0 & P_FIRST) == 0) {
        // "kind regards,\nchinedu chatterjee": an unlisted first name before a listed surname,
        // only where a strong cue can stand (line start, after ':' ',' or an introduction)
        if (f0 != 0 || ix.length(t) < 3 || !lowerHeadPlace(t) || !listedSurnameNext(t)) {
          return 0;
        }
        unlistedHead = true;
      }
      parts = 0;
      tooLong = false;
      cut = false;
      ps[0] = t;
      pe[0] = t;
      pf[0] = f0;
      parts = 1;
      boolean unlistedTail = false;
      int i = t;
      while (parts < 3) {
        int k = i + 1;
        if (!inlineSpace(k)) {
          break;
        }
        k++;
        int particles = 0;
        while (particles < 2
            && k + 2 < n
            && lowerWord(k)
            && PARTICLES.contains(chars, ix.start(k), ix.end(k))
            && inlineSpace(k + 1)
            && lowerWord(k + 2)) {
          k += 2;
          particles++;
        }
        if (k >= n || !lowerWord(k) || ix.length(k) < 2) {
          break;
        }
        int f = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k));
        if ((f & (P_AMBIG | P_NOT_ALONE | P_NOT_NAME)) != 0) {
          break;
        }
        if ((f & (P_FIRST | P_LAST)) == 0) {
          // one unlisted surname, only when it ends the phrase: "regards,\nlucía yılmaz\n"
          if (particles == 0 && endsPhrase(k) && !codeAround(k, k)) {
            ps[parts] = k;
            pe[parts] = k;
            pf[parts] = 0;
            parts++;
            unlistedTail = true;
          }
          break;
        }
        ps[parts] = k;
        pe[parts] = k;
        pf[parts] = f;
        parts++;
        i = k;
      }
      int last = pe[parts - 1];
      if (codeAround(t, last)) {
        return 0;
      }
      if (parts == 1
          && PersonDetector.introBen(ix, chars, t)
          && PersonDetector.capitalAfter(ix, t)) {
        return 0; // INTRO_BEN: "Merhaba, ben Mehmet": the pronoun, not the name Ben
      }
      findCueAt(t);
      if (cueKind != STRONG) {
        forwardCue(t, last);
      }
      if (speakerCue) {
        return 0; // "maria:" lower-case speaker labels are too often plain words
      }
      boolean lastListed = (pf[parts - 1] & P_LAST) != 0;
      if (unlistedHead
          && (cueKind != STRONG
              || parts != 2
              || !lastListed
              || "person.greeting".equals(cuePattern)
              || !endsPhrase(last))) {
        return 0;
      }
      if (cueKind == STRONG) {
        if (unlistedTail
            && !"person.signature".equals(cuePattern)
            && !"person.self-intro".equals(cuePattern)
            && !"person.address".equals(cuePattern)) {
          parts--; // keep the listed part only
          unlistedTail = false;
          last = pe[parts - 1];
        }
      } else if (cueKind == WEAK) {
        if (parts < 2 || unlistedTail || !lastListed) {
          return 0;
        }
      } else {
        return 0;
      }
      emit(
          ix.start(t),
          ix.end(last),
          unlistedTail || unlistedHead ? 0.65 : 0.85,
          unlistedTail || unlistedHead ? 0.3 : 0.4,
          cuePattern,
          unlistedTail || unlistedHead ? "none" : "name-list",
          cueWord);
      return last + 1;
    }

    /**
     * A necessary condition for {@link #lowerName} to report at the lower-case word {@code t},
     * checked before any name-list lookup: true when no cue can be found for a chain starting at
     * {@code t}, so it is not a name whatever its words are.
     *
     * <p>Backwards: {@link #cueBefore} (one token look-back, no lookup for most words). Forwards,
     * {@link #forwardCue} can then only set the address cue ({@code ,} {@code <} {@code (} right
     * after the chain, one inline space allowed) or {@code here} (right after it): a speaker label
     * needs a line start before {@code t} and a vocative a one-part chain, which lower-case names
     * reject. The chain holds only words and inline spaces and ends within 12 tokens of {@code t}
     * (3 parts, 2 particles before each), so both must show among the words and inline spaces that
     * follow {@code t}, by token {@code t + 14}. That run of words and inline spaces is scanned
     * once for all the words in it ({@link #scanRun}), so the test costs O(1) per word.
     */
    boolean noLowerCue(int t) {
      if (t < runFrom || t >= runStop) {
        scanRun(t);
      }
      int limit = Math.min(n, t + 16);
      int m = runStop; // the first token after t that is neither a word nor an inline space
      if (m < limit && (punct(m, ',') || punct(m, '<') || punct(m, '('))) {
        return false; // an address may follow the chain
      }
      if (runHasHere) {
        int to = Math.min(m, limit);
        for (int k = t + 1; k < to; k++) {
          if (word(k) && isWord(k, "here")) {
            return false;
          }
        }
      }
      return !cueBefore(t);
    }

    /** Scans the words and inline spaces after token {@code t} (once per run, so linear). */
    void scanRun(int t) {
      int m = t + 1;
      boolean here = false;
      while (m < n) {
        int f = ix.flags(m);
        if ((f & WORD_MASK) == WORD) {
          here |= ix.length(m) == 4 && isWord(m, "here");
        } else if (!inlineSpace(m)) {
          break;
        }
        m++;
      }
      runFrom = t;
      runStop = m;
      runHasHere = here;
    }

    /**
     * False only when {@link #findCue findCue(t)} certainly finds no cue; true when it may. Decided
     * from the token before {@code t} (after one same-line space): a word gives a cue only as a
     * title or a cue word ({@link #CUE_WORDS}: greeting, introduction, label end); a {@code .} only
     * after a title; only the punctuation {@code " ' , ; / - : > * • ]} can start one of the other
     * look-backs (quoted name, comma phrases, {@code w/}, sign-off dashes, labels, line-start
     * bullets and time stamps). A token with digits gives none. Anything else (line start, text
     * start, no space before {@code t}) may.
     */
    boolean cueBefore(int t) {
      if (t < 2 || (ix.flags(t - 1) & (TextIndex.SPACE | TextIndex.NEWLINE)) != TextIndex.SPACE) {
        return true;
      }
      int j = t - 2;
      int f = ix.flags(j);
      if ((f & WORD_MASK) == WORD) {
        int s = ix.start(j);
        int e = ix.end(j);
        return CUE_OR_TITLE.contains(chars, s, e);
      }
      if ((f & TextIndex.PUNCT) != 0) {
        switch (chars[ix.start(j)]) {
          case '.':
            return j >= 1 && word(j - 1) && TITLES.contains(chars, ix.start(j - 1), ix.end(j - 1));
          case '"':
          case '\'':
          case ',':
          case ';':
          case '/':
          case '-':
          case ':':
          case '>':
          case '*':
          case '\u2022':
          case ']':
            return true;
          default:
            return false;
        }
      }
      return (f & TextIndex.ALNUM) == 0; // a token with digits: no cue word, no line start
    }

    /**
     * Token {@code t} equals the lower-case ASCII {@code word} ignoring case, as {@link
     * TextIndex#equalsIgnoreCase} decides (which it calls when the token has a non-ASCII char).
     */
    boolean isWord(int t, String word) {
      int s = ix.start(t);
      int len = word.length();
      if (ix.end(t) - s != len) {
        return false;
      }
      for (int i = 0; i < len; i++) {
        char c = chars[s + i];
        if (c >= 128) {
          return ix.equalsIgnoreCase(t, word);
        }
        if ((c | 0x20) != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Line start, or right after ':' ',' or an introduction word ("soy", "is"). */
    boolean lowerHeadPlace(int t) {
      int j = prevSameLine(t);
      if (j < 0) {
        return true;
      }
      if (punct(j, ':') || punct(j, ',')) {
        return true;
      }
      if (word(j) && (CUE_WORDS.get(chars, ix.start(j), ix.end(j)) & W_INTRO) != 0) {
        return true;
      }
      return lineStartBefore(t);
    }

    /** The next word (one inline space on) is a listed, unambiguous lower-case surname. */
    boolean listedSurnameNext(int t) {
      int k = t + 2;
      if (!inlineSpace(t + 1) || k >= n || !lowerWord(k) || ix.length(k) < 2) {
        return false;
      }
      int f = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k));
      return (f & P_LAST) != 0 && (f & (P_AMBIG | P_NOT_ALONE | P_NOT_NAME)) == 0;
    }

    boolean word(int t) {
      return (ix.flags(t) & WORD_MASK) == WORD;
    }

    boolean capWord(int t) {
      return word(t) && (ix.flags(t) & TextIndex.INITIAL_UPPER) != 0;
    }

    /** "Ji-woo", "Min-jun": a short lower-case piece after a short capitalized one. */
    boolean lowerPiece(int s, int t) {
      return lowerWord(t)
          && ix.length(t) >= 2
          && ix.length(t) <= 4
          && ix.length(s) <= 4
          && (ix.flags(s) & TextIndex.LOWER) != 0
          && (t + 1 >= n || !(punct(t + 1, '-') || punct(t + 1, '.') && t + 2 < n && word(t + 2)));
    }

    boolean lowerWord(int t) {
      return word(t) && (ix.flags(t) & TextIndex.UPPER) == 0;
    }

    boolean punct(int t, char c) {
      return t >= 0 && t < n && (ix.flags(t) & TextIndex.PUNCT) != 0 && chars[ix.start(t)] == c;
    }

    boolean apostrophe(int t) {
      return punct(t, '\'') || punct(t, '\u2019');
    }

    boolean inlineSpace(int t) {
      return t >= 0
          && t < n
          && (ix.flags(t) & (TextIndex.SPACE | TextIndex.NEWLINE)) == TextIndex.SPACE
          && ix.length(t) <= 2;
    }

    boolean newlineSpace(int t) {
      return t >= 0 && t < n && (ix.flags(t) & TextIndex.NEWLINE) != 0;
    }

    /**
     * Reads the chain starting at token {@code t}; returns the token after it. A lone part (no
     * capitalized word follows) is left {@link #lazy}: its flags only matter with a cue, so {@link
     * #judge} looks them up once it has found one.
     */
    int chain(int t) {
      parts = 0;
      tooLong = false;
      cut = false;
      lazy = false;
      int i = t;
      while (true) {
        int s = i;
        int e = i;
        // joined part: Jean-Luc, O'Brien, Mary-Kate
        while (e + 2 < n
            && (punct(e + 1, '-') || apostrophe(e + 1))
            && (capWord(e + 2) || (punct(e + 1, '-') && lowerPiece(s, e + 2)))
            && !(apostrophe(e + 1) && ix.length(e + 2) == 1)) {
          e += 2;
        }
        boolean initial = s == e && ix.length(s) == 1;
        if (initial && punct(e + 1, '.')) {
          e++;
        }
        int j = e + 1;
        int next = -1; // the next part's first token, if one follows
        if (inlineSpace(j)) {
          int k = j + 1;
          int particles = 0;
          while (particles < 2
              && k + 2 < n
              && lowerWord(k)
              && PARTICLES.contains(chars, ix.start(k), ix.end(k))
              && inlineSpace(k + 1)) {
            k += 2;
            particles++;
          }
          if (k < n && capWord(k)) {
            next = k;
          } else if (particles == 0
              && k + 2 < n
              && lowerWord(k)
              && PARTICLES.contains(chars, ix.start(k), ix.end(k))
              && punct(k + 1, '-')
              && capWord(k + 2)) {
            next = k; // a particle joined by a hyphen: "Abdullah al-Mansour", "Amr el-Sayed"
          }
        }
        if (parts == 0 && next < 0) {
          // a lone part: its chain ends here whatever its flags are (a NOT_A_NAME or CODE part
          // ends it too), so they are looked up only when judge finds a cue
          ps[0] = s;
          pe[0] = e;
          pf[0] = 0;
          parts = 1;
          lazy = true;
          lazyInitial = initial;
          return j;
        }
        if (parts >= 1 && initial && s == e && PersonDetector.spelledOut(ix, chars, next)) {
          return s; // SPELLED_OUT: "my name is Rafael Gutierrez G U T I E R R E Z"
        }
        int flags = partFlags(s, e, initial);
        if (parts >= 2 && (flags & P_NOT_NAME) != 0) {
          flags = PersonDetector.afterNameParticle(ix, chars, ps[parts - 1], pe[parts - 1], flags);
        }
        if ((flags & (P_NOT_NAME | P_CAMEL)) != 0) {
          if (parts == 0) {
            // NOT_A_NAME / CODE: a lone non-name word; the chain is just this rejected part
            ps[0] = s;
            pe[0] = e;
            pf[0] = flags;
            parts = 1;
            return e + 1;
          }
          if (PersonDetector.labelBeforeColon(ix, chars, s, e)
              || PersonDetector.eventFieldAfter(ix, chars, s, e)) {
            return s; // NEXT_LABEL: "Reporter: Ngozi Eze Customer: ..." ends the chain
          }
          cut = true; // "Contoso Ltd", "Maria Support": resume at the non-name word
          return s;
        }
        if (parts < MAX_PARTS) {
          ps[parts] = s;
          pe[parts] = e;
          pf[parts] = flags;
          parts++;
        } else {
          tooLong = true;
        }
        if (next < 0) {
          return j;
        }
        i = next;
      }
    }

    int partFlags(int s, int e, boolean initial) {
      int from = ix.start(s);
      int to = ix.end(e);
      if (initial) {
        return P_INITIAL;
      }
      int f = PersonNames.WORDS.get(chars, from, to); // P_* bits equal PersonNames flags
      if (s != e) {
        // Jean-Luc: the first piece decides a first name; O'Brien, Smith-Jones: any piece a last
        // name; Contoso-Support: any non-name piece spoils the part
        boolean known = (f & (P_FIRST | P_LAST)) != 0;
        for (int k = s; k <= e; k += 2) {
          int g = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k));
          f |= g & (P_NOT_NAME | P_NOT_ALONE);
          if (!known) {
            f |= g & (k == s ? P_FIRST | P_LAST : P_LAST);
          }
        }
        if (!known && apostrophe(s + 1) && ix.length(s) == 1) {
          f |= P_LAST; // O'Neil, D'Angelo: an Irish or Italian surname shape
        }
      }
      boolean caps = true;
      boolean camel = false;
      for (int k = s; k <= e; k += 2) {
        int tf = ix.flags(k);
        if ((tf & TextIndex.LOWER) != 0) {
          caps = false;
        }
        if (!camel && (tf & TextIndex.LOWER) != 0 && ix.length(k) > 1) {
          camel = innerUpper(ix.start(k), ix.end(k));
        }
      }
      if (caps && ix.end(e) - ix.start(s) > 1) {
        f |= P_CAPS;
      }
      if (camel && (f & (P_FIRST | P_LAST)) == 0) {
        f |= P_CAMEL;
      }
      return f;
    }

    /** CamelCase inside a word (getUserName, PowerShell), except Mc/Mac/De/La/Le/Di name shapes. */
    boolean innerUpper(int from, int to) {
      for (int i = from + 1; i < to; i++) {
        if (Character.isUpperCase(chars[i])) {
          if (namePrefix(from, i - from)) {
            continue;
          }
          return true;
        }
      }
      return false;
    }

    /** {@code chars[from, from + len)} is Mc, Mac, De, La, Le, Di or Da (case-sensitive). */
    boolean namePrefix(int from, int len) {
      if (len == 3) {
        return chars[from] == 'M' && chars[from + 1] == 'a' && chars[from + 2] == 'c';
      }
      if (len != 2) {
        return false;
      }
      char a = chars[from];
      char b = chars[from + 1];
      return (a == 'M' && b == 'c')
          || (a == 'D' && (b == 'e' || b == 'i' || b == 'a'))
          || (a == 'L' && (b == 'a' || b == 'e'));
    }

    /** Judges the chain read last (starting at token {@code t}); returns the token to resume at. */
    int judge(int t) {
      if (lazy) {
        lazy = false;
        if (!punct(pe[0] + 1, ',')
            && !vcardInverted(t)
            && !ldapEscapedComma(pe[0])
            && !cueBefore(t)) {
          // A lone part ("The", "Windows", "Maria" in running text) is reported only with a cue
          // (no-cue names need two parts; "Smith, John" is handled with its flags below). With no
          // cue before it, only a cue after it can make it a name: its flags are looked up only
          // then. The start of the full judgement below, for one part: NOT_A_NAME, CODE and no cue
          // all resume after it.
          if (codeAround(ps[0], pe[0])) {
            return 0;
          }
          lead = t;
          noCue();
          forwardCue(ps[0], pe[0]);
          if (cueKind == NONE) {
            return 0;
          }
          pf[0] = partFlags(ps[0], pe[0], lazyInitial);
          if ((pf[0] & (P_NOT_NAME | P_CAMEL)) != 0) {
            return 0;
          }
          return decide(0);
        }
        pf[0] = partFlags(ps[0], pe[0], lazyInitial);
      }
      if (tooLong) {
        return 0; // TITLE_CASE_RUN
      }
      if (cut || (pf[0] & (P_NOT_NAME | P_CAMEL)) != 0) {
        return 0; // NOT_A_NAME: a company, product, role or greeting word, or CODE (CamelCase)
      }
      // a rejected chain is retried from its second part: "Ask John Smith", "Hi Qorbel Maria"
      int retry = parts > 1 ? ps[1] : 0;
      if (codeAround(ps[0], pe[parts - 1])) {
        return retry; // CODE
      }
      // "de la Cruz, Mary", "van der Berg, Arjun": lower-case particles before an inverted surname
      lead = t;
      if (parts == 1 && punct(pe[0] + 1, ',')) {
        for (int q = 0; q < 2; q++) {
          int k = lead - 1;
          if (inlineSpace(k)
              && k >= 1
              && lowerWord(k - 1)
              && PARTICLES.contains(chars, ix.start(k - 1), ix.end(k - 1))
              && (k - 1 == 0 || (ix.flags(k - 2) & TextIndex.SPACE) != 0)) {
            lead = k - 1;
          } else {
            break;
          }
        }
      }
      findCueAt(lead);
      if (lead != t && cueKind == NONE && !addressAfterInverted(pe[0])) {
        lead = t;
        findCueAt(t);
      }
      // Name: Smith, John   /   "Gonzalez, Maria"   /   Thanks,\nSmith, John   /   per Smith, John
      if (parts == 1 && (punct(pe[0] + 1, ',') || vcardInverted(t) || ldapEscapedComma(pe[0]))) {
        int inv = inverted(pe[0]);
        if (inv > 0) {
          return inv;
        }
      }
      if (doubleSurname() && punct(pe[1] + 1, ',')) {
        int inv = inverted(pe[1]); // "García López, María" after a header or label
        if (inv > 0) {
          return inv;
        }
      }
      if (cueKind != STRONG) {
        forwardCue(ps[0], pe[parts - 1]);
      }
      return decide(retry);
    }

    /** GREETING_AND (session 12): "Hi Tom and Anna," (the same judgement as PersonDetector's). */
    int greetingAnd(int last) {
      int and = PersonDetector.greetingAndName(ix, chars, last);
      int k = and >= 0 ? and : PersonDetector.greetingListName(ix, chars, last);
      if (k >= 0) {
        int next = chain(k);
        int first = lazy ? partFlags(ps[0], pe[0], lazyInitial) : pf[0];
        lazy = false;
        pf[0] = first;
        boolean name = !tooLong && !cut && (first & (P_NOT_NAME | P_CAMEL)) == 0;
        int lp = pe[parts - 1];
        boolean closes =
            and >= 0
                ? PersonDetector.closesGreeting(ix, chars, lp)
                : PersonDetector.greetingAndName(ix, chars, lp) >= 0;
        if (name && closes && !codeAround(ps[0], pe[parts - 1])) {
          return Math.max(decide(0), next);
        }
        return k; // not a greeting name: the walk judges it as any chain
      }
      return 0;
    }

    /** The judgement once the cues are known; returns the token to resume at. */
    int decide(int retry) {
      parts = PersonDetector.withoutFieldCode(ix, chars, ps, pe, pf, parts); // FIELD_CODE
      parts = PersonDetector.withoutNextLabel(ix, chars, ps, pe, parts); // NEXT_LABEL
      parts = PersonDetector.withoutPronoun(ix, chars, ps, pe, parts, sentenceStart(ps[0]));
      if (parts == 0) {
        return retry; // PRONOUN_I: "Agent: Can I have your name?" asks a question
      }
      boolean caps = true;
      boolean anyFirst = false;
      boolean anyKnown = false;
      boolean allAmbiguous = true;
      boolean allNotAlone = true;
      for (int p = 0; p < parts; p++) {
        int f = pf[p];
        if ((f & P_INITIAL) != 0) {
          continue;
        }
        if ((f & P_CAPS) == 0) {
          caps = false;
        }
        boolean k = (f & (P_FIRST | P_LAST)) != 0;
        if (k && (f & P_NOT_ALONE) == 0) {
          anyKnown = true;
          anyFirst |= (f & P_FIRST) != 0;
          if ((f & P_AMBIG) == 0) {
            allAmbiguous = false;
          }
        }
        if ((f & P_NOT_ALONE) == 0) {
          allNotAlone = false;
        }
      }
      if (allNotAlone) {
        return retry; // NOT_ALONE (or initials only)
      }
      if (hasNotAlone() && !anyKnown) {
        return retry; // NOT_ALONE: "Azure Storage", "Monday Morning"
      }
      if (caps
          && !capsAllowed
          && !(cueKind == WEAK
              && parts > 1
              && (((pf[0] & P_FIRST) != 0 && (pf[0] & (P_AMBIG | P_NOT_ALONE)) == 0)
                  || allListed()))) {
        // CAPS_AFTER_WEAK (session 17, probe20): after a weak cue, a listed first name first, or
        // every part listed ("Escalated by HUANG JIANGUO", family name first)
        return retry; // ALL_CAPS
      }
      if (caps && PersonDetector.acronymSubject(ix, chars, ps, pe, parts)) {
        return retry; // ACRONYM_SUBJECT
      }
      if (techPhrase()) {
        return retry; // TECH_PHRASE
      }
      int end = ix.end(pe[parts - 1]);
      int start = ix.start(ps[0]);
      if (speakerCue
          && !speakerFramed
          && (!anyKnown || allAmbiguous || (parts == 1 && !anyFirst))) {
        return retry; // a speaker label needs a listed name: "Note:", "Update:" are not people
      }
      if (speakerCue && !speakerFramed && acronymLabel()) {
        return retry; // ACRONYM_LABEL
      }
      if (cueKind == STRONG) {
        double score;
        String validation;
        if (anyKnown && !allAmbiguous) {
          score = 0.85;
          validation = "name-list";
        } else if (anyKnown) {
          score = 0.75;
          validation = "name-list";
        } else if ((endsPhrase(pe[parts - 1]) && (speakerCue || !punct(pe[parts - 1] + 1, ':')))
            || ("name is".equals(cueWord) && parts <= 3)
            || speakerFramed) {
          // "Customer: Correlation ID: ..." - an unlisted chain before ':' is a label, not a name
          score = 0.65;
          validation = "none";
        } else {
          return retry;
        }
        emit(start, end, score, anyKnown ? 0.4 : 0.3, cuePattern, validation, cueWord);
        return "person.greeting".equals(cuePattern) ? greetingAnd(pe[parts - 1]) : 0; // session 12
      }
      if (cueKind == WEAK
          && "person.verb".equals(cuePattern)
          && !PersonDetector.verbChain(pf, parts)) {
        return retry; // "Monday Bola Adewale called", "Caller Rohan Desai said"
      }
      if (cueKind == WEAK) {
        if (anyKnown && !allAmbiguous && (anyFirst || parts > 1)) {
          emit(start, end, 0.85, 0.4, cuePattern, "name-list", cueWord);
          return 0;
        }
        return retry;
      }
      // no cue: First Last, both parts listed, title case
      if (parts < 2 || caps) {
        return retry;
      }
      int f0 = pf[0];
      int fl = pf[parts - 1];
      if ((f0 & P_FIRST) == 0 || (fl & P_LAST) == 0) {
        return retry;
      }
      for (int p = 1; p < parts - 1; p++) {
        if ((pf[p] & (P_FIRST | P_LAST | P_INITIAL)) == 0) {
          return retry;
        }
      }
      for (int p = 0; p < parts; p++) {
        if ((pf[p] & (P_CAPS | P_NOT_ALONE)) != 0) {
          return retry;
        }
      }
      double score = 0.65;
      if ((f0 & P_AMBIG) != 0) {
        if (sentenceStart(ps[0])) {
          return retry;
        }
        score = 0.6;
      }
      emit(start, end, score, score, "person.full-name", "name-list", null);
      return 0;
    }

    /** "Attacker IP:", "File C:": a field label, not a speaker (PersonDetector.ACRONYM_LABEL). */
    boolean acronymLabel() {
      return PersonDetector.acronymLabel(ix, chars, ps, pe, pf, parts);
    }

    /** Every part (initials aside) is a listed, unambiguous first or last name. */
    boolean allListed() {
      for (int p = 0; p < parts; p++) {
        int f = pf[p];
        if ((f & P_INITIAL) != 0) {
          continue;
        }
        if ((f & (P_FIRST | P_LAST)) == 0 || (f & (P_AMBIG | P_NOT_ALONE | P_NOT_NAME)) != 0) {
          return false;
        }
      }
      return true;
    }

    /**
     * Cues read forwards from the chain [first, last]: an address right after it ({@code Maria
     * Garcia <m@x>}, {@code Tom (tom@x)}), a chat speaker label at line start ({@code [10:14:30]
     * Maria Garcia:}, {@code Agent (Léa):}), or {@code Nikos here}.
     */
    /**
     * {@code VIA_SENDER}: the word {@code via} right before the chain, or one word before it
     * ({@code Emily Carter via Zendesk <support@x>}, {@code ... via Google Groups <g@x>}): the
     * chain names the relaying tool or list, not a person. Runs only for a chain with an address
     * after it.
     */
    boolean viaBefore(int first) {
      int k = prevWord(first);
      if (k >= 0 && !isWord(k, "via")) {
        k = prevWord(k);
      }
      return k >= 0 && isWord(k, "via");
    }

    void forwardCue(int first, int last) {
      if (first == last && PersonDetector.loneMention(ix, chars, first)) {
        set(WEAK, "person.vocative", "@", false); // LONE_MENTION: "@Mehdi can you check this?"
        return;
      }
      if (addressAfter(last)) {
        if (viaBefore(first)) {
          return; // VIA_SENDER: "Emily Carter via Zendesk <support@...>" names the tool
        }
        set(STRONG, "person.address", "address", true);
        speakerCue = false;
        return;
      }
      int a = last + 1;
      if (punct(a, ':')
          && !punct(a + 1, '/')
          && !punct(a + 1, ':')
          && !(first == last && HEADERS.contains(chars, ix.start(first), ix.end(last)))) {
        // a mail header field ("Von:", "De:", "Van:", "Aan:") is a label, not a speaker
        // CHAT_ROLE_SPEAKER: "Agent Laura:", "Note from Pradeep:" after the line start too
        int rs = -1;
        int clock = PersonDetector.clockBefore(ix, chars, first); // "14:02 Noura:" (CLOCK_SPEAKER)
        if (lineStartBefore(first) || (clock >= 0 && lineStartBefore(clock))) {
          rs = first;
        } else {
          int r = PersonDetector.chatRoleBefore(ix, chars, first);
          if (r < 0) {
            r = PersonDetector.noteFromBefore(ix, chars, first);
          }
          if (r >= 0 && lineStartBefore(r)) {
            rs = r;
          }
        }
        if (rs >= 0) {
          set(STRONG, "person.speaker", "speaker", true);
          speakerCue = true;
          speakerFramed = rs == first && timeStampBefore(first); // "[10:14:30] Zyxwa Qorbel:"
          // "Visitor Jamal:": a lone role word first in the chain is dropped; the name is listed
          if (rs == first
              && parts >= 2
              && ps[0] == pe[0]
              && PersonDetector.CHAT_ROLES.contains(chars, ix.start(ps[0]), ix.end(ps[0]))) {
            for (int p = 1; p < parts; p++) {
              ps[p - 1] = ps[p];
              pe[p - 1] = pe[p];
              pf[p - 1] = pf[p];
            }
            parts--;
            speakerFramed = false;
          }
          return;
        }
      }
      if (punct(a, ')') && punct(first - 1, '(')) {
        // "Agent (Léa):" - a role word, then the name in parentheses
        int r = first - 2;
        if (inlineSpace(r)) {
          r--;
        }
        if (r >= 0 && word(r)) {
          int rs = r;
          if (inlineSpace(r - 1) && word(r - 2)) {
            rs = r - 2;
          }
          boolean role = PersonDetector.CHAT_ROLES.contains(chars, ix.start(r), ix.end(r));
          // "Customer (Li Wei) says ..." after a role word (CHAT_ROLE_SPEAKER)
          boolean says =
              role
                  && inlineSpace(a + 1)
                  && a + 2 < n
                  && word(a + 2)
                  && PersonDetector.reportVerb(chars, ix.start(a + 2), ix.end(a + 2));
          if ((punct(a + 1, ':') || says) && lineStartBefore(rs)) {
            set(STRONG, "person.speaker", "speaker", true);
            speakerCue = true;
            // FIELD_QUALIFIER: "Phone (Mobile):", "Tax ID (SSN):" frame no unlisted name
            speakerFramed = parts <= 3 && role && !says;
            return;
          }
        }
      }
      if (cueKind == NONE && parts == 1 && vocative(a)) {
        set(WEAK, "person.vocative", "vocative", false); // "Léa, can you please escalate"
        return;
      }
      if (cueKind == NONE
          && inlineSpace(a)
          && a + 1 < n
          && ix.equalsIgnoreCase(a + 1, "here")
          && (endsPhrase(a + 1) || PersonDetector.hereFrom(ix, a + 1))) {
        // "Nikos here - took over", "Aoife here from the Dublin office" (HERE_FROM)
        set(WEAK, "person.self-intro", "here", false);
        return;
      }
      if (cueKind == NONE && parts == 1 && PersonDetector.callBack(ix, chars, first, a)) {
        set(WEAK, "person.verb", "back", false); // CALL_BACK: "Called Esperanza back"
        return;
      }
      if (cueKind == NONE
          && parts == 1
          && PersonDetector.loneVerb(ix, chars, a)
          && lineStartBefore(first)) {
        set(WEAK, "person.verb", "verb", false); // LONE_VERB: "Thabo replied: ok"
        return;
      }
      if (cueKind == NONE
          && parts >= 2
          && inlineSpace(a)
          && a + 1 < n
          && word(a + 1)
          && PersonDetector.reportVerb(chars, ix.start(a + 1), ix.end(a + 1))) {
        set(WEAK, "person.verb", "verb", false); // "Mark Pearson called about the invoice"
        return;
      }
      // "Emma from Contoso: Hi there!", "Laura (Support): ..." (CHAT_ROLE_SPEAKER; a listed name)
      boolean fromCompany =
          PersonDetector.fromCompanySpeaker(ix, chars, a)
              || PersonDetector.roleAfterSpeaker(ix, chars, a);
      if (cueKind == NONE && fromCompany && lineStartBefore(first)) {
        set(STRONG, "person.speaker", "speaker", true);
        speakerCue = true;
        return;
      }
      if (cueKind == NONE && PersonDetector.joinedChat(ix, chars, a)) {
        set(
            WEAK,
            "person.verb",
            "joined",
            false); // "Mateo has joined the chat" (CHAT_ROLE_SPEAKER)
      }
    }

    /**
     * An e-mail address (plain or obfuscated) in {@code <...>} or {@code (...)} right after token
     * {@code last}, within 100 characters on the same line.
     */
    boolean addressAfter(int last) {
      int a = last + 1;
      if (inlineSpace(a)) {
        a++;
      }
      if (punct(a, ',')) {
        // "Maria Garcia, maria@x": an address right after the comma
        int from = ix.end(a);
        int to = Math.min(text.length(), from + 64);
        int i = from;
        while (i < to && chars[i] == ' ') {
          i++;
        }
        if (i < to && chars[i] == '"') {
          i++; // a quoted CSV field: "Doe, John","john.doe@x"
        }
        int w = i;
        // the address is one field: "Doe, John","j@x" is no "Doe" followed by an address
        for (;
            i < to && !Character.isWhitespace(chars[i]) && chars[i] != '"' && chars[i] != ',';
            i++) {
          if (chars[i] == '@' && i > w) {
            return true;
          }
        }
        return false;
      }
      if (!(punct(a, '<') || punct(a, '('))) {
        return false;
      }
      char close = punct(a, '<') ? '>' : ')';
      int from = ix.start(a) + 1;
      int to = Math.min(text.length(), from + 100);
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c == '@' && i == from && close == '>') {
          return false; // MENTION: a Slack user mention "<@U02UZ3H2N>" is no address
        }
        if (c == '@' || c == '\uFF20') {
          return true;
        }
        if (c == '\n' || c == ',' || c == ';' || (c == close && i > from + 1)) {
          // a list in brackets is no address: "VALUES (5, 'bjorn', 'b@x')" in a SQL dump
          return false;
        }
        if ((c == 'a' || c == 'A')
            && i + 1 < to
            && (chars[i + 1] == 't' || chars[i + 1] == 'T')
            && i > from
            && !Character.isLetterOrDigit(chars[i - 1])
            && (i + 2 >= to || !Character.isLetterOrDigit(chars[i + 2]))) {
          return true; // "maria at contoso dot com", "maria <AT> contoso"
        }
      }
      return false;
    }

    /**
     * Only spaces, bullets, quote marks and one bracketed time stamp stand between the line start
     * and token {@code tok}: {@code [10:14:30] Maria:}, {@code > - Maria:}.
     */
    boolean lineStartBefore(int tok) {
      int k = tok - 1;
      int steps = 0;
      boolean bracket = false;
      while (k >= 0 && steps < 40) {
        int f = ix.flags(k);
        if ((f & TextIndex.NEWLINE) != 0) {
          return true;
        }
        if ((f & TextIndex.SPACE) != 0
            || punct(k, '-')
            || punct(k, '>')
            || punct(k, '*')
            || punct(k, '\u2022')) {
          k--;
          steps++;
          continue;
        }
        if (punct(k, ']') && !bracket) {
          bracket = true;
          int b = k - 1;
          while (b >= 0 && k - b < 30 && !punct(b, '[') && (ix.flags(b) & TextIndex.NEWLINE) == 0) {
            b--;
          }
          if (!punct(b, '[')) {
            return false;
          }
          k = b - 1;
          steps++;
          continue;
        }
        return false;
      }
      return k < 0;
    }

    /** Token {@code a} starts {@code , can you} / {@code , could you} / {@code , please}. */
    boolean vocative(int a) {
      if (inlineSpace(a)) {
        a++;
      }
      if (!punct(a, ',') || !inlineSpace(a + 1) || a + 2 >= n || !word(a + 2)) {
        return false;
      }
      int w = a + 2;
      return ix.equalsIgnoreCase(w, "can")
          || ix.equalsIgnoreCase(w, "could")
          || ix.equalsIgnoreCase(w, "would")
          || ix.equalsIgnoreCase(w, "please")
          || ix.equalsIgnoreCase(w, "pls")
          || ix.equalsIgnoreCase(w, "any");
    }

    /**
     * An address after "Last, First": the first name token follows the comma after {@code last}.
     */
    boolean addressAfterInverted(int last) {
      int c = last + 1;
      return punct(c, ',') && inlineSpace(c + 1) && capWord(c + 2) && addressAfter(c + 2);
    }

    /** {@link #invertedSpeaker}: a colon after the name. */
    static final int SPEAKER_COLON = 1;

    /** {@link #invertedSpeaker}: a clock time after the name, to the line end or a colon. */
    static final int SPEAKER_TIME = 2;

    /**
     * INVERTED_SPEAKER: an inverted name ({@code lead} .. the given name ending at {@code end})
     * that stands where a chat transcript puts its speaker: after only the line start, bullets or a
     * bracketed time stamp, and before a colon ({@link #SPEAKER_COLON}: {@code [9:14 AM] Nakamura,
     * Hiroshi: ...}) or a clock time that ends the line or a colon ({@link #SPEAKER_TIME}: {@code
     * Nakamura, Hiroshi 9:14 AM}, the header of a Teams message copied as text). An organization in
     * parentheses may come between ({@code Nakamura, Hiroshi (Contoso) 9:14 AM}). Returns 0 when
     * neither.
     */
    int invertedSpeaker(int lead, int end) {
      int a = end + 1;
      if (a >= n || !(punct(a, ':') || inlineSpace(a)) || !lineStartBefore(lead)) {
        return 0;
      }
      if (inlineSpace(a) && punct(a + 1, '(')) {
        int c = a + 2;
        while (c < n && c < a + 12 && !punct(c, ')') && !newlineSpace(c)) {
          c++;
        }
        if (!punct(c, ')')) {
          return 0;
        }
        a = c + 1;
      }
      if (punct(a, ':') && !punct(a + 1, '/') && !punct(a + 1, ':')) {
        return SPEAKER_COLON;
      }
      if (!inlineSpace(a) || !clock(a + 1)) {
        return 0;
      }
      int e = a + 4; // after "9", ":", "14"
      if (inlineSpace(e) && meridiem(e + 1)) {
        e += 2;
      }
      return e >= n || newlineSpace(e) || punct(e, ':') ? SPEAKER_TIME : 0;
    }

    /** One part of an inverted name is listed ("Lunch, Cafeteria 12:30 PM" is a calendar line). */
    static boolean listedPart(int fLast, int fFirst) {
      return (fLast & P_LAST) != 0 || (fFirst & P_FIRST) != 0 && (fFirst & P_AMBIG) == 0;
    }

    /** Token {@code t} starts a clock time: one or two digits, a colon, two digits. */
    boolean clock(int t) {
      return t + 2 < n
          && (ix.flags(t) & TextIndex.DIGIT) != 0
          && ix.length(t) <= 2
          && punct(t + 1, ':')
          && (ix.flags(t + 2) & TextIndex.DIGIT) != 0
          && ix.length(t + 2) == 2;
    }

    /** Token {@code t} (any int) is {@code AM} or {@code PM}, any case. */
    boolean meridiem(int t) {
      return t >= 0
          && t < n
          && word(t)
          && (ix.equalsIgnoreCase(t, "am") || ix.equalsIgnoreCase(t, "pm"));
    }

    /**
     * A bracketed clock time right before token {@code tok}: {@link #timeStampBefore}, or one that
     * ends with {@code AM}/{@code PM} ({@code [9:14 AM]}).
     */
    boolean timeBefore(int tok) {
      if (timeStampBefore(tok)) {
        return true;
      }
      int k = tok - 1;
      if (inlineSpace(k)) {
        k--;
      }
      if (!punct(k, ']') || !meridiem(k - 1) || !inlineSpace(k - 2)) {
        return false;
      }
      k -= 3;
      return k >= 2
          && (ix.flags(k) & TextIndex.DIGIT) != 0
          && (punct(k - 1, ':') || punct(k - 1, '.'));
    }

    /** A bracketed time stamp ({@code [10:14:30]}) right before token {@code tok}. */
    boolean timeStampBefore(int tok) {
      int k = tok - 1;
      if (inlineSpace(k)) {
        k--;
      }
      if (!punct(k, ']') || k < 2 || (ix.flags(k - 1) & TextIndex.DIGIT) == 0) {
        return false;
      }
      return punct(k - 2, ':') || punct(k - 2, '.');
    }

    boolean hasNotAlone() {
      for (int p = 0; p < parts; p++) {
        if ((pf[p] & P_NOT_ALONE) != 0) {
          return true;
        }
      }
      return false;
    }

    boolean techPhrase() {
      for (int p = 0; p + 1 < parts; p++) {
        if (PersonNames.TECH_PHRASES.contains(chars, ix.start(ps[p]), ix.end(pe[p + 1]))) {
          return true;
        }
      }
      return false;
    }

    /**
     * {@code MENTION_NAME}: a Teams or Slack mention pasted as text is the person's display name
     * ({@code @Priya Nair can you take this?}): two or more parts, the first a listed first name
     * and the last a listed last name, the {@code @} at the text start or after a blank or an
     * opening bracket. A one-word {@code @Override} or {@code @jdoe} stays code or a handle.
     */
    boolean mentionOfName(int at) {
      return PersonDetector.mentionOfName(chars, pf, parts, at);
    }

    /** CODE guard: identifier punctuation right before or after the chain. */
    boolean codeAround(int first, int last) {
      int s = ix.start(first);
      if (s > 0) {
        char b = chars[s - 1];
        if (b == '.'
            || b == '_'
            || b == '/'
            || b == '\\'
            || b == '#'
            || b == '$'
            || (b == '='
                && !PersonDetector.ldapCommonName(chars, s - 1, ix.end(last), text.length())
                && !PersonDetector.nameKeyAssign(ix, chars, first))
            || (b == '@'
                && !mentionOfName(s - 1)
                && !PersonDetector.greetingMention(ix, chars, first)
                && !PersonDetector.loneMention(ix, chars, first))) {
          return true;
        }
      }
      int e = ix.end(last);
      if (e < text.length()) {
        char a = chars[e];
        if (a == '(' || a == '_' || a == '@' || a == '/' || a == '=' || a == '[') {
          return true;
        }
        if (a == '\\'
            && !PersonDetector.escapedQuote(chars, e, text.length())
            && !PersonDetector.ldapEscapedComma(chars, ix.start(first), e, text.length())) {
          return true; // a path goes on; an escaped quote closes a value in escaped JSON
        }
        if (a == '.' && e + 1 < text.length() && Character.isLetterOrDigit(chars[e + 1])) {
          return true;
        }
        if (a == '-' && e + 1 < text.length() && Character.isDigit(chars[e + 1])) {
          return true; // a ticket or order number: "PO-8659840", "INV-2023-36089"
        }
      }
      return false;
    }

    /** Only inline space stands between token {@code last} and the line end or text end. */
    /** As in {@link PersonDetector}: line end, or a comma or bar before a role (session 10). */
    boolean endsSignOff(int last) {
      int j = last + 1;
      if (inlineSpace(j)) {
        j++;
      }
      return j >= n || newlineSpace(j) || punct(j, ',') || punct(j, '|');
    }

    boolean endsLine(int last) {
      int j = last + 1;
      if (inlineSpace(j)) {
        j++;
      }
      return j >= n || newlineSpace(j);
    }

    /** After the chain: a comma, line end, text end, or the start of an address or note. */
    boolean endsPhrase(int last) {
      int j = last + 1;
      if (j >= n || newlineSpace(j)) {
        return true;
      }
      if (inlineSpace(j)) {
        j++;
        if (j >= n || newlineSpace(j)) {
          return true;
        }
      }
      int c = chars[ix.start(j)];
      return c == ','
          || c == '!'
          || c == '.'
          || c == ';'
          || c == ':'
          || c == '<'
          || c == '('
          || c == '['
          || c == '"'
          || c == '|'
          || c == '-'
          || PersonDetector.escapedQuote(chars, ix.start(j), text.length());
    }

    boolean sentenceStart(int first) {
      int j = first - 1;
      if (j < 0) {
        return true;
      }
      if (newlineSpace(j)) {
        return true;
      }
      if (inlineSpace(j)) {
        j--;
      }
      if (j < 0) {
        return true;
      }
      char c = chars[ix.start(j)];
      return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '*' || c == '>';
    }

    /** Previous non-space token on the same line, or -1. */
    int prevSameLine(int t) {
      int j = t - 1;
      if (j >= 0 && (ix.flags(j) & TextIndex.SPACE) != 0) {
        if (newlineSpace(j)) {
          return -1;
        }
        j--;
      }
      return j;
    }

    /** Sets cueKind, cuePattern, cueWord, capsAllowed, labelCue for the chain at {@code t}. */
    void findCue(int t) {
      noCue();
      int j = prevSameLine(t);
      if (PersonDetector.ldapCue(ix, chars, j, t)) {
        set(WEAK, "person.label", "cn", false); // LDAP_CN: CN=Sarah Connor,OU=Users,DC=...
        return;
      }
      if (vcardInverted(t)) {
        set(STRONG, "person.label", "n", true); // VCARD_N: "N:Haddad;Layla;;;"
        labelCue = true;
        return;
      }
      if (PersonDetector.vcardFormattedName(ix, chars, t)) {
        set(STRONG, "person.label", "fn", true); // VCARD_FN: "FN:Aigerim Nurlanovna"
        labelCue = true;
        return;
      }
      if (j >= 0 && j == t - 1 && PersonDetector.greetingMention(ix, chars, t)) {
        j = prevSameLine(j); // GREETING_MENTION: "Hi @Priya," (a Teams or Slack mention)
      }
      // quoted display name: "Gonzalez, Maria" <...>
      boolean quoted = false;
      if (j >= 0 && (punct(j, '"') || punct(j, '\''))) {
        quoted = true;
        j = PersonDetector.beforeEscape(ix, chars, prevSameLine(j));
        if (PersonDetector.icsQuotedCue(ix, chars, j)) {
          set(WEAK, "person.label", "cn", false); // ICS_CN: ATTENDEE;CN="Doe, Jane";ROLE=...
          return;
        }
      }
      // title: Mr. / Dr. (itself a strong cue; a greeting before it names the pattern)
      if (j >= 0) {
        int w = punct(j, '.') ? j - 1 : j;
        if (w >= 0 && word(w) && TITLES.contains(chars, ix.start(w), ix.end(w))) {
          cueKind = STRONG;
          cuePattern = "person.title";
          cueWord = lower(w, w);
          capsAllowed = true;
          j = prevSameLine(w);
        }
      }
      if (j >= 0 && (punct(j, ',') || punct(j, ';'))) {
        int k = prevSameLine(j);
        if (k >= 0 && (punct(k, '>') || punct(k, '"') || punct(k, ')'))) {
          // "To: Maria Gonzalez <m@x>, John Smith <j@y>; "Doe, Jane" <d@z>"
          headerOfLine(j);
          return;
        }
        if (punct(j, ';') && k >= 0 && word(k)) {
          // HEADER_LIST (session 16, probe18): "To: Kowalski, Piotr; Nowak, Anna" (Outlook prints
          // display names only in a forward's header block); a weak cue, listed names only ("Cc:
          // Service Desk; Facilities" names teams)
          headerOfLine(j);
          if (cueKind != NONE) {
            cueKind = WEAK;
            labelCue = false;
            return;
          }
        }
        if (quoted || !punct(j, ',')) {
          return;
        }
        // "Hi, John" or "Best regards, Priya Natarajan"
        if (k >= 0 && word(k) && (CUE_WORDS.get(chars, ix.start(k), ix.end(k)) & W_GREETING) != 0) {
          set(STRONG, "person.greeting", lower(k, k), false);
          return;
        }
        // "Hi there, Anthony" / "Hello again, Maria"
        if (k >= 0 && (ix.equalsIgnoreCase(k, "there") || ix.equalsIgnoreCase(k, "again"))) {
          int g = prevWord(k);
          if (g >= 0 && (CUE_WORDS.get(chars, ix.start(g), ix.end(g)) & W_GREETING) != 0) {
            set(STRONG, "person.greeting", lower(g, k), false);
            return;
          }
        }
        int ls = lineStartToken(j);
        if (ls >= 0 && ls < j && CLOSINGS.contains(chars, ix.start(ls), ix.end(j - 1))) {
          set(STRONG, "person.signature", lower(ls, j - 1), true);
          return;
        }
        // MID_LINE_CLOSING (session 12): "? Ta, Kirsty"
        int ms = k >= 0 && word(k) ? PersonDetector.midLineClosing(ix, chars, k) : -1;
        if (ms >= 0 && endsPhrase(pe[parts - 1])) {
          set(STRONG, "person.signature", lower(ms, k), true);
        }
        return;
      }
      if (j >= 0 && word(j)) {
        int w = CUE_WORDS.get(chars, ix.start(j), ix.end(j));
        if (w == 0) {
          return;
        }
        if ((w & W_GREETING) != 0) {
          set(STRONG, "person.greeting", lower(j, j), cueKind == STRONG);
          return;
        }
        if ((w & W_GREETING_END) != 0) {
          int ps1 = phraseBack(j, 4);
          for (int s = ps1; s < j; s++) {
            if (word(s) && GREETING_PHRASES.contains(chars, ix.start(s), ix.end(j))) {
              set(STRONG, "person.greeting", lower(s, j), cueKind == STRONG);
              return;
            }
          }
        }
        if ((w & W_INTRO) != 0 && selfIntro(j)) {
          return;
        }
        if ((w & W_LABEL_END) == 0) {
          return;
        }
        int ls = phraseBack(j, 3);
        for (int s = ls; s <= j; s++) {
          if (word(s) && LABELS_WITHOUT_COLON.contains(chars, ix.start(s), ix.end(j))) {
            if (cueKind != STRONG) {
              set(
                  WEAK,
                  "person.label",
                  lower(s, j),
                  PersonDetector.CARD_LABELS.contains(chars, ix.start(s), ix.end(j)));
            }
            return;
          }
        }
        return;
      }
      if (j >= 1 && punct(j, '/') && word(j - 1) && ix.equalsIgnoreCase(j - 1, "w")) {
        // "spoke w/ Chiara"
        if (cueKind != STRONG) {
          set(WEAK, "person.label", "w/", false);
        }
        return;
      }
      if (j >= 0 && punct(j, '-') && cueKind != STRONG) {
        // "-- Robert" on the sign-off line itself
        int k = j;
        while (k >= 0 && punct(k, '-')) {
          k--;
        }
        if (j - k >= 2 && lineStartBefore(k + 1) && endsSignOff(pe[parts - 1])) {
          set(STRONG, "person.signature", "--", true);
          return;
        }
        // LONE_DASH (session 13): "\u2014 Tom" alone on its line
        boolean lone = PersonDetector.loneDash(ctx, ix, j, k);
        if (lone && lineStartBefore(j) && endsLine(pe[parts - 1])) {
          set(WEAK, "person.signature", "\u2014", false);
          return;
        }
        // DASH_SIGN_OFF (session 12): "Regards - Chloe", "Cheers — Tom", "Thanks! - Priya"
        int last = k - 1;
        if (k >= 2 && (punct(last, '!') || punct(last, ','))) {
          last--;
        }
        boolean closing = k >= 1 && inlineSpace(k) && word(last) && endsSignOff(pe[parts - 1]);
        int ls = closing ? lineStartToken(last + 1) : -1;
        boolean lineClosing =
            ls >= 0 && ls <= last && CLOSINGS.contains(chars, ix.start(ls), ix.end(last));
        int ms = closing && !lineClosing ? PersonDetector.midLineClosing(ix, chars, last) : -1;
        if (lineClosing || ms >= 0) {
          set(STRONG, "person.signature", lower(lineClosing ? ls : ms, last), true);
          return;
        }
      }
      if (j >= 0 && punct(j, ':')) {
        int ls = lineStartToken(j);
        // "Nom : Dupont": French typography puts a space before the colon
        int le = j >= 2 && inlineSpace(j - 1) && word(j - 2) ? j - 2 : j - 1;
        int lq = PersonDetector.beforeQualifier(ix, chars, le);
        if (lq != le) {
          le = lq; // LABEL_QUALIFIER: "Name (print):", the label before the parentheses
          ls = lineStartToken(lq + 1);
        }
        if (ls >= 0 && ls <= le) {
          if (HEADERS.contains(chars, ix.start(ls), ix.end(le))) {
            set(STRONG, "person.header", lower(ls, le), true);
            labelCue = true;
            return;
          }
          if (LABELS.contains(chars, ix.start(ls), ix.end(le))) {
            set(STRONG, "person.label", lower(ls, le), true);
            labelCue = true;
            return;
          }
        }
        int fs = fieldStart(le);
        if (fs >= 0 && fs <= le && LABELS.contains(chars, ix.start(fs), ix.end(le))) {
          // "Nom : Dupont, Prénom : Claire": a form label after a field separator on the line
          set(STRONG, "person.label", lower(fs, le), true);
          labelCue = true;
          return;
        }
        // FIELD_KEY: a data key ("first_name": "Haruto", lastName: Sato, "customer.name": …)
        int ke = PersonDetector.fieldKeyEnd(ix, chars, j);
        if (ke >= 0 && cueKind != STRONG) {
          int ks = PersonDetector.fieldKeyStart(ix, chars, ke);
          int kind = PersonDetector.fieldKeyKind(ix, chars, ks, ke);
          if (kind > 0) {
            set(kind == 2 ? STRONG : WEAK, "person.label", lower(ks, ke), true);
            labelCue = true;
            return;
          }
        }
        // "... assigned to: John" not at line start (a ':' opening the text has no words before)
        int ps0 = j > 0 ? phraseBack(j - 1, 2) : j;
        for (int s = ps0; s < j; s++) {
          if (word(s)
              && LABELS_WITHOUT_COLON.contains(chars, ix.start(s), ix.end(j - 1))
              && cueKind != STRONG) {
            set(WEAK, "person.label", lower(s, j - 1), true);
            labelCue = true;
            return;
          }
        }
        return;
      }
      if (cueKind != STRONG && (j < 0 || lineStartBefore(t))) {
        signature(t); // also "> Best regards,\n> Maria" and "- Maria" bullets
      }
    }

    /** {@link #findCue}, skipped when {@link #cueBefore} rules every cue out. */
    void findCueAt(int t) {
      if (cueBefore(t)) {
        findCue(t);
      } else {
        noCue();
      }
    }

    /** Resets the cue fields: no cue. */
    void noCue() {
      cueKind = NONE;
      cuePattern = "person.full-name";
      cueWord = null;
      capsAllowed = false;
      labelCue = false;
      speakerCue = false;
      speakerFramed = false;
    }

    void set(int kind, String pattern, String word, boolean caps) {
      cueKind = kind;
      cuePattern = pattern;
      cueWord = word;
      capsAllowed |= caps;
    }

    /** "my name is", "name's", "I'm", "I am", "this is", "call me". */
    boolean selfIntro(int j) {
      if (PersonDetector.itsIntro(ix, chars, j)) {
        if (cueKind != STRONG) {
          set(WEAK, "person.self-intro", "it's", false); // ITS_INTRO
        }
        return true;
      }
      if (ix.equalsIgnoreCase(j, "is")) {
        int k = prevWord(j);
        if (k >= 0 && ix.equalsIgnoreCase(k, "name")) {
          set(STRONG, "person.self-intro", "name is", true);
          return true;
        }
        if (k >= 0 && ix.equalsIgnoreCase(k, "this") && cueKind != STRONG) {
          set(WEAK, "person.self-intro", "this is", false);
          return true;
        }
        return false;
      }
      if (ix.equalsIgnoreCase(j, "s")
          && j >= 2
          && apostrophe(j - 1)
          && ix.equalsIgnoreCase(j - 2, "name")) {
        set(STRONG, "person.self-intro", "name's", true);
        return true;
      }
      if (ix.equalsIgnoreCase(j, "m")
          && j >= 2
          && apostrophe(j - 1)
          && ix.equalsIgnoreCase(j - 2, "i")) {
        if (cueKind != STRONG) {
          set(WEAK, "person.self-intro", "i'm", false);
        }
        return true;
      }
      if (ix.equalsIgnoreCase(j, "am")) {
        int k = prevWord(j);
        if (k >= 0 && ix.equalsIgnoreCase(k, "i")) {
          if (cueKind != STRONG) {
            set(WEAK, "person.self-intro", "i am", false);
          }
          return true;
        }
      }
      if (ix.equalsIgnoreCase(j, "soy")
          || ix.equalsIgnoreCase(j, "llamo")
          || ix.equalsIgnoreCase(j, "appelle")
          || ix.equalsIgnoreCase(j, "chiamo")
          || ix.equalsIgnoreCase(j, "chamo")
          || ix.equalsIgnoreCase(j, "heiße")
          || ix.equalsIgnoreCase(j, "heisse")
          || PersonDetector.introBen(ix, chars, j)) {
        // "soy Iván", "me llamo", "je m'appelle", "mi chiamo", "me chamo", "ich heiße"; Turkish
        // and Dutch "ben" ("Merhaba, ben Mehmet", "ik ben Sanne": INTRO_BEN)
        set(STRONG, "person.self-intro", lower(j, j), true);
        return true;
      }
      if (ix.equalsIgnoreCase(j, "ist")) {
        int k = prevWord(j);
        if (k >= 0 && ix.equalsIgnoreCase(k, "name")) {
          set(STRONG, "person.self-intro", "name ist", true);
          return true;
        }
        return false;
      }
      if (ix.equalsIgnoreCase(j, "sono")) {
        if (cueKind != STRONG) {
          set(WEAK, "person.self-intro", "sono", false);
        }
        return true;
      }
      if (ix.equalsIgnoreCase(j, "me")) {
        int k = prevWord(j);
        if (k >= 0 && ix.equalsIgnoreCase(k, "call")) {
          set(STRONG, "person.self-intro", "call me", false);
          return true;
        }
      }
      return false;
    }

    /** The word token before word {@code j} across one inline space, or -1. */
    int prevWord(int j) {
      int k = j - 1;
      if (inlineSpace(k)) {
        k--;
      }
      return k >= 0 && word(k) && k != j - 1 ? k : -1;
    }

    /** The first token of up to {@code words} words ending at token {@code j} on one line. */
    /**
     * The first word of a phrase of at most three words ending at token {@code le} that follows a
     * field separator ({@code ,} {@code ;} {@code |}) on the same line, or -1.
     */
    int fieldStart(int le) {
      if (le < 0 || !word(le)) {
        return -1;
      }
      int k = phraseBack(le, 3);
      for (; k <= le; k++) {
        if (!word(k)) {
          continue;
        }
        int b = inlineSpace(k - 1) ? k - 2 : k - 1;
        if (punct(b, ',')
            || punct(b, ';')
            || punct(b, '|')
            || (punct(b, '/') && inlineSpace(b - 1))) { // "First name: X / Last name: Y"
          return k;
        }
      }
      return -1;
    }

    int phraseBack(int j, int words) {
      int s = j;
      int count = 1;
      int k = j - 1;
      while (k >= 0 && count < words) {
        if (inlineSpace(k) || punct(k, '-')) {
          k--;
          continue;
        }
        if (word(k)) {
          s = k;
          count++;
          k--;
          continue;
        }
        break;
      }
      return s;
    }

    /**
     * The first word token of the line holding token {@code j}, when at most 6 tokens of words,
     * spaces and hyphens stand between it and {@code j} (after leading bullets and quote marks);
     * else -1.
     */
    int lineStartToken(int j) {
      int k = j - 1;
      int first = -1;
      int steps = 0;
      while (k >= 0 && steps < 12) {
        int f = ix.flags(k);
        if ((f & TextIndex.NEWLINE) != 0) {
          break;
        }
        if (punct(k, ']') && first >= 0 && lineStartBefore(first)) {
          return first; // "[09:50:25] Customer: Camila"
        }
        if (word(k)) {
          first = k;
        } else if ((f & TextIndex.SPACE) == 0
            && !punct(k, '-')
            && !punct(k, '>')
            && !punct(k, '*')
            && !punct(k, '\'')
            && !punct(k, '&')) { // "Thanks & regards, Zyxwa Qorbel"
          return -1;
        }
        k--;
        steps++;
      }
      if (steps >= 12 && k >= 0 && !newlineSpace(k)) {
        return -1;
      }
      return first;
    }

    /** Header continuation: "To: Maria Gonzalez <m@x>, John Smith <j@y>". */
    void headerOfLine(int comma) {
      int k = comma;
      int start = Math.max(0, ix.start(comma) - 400);
      while (k > 0 && ix.start(k) > start && !newlineSpace(k - 1)) {
        k--;
      }
      // k is the first token of the line (or the window start)
      int ls = k;
      while (ls < comma && !word(ls)) {
        ls++;
      }
      int colon = ls;
      while (colon < comma && colon - ls < 8 && !punct(colon, ':')) {
        colon++;
      }
      if (colon < comma
          && punct(colon, ':')
          && colon > ls
          && HEADERS.contains(chars, ix.start(ls), ix.end(colon - 1))) {
        set(STRONG, "person.header", lower(ls, colon - 1), true);
        labelCue = true;
      }
    }

    /** A sign-off line before the chain's line: "Thanks,\nMaria", "-- \nTom O'Brien". */
    void signature(int t) {
      int sp = t - 1;
      while (sp >= 0 && (inlineSpace(sp) || punct(sp, '>'))) {
        sp--; // quoted reply: "> > Maria"
      }
      if (!newlineSpace(sp) || !endsPhrase(pe[parts - 1])) {
        return;
      }
      int j = sp - 1;
      if (j < 0) {
        return;
      }
      if (punct(j, ',') || punct(j, '!') || punct(j, '.')) {
        if (punct(j, '.') && j >= 1 && punct(j - 1, '.')) {
          return;
        }
        j--;
      }
      if (j < 0) {
        return;
      }
      if (punct(j, '-')) {
        // "--" or "-- " signature separator on its own line
        int k = j;
        while (k >= 0 && punct(k, '-')) {
          k--;
        }
        if (j - k >= 2 && lineStartBefore(k + 1)) {
          set(STRONG, "person.signature", "--", true); // also "> --"
        }
        return;
      }
      if (!word(j)) {
        return;
      }
      int ls = lineStartToken(j + 1);
      if (ls >= 0 && ls <= j && CLOSINGS.contains(chars, ix.start(ls), ix.end(j))) {
        set(STRONG, "person.signature", lower(ls, j), true);
        return;
      }
      int ms = PersonDetector.midLineClosing(ix, chars, j); // MID_LINE_CLOSING (session 12)
      if (ms >= 0) {
        set(STRONG, "person.signature", lower(ms, j), true);
      }
    }

    /**
     * DOUBLE_SURNAME: a chain of two listed surnames after a strong cue (a header or label), then a
     * comma and a listed given name that closes the phrase: {@code From: "García López, María"
     * <...>}, {@code Titular: Pérez Gómez, Ana} (Spanish and Portuguese double surnames before the
     * given name). {@code To: Maria Garcia, John Smith} is a list: the given name must close.
     */
    boolean doubleSurname() {
      return parts == 2
          && cueKind == STRONG
          && (pf[0] & P_LAST) != 0
          && (pf[1] & P_LAST) != 0
          && ((pf[0] | pf[1]) & (P_NOT_NAME | P_NOT_ALONE | P_CAMEL | P_AMBIG)) == 0;
    }

    /**
     * {@code VCARD_N} (session 17, probe20): the chain at {@code t} is the family name of a vCard's
     * {@code N:} property ({@code N:Haddad;Layla;;;}, at a line start) and a {@code ;} follows its
     * one part: a strong label cue, the given name after the {@code ;} ({@link #inverted}).
     */
    /**
     * {@code LDAP_ESCAPED_COMMA} (session 17, probe20): a {@code \,} follows the part ending at
     * token {@code last} inside an LDAP common name ({@code CN=Doe\, Jane,OU=Users,...}: the DN
     * escapes the comma of a "Last, First" display name): read as an inverted name's comma.
     */
    boolean ldapEscapedComma(int last) {
      return punct(last + 1, '\\')
          && punct(last + 2, ',')
          && PersonDetector.ldapCue(ix, chars, prevSameLine(ps[0]), ps[0]);
    }

    boolean vcardInverted(int t) {
      return parts == 1 && punct(pe[0] + 1, ';') && PersonDetector.vcardName(ix, chars, t);
    }

    /** "Smith, John" after a label or in a quoted display name; returns the resume token or 0. */
    int inverted(int last) {
      int c = last + 1;
      int gs = c + 2;
      if (punct(c, ';') && capWord(c + 1) && vcardInverted(lead)) {
        gs = c + 1; // VCARD_N: "N:Haddad;Layla;;;"
      } else if (ldapEscapedComma(last) && inlineSpace(c + 2) && capWord(c + 3)) {
        gs = c + 3; // LDAP_ESCAPED_COMMA: "CN=Doe\, Jane,OU=Users,..."
      } else if (!punct(c, ',') || !inlineSpace(c + 1) || !capWord(c + 2)) {
        return 0;
      }
      int ge = gs;
      while (ge + 2 < n && (punct(ge + 1, '-') || apostrophe(ge + 1)) && capWord(ge + 2)) {
        ge += 2;
      }
      // optional middle initial: "Smith, John A."
      int end = ge;
      if (inlineSpace(ge + 1) && ge + 2 < n && capWord(ge + 2) && ix.length(ge + 2) == 1) {
        end = punct(ge + 3, '.') ? ge + 3 : ge + 2;
      }
      // SECOND_GIVEN (session 16, probe18): a second given name, listed and unambiguous
      // ("From: GONZALEZ, MARIA JOSE", "Okafor, Chinedu Emeka"; not "Smith, John Will")
      if (end == ge
          && inlineSpace(ge + 1)
          && ge + 2 < n
          && capWord(ge + 2)
          && ix.length(ge + 2) > 1) {
        int f2 = partFlags(ge + 2, ge + 2, false);
        if ((f2 & P_FIRST) != 0 && (f2 & (P_AMBIG | P_NOT_NAME | P_NOT_ALONE | P_CAMEL)) == 0) {
          end = ge + 2;
        }
      }
      int after = end + 1;
      // a quoted display name closes with '"' (or '\"' inside a JSON string) before its address:
      // "Doe, John","john.doe@x" (CSV), "\"Okafor, Chinedu\" <c@x>" (JSON)
      int q = punct(end + 1, '\\') && punct(end + 2, '"') ? end + 2 : end + 1;
      boolean quotedAddr = !addressAfter(end) && punct(q, '"') && addressAfter(q);
      boolean addr = quotedAddr || addressAfter(end);
      boolean strongCue =
          labelCue || addr || (cueKind == STRONG && !"person.greeting".equals(cuePattern));
      // INVERTED_SPEAKER (mirrors PersonDetector)
      int speaker = strongCue ? 0 : invertedSpeaker(lead, end);
      if (!strongCue && cueKind != WEAK && speaker == 0) {
        return 0;
      }
      boolean closes =
          after >= n
              || newlineSpace(after)
              || punct(after, '"')
              || punct(after, '\'')
              || (inlineSpace(after)
                  && (after + 1 >= n
                      || newlineSpace(after + 1)
                      || punct(after + 1, '<')
                      || punct(after + 1, '(')))
              || punct(after, ';')
              || (punct(after, '\\') && punct(after + 1, '"'))
              || punct(after, '<')
              || punct(after, '(')
              || punct(after, '|')
              || punct(after, '.')
              || punct(after, ',')
              || (inlineSpace(after) && punct(after + 1, '|'));
      int fLast = pf[0] | (lead != ps[0] ? P_LAST : 0);
      int fFirst = partFlags(gs, ge, false);
      if (((fLast | fFirst) & (P_NOT_NAME | P_NOT_ALONE | P_CAMEL)) != 0) {
        return 0;
      }
      // both listed the right way round: "took over from Moreau, Ana", "Cx Reddy, Nadia ok"
      boolean both = (fLast & P_LAST) != 0 && (fFirst & P_FIRST) != 0 && (fFirst & P_AMBIG) == 0;
      if (speaker != 0) {
        if (speaker == SPEAKER_COLON ? !both && !timeBefore(lead) : !listedPart(fLast, fFirst)) {
          return 0;
        }
        strongCue = true;
        closes = true;
      }
      // after a weak cue an unlisted surname needs the phrase to close: "from Ivanov, Liam."
      boolean firstListed = (fFirst & P_FIRST) != 0 && (fFirst & P_AMBIG) == 0;
      if (!strongCue && !both && !(firstListed && closes && (fLast & P_CAPS) == 0)) {
        return 0;
      }
      if (!closes && !both) {
        return 0;
      }
      if (parts == 2 && (!closes || (fFirst & P_FIRST) == 0 || (fFirst & P_AMBIG) != 0)) {
        return 0; // DOUBLE_SURNAME: a listed given name that closes the phrase
      }
      boolean caps = (fLast & P_CAPS) != 0 && (fFirst & P_CAPS) != 0;
      if (caps && !capsAllowed && !addr && !both) {
        return 0;
      }
      boolean listed = (fLast & P_LAST) != 0 || (fFirst & P_FIRST) != 0;
      if (quotedAddr && !listed && cueKind == NONE) {
        return 0; // a quoted CSV field before an address: "Closed, Resolved","ops@x"
      }
      double score = listed ? 0.85 : 0.65;
      int start = ix.start(lead);
      int stop = ix.end(end);
      String canonical =
          canonicalPart(ix.start(gs), ix.end(end))
              + " "
              + (lead != ps[0] ? text.substring(start, ix.start(ps[0])) : "")
              + canonicalPart(ix.start(ps[0]), ix.end(last));
      ctx.report(
          Candidate.builder(EntityType.PERSON, start, stop)
              .baseScore(listed ? 0.4 : 0.3)
              .score(score)
              .pattern(
                  cueKind != NONE
                      ? cuePattern
                      : addr ? "person.address" : speaker != 0 ? "person.speaker" : cuePattern)
              .validation(listed ? "name-list" : "none")
              .contextWords(cueWord == null ? List.of() : List.of(cueWord))
              .canonical(canonical)
              .build());
      return end + 1;
    }

    void emit(
        int start,
        int end,
        double score,
        double base,
        String pattern,
        String validation,
        String word) {
      start = PersonDetector.withTitle(chars, start);
      int sx = PersonDetector.degreeAtLastPart(ix, chars, text.length(), ps, parts);
      int named =
          sx > 0 ? parts - 1 : parts; // "Berit Heidrich B.Eng.": the "initial" B is a degree
      end = sx > 0 ? sx : PersonDetector.withSuffix(chars, text.length(), end);
      StringBuilder canon = new StringBuilder(end - start);
      for (int p = 0; p < named; p++) {
        if (p > 0) {
          canon.append(' ');
          // particles between parts, as written
          for (int k = pe[p - 1] + 1; k < ps[p]; k++) {
            if (word(k)) {
              canon.append(text, ix.start(k), ix.end(k)).append(' ');
            }
          }
        }
        canon.append(canonicalPart(ix.start(ps[p]), ix.end(pe[p])));
      }
      ctx.report(
          Candidate.builder(EntityType.PERSON, start, end)
              .baseScore(base)
              .score(score)
              .pattern(pattern)
              .validation(validation)
              .contextWords(word == null ? List.of() : List.of(word))
              .canonical(canon.toString())
              .build());
    }

    /** A part as written; an all-caps part in title case ({@code O'BRIEN} to {@code O'Brien}). */
    String canonicalPart(int from, int to) {
      boolean lower = false;
      boolean upper = false;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        lower |= Character.isLowerCase(c);
        upper |= Character.isUpperCase(c);
      }
      if (!upper) {
        // a lower-case name ("maria garcia") in title case
        StringBuilder sb = new StringBuilder(to - from);
        boolean startOfPiece = true;
        for (int i = from; i < to; i++) {
          char c = chars[i];
          if (c == '\u2019') {
            c = '\'';
          }
          sb.append(startOfPiece ? Character.toUpperCase(c) : c);
          startOfPiece = !Character.isLetter(c);
        }
        return sb.toString();
      }
      StringBuilder sb = new StringBuilder(to - from);
      boolean startOfPiece = true;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c == '\u2019') {
          c = '\'';
        }
        if (!lower && Character.isLetter(c)) {
          sb.append(startOfPiece ? c : Character.toLowerCase(c));
          startOfPiece = false;
        } else {
          sb.append(c);
          startOfPiece = !Character.isLetter(c);
        }
      }
      return sb.toString();
    }

    /** Lower-cased text of tokens [s, e] with single spaces (only for reported cues). */
    String lower(int s, int e) {
      StringBuilder sb = new StringBuilder(ix.end(e) - ix.start(s));
      for (int k = s; k <= e; k++) {
        if ((ix.flags(k) & TextIndex.SPACE) != 0) {
          sb.append(' ');
        } else {
          sb.append(text, ix.start(k), ix.end(k));
        }
      }
      return sb.toString().toLowerCase(Locale.ROOT);
    }
  }
}
