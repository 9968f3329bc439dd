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
 * Finds {@code PERSON} names from name lists plus context, without a statistical model.
 *
 * <p>Examples (the span is the name and a title written right before it, never the cue):
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
 * The small helpers on hot paths ({@code punct}, {@code inlineSpace}, {@code noLowerCue}, {@code
 * cueBefore}, {@code NameSet.get}) are kept under the JIT's inlining limits of the scan's flags (35
 * bytes of bytecode for a lukewarm call site, 60 for a hot one), their rare branches split off: see
 * docs/pii-perf.md, Round 10, before growing one of them.
 *
 * <p>Named guards: {@link #NOT_A_NAME} (a part is a company form, role, place or common noun),
 * {@link #NOT_ALONE} (day, month, product with no listed name beside it), {@link #TECH_PHRASE},
 * {@link #CODE} (identifier punctuation around the chain or CamelCase inside a part), {@link
 * #TITLE_CASE_RUN} (more than {@link #MAX_PARTS} capitalized words: a heading), {@link #ALL_CAPS}
 * (upper-case chains need a header, label or signature cue), {@link #ACRONYM_LABEL} ({@code
 * Attacker IP:} at a line start is a field label, not a chat speaker), {@link #FIELD_CODE} ({@code
 * Name: John Smith DOB ...}: the next field's all-caps code is no part of the name).
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
final class PersonDetector implements Detector {
  /** Most name parts in one chain; a longer run of capitalized words is a heading. */
  static final int MAX_PARTS = 4;

  // guard names (documented above, each has a test case)
  static final String NOT_A_NAME = "not-a-name";
  static final String NOT_ALONE = "not-alone";
  static final String TECH_PHRASE = "tech-phrase";
  static final String CODE = "code";
  static final String TITLE_CASE_RUN = "title-case-run";
  static final String ALL_CAPS = "all-caps";
  static final String ACRONYM_LABEL = "acronym-label";

  /**
   * Guard, session 15 (probe17): a lone all-caps part of two to four letters before {@code is},
   * {@code was} or {@code are} is an acronym, the subject of a sentence ({@code caller: IP is
   * 10.0.0.5}, {@code Note: VPN was down}), not a name in capitals ({@link #acronymSubject}).
   */
  static final String ACRONYM_SUBJECT = "acronym-subject";

  /**
   * Guard: a chain's last part is the all-caps code of the next form field ({@code Name: John Smith
   * DOB 03/02/1988}): the code stays out of the name ({@link #withoutFieldCode}).
   */
  static final String FIELD_CODE = "field-code";

  /**
   * Cue: {@code Name here from …} is a weak self-introduction like {@code Nikos here} at a phrase's
   * end ({@code Hi all, Aoife here from the Dublin office}; listed names only; {@link #hereFrom}).
   */
  static final String HERE_FROM = "here-from";

  /**
   * Cue and guard: a lower-case {@code ben} before a capitalized word introduces the name after it
   * (Turkish {@code Merhaba, ben Mehmet}, Dutch {@code ik ben Sanne}; a strong self-introduction
   * like {@code soy}) and is itself no lower-case name ({@link #introBen}).
   */
  static final String INTRO_BEN = "intro-ben";

  /**
   * Cue: a data key that names a person before a {@code :} ({@code "first_name": "Haruto"}, {@code
   * lastName: Sato}, {@code "customer.full_name": …}): a strong label cue ({@link #fieldKeyKind});
   * a bare {@code name} key is a weak one (listed names only). Read only where a chain follows a
   * colon and no label of {@link #LABELS} matched.
   */
  static final String FIELD_KEY = "field-key";

  /**
   * Exemption from {@link #NOT_A_NAME}: a listed first name after the Vietnamese middle name {@code
   * Van} / {@code Thi} is a name part even when it is also a common word ({@code Nguyen Van An};
   * {@link #afterNameParticle}).
   */
  static final String VIET_MIDDLE = "viet-middle";

  /**
   * Guard: a chain right after {@code via} before an address names the relaying tool or list
   * ({@code From: Emily Carter via Zendesk <support@x>}), not a person ({@code Scan#viaBefore}).
   */
  static final String VIA_SENDER = "via-sender";

  /**
   * Cue and CODE exemption: a chain right after {@code CN=} and before the {@code ,} of an LDAP
   * distinguished name ({@code CN=Sarah Connor,OU=Users,DC=contoso,DC=com}) is a weak label cue
   * ({@link #ldapCommonName}); group and computer names ({@code CN=Domain Admins}) have no listed
   * parts and stay out.
   */
  static final String LDAP_CN = "ldap-cn";

  /**
   * Guard: a form field's qualifier in parentheses before a colon ({@code Phone (Mobile):}, {@code
   * Tax ID (SSN):}, {@code Amount (EUR):}) is no chat speaker: an unlisted word in {@code Role
   * (Name):} is taken only after one of {@link #CHAT_ROLES} ({@code Agent (Zyxwa):}); a listed name
   * is taken after any word ({@code Customer (Maria):}).
   */
  static final String FIELD_QUALIFIER = "field-qualifier";

  /**
   * Cue: a second name after {@code and} or {@code &} in a greeting ({@code Hi Tom and Anna,},
   * {@code Dear Siobhan & Declan}) takes the greeting's cue when it closes the greeting ({@code ,}
   * {@code !} {@code :} or the line end after it; {@link #greetingAndName}); so does a name after a
   * comma that {@code and} and a name follow ({@code Hi Tom, Anna and Raj,}; {@link
   * #greetingListName}). Read only after a greeting name was reported, so running prose pays
   * nothing.
   */
  static final String GREETING_AND = "greeting-and";

  /**
   * Cue: a closing phrase from the line start, a dash and a name that ends the line ({@code Regards
   * - Chloe}, {@code Cheers — Tom}, {@code Many thanks -- Robert}; the normalizer folds en and em
   * dashes to {@code -}). A lone {@code — Tom} line is {@link #LONE_DASH}'s.
   */
  static final String DASH_SIGN_OFF = "dash-sign-off";

  /**
   * Cue: a closing phrase in mid-line right after a sentence's end ({@code ... keeps dropping.
   * Cheers,\nShane Whitlock}, {@code Any news? Ta, Kirsty}) is a sign-off as at a line start
   * ({@link #midLineClosing}). Read only where a line-start closing was looked for and not found.
   */
  static final String MID_LINE_CLOSING = "mid-line-closing";

  /**
   * Cue: a chat transcript's role word before a speaker ({@code [10:02:40] Agent Laura:}, {@code
   * Support Agent Hannah:}, {@code Visitor Jamal:}; {@link #chatRoleBefore}, a role word inside the
   * chain is dropped), the author of a note ({@code Note from Pradeep:}; {@link #noteFromBefore}),
   * a chat tool's system line ({@code Agent Mateo has joined the chat.}; {@link #joinedChat}) and a
   * quoted speaker ({@code Customer (Li Wei) says ...}). Read only for a chain before {@code :},
   * {@code )} or a short word, so running prose pays nothing; the name must be listed unless a time
   * stamp frames the line.
   */
  static final String CHAT_ROLE_SPEAKER = "chat-role-speaker";

  /**
   * Cue and CODE exemption: a mention right after a greeting ({@code Hi @Priya,}, {@code Hey @Marco
   * -}) is the greeted name: the {@code @} is skipped ({@link #greetingMention}). A lone mention
   * elsewhere ({@code thanks @jsmith}, {@code cc @Priya}) stays a code token unless it is a listed
   * first and last name (MENTION_NAME).
   */
  static final String GREETING_MENTION = "greeting-mention";

  /**
   * Cue: a sign-off line of an em or en dash and a name alone ({@code — Tom}, {@code – Aoife}): the
   * source's dash is read at the candidate ({@link DetectionContext#originalChar}); a typed {@code
   * - Tom} stays a bullet. A weak cue: the name must be listed ({@code – Monitoring} stays out).
   */
  static final String LONE_DASH = "lone-dash";

  /** The role words of a chat transcript's {@code Role (Name):} speaker labels. */
  static final NameSet CHAT_ROLES =
      new NameSet(
          List.of(
              "agent",
              "customer",
              "client",
              "visitor",
              "user",
              "caller",
              "operator",
              "support",
              "rep",
              "representative",
              "tech",
              "technician",
              "engineer",
              "advisor",
              "adviser",
              "specialist",
              "consultant",
              "analyst",
              "guest",
              "host",
              "moderator",
              "admin",
              "staff",
              "member",
              "requester",
              "requestor",
              "me",
              "you"));

  static final List<String> TITLE_WORDS =
      List.of(
          "mr",
          "mrs",
          "ms",
          "mx",
          "miss",
          "dr",
          "prof",
          "professor",
          "sr",
          "sra",
          "herr",
          "frau",
          "mme",
          "mlle",
          "monsieur",
          "madame",
          "señor",
          "señora",
          // session 8: honorifics of other languages (Faker prints them: `Ing. Luana Pölzl`,
          // `Dra. Ángela Barraza`, `pan Jan Krzyszczak`, `Dipl.-Ing. Ivana Rohleder`)
          "ing",
          "mgr",
          "lic",
          "dra",
          "srta",
          "fru",
          "dott",
          "sig",
          "dipl",
          "univ",
          "pan",
          "pani",
          "paní",
          "slečna",
          // session 13: clergy ("Rev. Thomas Okoro")
          "rev",
          "revd");
  private static final NameSet TITLES = new NameSet(TITLE_WORDS);

  /**
   * Verbs of calling and saying right after a name of two or more parts: a weak forward cue ({@code
   * Mark Pearson called about the invoice}, {@code Jacques Duroux wrote}), so a listed first name
   * that is also a word, or a listed first name with an unlisted surname, is taken at a sentence
   * start; weak cues need a listed, non-ambiguous part.
   */
  private static final NameSet REPORT_VERBS =
      new NameSet(
          List.of(
              "called",
              "calls",
              "phoned",
              "rang",
              "emailed",
              "e-mailed",
              "wrote",
              "writes",
              "said",
              "says",
              "asked",
              "asks",
              "replied",
              "replies",
              "mentioned",
              "reported",
              "confirmed",
              "complained",
              "contacted",
              "requested",
              "explained",
              "noted",
              "responded",
              "answered",
              "messaged",
              "texted",
              "informed",
              "escalated",
              "stated"));

  /**
   * The chain before a {@code person.verb} cue (part flags {@code pf}, {@code parts} parts): its
   * first part a listed first name (ambiguous ones too: {@code Mark Pearson called}), no part a
   * day, month or product ({@code NOT_ALONE}).
   */
  static boolean verbChain(int[] pf, int parts) {
    if ((pf[0] & PersonNames.FIRST) == 0) {
      return false;
    }
    for (int p = 0; p < parts; p++) {
      if ((pf[p] & PersonNames.NOT_ALONE) != 0) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code text[from, to)} is one of {@link #REPORT_VERBS} (any case). */
  static boolean reportVerb(char[] text, int from, int to) {
    return REPORT_VERBS.contains(text, from, to);
  }

  /** Titles written in lower case before a name ({@code pan Jan Kowalski}, {@code pani Anna}). */
  private static final NameSet LOWER_TITLES = new NameSet(List.of("pan", "pani", "paní", "slečna"));

  /**
   * The start of a PERSON span: {@code start}, or the start of a capitalized title written right
   * before it ({@code Mr. }, {@code Dr }, {@code Frau }: one of {@link #TITLE_WORDS}, an optional
   * {@code .}, one or two spaces). The title is part of what a reader takes as the name ({@code
   * Dear ⟦Mr. Okonkwo⟧}), and a gold span drawn with it would otherwise be only 7 of 9 letters
   * covered; the canonical value stays the name alone, so a pseudonym does not depend on the title.
   */
  static int withTitle(char[] text, int start) {
    int b = titleBefore(text, start, false);
    for (int k = 0; k < 2 && b < start; k++) {
      // "Dipl.-Ing. Ivana", "Univ.Prof. Hubert", "Prof. Dr. Anna": titles in a row
      int c = titleBefore(text, b, true);
      if (c == b) {
        break;
      }
      start = b;
      b = c;
    }
    return b;
  }

  /**
   * The start of a {@link #TITLE_WORDS} title right before {@code start} ({@code Mr. }, {@code Dr
   * }: an optional {@code .}, one or two spaces; with {@code joined}, the title before another
   * title may also be followed by {@code .}, {@code -} or {@code .-} alone), or {@code start}.
   */
  private static int titleBefore(char[] text, int start, boolean joined) {
    int q = start;
    while (q > 0 && start - q < 2 && text[q - 1] == ' ') {
      q--;
    }
    if (joined) {
      // "Dipl.-Ing.", "Univ.Prof.": titles joined without a space ("Frau Dr." stays "Dr.")
      q = start;
      if (q > 0 && text[q - 1] == '-') {
        q--;
      }
      if (q == start && !(q > 0 && text[q - 1] == '.')) {
        return start;
      }
    }
    if (q == start && !joined) {
      return start;
    }
    int e = q > 0 && text[q - 1] == '.' ? q - 1 : q;
    int b = e;
    while (b > 0 && e - b <= 9 && isLetter(text[b - 1])) {
      b--;
    }
    if (b == e
        || e - b > 9
        || (b > 0 && letterOrDigit(text[b - 1]))
        || !TITLES.contains(text, b, e)
        || !(isUpper(text[b]) || (!joined && LOWER_TITLES.contains(text, b, e)))) {
      return start;
    }
    return b;
  }

  /** Academic degrees and generational suffixes written after a name (dots as written). */
  private static final String[] SUFFIX_LIST = {
    "Ph.D", "PhD", "B.Eng", "BEng", "B.A", "B.Sc", "BSc", "M.A", "M.Sc", "MSc", "M.Eng", "MEng",
    "MBA", "CSc", "DrSc", "DiS", "Jr", "Sr", "II", "III", "IV", "MD", "M.D", "Esq", "DDS", "LL.M",
    "LLM", "B.A.", "M.A."
  };

  /**
   * The end of a degree or generational suffix right after a name ending at {@code end} ({@code
   * Andres Zänker B.Eng.}, {@code Zora Kadlecová Ph.D.}, {@code John Smith, Jr.}; {@code text} may
   * be a reused buffer longer than the text, whose {@code length} is given): an optional comma, one
   * space, one of {@link #SUFFIX_LIST} (a final dot is not part of it), then no letter or digit; or
   * {@code end}. A reader takes the suffix as part of the name, and a gold span drawn with it would
   * otherwise cover too few of its letters; the canonical value stays the name alone.
   */
  static int withSuffix(char[] text, int length, int end) {
    int i = end;
    if (i < length && text[i] == ',') {
      i++;
    }
    if (i >= length || text[i] != ' ') {
      return end;
    }
    int stop = suffixAt(text, length, i + 1);
    return stop < 0 ? end : stop;
  }

  /**
   * The end of a degree that the chain of {@code parts} parts (starts {@code ps}) read as its last
   * part, a one-letter initial ({@code Berit Heidrich B.Eng.}), or -1: then that part is the
   * degree, not a name part.
   */
  static int degreeAtLastPart(TextIndex ix, char[] chars, int length, int[] ps, int parts) {
    int last = ps[parts - 1];
    return parts > 1 && ix.length(last) == 1 ? suffixAt(chars, length, ix.start(last)) : -1;
  }

  /**
   * The end of a {@link #SUFFIX_LIST} suffix starting at {@code from} (its final dot left out),
   * when no letter or digit follows it; -1 otherwise. Also used when the chain read the first
   * letter of the suffix as an initial ({@code Berit Heidrich B.Eng.}: the part {@code B} is the
   * suffix).
   */
  static int suffixAt(char[] text, int length, int from) {
    int i = from;
    while (i < length && i - from <= 6 && (isLetter(text[i]) || text[i] == '.')) {
      i++;
    }
    int stop = i;
    while (stop > from && text[stop - 1] == '.') {
      stop--;
    }
    if (stop == from || !isUpper(text[from]) || (i < length && letterOrDigit(text[i]))) {
      return -1;
    }
    for (String x : SUFFIX_LIST) {
      if (x.length() == stop - from) {
        boolean same = true;
        for (int k = 0; k < x.length() && same; k++) {
          same = x.charAt(k) == text[from + k];
        }
        if (same) {
          return stop;
        }
      }
    }
    return -1;
  }

  static final NameSet PARTICLES =
      new NameSet(
          List.of(
              "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das",
              "le", "la", "ter", "ten", "bin", "binti", "al", "el", "y", "zu", "af"));
  private static final List<String> CLOSING_PHRASES =
      List.of(
          "thanks",
          "thank you",
          "thanks again",
          "many thanks",
          "thanks so much",
          "thank you so much",
          "thanks in advance",
          // session 16 (probe18): "Thanks for your patience, Imran."
          "thanks for your patience",
          "thank you for your patience",
          "thanks for your help",
          "thank you for your help",
          "thanks for your understanding",
          "thank you for your understanding",
          "thanks & regards",
          "thanks and regards",
          "thanks & best regards",
          "regards",
          "best regards",
          "kind regards",
          "warm regards",
          "warmest regards",
          "many regards",
          "with regards",
          "with kind regards",
          "with best regards",
          "best",
          "all the best",
          "best wishes",
          "cheers",
          "sincerely",
          "yours sincerely",
          "sincerely yours",
          "yours truly",
          "yours",
          "respectfully",
          "cordially",
          "take care",
          "br",
          "rgds",
          "thx",
          "ty",
          "talk soon",
          "--",
          "-",
          "mit freundlichen grüßen",
          "saludos",
          "cordialement",
          "atenciosamente",
          "groeten",
          "met vriendelijke groet",
          "cumprimentos",
          "un saludo",
          "saludos cordiales",
          // session 6: more sign-offs in German, Dutch, French, Spanish, Portuguese, Italian
          "gruß",
          "grüße",
          "viele grüße",
          "liebe grüße",
          "beste grüße",
          "freundliche grüße",
          "schöne grüße",
          "danke",
          "groetjes",
          "met vriendelijke groeten",
          "hartelijke groet",
          "bedankt",
          "merci",
          "bien cordialement",
          "bien à vous",
          "atentamente",
          "un cordial saludo",
          "gracias",
          "abraços",
          "obrigado",
          "obrigada",
          "saluti",
          "cordiali saluti",
          "distinti saluti",
          "grazie",
          // session 11: British and Australian sign-offs, Scandinavian, Polish, Czech, Finnish,
          // Turkish ones ("Yours faithfully,", "Ta,", "Cheers mate,", "Mvh", "Pozdrawiam")
          "yours faithfully",
          "faithfully",
          "ta",
          "cheers mate",
          "thanks mate",
          "mvh",
          "med vennlig hilsen",
          "med venlig hilsen",
          "vänliga hälsningar",
          "med vänliga hälsningar",
          "hälsningar",
          "pozdrawiam",
          "z poważaniem",
          "s pozdravem",
          "terveisin",
          "ystävällisin terveisin",
          "saygılarımla",
          // session 13: informal sign-offs of chats and personal mails ("xoxo Becca", "Speak
          // soon,\nHarriet", "Love,\nAnna")
          "xoxo",
          "speak soon",
          "chat soon",
          "love",
          "lots of love",
          "hugs",
          // session 7: the Japanese sign-off before a romanized name
          "よろしくお願いします",
          "よろしくお願いいたします",
          "宜しくお願いします");
  static final NameSet CLOSINGS = new NameSet(CLOSING_PHRASES);
  static final NameSet HEADERS =
      new NameSet(
          List.of(
              "from",
              "to",
              "cc",
              "bcc",
              "reply-to",
              "sender",
              "recipient",
              "recipients",
              "de",
              "von",
              "an",
              "para",
              "à",
              "van",
              "aan",
              "da",
              "a",
              "envoyé par",
              "sent by",
              "on behalf of"));
  static final NameSet LABELS =
      new NameSet(
          List.of(
              "name",
              "full name",
              "customer name",
              "client name",
              "contact name",
              "user name",
              "display name",
              "first name",
              "last name",
              "surname",
              "given name",
              "family name",
              "employee name",
              "patient name",
              "account holder",
              "account name",
              "cardholder",
              "cardholder name",
              "card holder",
              "name on card",
              "name on account", // session 12
              "contact",
              "contact person",
              "customer",
              "client",
              "agent",
              "assignee",
              "assigned to",
              "requested by",
              "requester",
              "requestor",
              "reported by",
              "reporter",
              "submitted by",
              "created by",
              "opened by",
              "closed by",
              "resolved by",
              "updated by",
              "modified by",
              "approved by",
              "approver",
              "escalated to",
              // session 16 (probe18): "Escalated by: HUANG JIANGUO", "Handover: Yaw Boateng"
              "escalated by",
              "handover",
              "owner",
              "caller",
              "employee",
              "manager",
              "author",
              "signed",
              "signed by",
              "attn",
              "attention",
              "technician",
              "engineer",
              "passenger",
              "guest",
              "patient",
              "beneficiary",
              "applicant",
              "nombre",
              "nom",
              "prénom",
              // other languages' form labels (held-out support text, docs/pii-heldout.md)
              "kunde",
              "kundin",
              "ansprechpartner",
              "vorname",
              "nachname",
              "kontoinhaber",
              "naam",
              "voornaam",
              "achternaam",
              "klant",
              "cliente",
              "nome",
              "sobrenome",
              "nome completo",
              "apellido",
              "apellidos",
              "nombre completo",
              "titular",
              "titulaire",
              "nom complet",
              "contacto",
              "contato",
              // session 14 (probe14b)
              "next of kin",
              "emergency contact",
              "bill to",
              "ship to",
              // session 16 (probe19): HR and asset tickets ("Line Manager: Fiona MacLeod", "New
              // starter: ...", "Primary user: ...")
              "line manager",
              "hiring manager",
              "reporting manager",
              "new hire",
              "new starter",
              "new joiner",
              "primary user"));
  private static final List<String> LABEL_PHRASES =
      List.of(
          "technician", // session 14: "Technician Pawel will arrive between 9 and 12"
          "engineer",
          // session 15 (probe16b): "Your engineer today is Kofi" (a dispatch notice)
          "engineer is",
          "technician is",
          "engineer today is",
          "technician today is",
          "agent today is",
          "kunde",
          "kundin",
          // session 16 (probe18): "Customer Okafor, Chinedu - wants a refund" (a weak cue)
          "customer",
          "assigned to",
          "requested by",
          "reported by",
          "submitted by",
          "created by",
          "opened by",
          "approved by",
          "escalated to",
          "escalated by", // session 16 (probe18): "Escalated by HUANG JIANGUO (night shift)"
          // session 17 (probe20): "New voicemail from PRADEEP KUMAR (0:42)" (a phone system's
          // notice; a weak cue, listed names only: "voicemail from AZURE SUPPORT" stays out)
          "voicemail from",
          "missed call from",
          // session 16 (probe19): "our new starter Nguyen Thi Lan" (a weak cue: listed names only)
          "new starter",
          "new joiner",
          "new hire",
          "signed by",
          "on behalf of",
          "contact",
          "spoke with",
          "spoke to",
          "talked to",
          "talked with",
          "called by",
          "forwarded to",
          "cc'd",
          "ask for",
          "attention of",
          "attn",
          "resolved by",
          "closed by",
          "updated by",
          "handled by",
          "owned by",
          "sent by",
          "written by",
          "reassigned to",
          "transferred to",
          "took over from",
          "taken over from",
          "handed over to",
          "handed off to",
          "per",
          "cc",
          "ask",
          "asked",
          "ping",
          "pinged",
          "colleague",
          "my colleague",
          "cx",
          "called cx",
          "call cx",
          "account holder",
          "card holder",
          "cardholder",
          "name on card",
          "contact is",
          "customer is",
          "client is",
          "user is",
          "end user is",
          "caller is",
          "caller",
          "requester is",
          "admin is",
          "tenant is",
          "owner is",
          "manager is",
          "conversation with",
          "chat with",
          "meeting with",
          "call with",
          "transcript",
          "tam",
          "csm",
          "employee",
          "husband",
          "my husband",
          "wife",
          "my wife",
          "partner",
          "my manager",
          "boss",
          "my boss",
          "collab w",
          "holder",
          // session 11: the agent line of a web chat transcript ("You are now chatting with
          // Hannah.")
          "chatting with",
          // session 17 (probe21): a name field read out in a call transcript ("... C H E N first
          // name Wei", "first name Wei surname Chen"): no colon in speech-to-text
          "first name",
          "last name",
          "surname");
  static final NameSet LABELS_WITHOUT_COLON = new NameSet(LABEL_PHRASES);

  /**
   * The card-holder phrases of {@link #LABELS_WITHOUT_COLON}: cards print the name in capitals, so
   * an all-caps chain after one is a name ({@code name on card MARIA SANTOS}; {@link #ALL_CAPS}
   * does not apply).
   */
  static final NameSet CARD_LABELS =
      new NameSet(List.of("name on card", "card holder", "cardholder"));

  /** A word token: letters, no digits ({@code (flags & WORD_MASK) == WORD}). */
  private static final int WORD_MASK = TextIndex.ALNUM | TextIndex.LETTER | TextIndex.DIGIT;

  private static final int WORD = TextIndex.ALNUM | TextIndex.LETTER;

  /** Flags of the single word right before a chain, so most chains need one lookup for a cue. */
  private static final int W_GREETING = 1;

  private static final int W_INTRO = 1 << 1;
  private static final int W_LABEL_END = 1 << 2;
  private static final int W_GREETING_END = 1 << 3;
  private static final List<String> GREETING_PHRASE_LIST =
      List.of(
          "thank you",
          "thanks so much",
          "thank you so much",
          "thanks again",
          "thank you again",
          "good morning",
          "good afternoon",
          "good evening",
          "good day",
          "buenos días",
          "buenas tardes",
          "guten tag",
          "guten morgen",
          // session 11: the Maori greeting ("Kia ora Aroha,")
          "kia ora");
  static final NameSet GREETING_PHRASES = new NameSet(GREETING_PHRASE_LIST);
  private static final NameSet CUE_WORDS = new NameSet(cueWords());

  /** A title or a cue word: one lookup for the word before most tokens ({@link Scan#cueBefore}). */
  private static final NameSet CUE_OR_TITLE = cueOrTitle();

  /**
   * A flag in {@link #CUE_OR_TITLE} only: a cue word that {@link Scan#findCue} may take as a cue
   * with no word before it (a one-word label phrase such as {@code per}, a stand-alone introduction
   * such as {@code soy}). The other cue words (introductions such as {@code is}, {@code am}, label
   * ends such as {@code to}, {@code of}, greeting ends such as {@code morning}) are cues only as
   * the last word of a phrase, whose word before them is in {@link #PHRASE_HEADS}.
   */
  private static final int W_ALONE = 1 << 4;

  private static NameSet cueOrTitle() {
    java.util.Map<String, Integer> cues = cueWords();
    java.util.Map<String, Integer> m = new java.util.HashMap<>(cues);
    for (String w : TITLE_WORDS) {
      m.merge(w, W_GREETING, (a, b) -> a | b);
    }
    for (String w : LABEL_PHRASES) {
      if (w.indexOf(' ') < 0 && cues.containsKey(w)) {
        m.merge(w, W_ALONE, (a, b) -> a | b);
      }
    }
    for (String w :
        List.of("soy", "llamo", "appelle", "chiamo", "chamo", "heiße", "heisse", "sono", "ben")) {
      m.merge(w, W_ALONE, (a, b) -> a | b);
    }
    return new NameSet(m);
  }

  /**
   * Every word that stands right before the last word of a cue phrase ({@link
   * #LABELS_WITHOUT_COLON}, {@link #GREETING_PHRASES}, the introductions {@code name is}, {@code
   * this is}, {@code i am}, {@code call me}, {@code name ist}): a cue word without {@link
   * #W_GREETING} or {@link #W_ALONE} gives a cue only after one of these ({@link Scan#cueBefore}).
   */
  private static final NameSet PHRASE_HEADS = phraseHeads();

  /**
   * The words before a comma that can give a cue ({@link Scan#commaCue}): greetings, {@code there},
   * {@code again}, and the last word of every closing phrase.
   */
  private static final NameSet COMMA_HEADS = commaHeads();

  private static NameSet commaHeads() {
    java.util.Set<String> heads = new java.util.HashSet<>(List.of("there", "again"));
    for (java.util.Map.Entry<String, Integer> e : cueWords().entrySet()) {
      if ((e.getValue() & W_GREETING) != 0) {
        heads.add(e.getKey());
      }
    }
    for (String c : CLOSING_PHRASES) {
      String[] w = c.split(" ");
      heads.add(w[w.length - 1]);
    }
    return new NameSet(heads);
  }

  private static NameSet phraseHeads() {
    java.util.Set<String> heads = new java.util.HashSet<>(List.of("name", "this", "i", "call"));
    for (List<String> l : List.of(LABEL_PHRASES, GREETING_PHRASE_LIST)) {
      for (String p : l) {
        String[] w = p.split(" ");
        if (w.length > 1) {
          heads.add(w[w.length - 2]);
        }
      }
    }
    return new NameSet(heads);
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

  /**
   * Per thread, a memo of recent name-list answers (see {@link NameSet#get(char[], int, int,
   * long[])}): the words looked up repeat across texts, and the list's table does not stay cached.
   */
  private static final ThreadLocal<long[]> NAME_MEMO =
      ThreadLocal.withInitial(PersonNames.WORDS::newMemo);

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

    /** The cue word as a literal; null when none or when it is tokens [cueFrom, cueTo]. */
    String cueWord;

    int cueFrom = -1;
    int cueTo;
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
    boolean runAddress; // addressAt(runStop): an address right after the run
    // noLowerCue needs noLowerCueNear for the words of the run from here on: all of them when the
    // run holds "here", the last 15 when an address follows it, none otherwise
    int runNear = Integer.MAX_VALUE;

    /** This thread's memo of {@link PersonNames#WORDS} lookups. */
    final long[] nameMemo = NAME_MEMO.get();

    Scan(DetectionContext ctx) {
      this.ctx = ctx;
      this.ix = ctx.tokens();
      this.text = ctx.text();
      char[] c = ix.chars();
      this.chars = c != null && c.length >= text.length() ? c : text.toCharArray();
      this.n = ix.size();
    }

    void run() {
      // the letter tokens in text order (a posting list: spaces and punctuation, more than half of
      // the tokens, are not visited); t is the token to go on from, past what was read last
      int[] letters = ix.tokensWith(WORD);
      int count = ix.countWith(WORD);
      int t = 0;
      for (int k = 0; k < count; k++) {
        int u = letters[k];
        int f = ix.flags(u);
        if (u < t || (f & TextIndex.DIGIT) != 0) {
          continue; // inside the chain or name read last, or a token with digits
        }
        t = u;
        if ((f & TextIndex.INITIAL_UPPER) == 0) {
          int r = (f & TextIndex.UPPER) == 0 && mayStartLowerName(t) ? lowerName(t) : 0;
          t = r > t ? r : t + 1;
          continue;
        }
        int next = chain(t);
        int resume = judge(t);
        t = resume > t ? resume : next;
      }
    }

    /**
     * The cheap half of {@link #lowerName}, kept out of it so that most lower-case words cost no
     * call to it: false when no lower-case name can start at the word {@code t}.
     */
    boolean mayStartLowerName(int t) {
      if (ix.length(t) < 2 || (t > 0 && (ix.flags(t - 1) & TextIndex.SPACE) == 0)) {
        return false; // "m'appelle", "e-mail": only a word after a space or at the text start
      }
      return !noLowerCue(t); // most words of running prose: no lookup at all
    }

    /**
     * A lower-case name ({@code thanks, anna}, {@code escalated to beatriz kaya}) starting at the
     * lower-case word {@code t}: every part listed (a listed first name first), or a listed first
     * name plus one unlisted word that ends the phrase after a strong cue. Strong cues take a lone
     * first name; weak cues need a listed first and last name. Returns the token to resume at, or
     * 0. The caller has checked {@link #mayStartLowerName} (most words stop there, without this
     * call).
     */
    int lowerName(int t) {
      int f0 = PersonNames.WORDS.get(chars, ix.start(t), ix.end(t), nameMemo);
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
        int f = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k), nameMemo);
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
          cueWord());
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
      if (t >= runNear) {
        return noLowerCueNear(t); // "here" in the run, or an address within 16 tokens
      }
      return !cueBefore(t); // most words: the run ends far off or at no address, without "here"
    }

    /**
     * {@link #noLowerCue} when the run after {@code t} holds {@code here} or ends at an address
     * within 16 tokens (split off so that the common path stays small enough to be inlined).
     */
    boolean noLowerCueNear(int t) {
      int limit = Math.min(n, t + 16);
      int m = runStop; // the first token after t that is neither a word nor an inline space
      if (m < limit && runAddress) {
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
      runAddress = m < n && addressAt(m);
      runNear = here ? t : runAddress ? m - 15 : Integer.MAX_VALUE;
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
      if (t >= 2
          && (ix.flags(t - 1) & (TextIndex.SPACE | TextIndex.NEWLINE)) == TextIndex.SPACE
          && (ix.flags(t - 2) & WORD_MASK) == WORD) {
        return cueWordBefore(t - 2); // the common case, kept small enough to be inlined
      }
      return cueBeforeOther(t);
    }

    /** {@link #cueBefore} unless a word and a space on the line stand right before {@code t}. */
    boolean cueBeforeOther(int t) {
      if (t < 2 || (ix.flags(t - 1) & (TextIndex.SPACE | TextIndex.NEWLINE)) != TextIndex.SPACE) {
        return true;
      }
      int j = t - 2;
      int f = ix.flags(j);
      if ((f & WORD_MASK) == WORD) {
        return cueWordBefore(j);
      }
      if ((f & TextIndex.PUNCT) != 0) {
        switch (chars[ix.start(j)]) {
          case '.':
            return j >= 1 && word(j - 1) && TITLES.contains(chars, ix.start(j - 1), ix.end(j - 1));
          case ',':
            return commaCue(j);
          case ';':
            // a header continuation, or a HEADER_LIST name ("To: Kowalski, Piotr; Nowak, Anna")
            int k = prevSameLine(j);
            return headerMark(k) || (k >= 0 && word(k));
          case '/':
            return j >= 1 && word(j - 1) && isWord(j - 1, "w"); // "spoke w/ Chiara"
          case '"':
          case '\'':
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
     * {@link #cueBefore} when the token before the chain (after one space) is the comma {@code j}:
     * {@link #findCue} takes a cue there only from the token {@code k} before the comma on its
     * line: {@code >}, {@code "} or {@code )} (a header continuation), a greeting word, {@code
     * there}/{@code again} (after a greeting), or the last word of a closing phrase ({@code Kind
     * regards,}; the phrase must end right at the comma, so {@code k} is then that word). {@link
     * #COMMA_HEADS} holds those words. So {@code ..., with} after running prose gives none.
     */
    boolean commaCue(int j) {
      int k = prevSameLine(j);
      if (k < 0) {
        return false;
      }
      int f = ix.flags(k);
      if ((f & WORD_MASK) == WORD) {
        // findCue compares there/again with equalsIgnoreCase, which also takes a dotless i or a
        // long s; the fold does not: a non-ASCII word is left to findCue
        return (f & TextIndex.NON_ASCII) != 0
            || COMMA_HEADS.contains(chars, ix.start(k), ix.end(k));
      }
      if ((f & TextIndex.PUNCT) != 0) {
        return headerMark(k);
      }
      return (f & TextIndex.ALNUM) == 0; // a token with digits ends no greeting or closing
    }

    /** Token {@code k} is {@code >}, {@code "} or {@code )}: a header line may go on after it. */
    boolean headerMark(int k) {
      return k >= 0 && (punct(k, '>') || punct(k, '"') || punct(k, ')'));
    }

    /**
     * {@link #cueBefore} when the token before the chain (after one space) is the word {@code j}:
     * {@link #findCue} then takes a cue only from a title or a cue word at {@code j}; a greeting, a
     * title or a {@link #W_ALONE} word may be one by itself, any other cue word only as the last
     * word of a phrase ({@code assigned to}, {@code my name is}, {@code good morning}). The phrase
     * sets' keys are words joined by single spaces, and {@code findCue} reads phrases over words,
     * inline spaces and {@code -} only, so such a phrase needs an inline space at {@code j - 1} and
     * the phrase's second-last word at {@code j - 2} ({@link #PHRASE_HEADS}; the fold is per char,
     * an inline space folds to one space). Any other shape before {@code j} ({@code I'm}, {@code
     * name's}, a hyphen) is left to {@code findCue}. Running prose has many {@code to}, {@code of},
     * {@code for}, {@code is}: this spares the name-list lookup of the word after them.
     */
    boolean cueWordBefore(int j) {
      int w = CUE_OR_TITLE.get(chars, ix.start(j), ix.end(j));
      return w != 0 && cueWordPhrase(j, w); // most words: no cue word, no call
    }

    /** {@link #cueWordBefore} once the word {@code j} is a cue or title word (flags {@code w}). */
    boolean cueWordPhrase(int j, int w) {
      if ((w & (W_GREETING | W_ALONE)) != 0 || j < 2 || !inlineSpace(j - 1)) {
        return true;
      }
      int k = j - 2;
      int f = ix.flags(k);
      if ((f & WORD_MASK) != WORD) {
        return punct(k, '-'); // a phrase needs a word before j (a hyphen: let findCue decide)
      }
      // selfIntro compares name/this/i/call with equalsIgnoreCase (a dotless i is an i there)
      return (f & TextIndex.NON_ASCII) != 0 || PHRASE_HEADS.contains(chars, ix.start(k), ix.end(k));
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
      int f = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k), nameMemo);
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

    // punct and inlineSpace run at dozens of call sites, most of them not hot enough for the JIT
    // to inline a method above 35 bytes of bytecode (the scan's flags keep the default
    // MaxInlineSize): each is split in two methods below that size, so both inline everywhere

    /** Token {@code t} (any int) is a punctuation token starting with {@code c} (never NUL). */
    boolean punct(int t, char c) {
      return t >= 0 && t < n && punctChar(t) == c;
    }

    /** The first char of the token {@code t} (in range) if it is punctuation, else NUL. */
    char punctChar(int t) {
      return (ix.flags(t) & TextIndex.PUNCT) != 0 ? chars[ix.start(t)] : 0;
    }

    boolean apostrophe(int t) {
      return punct(t, '\'') || punct(t, '\u2019');
    }

    /** Token {@code t} (any int) is one or two spaces on a line (no line break). */
    boolean inlineSpace(int t) {
      return t >= 0 && t < n && shortSpace(t);
    }

    /** {@link #inlineSpace} for a token {@code t} in range. */
    boolean shortSpace(int t) {
      return (ix.flags(t) & (TextIndex.SPACE | TextIndex.NEWLINE)) == TextIndex.SPACE
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
            && (ix.flags(e + 1) & TextIndex.PUNCT) != 0 // most parts: a space or the end after
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
              && punct(k + 1, '-') // first: the particle loop above just looked k up
              && lowerWord(k)
              && PARTICLES.contains(chars, ix.start(k), ix.end(k))
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
      int f = PersonNames.WORDS.get(chars, from, to, nameMemo); // P_* bits equal PersonNames flags
      if (s != e) {
        // Jean-Luc: the first piece decides a first name; O'Brien, Smith-Jones: any piece a last
        // name; Contoso-Support: any non-name piece spoils the part
        boolean known = (f & (P_FIRST | P_LAST)) != 0;
        for (int k = s; k <= e; k += 2) {
          int g = PersonNames.WORDS.get(chars, ix.start(k), ix.end(k), nameMemo);
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
        if (isUpper(chars[i])) {
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
        if (!punct(pe[0] + 1, ',') && !vcardInverted(t) && !ldapEscapedComma(pe[0])) {
          return lonePart(t);
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

    /**
     * {@link #judge} for a lone part {@code t} not followed by a comma (no inverted name): it is
     * reported only with a cue (no-cue names need two parts), and NOT_A_NAME, CODE and no cue all
     * resume after it, so the cues are read first and its name-list flags only once one is found
     * (most lone capitalized words, {@code The}, {@code Please}, {@code Windows}, have none).
     */
    int lonePart(int t) {
      if (codeAround(ps[0], pe[0])) {
        return 0;
      }
      lead = t;
      if (cueBefore(t)) {
        // a possible cue before: one lookup rejects the many NOT_A_NAME parts before the cue search
        pf[0] = partFlags(ps[0], pe[0], lazyInitial);
        if ((pf[0] & (P_NOT_NAME | P_CAMEL)) != 0) {
          return 0;
        }
        findCue(t);
        if (cueKind != STRONG) {
          forwardCue(ps[0], pe[0]);
        }
        return cueKind == NONE ? 0 : decide(0);
      }
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
        return retry; // ACRONYM_SUBJECT: "caller: IP is 10.0.0.5"
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
        return retry; // ACRONYM_LABEL: "Attacker IP:", "File C:", "Source DB:" are field labels
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
            || ("name is".equals(cueWord()) && parts <= 3)
            || speakerFramed) {
          // "Customer: Correlation ID: ..." - an unlisted chain before ':' is a label, not a name
          score = 0.65;
          validation = "none";
        } else {
          return retry;
        }
        emit(start, end, score, anyKnown ? 0.4 : 0.3, cuePattern, validation, cueWord());
        return "person.greeting".equals(cuePattern) ? greetingAnd(pe[parts - 1]) : 0;
      }
      if (cueKind == WEAK && "person.verb".equals(cuePattern) && !verbChain(pf, parts)) {
        return retry; // "Monday Bola Adewale called", "Caller Rohan Desai said"
      }
      if (cueKind == WEAK) {
        if (anyKnown && !allAmbiguous && (anyFirst || parts > 1)) {
          emit(start, end, 0.85, 0.4, cuePattern, "name-list", cueWord());
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

    /**
     * {@link #ACRONYM_LABEL}: a chain of two or more parts whose first part is no listed first name
     * and whose last part is one to three capital letters ({@code Attacker IP}, {@code File C},
     * {@code Source DB}): before a colon at a line start it is a field label, not a speaker.
     */
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
      if (!mayHaveForwardCue(last)) {
        return; // most chains: a word, a space before a word, or an end of sentence follows
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
        int rs = speakerStart(first);
        if (rs >= 0) {
          set(STRONG, "person.speaker", "speaker", true);
          speakerCue = true;
          // "[10:14:30] Zyxwa Qorbel:" in a chat log; after a role word the name must be listed
          speakerFramed = rs == first && timeStampBefore(first);
          if (rs == first && parts >= 2 && dropChatRole()) {
            speakerFramed = false; // CHAT_ROLE_SPEAKER: "Visitor Jamal:"
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
          // CHAT_ROLE_SPEAKER: "Customer (Li Wei) says ..." after a role word
          boolean colon = punct(a + 1, ':');
          boolean says =
              !colon
                  && role
                  && inlineSpace(a + 1)
                  && a + 2 < n
                  && word(a + 2)
                  && reportVerb(chars, ix.start(a + 2), ix.end(a + 2));
          if ((colon || says) && lineStartBefore(rs)) {
            set(STRONG, "person.speaker", "speaker", true);
            speakerCue = true;
            // FIELD_QUALIFIER: "Phone (Mobile):", "Tax ID (SSN):" frame no unlisted name; nor
            // does "Customer (Mobile) says"
            speakerFramed = parts <= 3 && role && colon;
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
          && reportVerb(chars, ix.start(a + 1), ix.end(a + 1))) {
        set(WEAK, "person.verb", "verb", false); // "Mark Pearson called about the invoice"
        return;
      }
      if (cueKind == NONE
          && (PersonDetector.fromCompanySpeaker(ix, chars, a)
              || PersonDetector.roleAfterSpeaker(ix, chars, a))
          && lineStartBefore(first)) {
        // CHAT_ROLE_SPEAKER: "Emma from Contoso: Hi there!" (Intercom, Drift), "Laura (Support):"
        set(STRONG, "person.speaker", "speaker", true);
        speakerCue = true;
        return;
      }
      if (cueKind == NONE && PersonDetector.joinedChat(ix, chars, a)) {
        set(WEAK, "person.verb", "joined", false); // CHAT_ROLE_SPEAKER: "Mateo has joined the chat"
      }
    }

    /**
     * The token a speaker label's line starts with before the chain at {@code first}: {@code first}
     * itself ({@code Maria:}), a role word ({@code Agent Laura:}) or a note's author line ({@code
     * Note from Pradeep:}; {@link #CHAT_ROLE_SPEAKER}), each after only the line start, bullets or
     * a time stamp; -1 when none.
     */
    int speakerStart(int first) {
      if (lineStartBefore(first)) {
        return first;
      }
      int c = PersonDetector.clockBefore(ix, chars, first);
      if (c >= 0 && lineStartBefore(c)) {
        return first; // CLOCK_SPEAKER: "14:02 Noura: yes" (a listed name: not framed)
      }
      int r = PersonDetector.chatRoleBefore(ix, chars, first);
      if (r < 0) {
        r = PersonDetector.noteFromBefore(ix, chars, first);
      }
      return r >= 0 && lineStartBefore(r) ? r : -1;
    }

    /**
     * {@link #CHAT_ROLE_SPEAKER}: drops the chain's first part when it is a lone {@link
     * #CHAT_ROLES} word ({@code Visitor Jamal:}); returns whether it did.
     */
    boolean dropChatRole() {
      if (ps[0] != pe[0] || !CHAT_ROLES.contains(chars, ix.start(ps[0]), ix.end(ps[0]))) {
        return false;
      }
      for (int p = 1; p < parts; p++) {
        ps[p - 1] = ps[p];
        pe[p - 1] = pe[p];
        pf[p - 1] = pf[p];
      }
      parts--;
      return true;
    }

    /**
     * False when {@link #forwardCue} certainly finds no cue after the chain ending at token {@code
     * last}, judged from the one or two tokens after it: each of its cues needs the token {@code a}
     * right after the chain to be {@code ,} {@code <} {@code (} (address, vocative), {@code :}
     * (speaker) or {@code )} (speaker in parentheses), or an inline space followed by {@code ,}
     * {@code <} {@code (} (address, vocative) or, with no cue found yet, a letter token: {@code
     * here} (four chars, {@link TextIndex#equalsIgnoreCase} compares lengths) or, after two parts
     * or more, a report verb; or {@code has}, {@code left}, {@code joined} ({@link
     * #CHAT_ROLE_SPEAKER}). Most lone capitalized words end before a plain word or sentence
     * punctuation: they skip the seven look-aheads.
     */
    boolean mayHaveForwardCue(int last) {
      int a = last + 1;
      if (a >= n) {
        return false;
      }
      int f = ix.flags(a);
      if ((f & TextIndex.PUNCT) != 0) {
        char c = chars[ix.start(a)];
        return c == ',' || c == '<' || c == '(' || c == ':' || c == ')';
      }
      if (!inlineSpace(a) || a + 1 >= n) {
        return false;
      }
      int g = ix.flags(a + 1);
      if ((g & TextIndex.PUNCT) != 0) {
        char c = chars[ix.start(a + 1)];
        return c == ',' || c == '<' || c == '(';
      }
      // "Nikos here" (a four-letter token), "Mark Pearson called" (two parts or more); both only
      // without a cue from before
      // and "Mateo has joined the chat" / "Mateo joined the chat" (CHAT_ROLE_SPEAKER)
      int len = ix.length(a + 1);
      return (g & TextIndex.ALNUM) != 0
          && cueKind == NONE
          && (parts >= 2
              || len == 4
              || (len == 3 && ix.equalsIgnoreCase(a + 1, "has"))
              || (len == 5 && ix.equalsIgnoreCase(a + 1, "wrote")) // LONE_VERB
              || (len == 7 && ix.equalsIgnoreCase(a + 1, "replied"))
              || (len == 6
                  && (ix.equalsIgnoreCase(a + 1, "joined") || ix.equalsIgnoreCase(a + 1, "exited")))
              || (len == 7 && ix.equalsIgnoreCase(a + 1, "entered")));
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
      return addressAt(a);
    }

    /**
     * {@link #addressAfter} once the token {@code a} after the chain (and one inline space) is
     * known: it depends on nothing else, so {@link #scanRun} computes it once per run of words.
     */
    boolean addressAt(int a) {
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
            && !letterOrDigit(chars[i - 1])
            && (i + 2 >= to || !letterOrDigit(chars[i + 2]))) {
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
        if (a == '.' && e + 1 < text.length() && letterOrDigit(chars[e + 1])) {
          return true;
        }
        if (a == '-' && e + 1 < text.length() && digit(chars[e + 1])) {
          return true; // a ticket or order number: "PO-8659840", "INV-2023-36089"
        }
      }
      return false;
    }

    /** Only inline space stands between token {@code last} and the line end or text end. */
    boolean endsLine(int last) {
      int j = last + 1;
      if (inlineSpace(j)) {
        j++;
      }
      return j >= n || newlineSpace(j);
    }

    /**
     * After the chain on a {@code --} sign-off line: the line ends, or a comma or bar starts the
     * sender's role or company ({@code -- Priya, Support Engineer}, {@code -- Li | IT Helpdesk}).
     */
    boolean endsSignOff(int last) {
      int j = last + 1;
      if (inlineSpace(j)) {
        j++;
      }
      return j >= n || newlineSpace(j) || punct(j, ',') || punct(j, '|');
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
          cueWord = null;
          cueFrom = w;
          cueTo = w;
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
          setLower(STRONG, "person.greeting", k, k, false);
          return;
        }
        // "Hi there, Anthony" / "Hello again, Maria"
        if (k >= 0 && (ix.equalsIgnoreCase(k, "there") || ix.equalsIgnoreCase(k, "again"))) {
          int g = prevWord(k);
          if (g >= 0 && (CUE_WORDS.get(chars, ix.start(g), ix.end(g)) & W_GREETING) != 0) {
            setLower(STRONG, "person.greeting", g, k, false);
            return;
          }
        }
        int ls = lineStartToken(j);
        if (ls >= 0 && ls < j && CLOSINGS.contains(chars, ix.start(ls), ix.end(j - 1))) {
          setLower(STRONG, "person.signature", ls, j - 1, true);
          return;
        }
        int ms = k >= 0 && word(k) ? PersonDetector.midLineClosing(ix, chars, k) : -1;
        if (ms >= 0 && endsPhrase(pe[parts - 1])) {
          setLower(STRONG, "person.signature", ms, k, true); // MID_LINE_CLOSING: "? Ta, Kirsty"
        }
        return;
      }
      if (j >= 0 && word(j)) {
        int w = CUE_WORDS.get(chars, ix.start(j), ix.end(j));
        if (w == 0) {
          return;
        }
        if ((w & W_GREETING) != 0) {
          setLower(STRONG, "person.greeting", j, j, cueKind == STRONG);
          return;
        }
        if ((w & W_GREETING_END) != 0) {
          int ps1 = phraseBack(j, 4);
          for (int s = ps1; s < j; s++) {
            if (word(s) && GREETING_PHRASES.contains(chars, ix.start(s), ix.end(j))) {
              setLower(STRONG, "person.greeting", s, j, cueKind == STRONG);
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
              setLower(
                  WEAK,
                  "person.label",
                  s,
                  j,
                  CARD_LABELS.contains(chars, ix.start(s), ix.end(j))); // "name on card MARIA"
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
        // "-- Robert" on the sign-off line itself, also "-- Priya, Support" / "-- Li | IT"
        int k = j;
        while (k >= 0 && punct(k, '-')) {
          k--;
        }
        if (j - k >= 2 && lineStartBefore(k + 1) && endsSignOff(pe[parts - 1])) {
          set(STRONG, "person.signature", "--", true);
          return;
        }
        if (PersonDetector.loneDash(ctx, ix, j, k)
            && lineStartBefore(j)
            && endsLine(pe[parts - 1])) {
          set(
              WEAK,
              "person.signature",
              "\u2014",
              false); // LONE_DASH: "\u2014 Tom" alone on its line
          return;
        }
        // DASH_SIGN_OFF: "Regards - Chloe", "Cheers — Tom", "Thanks so much! - Priya": a closing
        // from the line start (or after a sentence's end), then " - " and the name
        int w = k >= 2 && (punct(k - 1, '!') || punct(k - 1, ',')) ? k - 2 : k - 1;
        if (k >= 1 && inlineSpace(k) && word(w) && endsSignOff(pe[parts - 1])) {
          int ls = lineStartToken(w + 1);
          if (ls < 0 || ls > w || !CLOSINGS.contains(chars, ix.start(ls), ix.end(w))) {
            ls = PersonDetector.midLineClosing(ix, chars, w); // "... online. Regards - Chloe"
          }
          if (ls >= 0) {
            setLower(STRONG, "person.signature", ls, w, true);
            return;
          }
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
            setLower(STRONG, "person.header", ls, le, true);
            labelCue = true;
            return;
          }
          if (LABELS.contains(chars, ix.start(ls), ix.end(le))) {
            setLower(STRONG, "person.label", ls, le, true);
            labelCue = true;
            return;
          }
        }
        int fs = fieldStart(le);
        if (fs >= 0 && fs <= le && LABELS.contains(chars, ix.start(fs), ix.end(le))) {
          // "Nom : Dupont, Prénom : Claire": a form label after a field separator on the line
          setLower(STRONG, "person.label", fs, le, true);
          labelCue = true;
          return;
        }
        // FIELD_KEY: a data key ("first_name": "Haruto", lastName: Sato, "customer.name": …)
        int ke = PersonDetector.fieldKeyEnd(ix, chars, j);
        if (ke >= 0 && cueKind != STRONG) {
          int ks = PersonDetector.fieldKeyStart(ix, chars, ke);
          int kind = PersonDetector.fieldKeyKind(ix, chars, ks, ke);
          if (kind > 0) {
            setLower(kind == 2 ? STRONG : WEAK, "person.label", ks, ke, true);
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
            setLower(WEAK, "person.label", s, j - 1, true);
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
      cueFrom = -1;
      capsAllowed = false;
      labelCue = false;
      speakerCue = false;
      speakerFramed = false;
    }

    void set(int kind, String pattern, String word, boolean caps) {
      cueKind = kind;
      cuePattern = pattern;
      cueWord = word;
      cueFrom = -1;
      capsAllowed |= caps;
    }

    /**
     * {@link #set} with the cue word being the lower-cased text of tokens [from, to]: the string is
     * built only when a finding reports it ({@link #cueWord()}), most cues found are not reported.
     */
    void setLower(int kind, String pattern, int from, int to, boolean caps) {
      cueKind = kind;
      cuePattern = pattern;
      cueWord = null;
      cueFrom = from;
      cueTo = to;
      capsAllowed |= caps;
    }

    /** The cue word as the candidate's context words. */
    List<String> cueWordList() {
      String w = cueWord();
      return w == null ? List.of() : List.of(w);
    }

    /** The cue word of the cue found last (null: none). */
    String cueWord() {
      return cueFrom >= 0 ? lower(cueFrom, cueTo) : cueWord;
    }

    /** "my name is", "name's", "I'm", "I am", "this is", "it's" at a turn start, "call me". */
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
        setLower(STRONG, "person.self-intro", j, j, true);
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

    /** The first token of up to {@code words} words ending at token {@code j} on one line. */
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
        setLower(STRONG, "person.header", ls, colon - 1, true);
        labelCue = true;
      }
    }

    /**
     * {@link #GREETING_AND}: after the greeting name ending at {@code last} was reported, judges a
     * second name after {@code and} with the same cue; returns the token to resume at (0: none).
     */
    int greetingAnd(int last) {
      int k = PersonDetector.greetingAndName(ix, chars, last);
      boolean list = k < 0;
      if (list) {
        k = PersonDetector.greetingListName(ix, chars, last); // "Hi Tom, Anna and Raj,"
        if (k < 0) {
          return 0;
        }
      }
      int next = chain(k);
      if (lazy) {
        lazy = false;
        pf[0] = partFlags(ps[0], pe[0], lazyInitial);
      }
      if (tooLong
          || cut
          || (pf[0] & (P_NOT_NAME | P_CAMEL)) != 0
          || (list
              ? PersonDetector.greetingAndName(ix, chars, pe[parts - 1]) < 0
              : !PersonDetector.closesGreeting(ix, chars, pe[parts - 1]))
          || codeAround(ps[0], pe[parts - 1])) {
        return k; // the walk judges it as any chain
      }
      int r = decide(0);
      return r > next ? r : next;
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
        setLower(STRONG, "person.signature", ls, j, true);
        return;
      }
      int ms = PersonDetector.midLineClosing(ix, chars, j); // MID_LINE_CLOSING
      if (ms >= 0) {
        setLower(STRONG, "person.signature", ms, j, true);
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
      // INVERTED_SPEAKER: "[9:14 AM] Nakamura, Hiroshi: can you..." (directories show "Last,
      // First"), "Nakamura, Hiroshi 9:14 AM" (a Teams message header copied as text)
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
        // before a colon: a bracketed time, or both parts listed ("Paris, France:" is no speaker);
        // before a clock time: one part listed ("Lunch, Cafeteria 12:30 PM" is a calendar line)
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
              .contextWords(cueWordList())
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
      start = withTitle(chars, start);
      int sx = degreeAtLastPart(ix, chars, text.length(), ps, parts);
      int named =
          sx > 0 ? parts - 1 : parts; // "Berit Heidrich B.Eng.": the "initial" B is a degree
      end = sx > 0 ? sx : withSuffix(chars, text.length(), end);
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
        canonicalPart(canon, ix.start(ps[p]), ix.end(pe[p]));
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
      StringBuilder sb = new StringBuilder(to - from);
      canonicalPart(sb, from, to);
      return sb.toString();
    }

    /** Appends {@link #canonicalPart(int, int)} to {@code sb} (no intermediate string). */
    void canonicalPart(StringBuilder sb, int from, int to) {
      boolean lower = false;
      boolean upper = false;
      boolean curly = false;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        lower |= isLower(c);
        upper |= isUpper(c);
        curly |= c == '\u2019';
      }
      if (lower && upper && !curly) {
        sb.append(chars, from, to - from); // as written: the common case, one bulk copy
        return;
      }
      if (!upper) {
        // a lower-case name ("maria garcia") in title case
        boolean startOfPiece = true;
        for (int i = from; i < to; i++) {
          char c = chars[i];
          if (c == '\u2019') {
            c = '\'';
          }
          sb.append(startOfPiece ? toUpper(c) : c);
          startOfPiece = !isLetter(c);
        }
        return;
      }
      if (lower) {
        // as written (the common case: "Maria", "O'Brien"), apostrophes made plain
        for (int i = from; i < to; i++) {
          char c = chars[i];
          sb.append(c == '\u2019' ? '\'' : c);
        }
        return;
      }
      boolean startOfPiece = true;
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c == '\u2019') {
          c = '\'';
        }
        if (isLetter(c)) {
          sb.append(startOfPiece ? c : toLower(c));
          startOfPiece = false;
        } else {
          sb.append(c);
          startOfPiece = true;
        }
      }
    }

    /** Lower-cased text of tokens [s, e] with single spaces (only for reported cues). */
    String lower(int s, int e) {
      // a space token becomes one char, so the result is at most as long as the tokens' text
      char[] out = new char[ix.end(e) - ix.start(s)];
      int len = 0;
      boolean ascii = true;
      for (int k = s; k <= e; k++) {
        if ((ix.flags(k) & TextIndex.SPACE) != 0) {
          out[len++] = ' ';
        } else {
          for (int i = ix.start(k), to = ix.end(k); i < to; i++) {
            char c = chars[i];
            ascii &= c < 128;
            out[len++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
          }
        }
      }
      if (ascii) {
        return new String(out, 0, len);
      }
      // String.toLowerCase has rules beyond ASCII (final sigma, dotted I): the old way there
      StringBuilder sb = new StringBuilder(out.length);
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

  // ASCII fast paths of java.lang.Character (same answers; the rest goes to Character)

  static boolean isUpper(char c) {
    return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  static boolean isLower(char c) {
    return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
  }

  static boolean isLetter(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }

  static boolean letterOrDigit(char c) {
    return c < 128 ? (c >= '0' && c <= '9') || isLetter(c) : Character.isLetterOrDigit(c);
  }

  static boolean digit(char c) {
    return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
  }

  static char toUpper(char c) {
    return c < 128 ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c) : Character.toUpperCase(c);
  }

  static char toLower(char c) {
    return c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
  }

  /** {@code Scan#acronymLabel} on a chain's parts; static so the reference oracle shares it. */
  /**
   * {@code MENTION_NAME} (see {@code Scan.mentionOfName}) on a chain of {@code parts} parts with
   * name flags {@code pf}, the {@code @} at char {@code at}; static so the reference oracle in the
   * tests applies the same rule instead of a copy of it.
   */
  static boolean mentionOfName(char[] chars, int[] pf, int parts, int at) {
    if (parts < 2 || (pf[0] & PersonNames.FIRST) == 0 || (pf[parts - 1] & PersonNames.LAST) == 0) {
      return false;
    }
    if (at == 0) {
      return true;
    }
    char c = chars[at - 1];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[';
  }

  /**
   * {@link #FIELD_CODE}: the all-caps codes of a form's next field ({@code DOB}, {@code ID}, {@code
   * SSN}...), which a chain after a label runs into on one line ({@code Name: John Smith DOB
   * 03/02/1988}).
   */
  private static final NameSet FIELD_CODES =
      new NameSet(
          List.of(
              "dob", "dod", "id", "ssn", "sin", "nin", "ni", "nhs", "mrn", "dl", "pin", "uid",
              "upn", "sid", "ein", "tin", "vat", "iban", "bic", "acct", "ref", "emp", "tel", "mob",
              "fax", "ext"));

  /**
   * {@link #FIELD_CODE} on a chain's parts: when the last part is one of {@link #FIELD_CODES} in
   * capitals after a part that is not in capitals ({@code John Smith DOB}, {@code Jane Doe ID}),
   * the chain without it; {@code JOHN SMITH}, {@code Wei LI} and a lone {@code DOB} are kept. Runs
   * once per judged chain; static so the reference oracle shares it.
   */
  static int withoutFieldCode(TextIndex ix, char[] chars, int[] ps, int[] pe, int[] pf, int parts) {
    if (parts < 2 || ps[parts - 1] != pe[parts - 1] || (pf[parts - 2] & P_CAPS) != 0) {
      return parts;
    }
    int s = ix.start(ps[parts - 1]);
    int e = ix.end(ps[parts - 1]);
    if (e - s < 2 || e - s > 4) {
      return parts;
    }
    for (int i = s; i < e; i++) {
      if (chars[i] < 'A' || chars[i] > 'Z') {
        return parts;
      }
    }
    return FIELD_CODES.contains(chars, s, e) ? parts - 1 : parts;
  }

  /**
   * {@code NEXT_LABEL}: when the last part of a chain is a form label of {@link #LABELS} right
   * before a colon ({@code Reporter: Ngozi Eze Assignee: Dmitri Volkov}, a Jira or ServiceNow
   * export flattened to one line), the chain without it. Runs once per judged chain; static so the
   * reference oracle shares it.
   */
  static int withoutNextLabel(TextIndex ix, char[] chars, int[] ps, int[] pe, int parts) {
    return parts >= 2 && labelBeforeColon(ix, chars, ps[parts - 1], pe[parts - 1])
        ? parts - 1
        : parts;
  }

  /**
   * {@code NEXT_LABEL}: the part {@code [s, e]} (tokens) is one word of {@link #LABELS} right
   * before a colon. Also read where a chain meets a {@code not-names.txt} word ({@code Customer:},
   * {@code Owner:}): the chain ends before it instead of being rejected.
   */
  static boolean labelBeforeColon(TextIndex ix, char[] chars, int s, int e) {
    return s == e
        && e + 1 < ix.size()
        && chars[ix.start(e + 1)] == ':'
        && (LABELS.contains(chars, ix.start(s), ix.end(s))
            || NEXT_FIELDS.contains(chars, ix.start(s), ix.end(s)));
  }

  /**
   * {@code EVENT_FIELD} (session 17, probe20): the part {@code [s, e]} (tokens) and the word after
   * it are one of {@link #EVENT_FIELDS} before a colon ({@code Account Name: Amina Yusuf Account
   * Domain: CORP}). Read only where a chain meets a {@code not-names.txt} word, as {@link
   * #labelBeforeColon}. Static so the reference oracle shares it.
   */
  static boolean eventFieldAfter(TextIndex ix, char[] chars, int s, int e) {
    return s == e
        && e + 3 < ix.size()
        && inline(ix, e + 1)
        && chars[ix.start(e + 3)] == ':'
        && EVENT_FIELDS.contains(chars, ix.start(s), ix.end(e + 2));
  }

  /**
   * {@code NEXT_LABEL} only, session 17 (probe20): the two-word fields of a Windows security event
   * that follow a name on the same line when the event text lost its line breaks ({@code Account
   * Name: Amina Yusuf Account Domain: CORP}). Read only where a chain meets a {@code not-names.txt}
   * word.
   */
  private static final NameSet EVENT_FIELDS =
      new NameSet(
          List.of(
              "account domain",
              "account name",
              "logon id",
              "logon type",
              "security id",
              "workstation name"));

  /**
   * {@code NEXT_LABEL} only, session 16 (probe18): the fields of a printed form that follow a name
   * but never introduce one ({@code Name (print): Ekaterina Smirnova Signature: ____}); as labels
   * they would take {@code Signature: Valid} for a name.
   */
  private static final NameSet NEXT_FIELDS = new NameSet(List.of("signature", "initials"));

  /**
   * {@code PRONOUN_I}: a chain whose last part is a bare {@code I} followed by a blank and a lower
   * case letter or by an apostrophe ends with the pronoun ({@code Thanks Maria I will check},
   * {@code Caller: Can I have ...}): the chain without it, or 0 when one word at a sentence start
   * is left ({@code Can I}, {@code Will I}, {@code May I}: a question, in a call transcript after
   * {@code Agent:}). {@code Maria I. Lopez} (a dot) and {@code John I} at a line end are kept. Runs
   * once per judged chain; static so the reference oracle shares it.
   */
  static int withoutPronoun(
      TextIndex ix, char[] chars, int[] ps, int[] pe, int parts, boolean sentenceStart) {
    int t = ps[parts - 1];
    if (parts < 2 || t != pe[parts - 1] || ix.length(t) != 1 || chars[ix.start(t)] != 'I') {
      return parts;
    }
    int n = ix.size();
    char a = t + 1 < n ? chars[ix.start(t + 1)] : 0;
    boolean pronoun =
        a == '\'' || a == '\u2019' || (a == ' ' && t + 2 < n && isLower(chars[ix.start(t + 2)]));
    if (!pronoun) {
      return parts;
    }
    return parts == 2 && sentenceStart ? 0 : parts - 1;
  }

  /**
   * {@link #GREETING_AND}'s words for "and" ({@code Hej Annika och Johan,}, {@code Hallo Jan und
   * Eva}).
   */
  static final NameSet AND_WORDS =
      new NameSet(List.of("and", "och", "og", "und", "et", "en", "y", "e", "i", "ve"));

  /**
   * {@link #GREETING_AND}: the first token of a capitalized word after {@code last} + inline space
   * + {@code and} or {@code &} + inline space, or -1. Static so the reference oracle shares it.
   */
  static int greetingAndName(TextIndex ix, char[] chars, int last) {
    int n = ix.size();
    if (last + 4 >= n || !inline(ix, last + 1) || !inline(ix, last + 3)) {
      return -1;
    }
    int a = last + 2;
    int fa = ix.flags(a);
    boolean and =
        (fa & TextIndex.PUNCT) != 0
            ? ix.length(a) == 1 && chars[ix.start(a)] == '&'
            : (fa & WORD_MASK) == WORD && AND_WORDS.contains(chars, ix.start(a), ix.end(a));
    int k = last + 4;
    return and && (ix.flags(k) & WORD_MASK) == WORD && (ix.flags(k) & TextIndex.INITIAL_UPPER) != 0
        ? k
        : -1;
  }

  /**
   * {@link #MID_LINE_CLOSING}: the first word of the longest closing phrase ({@link #CLOSINGS}, up
   * to four words) that ends at the word {@code j} and starts right after a sentence's end ({@code
   * .} {@code !} or {@code ?} after a word or {@code )}, then an inline space), or -1. Static so
   * the reference oracle shares it.
   */
  static int midLineClosing(TextIndex ix, char[] chars, int j) {
    int best = -1;
    int words = 0;
    for (int k = j; k >= 3 && words < 4; k--) {
      int f = ix.flags(k);
      if ((f & WORD_MASK) == WORD) {
        words++;
        if (inline(ix, k - 1)
            && sentenceEnd(ix, chars, k - 2)
            && CLOSINGS.contains(chars, ix.start(k), ix.end(j))) {
          best = k;
        }
      } else if (!inline(ix, k) && !((f & TextIndex.PUNCT) != 0 && chars[ix.start(k)] == '-')) {
        break;
      }
    }
    return best;
  }

  /** Token {@code k} is {@code .} {@code !} or {@code ?} after a word, a number or {@code )}. */
  private static boolean sentenceEnd(TextIndex ix, char[] chars, int k) {
    if ((ix.flags(k) & TextIndex.PUNCT) == 0) {
      return false;
    }
    char c = chars[ix.start(k)];
    if (c != '.' && c != '!' && c != '?') {
      return false;
    }
    int f = ix.flags(k - 1);
    return (f & TextIndex.ALNUM) != 0
        || ((f & TextIndex.PUNCT) != 0 && chars[ix.start(k - 1)] == ')');
  }

  /**
   * {@link #GREETING_AND}: the first token of a capitalized word after {@code last} + {@code ,} +
   * inline space (a list of names, {@code Hi Tom, Anna and Raj,}), or -1. The caller takes it only
   * when {@code and} and another name follow it ({@link #greetingAndName}).
   */
  static int greetingListName(TextIndex ix, char[] chars, int last) {
    int c = last + 1;
    int k = last + 3;
    return k < ix.size()
            && (ix.flags(c) & TextIndex.PUNCT) != 0
            && chars[ix.start(c)] == ','
            && inline(ix, c + 1)
            && (ix.flags(k) & WORD_MASK) == WORD
            && (ix.flags(k) & TextIndex.INITIAL_UPPER) != 0
        ? k
        : -1;
  }

  /** A one- or two-char space token on one line. */
  private static boolean inline(TextIndex ix, int t) {
    return (ix.flags(t) & (TextIndex.SPACE | TextIndex.NEWLINE)) == TextIndex.SPACE
        && ix.length(t) <= 2;
  }

  /**
   * {@link #GREETING_AND}: the name ending at {@code last} closes a greeting: {@code ,} {@code !}
   * {@code :} or a line break (or the text end) after it, one inline space allowed.
   */
  static boolean closesGreeting(TextIndex ix, char[] chars, int last) {
    int j = last + 1;
    int n = ix.size();
    if (j < n && inline(ix, j)) {
      j++;
    }
    if (j >= n || (ix.flags(j) & TextIndex.NEWLINE) != 0) {
      return true;
    }
    if ((ix.flags(j) & TextIndex.PUNCT) == 0) {
      return false;
    }
    char c = chars[ix.start(j)];
    return c == ',' || c == '!' || c == ':';
  }

  /**
   * {@link #CHAT_ROLE_SPEAKER}: the first token of one or two {@link #CHAT_ROLES} words (any case)
   * right before the chain starting at token {@code first}, each followed by an inline space
   * ({@code Agent Laura:}, {@code Support Agent Hannah:}), or -1. The caller still wants the line
   * start (or a time stamp) before it. Static so the reference oracle shares it.
   */
  static int chatRoleBefore(TextIndex ix, char[] chars, int first) {
    int r = first - 2;
    if (r < 0 || !inline(ix, first - 1) || !chatRole(ix, chars, r)) {
      return -1;
    }
    return r >= 2 && inline(ix, r - 1) && chatRole(ix, chars, r - 2) ? r - 2 : r;
  }

  private static boolean chatRole(TextIndex ix, char[] chars, int t) {
    return (ix.flags(t) & WORD_MASK) == WORD && CHAT_ROLES.contains(chars, ix.start(t), ix.end(t));
  }

  /** The words of a note's author line before {@code from} ({@code Note from Pradeep:}). */
  private static final NameSet NOTE_WORDS =
      new NameSet(
          List.of(
              "note",
              "notes",
              "message",
              "update",
              "comment",
              "reply",
              "response",
              "feedback",
              "voicemail",
              "email",
              "e-mail",
              "mail",
              "call",
              "handover",
              "escalation",
              // session 15 (probe17): "Msg from Bogdan:", "Text from Amaka:"
              "msg",
              "text",
              "sms",
              "memo"));

  /**
   * {@link #CHAT_ROLE_SPEAKER}: the token starting {@code Note from} / {@code Message from} right
   * before the chain starting at token {@code first} ({@code Note from Pradeep:}), or -1. Static so
   * the reference oracle shares it.
   */
  static int noteFromBefore(TextIndex ix, char[] chars, int first) {
    int f = first - 2;
    int w = first - 4;
    if (w < 0
        || !inline(ix, first - 1)
        || !inline(ix, f - 1)
        || (ix.flags(f) & WORD_MASK) != WORD
        || ix.length(f) != 4
        || !ix.equalsIgnoreCase(f, "from")
        || (ix.flags(w) & WORD_MASK) != WORD
        || !NOTE_WORDS.contains(chars, ix.start(w), ix.end(w))) {
      return -1;
    }
    return w;
  }

  /**
   * {@link #CHAT_ROLE_SPEAKER}: an inline space at token {@code a}, then {@code from}, one or two
   * capitalized words and a {@code :} ({@code Emma from Contoso: Hi there!}, the agent line of an
   * Intercom or Drift transcript). The caller wants the line start before the name. Static so the
   * reference oracle shares it.
   */
  static boolean fromCompanySpeaker(TextIndex ix, char[] chars, int a) {
    int n = ix.size();
    int w = a + 1;
    if (w + 3 >= n
        || !inline(ix, a)
        || !ix.equalsIgnoreCase(w, "from")
        || !inline(ix, w + 1)
        || (ix.flags(w + 2) & TextIndex.INITIAL_UPPER) == 0) {
      return false;
    }
    int c = w + 3;
    if (c + 1 < n && inline(ix, c) && (ix.flags(c + 1) & TextIndex.INITIAL_UPPER) != 0) {
      c += 2;
    }
    return c < n
        && (ix.flags(c) & TextIndex.PUNCT) != 0
        && chars[ix.start(c)] == ':'
        && (c + 1 >= n || chars[ix.start(c + 1)] != '/');
  }

  /**
   * Form name: a bare clock time before a chat speaker at a line start ({@code 14:02 Noura: yes},
   * {@code 09:15:03 Laura: ...}; session 14, probe15b). Unlike a bracketed time stamp it does not
   * frame an unlisted name: the name must be listed.
   */
  static final String CLOCK_SPEAKER = "clock-speaker";

  /**
   * {@link #CLOCK_SPEAKER}: the first token of an {@code H:MM}, {@code HH:MM} or {@code HH:MM:SS}
   * time that ends one inline space before token {@code first}, or -1. Read only for a speaker
   * chain that is not at a line start. Static so the reference oracle shares it.
   */
  static int clockBefore(TextIndex ix, char[] chars, int first) {
    int k = first - 2;
    if (k < 2 || !inline(ix, first - 1) || !twoDigits(ix, k)) {
      return -1;
    }
    if (!colonAt(ix, chars, k - 1) || (ix.flags(k - 2) & TextIndex.DIGIT) == 0) {
      return -1;
    }
    int h = k - 2;
    if (h >= 2 && colonAt(ix, chars, h - 1) && twoDigits(ix, h) && twoDigits(ix, h - 2)) {
      h -= 2; // HH:MM:SS
    }
    return ix.length(h) <= 2 && (ix.flags(h) & TextIndex.DIGIT) != 0 ? h : -1;
  }

  private static boolean twoDigits(TextIndex ix, int t) {
    return (ix.flags(t) & TextIndex.DIGIT) != 0 && ix.length(t) == 2;
  }

  private static boolean colonAt(TextIndex ix, char[] chars, int t) {
    return (ix.flags(t) & TextIndex.PUNCT) != 0 && chars[ix.start(t)] == ':';
  }

  /**
   * {@link #CHAT_ROLE_SPEAKER}: an inline space at token {@code a}, then a {@link #CHAT_ROLES} word
   * in parentheses and a {@code :} ({@code Laura (Support): I have escalated it}, {@code Emily
   * (Customer): ...}; session 14, probe15b). The caller wants the line start before the name and a
   * listed name (the speaker is not framed). Static so the reference oracle shares it.
   */
  static boolean roleAfterSpeaker(TextIndex ix, char[] chars, int a) {
    int n = ix.size();
    int r = a + 2;
    return r + 2 < n
        && inline(ix, a)
        && (ix.flags(a + 1) & TextIndex.PUNCT) != 0
        && chars[ix.start(a + 1)] == '('
        && CHAT_ROLES.contains(chars, ix.start(r), ix.end(r))
        && (ix.flags(r + 1) & TextIndex.PUNCT) != 0
        && chars[ix.start(r + 1)] == ')'
        && (ix.flags(r + 2) & TextIndex.PUNCT) != 0
        && chars[ix.start(r + 2)] == ':';
  }

  /**
   * {@link #VIET_MIDDLE}: the flags of a chain's part after a Vietnamese middle name {@code Van} /
   * {@code Thi} (token {@code s..e}, written {@code Văn} / {@code Thị} too): a listed first name
   * loses its {@link PersonNames#NOT_NAME} flag ({@code Nguyen Van An}: {@code An}, also the
   * article, is a common given name). Read only for a not-name part after two parts. Static so the
   * reference oracle shares it.
   */
  static int afterNameParticle(TextIndex ix, char[] chars, int s, int e, int flags) {
    if (s != e
        || (flags & PersonNames.FIRST) == 0
        || !(ix.equalsIgnoreCase(s, "van")
            || ix.equalsIgnoreCase(s, "thi")
            || ix.equalsIgnoreCase(s, "v\u0103n")
            || ix.equalsIgnoreCase(s, "th\u1ecb"))) {
      return flags;
    }
    return flags & ~PersonNames.NOT_NAME;
  }

  /**
   * {@link #INTRO_BEN}: token {@code j} is the lower-case word {@code ben} (Turkish "I am", Dutch
   * "am": {@code Merhaba, ben Mehmet}, {@code ik ben Sanne}). Static so the reference oracle shares
   * it.
   */
  static boolean introBen(TextIndex ix, char[] chars, int j) {
    return ix.length(j) == 3 && chars[ix.start(j)] == 'b' && ix.equalsIgnoreCase(j, "ben");
  }

  /** An inline space and a capitalized word follow token {@code t}. */
  static boolean capitalAfter(TextIndex ix, int t) {
    return t + 2 < ix.size()
        && inline(ix, t + 1)
        && (ix.flags(t + 2) & TextIndex.INITIAL_UPPER) != 0;
  }

  /**
   * {@link #FIELD_KEY}: the last word token of a data key right before the colon {@code c} (a
   * closing quote skipped: {@code "first_name":}), or -1.
   */
  static int fieldKeyEnd(TextIndex ix, char[] chars, int c) {
    int k = c - 1;
    if (k >= 0 && (ix.flags(k) & TextIndex.PUNCT) != 0) {
      char q = chars[ix.start(k)];
      k = q == '"' || q == '\'' ? beforeEscape(ix, chars, k - 1) : -1;
    }
    return k >= 0 && (ix.flags(k) & WORD_MASK) == WORD ? k : -1;
  }

  /**
   * {@code ESCAPED_JSON}: an escaped quote {@code \"} starts at {@code e} ({@code \"Maria Lopez\"}
   * in JSON logged inside a JSON string), not a path's backslash. Static so the reference oracle
   * shares it.
   */
  static boolean escapedQuote(char[] chars, int e, int length) {
    return e + 1 < length && chars[e] == '\\' && chars[e + 1] == '"';
  }

  /**
   * {@code ESCAPED_JSON}: the token before {@code j} when {@code j} is the backslash of an escaped
   * quote ({@code {\"name\":\"Maria Lopez\"}}, JSON logged inside a JSON string), else {@code j}.
   * Runs only after a quote next to a candidate or a data key. Static so the reference oracle
   * shares it.
   */
  static int beforeEscape(TextIndex ix, char[] chars, int j) {
    return j >= 1 && ix.length(j) == 1 && chars[ix.start(j)] == '\\' && ix.end(j - 1) == ix.start(j)
        ? j - 1
        : j;
  }

  /**
   * {@link #FIELD_KEY}: the first token of the key ending at word token {@code e}: up to four words
   * glued by {@code _}, {@code -} or {@code .} ({@code customer.first_name}).
   */
  static int fieldKeyStart(TextIndex ix, char[] chars, int e) {
    int s = e;
    for (int q = 0; q < 3 && s >= 2; q++) {
      int p = s - 1;
      char c = chars[ix.start(p)];
      if (ix.length(p) != 1
          || (c != '_' && c != '-' && c != '.')
          || (ix.flags(s - 2) & WORD_MASK) != WORD) {
        break;
      }
      s -= 2;
    }
    return s;
  }

  /**
   * {@code CODE} exemption, session 16 (probe18): the {@code =} right before the chain at {@code
   * first} ends a data key that names a person ({@link #fieldKeyKind}, or a key ending in {@code
   * username} or {@code displayname}): {@code userName=Adaeze Nwosu userEmail=...} in a crash
   * report's key=value line. The chain then needs its own evidence (no cue is read from the key:
   * both parts listed). Runs only for a chain right after {@code =}. Static so the reference oracle
   * shares it.
   */
  static boolean nameKeyAssign(TextIndex ix, char[] chars, int first) {
    int eq = first - 1;
    if (eq < 1 || ix.length(eq) != 1 || chars[ix.start(eq)] != '=') {
      return false;
    }
    int ke = fieldKeyEnd(ix, chars, eq);
    if (ke < 0) {
      return false;
    }
    int ks = fieldKeyStart(ix, chars, ke);
    int from = ix.start(ks);
    int to = ix.end(ke);
    return fieldKeyKind(ix, chars, ks, ke) > 0
        || (to - from <= 40
            && (compactEnds(chars, from, to, "username") >= 0
                || compactEnds(chars, from, to, "displayname") >= 0));
  }

  /** Data keys that hold a person's name (compared without {@code _ - .} and case). */
  private static final List<String> PERSON_KEYS =
      List.of(
          "firstname",
          "lastname",
          "fullname",
          "givenname",
          "familyname",
          "surname",
          "middlename",
          "realname",
          "customername",
          "contactname",
          "clientname",
          "holdername",
          "requestername",
          "callername",
          "employeename",
          "patientname",
          // session 17 (probe20): Entra ID / Azure AD sign-in and audit logs name the user here
          // ("userDisplayName": "Müller, Klaus"); appDisplayName and a bare displayName are no key
          "userdisplayname",
          "vorname",
          "nachname",
          "prenom",
          "nombre");

  /**
   * {@link #FIELD_KEY}: 2 when the key {@code s..e} ends with one of {@link #PERSON_KEYS} ({@code
   * first_name}, {@code lastName}, {@code customer.full_name}), 1 when it is {@code name} alone (a
   * weak cue: listed names only, since {@code "name": "Production"} names a thing), else 0. The
   * key's text must be a word on its own: no letter or digit glued before it.
   */
  static int fieldKeyKind(TextIndex ix, char[] chars, int s, int e) {
    int from = ix.start(s);
    int to = ix.end(e);
    if (to - from > 40 || (from > 0 && Character.isLetterOrDigit(chars[from - 1]))) {
      return 0;
    }
    if (compactEnds(chars, from, to, "name") < 0
        && compactEnds(chars, from, to, "prenom") < 0
        && compactEnds(chars, from, to, "nombre") < 0) {
      return 0; // most keys: their last char differs
    }
    if (s == e && ix.equalsIgnoreCase(s, "name")) {
      return 1;
    }
    for (String k : PERSON_KEYS) {
      if (compactEnds(chars, from, to, k) >= 0) {
        return 2;
      }
    }
    return 0;
  }

  /**
   * Whether {@code chars[from, to)} with {@code _ - .} skipped ends with {@code word} (lower case,
   * ASCII): the number of chars left before it, or -1 when it does not end with it.
   */
  private static int compactEnds(char[] chars, int from, int to, String word) {
    int i = to - 1;
    for (int w = word.length() - 1; w >= 0; w--) {
      while (i >= from && (chars[i] == '_' || chars[i] == '-' || chars[i] == '.')) {
        i--;
      }
      if (i < from || (chars[i] | 0x20) != word.charAt(w)) {
        return -1;
      }
      i--;
    }
    return i - from + 1;
  }

  /**
   * {@link #HERE_FROM}: an inline space and {@code from} follow the {@code here} at token {@code h}
   * ({@code Aoife here from the Dublin office}). Static so the reference oracle shares it.
   */
  static boolean hereFrom(TextIndex ix, int h) {
    return h + 2 < ix.size() && inline(ix, h + 1) && ix.equalsIgnoreCase(h + 2, "from");
  }

  /** The verbs of {@link #CALL_BACK}: {@code called Esperanza back}, {@code rang Tom back}. */
  private static final NameSet CALL_BACK_VERBS =
      new NameSet(
          List.of(
              "call",
              "called",
              "calling",
              "ring",
              "rang",
              "phone",
              "phoned",
              "text",
              "texted",
              "email",
              "emailed",
              "message",
              "messaged",
              "ping",
              "pinged"));

  /**
   * Cue, session 16 (probe18): a lone part between a verb of calling ({@link #CALL_BACK_VERBS}) and
   * {@code back} ({@code Called Esperanza back, no answer}, {@code will ring Tom back}) is the
   * person called; a weak cue (listed, unambiguous names only: {@code call Support back}, {@code
   * rang Will back} stay out). Read only when a four-letter word follows a lone part with no cue
   * ({@code mayHaveForwardCue}); see {@link #callBack}.
   */
  static final String CALL_BACK = "call-back";

  /**
   * {@link #CALL_BACK}: {@code first} is the lone part's token, {@code a} the token after it.
   * Static so the reference oracle shares it.
   */
  static boolean callBack(TextIndex ix, char[] chars, int first, int a) {
    int v = first - 2;
    return v >= 0
        && a + 1 < ix.size()
        && inline(ix, a)
        && ix.equalsIgnoreCase(a + 1, "back")
        && inline(ix, first - 1)
        && (ix.flags(v) & WORD_MASK) == WORD
        && CALL_BACK_VERBS.contains(chars, ix.start(v), ix.end(v));
  }

  /**
   * {@code LONE_VERB} (session 17, probe20): after a lone part at a line start (the caller checks
   * that), token {@code a} is an inline space before {@code replied}, {@code wrote}, {@code said}
   * or {@code says} and a colon (a quoted reply: {@code Thabo replied: ok}), or before {@code
   * from}, one lower-case word and a report verb ({@code Lakshmi from finance says ...}). A weak
   * cue: a listed, unambiguous first name only ({@code Support replied:}, {@code Will said:} stay
   * out); {@code Maria said it works now} stays out (a lone name and a verb in running prose, as
   * before). The detector reads it only after a four-letter word, {@code wrote} or {@code replied}
   * ({@code mayHaveForwardCue}). Static so the reference oracle shares it.
   */
  static boolean loneVerb(TextIndex ix, char[] chars, int a) {
    int n = ix.size();
    if (a + 1 >= n || !inline(ix, a) || (ix.flags(a + 1) & WORD_MASK) != WORD) {
      return false;
    }
    if (a + 2 < n && ix.length(a + 2) == 1 && chars[ix.start(a + 2)] == ':') {
      return ix.equalsIgnoreCase(a + 1, "replied")
          || ix.equalsIgnoreCase(a + 1, "wrote")
          || ix.equalsIgnoreCase(a + 1, "said")
          || ix.equalsIgnoreCase(a + 1, "says");
    }
    int w = a + 3;
    return w + 2 < n
        && ix.equalsIgnoreCase(a + 1, "from")
        && inline(ix, a + 2)
        && (ix.flags(w) & WORD_MASK) == WORD
        && Character.isLowerCase(chars[ix.start(w)])
        && inline(ix, w + 1)
        && (ix.flags(w + 2) & WORD_MASK) == WORD
        && reportVerb(chars, ix.start(w + 2), ix.end(w + 2));
  }

  /** Most tokens read back from a {@code )} for its {@code (} ({@link #beforeQualifier}). */
  static final int QUALIFIER_TOKENS = 12;

  /**
   * {@code LABEL_QUALIFIER}, session 16 (probe18): when token {@code le} (the last token before a
   * label's colon) is the {@code )} of a qualifier in parentheses ({@code Name (print):}, {@code
   * Full name (as on passport):}, {@code Name (block capitals):}, an OCR'd form), the word {@code
   * name} right before the {@code (} (one inline space allowed), else {@code le}: the label is read
   * without the qualifier; a role word is not taken ({@code Agent (Anna): Can you ...} is a chat
   * speaker, and {@code Agent} labels nothing after the colon). At most {@link #QUALIFIER_TOKENS}
   * tokens back on the line; runs only for a chain after a colon that a {@code )} precedes. Static
   * so the reference oracle shares it.
   */
  static int beforeQualifier(TextIndex ix, char[] chars, int le) {
    if (le < 2 || ix.length(le) != 1 || chars[ix.start(le)] != ')') {
      return le;
    }
    for (int k = le - 1; k >= 1 && le - k <= QUALIFIER_TOKENS; k--) {
      int f = ix.flags(k);
      if ((f & TextIndex.NEWLINE) != 0) {
        return le;
      }
      if ((f & TextIndex.PUNCT) != 0 && chars[ix.start(k)] == '(') {
        int w = k - 1;
        if (w >= 1 && inline(ix, w)) {
          w--;
        }
        // the label must end with "name": "Agent (Anna): Can you ..." is a chat speaker, and its
        // role word is no label of the text after the colon
        return (ix.flags(w) & WORD_MASK) == WORD && ix.equalsIgnoreCase(w, "name") ? w : le;
      }
    }
    return le;
  }

  /** The places a chat system line says someone joined or left ({@code ... the chat}). */
  private static final NameSet CHAT_PLACES =
      new NameSet(
          List.of(
              "chat",
              "conversation",
              "call",
              "meeting",
              "channel",
              "session",
              "room",
              "queue",
              "group"));

  /**
   * {@link #CHAT_ROLE_SPEAKER}: an inline space at token {@code a}, then {@code has joined the
   * chat}, {@code joined the conversation}, {@code has left the call}, {@code entered the chat},
   * {@code has exited the chat} ({@link #CHAT_PLACES}; {@code have} too): a chat tool's system line
   * names the person before it. Static so the reference oracle shares it.
   */
  static boolean joinedChat(TextIndex ix, char[] chars, int a) {
    int n = ix.size();
    int w = a + 1;
    if (w >= n || !inline(ix, a) || (ix.flags(w) & WORD_MASK) != WORD) {
      return false;
    }
    if (w + 1 < n && (ix.equalsIgnoreCase(w, "has") || ix.equalsIgnoreCase(w, "have"))) {
      if (!inline(ix, w + 1)) {
        return false;
      }
      w += 2;
    }
    if (w + 4 >= n
        || !(ix.equalsIgnoreCase(w, "joined")
            || ix.equalsIgnoreCase(w, "left")
            || ix.equalsIgnoreCase(w, "entered")
            || ix.equalsIgnoreCase(w, "exited"))
        || !inline(ix, w + 1)
        || !ix.equalsIgnoreCase(w + 2, "the")
        || !inline(ix, w + 3)) {
      return false;
    }
    int p = w + 4;
    return (ix.flags(p) & WORD_MASK) == WORD && CHAT_PLACES.contains(chars, ix.start(p), ix.end(p));
  }

  /**
   * {@link #GREETING_MENTION}: token {@code first} follows a glued {@code @}, an inline space and a
   * greeting word ({@code Hi @Priya,}, {@code Thanks @Tom!}): the mention is the greeted name, not
   * code. Read only for a chain glued to an {@code @}. Static so the reference oracle shares it.
   */
  static boolean greetingMention(TextIndex ix, char[] chars, int first) {
    int at = first - 1;
    int g = first - 3;
    return g >= 0
        && (ix.flags(at) & TextIndex.PUNCT) != 0
        && chars[ix.start(at)] == '@'
        && ix.length(at) == 1
        && inline(ix, first - 2)
        && (ix.flags(g) & WORD_MASK) == WORD
        && (CUE_WORDS.get(chars, ix.start(g), ix.end(g)) & W_GREETING) != 0;
  }

  /**
   * {@code LONE_MENTION}: token {@code first} follows a glued {@code @} that opens the line (after
   * blanks) or follows another such mention ({@code @Mehdi can you check this?},
   * {@code @Tariq @Siddharth please review}): a Teams or Slack mention of one person by the first
   * name. {@code cc @Priya please} stays out (session 13's scope of {@code GREETING_MENTION}). Only
   * a listed, unambiguous first name is taken (a weak cue), so {@code @Override} and {@code @Test}
   * stay code and {@code @jdoe} a handle. Read only for a chain glued to an {@code @}. Static so
   * the reference oracle shares it.
   */
  static boolean loneMention(TextIndex ix, char[] chars, int first) {
    if (!mentionGoesOn(ix, chars, first + 1)) {
      return false; // "@Min\n", "@Param\n": an annotation on its own line
    }
    int t = first;
    for (int step = 0; step < MAX_MENTIONS; step++) {
      int at = t - 1;
      if (at < 0 || ix.length(at) != 1 || chars[ix.start(at)] != '@') {
        return false;
      }
      int b = at - 1;
      if (b >= 0 && (ix.flags(b) & (TextIndex.SPACE | TextIndex.NEWLINE)) == TextIndex.SPACE) {
        b--; // an inline blank
      }
      if (b < 0 || (ix.flags(b) & TextIndex.NEWLINE) != 0) {
        return true; // the line starts with the mention
      }
      if (b == at - 1 || (ix.flags(b) & WORD_MASK) != WORD) {
        return false; // glued to a word (an address, a handle) or after punctuation
      }
      t = b; // another mention before: "cc @Tariq @Siddharth"
    }
    return false;
  }

  /**
   * {@code LONE_MENTION}: a sentence goes on at token {@code a} after the mention: a blank and a
   * lower case word or another mention, or {@code , : ! ?}.
   */
  private static boolean mentionGoesOn(TextIndex ix, char[] chars, int a) {
    int n = ix.size();
    if (a >= n) {
      return false;
    }
    char c = chars[ix.start(a)];
    if (c == ',' || c == ':' || c == '!' || c == '?') {
      return true;
    }
    if (c != ' ' || ix.length(a) != 1 || a + 1 >= n) {
      return false;
    }
    char w = chars[ix.start(a + 1)];
    return isLower(w) || w == '@';
  }

  /** {@code LONE_MENTION}: how many mentions in a row are read back. */
  private static final int MAX_MENTIONS = 4;

  /**
   * {@link #LONE_DASH}: {@code c} is an em dash, an en dash or a horizontal bar (which the
   * normalizer folds to {@code -}).
   */
  static boolean typographicDash(char c) {
    return c == '\u2014' || c == '\u2013' || c == '\u2015';
  }

  /**
   * {@link #LONE_DASH}: the dash token {@code j} is a single one ({@code k}, the token before the
   * run of dashes, is {@code j - 1}) and was an em or en dash in the source.
   */
  static boolean loneDash(DetectionContext ctx, TextIndex ix, int j, int k) {
    return j - k == 1 && typographicDash(ctx.originalChar(ix.start(j)));
  }

  /** {@link #LDAP_CN} cue: token {@code j} is an {@code =} glued to the chain at {@code t}. */
  static boolean ldapCue(TextIndex ix, char[] chars, int j, int t) {
    return j >= 0
        && ix.end(j) == ix.start(t)
        && ix.length(j) == 1
        && chars[ix.start(j)] == '='
        && ldapCommonName(chars, ix.start(j), -1, 0);
  }

  /**
   * {@code VCARD_N} (session 17, probe20): token {@code t} follows a vCard's {@code N:} at a line
   * start (the {@code :} glued to it). Static so the reference oracle shares it.
   */
  static boolean vcardName(TextIndex ix, char[] chars, int t) {
    return vcardProperty(chars, ix.start(t), 1);
  }

  /**
   * {@code VCARD_FN} (session 17, probe20): token {@code t} follows a vCard's {@code FN:} at a line
   * start, upper case as vCard writes it ({@code FN:Aigerim Nurlanovna}): a strong label cue
   * ({@code fn: Callback} in code is no vCard). Static so the reference oracle shares it.
   */
  static boolean vcardFormattedName(TextIndex ix, char[] chars, int t) {
    int s = ix.start(t);
    return s >= 3 && chars[s - 3] == 'F' && vcardProperty(chars, s, 2);
  }

  /**
   * A property of {@code len} letters ending in {@code N} and its {@code :} right before {@code s}.
   */
  private static boolean vcardProperty(char[] chars, int s, int len) {
    int p = s - 1 - len; // the property's first char
    return p >= 0
        && chars[s - 1] == ':'
        && chars[s - 2] == 'N'
        && (p == 0 || chars[p - 1] == '\n' || chars[p - 1] == '\r');
  }

  /**
   * {@code LDAP_ESCAPED_COMMA} (session 17, probe20): the {@code \\} at {@code e}, after a chain
   * starting at {@code s}, escapes a comma inside an LDAP common name ({@code CN=Doe\,
   * Jane,OU=...}): no path goes on. Static so the reference oracle shares it.
   */
  static boolean ldapEscapedComma(char[] chars, int s, int e, int length) {
    return e + 1 < length && chars[e + 1] == ',' && s > 0 && ldapCommonName(chars, s - 1, -1, 0);
  }

  /**
   * {@code SPELLED_OUT} (session 17, probe20): after a single capital letter that follows a name
   * part (no period), the next two parts, from token {@code next}, are single capital letters too:
   * the name is being spelled out ({@code caller: my name is Rafael Gutierrez G U T I E R R E Z},
   * {@code Chen C H E N}, a call transcript), so the chain ends before the letters (which, read as
   * initials, made it longer than {@link #MAX_PARTS}). Two initials ({@code John A B Smith}) are
   * still read. Runs only at a one-letter part after a name part. Static so the reference oracle
   * shares it.
   */
  static boolean spelledOut(TextIndex ix, char[] chars, int next) {
    return next >= 0
        && next + 2 < ix.size()
        && ix.length(next) == 1
        && inline(ix, next + 1)
        && ix.length(next + 2) == 1
        && Character.isUpperCase(chars[ix.start(next + 2)]);
  }

  /**
   * {@code ICS_CN} (session 17, probe20): token {@code j}, right before a chain's opening quote, is
   * the {@code =} of a calendar property's {@code ;CN=} parameter ({@code ATTENDEE;CN="Doe,
   * Jane";ROLE=...}, {@code ORGANIZER;CN="Ngozi Eze":mailto:...}). A weak label cue, as {@link
   * #LDAP_CN}: listed names only ({@code CN="Conference Room 4B"} stays out).
   */
  static boolean icsQuotedCue(TextIndex ix, char[] chars, int j) {
    if (j < 0 || ix.length(j) != 1 || chars[ix.start(j)] != '=') {
      return false;
    }
    int eq = ix.start(j);
    return eq > 2 && chars[eq - 3] == ';' && ldapCommonName(chars, eq, -1, 0);
  }

  /**
   * {@link #LDAP_CN}: the {@code =} at {@code eq} ends the attribute {@code cn} of an LDAP
   * distinguished name ({@code CN=Sarah Connor,OU=Users,DC=contoso,DC=com}): {@code cn} at the text
   * start or after a blank, {@code ,} {@code "} {@code '} {@code :} {@code ;} or {@code =} ({@code
   * dn=cn=...}); when {@code end >= 0}, a chain ending at {@code end} must be followed by the
   * {@code ,} of the next attribute ({@code end < length}). Static so the reference oracle shares
   * it.
   */
  static boolean ldapCommonName(char[] chars, int eq, int end, int length) {
    if (eq < 2 || (chars[eq - 2] | 0x20) != 'c' || (chars[eq - 1] | 0x20) != 'n') {
      return false;
    }
    if (eq > 2) {
      char b = chars[eq - 3];
      if (!(b == ' ' || b == '\t' || b == '\n' || b == ',' || b == '"' || b == '\'' || b == ':'
          || b == ';' || b == '=')) {
        return false;
      }
    }
    if (end < 0 || end >= length) {
      return end < 0;
    }
    // ICS_CN (session 17, probe20): a calendar property's parameter, ";CN=Ngozi Eze:mailto:..."
    // or ";CN=Ngozi Eze;ROLE=...", ends at the value's ":" or the next ";"
    return chars[end] == ','
        || (chars[end] == '\\' && end + 1 < length && chars[end + 1] == ',') // "CN=Doe\, Jane"
        || (eq > 2 && chars[eq - 3] == ';' && (chars[end] == ':' || chars[end] == ';'));
  }

  /**
   * Cue {@code ITS_INTRO}, session 15 (probe17): the word token {@code j} is the {@code s} of
   * {@code it's} or is {@code its}, and {@code it} opens a turn: the line start or a {@code :} or
   * {@code ,} before it, one inline space allowed ({@code Caller: it's Olga, Olga Petrenko}, an SMS
   * {@code its Amaka}, {@code Hi, it's Olga}), or a greeting word before it ({@code hey it's
   * Gulnara}, session 16). A weak self-introduction like {@code this is} (listed, unambiguous names
   * only); {@code the app and its Outlook add-in} is no turn start. Static so the reference oracle
   * shares it.
   */
  static boolean itsIntro(TextIndex ix, char[] chars, int j) {
    int it;
    if (ix.equalsIgnoreCase(j, "its")) {
      it = j;
    } else if (j >= 2
        && ix.equalsIgnoreCase(j, "s")
        && (ix.flags(j - 1) & TextIndex.PUNCT) != 0
        && (chars[ix.start(j - 1)] == '\'' || chars[ix.start(j - 1)] == '\u2019')
        && ix.equalsIgnoreCase(j - 2, "it")) {
      it = j - 2;
    } else {
      return false;
    }
    int b = it - 1;
    if (b >= 0 && inline(ix, b)) {
      b--;
    }
    if (b < 0 || (ix.flags(b) & TextIndex.NEWLINE) != 0) {
      return true;
    }
    if ((ix.flags(b) & WORD_MASK) == WORD) {
      // session 16 (probe18): a greeting right before, no comma ("hey it's Gulnara um ...", a
      // voicemail transcription)
      return (CUE_WORDS.get(chars, ix.start(b), ix.end(b)) & W_GREETING) != 0;
    }
    return (ix.flags(b) & TextIndex.PUNCT) != 0
        && (chars[ix.start(b)] == ':' || chars[ix.start(b)] == ',');
  }

  /**
   * {@link #ACRONYM_SUBJECT}: one part, one token of two to four capitals, then a blank and {@code
   * is}, {@code was} or {@code are} in lower case. Asked only for an all-caps chain that passed
   * {@link #ALL_CAPS}. Static so the reference oracle shares it.
   */
  static boolean acronymSubject(TextIndex ix, char[] chars, int[] ps, int[] pe, int parts) {
    int t = ps[0];
    if (parts != 1 || t != pe[0] || ix.length(t) < 2 || ix.length(t) > 4 || t + 2 >= ix.size()) {
      return false;
    }
    if (chars[ix.start(t + 1)] != ' ') {
      return false;
    }
    int s = ix.start(t + 2);
    int e = ix.end(t + 2);
    return (e - s == 2 && chars[s] == 'i' && chars[s + 1] == 's')
        || (e - s == 3 && chars[s] == 'w' && chars[s + 1] == 'a' && chars[s + 2] == 's')
        || (e - s == 3 && chars[s] == 'a' && chars[s + 1] == 'r' && chars[s + 2] == 'e');
  }

  /**
   * {@link #ACRONYM_LABEL}: a speaker chain whose last part is an all-caps code of at most three
   * letters after an unlisted first word ({@code Attacker IP:}, {@code Source DB:}), or of two or
   * three letters right before a colon and a digit ({@code MAC: 00:1A:…}, {@code VIN: 1HGCM…},
   * {@code WAN MAC: …}, {@code JAN: 4 tickets}: a device or form code before its value; a chat
   * speaker in capitals says words). Asked only for a speaker candidate. Static so the reference
   * oracle shares it.
   */
  static boolean acronymLabel(TextIndex ix, char[] chars, int[] ps, int[] pe, int[] pf, int parts) {
    if (ps[parts - 1] != pe[parts - 1]) {
      return false;
    }
    int s = ix.start(ps[parts - 1]);
    int e = ix.end(ps[parts - 1]);
    if (e - s > 3) {
      return false;
    }
    if (e - s == 3 && macLabel(chars, s, ix.text().length())) {
      return true; // "Mac: 00:1A:2B:…" in title case
    }
    for (int i = s; i < e; i++) {
      if (chars[i] < 'A' || chars[i] > 'Z') {
        return false;
      }
    }
    if (parts >= 2 && (pf[0] & P_FIRST) == 0) {
      return true;
    }
    return e - s >= 2 && digitValueAfter(chars, e, ix.text().length());
  }

  /**
   * {@link #ACRONYM_LABEL}, session 15 (probe16b): the word at {@code s} is {@code mac} in any case
   * and a colon, at most two blanks and a MAC address's first group follow: two hex digits and
   * {@code :} or {@code -}, or four and {@code .} ({@code Mac: 00:1A:…}, {@code Mac: 001a.2b3c.…}).
   * {@code Mac: thanks} stays a speaker.
   */
  private static boolean macLabel(char[] chars, int s, int length) {
    if ((chars[s] | 0x20) != 'm' || (chars[s + 1] | 0x20) != 'a' || (chars[s + 2] | 0x20) != 'c') {
      return false;
    }
    int v = s + 4;
    if (s + 3 >= length || chars[s + 3] != ':') {
      return false;
    }
    for (int sp = 0; sp < 2 && v < length && (chars[v] == ' ' || chars[v] == '\t'); sp++) {
      v++;
    }
    int h = v;
    while (h < length && h - v < 4 && Character.digit(chars[h], 16) >= 0) {
      h++;
    }
    char sep = h < length ? chars[h] : 0;
    return (h - v == 2 && (sep == ':' || sep == '-')) || (h - v == 4 && sep == '.');
  }

  /** A {@code :} at {@code colon}, at most two blanks, then a digit. */
  private static boolean digitValueAfter(char[] chars, int colon, int length) {
    if (colon >= length || chars[colon] != ':') {
      return false;
    }
    int v = colon + 1;
    for (int sp = 0; sp < 2 && v < length && (chars[v] == ' ' || chars[v] == '\t'); sp++) {
      v++;
    }
    return v < length && chars[v] >= '0' && chars[v] <= '9';
  }
}
