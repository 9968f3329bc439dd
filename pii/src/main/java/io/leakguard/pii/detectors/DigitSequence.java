package io.leakguard.pii.detectors;

import io.leakguard.pii.spi.TextIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a run of digit groups from the token index: digit-only tokens and digit words ({@code
 * five}, {@code zero}, {@code oh} inside a run), joined by soft gaps (up to four tokens of short
 * whitespace, one line break, one {@code -} or {@code .}, one {@code (} and one {@code )}; a comma
 * between two digit words; {@code >} e-mail quote markers after the line break). Keeps, for every
 * group, the normalized char range of its token, so a window of groups maps back to a span. Shared
 * by the phone, card and SSN detectors; mutable, reused across texts (per thread, held by {@link
 * DigitRuns}: a chunk is read once per text and kept for all three detectors), reading the text's
 * chars through {@link TextIndex#chars()}.
 *
 * <p>Design note: a run is read in chunks of at most {@link #MAX_DIGITS} digits / {@link
 * #MAX_GROUPS} groups; {@link #resumeToken} restarts the next chunk with an overlap of {@link
 * #OVERLAP} digits, so every window of up to 19 digits is seen while the total work stays linear
 * ({@code 1 1 1 1 ...} over a megabyte is read in constant work per digit).
 */
final class DigitSequence {
  static final int MAX_DIGITS = 64;
  static final int MAX_GROUPS = 64;
  static final int OVERLAP = 20;

  /** Gap flags. */
  static final int GAP_SPACE = 1;

  static final int GAP_DASH = 1 << 1;
  static final int GAP_DOT = 1 << 2;
  static final int GAP_OPEN = 1 << 3;
  static final int GAP_CLOSE = 1 << 4;
  static final int GAP_NEWLINE = 1 << 5;

  /** A comma between two digit words ({@code five two four, five seven}). */
  static final int GAP_COMMA = 1 << 6;

  /**
   * A slash right after a first group of 2 to 5 digits led by {@code 0} and right before a group of
   * 3 or more digits: the German and Austrian area code ({@code 0171/2345678}, {@code
   * 0662/25793755}). Dates ({@code 01/12/2023}) are not joined: their second group is too short.
   */
  static final int GAP_SLASH = 1 << 7;

  /**
   * One tab between two groups of exactly four digits (session 14: a card number pasted from a
   * spreadsheet or a form with tab stops, {@code 4111\t1111\t1111\t1111}). Only the card detector
   * takes a window with such a gap; a column of years or amounts in a TSV row fails its Luhn check
   * nine times in ten and is no card either way.
   */
  static final int GAP_TAB = 1 << 8;

  /** Most {@code >} quote markers (and their spaces) allowed after a line break in one gap. */
  static final int MAX_QUOTE_TOKENS = 16;

  final byte[] digit = new byte[MAX_DIGITS];

  /** First digit index of each group; group g spans digits [groupStart[g], groupStart[g+1]). */
  final int[] groupStart = new int[MAX_GROUPS + 1];

  /** Token index of each group. */
  final int[] groupToken = new int[MAX_GROUPS];

  /** Normalized char range of each group (its token: a group is one token). */
  private final int[] groupCharStart = new int[MAX_GROUPS];

  private final int[] groupCharEnd = new int[MAX_GROUPS];

  /** Gap flags before group g (gap[0] = 0). */
  final int[] gap = new int[MAX_GROUPS];

  /** True when group g is a digit word. */
  final boolean[] word = new boolean[MAX_GROUPS];

  int digits;
  int groups;

  /** True when the run continues past this chunk. */
  boolean truncated;

  /** True when a gap of this chunk holds a {@link #GAP_TAB}. */
  boolean tabs;

  /** Token index just past the last group. */
  int endToken;

  private TextIndex idx;

  /** The text's chars ({@link TextIndex#chars()}), valid during one {@code detect} call. */
  private char[] chars;

  /** The English digit words, index = digit value (10 = "oh"). */
  private static final String[] WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "oh"
  };

  /**
   * Digit words of other languages, index = digit value (session 6: voicemail transcripts read a
   * number out in the caller's language). Spanish, German ({@code zwo} is the phone form of 2),
   * Dutch, Portuguese ({@code meia} is 6 in Brazilian phone speech, {@code tres} also unaccented),
   * French ({@code zero} also unaccented), Italian. No word means two different digits. Multi-word
   * numbers ({@code soixante-dix-huit}, {@code dreißig}) are not read.
   */
  static final String[][] LANG_WORDS = {
    {"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"},
    {"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zwo:2"},
    {"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"},
    {"zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "meia:6"},
    {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"},
    {"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"}
  };

  /** Longest digit word ({@code quattro}, {@code sieben}). */
  static final int MAX_WORD = 7;

  /**
   * Per first two letters of a digit word ({@code ((c0 | 0x20) & 31) << 5 | ((c1 | 0x20) & 31)}):
   * the bit set of the lengths of the digit words ({@link #ALL_WORDS}, every language) with those
   * letters. A necessary condition for a token to be a digit word when its first two chars are
   * ASCII (they are then lower-cased by {@code | 0x20}); {@link DigitRuns} filters its seeds with
   * it, {@link #wordDigit(char[], int, int)} its words (round 12: most words it is asked about,
   * {@code days} after {@code 3}, share a first letter with some digit word but not a second).
   * Session 6: the word lists of six more languages do not fit a collision-free 256-slot hash.
   */
  static final int[] WORD_LENGTHS = new int[1 << 10];

  /** Every digit word (lower case) with its value. */
  static final java.util.Map<String, Integer> ALL_WORDS;

  static {
    java.util.Map<String, Integer> all = new java.util.LinkedHashMap<>();
    for (int d = 0; d < WORDS.length; d++) {
      all.put(WORDS[d], d);
    }
    for (String[] lang : LANG_WORDS) {
      for (int i = 0; i < lang.length; i++) {
        String w = lang[i];
        int d = i;
        int colon = w.indexOf(':');
        if (colon > 0) {
          d = Integer.parseInt(w.substring(colon + 1));
          w = w.substring(0, colon);
        }
        Integer old = all.putIfAbsent(w, d);
        if (old != null && old != d) {
          throw new IllegalStateException("digit word with two values");
        }
      }
    }
    ALL_WORDS = java.util.Collections.unmodifiableMap(all);
    for (String w : all.keySet()) {
      WORD_LENGTHS[((w.charAt(0) | 0x20) & 31) << 5 | ((w.charAt(1) | 0x20) & 31)] |=
          1 << w.length();
    }
  }

  /**
   * Digit value of a digit-word token, or -1. {@code oh} counts as zero (value 10; trimmed at the
   * ends of a run). Allocation-free: most words are rejected by their flags, length or first two
   * letters ({@link #WORD_LENGTHS}), the rest by one probe of the packed words. Letters only
   * (accented ones too: {@code fünf}, {@code três}, {@code zéro}).
   */
  static int wordDigit(TextIndex idx, int t) {
    int f = idx.flags(t);
    if ((f & (TextIndex.LETTER | TextIndex.DIGIT)) != TextIndex.LETTER) {
      return -1;
    }
    int s = idx.start(t);
    return wordDigit(idx.chars(), s, idx.end(t) - s);
  }

  /**
   * {@link #wordDigit(TextIndex, int)} for the {@code len} chars at {@code s} of a token made of
   * letters only (the caller checked its flags).
   */
  static int wordDigit(char[] c, int s, int len) {
    if (len < 2 || len > MAX_WORD) {
      return -1;
    }
    int c0 = (c[s] | 0x20) - 'a';
    if (c0 < 0 || c0 > 25 || c[s] > 'z') {
      return -1;
    }
    char c1 = c[s + 1];
    if (c1 < 128 && (WORD_LENGTHS[(c0 + 1) << 5 | ((c1 | 0x20) & 31)] >>> len & 1) == 0) {
      return -1; // no digit word starts with these two letters and has this length
    }
    // the token lower-cased and packed, one char per byte (digit words have chars up to 0xFF
    // only), its length in the top byte: one probe of the packed words
    long key = c0 + 'a';
    for (int i = 1; i < len; i++) {
      char l = lower(c[s + i]);
      if (l > 0xFF) {
        return -1;
      }
      key = key << 8 | l;
    }
    key |= (long) len << 56;
    int h = slot(key);
    while (PACKED[h] != 0) {
      if (PACKED[h] == key) {
        return PACKED_DIGIT[h];
      }
      h = (h + 1) & (PACKED.length - 1);
    }
    return -1;
  }

  /** {@link #ALL_WORDS} packed as {@link #wordDigit(char[], int, int)} packs a token; 0 = empty. */
  private static final long[] PACKED = new long[256];

  private static final byte[] PACKED_DIGIT = new byte[256];

  static {
    for (java.util.Map.Entry<String, Integer> e : ALL_WORDS.entrySet()) {
      String w = e.getKey();
      long key = 0;
      for (int i = 0; i < w.length(); i++) {
        key = key << 8 | w.charAt(i);
      }
      key |= (long) w.length() << 56;
      int h = slot(key);
      while (PACKED[h] != 0) {
        h = (h + 1) & (PACKED.length - 1);
      }
      PACKED[h] = key;
      PACKED_DIGIT[h] = (byte) (int) e.getValue();
    }
  }

  private static int slot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 56);
  }

  private static char lower(char ch) {
    return ch < 128 ? (char) (ch | 0x20) : Character.toLowerCase(ch);
  }

  /** True when token {@code t} is made of ASCII digits only. */
  static boolean isDigitToken(TextIndex idx, int t) {
    return (idx.flags(t) & (TextIndex.DIGIT | TextIndex.LETTER | TextIndex.NON_ASCII))
        == TextIndex.DIGIT;
  }

  /**
   * For a token of digits with a glued extension ({@code 1663x049}, {@code 0142X12}, {@code
   * 0142ext12}: ASCII digits, then {@code x} or {@code ext} in any case, then 1 to 6 digits): the
   * number of leading digits; -1 for any other token. Such a token can only be the last group of a
   * run ({@code 415-466-1663x049}, the extension form of common test-data generators); the phone
   * detector reads the extension.
   */
  static int gluedExtension(TextIndex idx, int t) {
    int lead = leadingDigits(idx, t);
    return lead > 0 && isGluedExtension(idx.chars(), idx.start(t) + lead, idx.end(t)) ? lead : -1;
  }

  /**
   * The ASCII digits at the start of a token of ASCII digits and letters that does not end there
   * ({@code 1663x049}, {@code 0144Fax}); 0 for any other token.
   */
  private static int leadingDigits(TextIndex idx, int t) {
    if ((idx.flags(t) & (TextIndex.DIGIT | TextIndex.LETTER | TextIndex.NON_ASCII))
        != (TextIndex.DIGIT | TextIndex.LETTER)) {
      return 0;
    }
    char[] c = idx.chars();
    int s = idx.start(t);
    int e = idx.end(t);
    int p = s;
    while (p < e && c[p] >= '0' && c[p] <= '9') {
      p++;
    }
    return p == e ? 0 : p - s;
  }

  /**
   * Signature and form labels that a lost line break glues to the last digits of a number before
   * them ({@code Phone:(425)555-0144Fax:}, {@code 0130 00BIC COBADEFFXXX}, {@code 1234DOB:}), lower
   * case. See {@link #gluedLabel}.
   */
  static final Set<String> GLUED_LABELS = gluedLabels();

  /**
   * {@link EmailDetector#SIGNATURE_WORDS} (the same labels glue to an address) and the labels of
   * numbers.
   */
  private static Set<String> gluedLabels() {
    Set<String> s = new java.util.HashSet<>(Arrays.asList(EmailDetector.SIGNATURE_WORDS));
    s.addAll(
        List.of(
            "ph",
            "url",
            "skype",
            "teams",
            "bic",
            "swift",
            "iban",
            "addr",
            "main",
            "dob",
            "exp",
            "expiry",
            "expires",
            "cvv",
            "cvc",
            "ssn",
            "name",
            "ext",
            "pager",
            "home",
            "work",
            "site",
            "twitter",
            "whatsapp",
            "sms",
            "account",
            "acct",
            "sort",
            "routing",
            "date",
            "id",
            "case",
            "ticket",
            "order",
            "status",
            "from",
            "sent",
            "to",
            "cc",
            "subject",
            "telefono",
            "celular",
            "telefone"));
    return Set.copyOf(s);
  }

  /**
   * For a token of ASCII digits with a label glued after them ({@code 0144Fax}, {@code 00BIC},
   * {@code 1234DOB}, {@code 0143E} before {@code -mail}, {@code 0143F} before {@code :}): the
   * number of leading digits; -1 for any other token. The label is letters only, starts with a
   * capital, and is one of {@link #GLUED_LABELS} or a single capital before {@code :} or {@code
   * -mail}. Like an extension, such a token can only be the last group of a run. Asked only for a
   * token of digits and letters at a run's next group, so it costs nothing on the common path.
   */
  static int gluedLabel(TextIndex idx, int t) {
    int lead = leadingDigits(idx, t);
    return lead > 0 && labelAt(idx, t, idx.start(t) + lead) ? lead : -1;
  }

  /**
   * True when the chars from {@code p} to the end of token {@code t} are a glued label (see {@link
   * #gluedLabel}).
   */
  static boolean labelAt(TextIndex idx, int t, int p) {
    char[] c = idx.chars();
    int e = idx.end(t);
    if (p >= e || c[p] < 'A' || c[p] > 'Z') {
      return false;
    }
    for (int q = p + 1; q < e; q++) {
      if (!(c[q] >= 'a' && c[q] <= 'z' || c[q] >= 'A' && c[q] <= 'Z')) {
        return false;
      }
    }
    if (e - p == 1) {
      int n = idx.size();
      if (t + 1 >= n) {
        return false;
      }
      char after = c[idx.start(t + 1)];
      boolean colon = after == ':' && (idx.flags(t + 1) & TextIndex.PUNCT) != 0;
      boolean eMail =
          c[p] == 'E' && after == '-' && t + 2 < n && idx.equalsIgnoreCase(t + 2, "mail");
      return colon || eMail;
    }
    return e - p <= 9 && GLUED_LABELS.contains(new String(c, p, e - p).toLowerCase(Locale.ROOT));
  }

  /**
   * The digits of a last group split off a glued extension ({@link #gluedExtension}) or a glued
   * label ({@link #gluedLabel}); -1 for any other token.
   */
  static int gluedTail(TextIndex idx, int t) {
    int g = gluedExtension(idx, t);
    return g > 0 ? g : gluedLabel(idx, t);
  }

  /**
   * True when chars {@code p..e} are an extension glued to its digits: {@code x} or {@code ext} in
   * any case, then 1 to 6 ASCII digits ({@code x049}, {@code EXT12}).
   */
  static boolean isGluedExtension(char[] c, int p, int e) {
    if (p < e && (c[p] | 0x20) == 'x') {
      p++;
    } else if (e - p > 3
        && (c[p] | 0x20) == 'e'
        && (c[p + 1] | 0x20) == 'x'
        && (c[p + 2] | 0x20) == 't') {
      p += 3;
    } else {
      return false;
    }
    if (e - p < 1 || e - p > 6) {
      return false;
    }
    for (; p < e; p++) {
      if (c[p] < '0' || c[p] > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * True when token {@code t} may start a run (digits, a digit word other than {@code oh}, or
   * digits with a label glued after them: {@link #gluedLabel}).
   */
  static boolean canStart(TextIndex idx, int t) {
    if (isDigitToken(idx, t) || gluedLabel(idx, t) > 0) {
      return true; // "4255550144Fax": a whole number glued to the next label
    }
    int w = wordDigit(idx, t);
    return w >= 0 && w <= 9;
  }

  /**
   * Necessary condition for {@link #read} at token {@code t} (which must satisfy {@link #canStart})
   * to find at least {@code need} digits: counts the digits of the digit tokens and digit words
   * from {@code t} on, over whitespace and punctuation that a gap may hold ({@link #mayBeGap}), up
   * to the first other word, other punctuation, or a gap of more tokens than a gap of {@code read}
   * can hold (four, plus {@link #MAX_QUOTE_TOKENS} quote markers). {@code read} stops there at the
   * latest and joins fewer gaps, so it never finds more digits. Looks at a bounded number of tokens
   * (it stops as soon as {@code need} is reached) and writes nothing: a lone {@code 3 days} or
   * {@code 2.5 KB} costs a few flag reads instead of a read.
   */
  static boolean mayHold(TextIndex idx, int t, int need) {
    int n = idx.size();
    char[] c = idx.chars();
    int digits = 0;
    int gap = 0;
    for (int k = t; k < n; k++) {
      int f = idx.flags(k);
      if ((f & (TextIndex.SPACE | TextIndex.PUNCT)) != 0) {
        if (++gap > 4 + MAX_QUOTE_TOKENS || !mayBeGap(c, idx, k, f)) {
          return false;
        }
        continue;
      }
      int gapBefore = gap;
      gap = 0;
      int glued;
      if (isDigitToken(idx, k)) {
        digits += idx.length(k);
      } else if (wordDigit(idx, k) >= 0) {
        digits += k == t && leadingOh(idx, t) ? 2 : 1; // a word seed only: "oh seven ..."
      } else if ((glued = k > t ? gluedTail(idx, k) : gluedLabel(idx, k)) > 0) {
        return digits + glued >= need; // a glued extension or label ends the run
      } else if (k > t && repeated(idx, k) > 0) {
        digits += repeated(idx, k); // "double nine": read at the end of a run only
        k += 2;
      } else if (k > t && gapBefore > 0 && dashWord(idx, k)) {
        gap = gapBefore + 1; // "six dash two": part of the gap; asked where the run would end
        continue;
      } else {
        return false;
      }
      if (digits >= need) {
        return true;
      }
    }
    return false;
  }

  /**
   * False when {@link #read} surely stops at the space or punctuation token {@code t}: a
   * punctuation char no gap holds (only {@code - . ( ) , /} and the {@code >} quote marker), blanks
   * longer than three chars, or a line break with more than six chars.
   */
  static boolean mayBeGap(char[] c, TextIndex idx, int t, int f) {
    if ((f & TextIndex.PUNCT) != 0) {
      char p = c[idx.start(t)];
      return p == '-'
          || p == '.'
          || p == '('
          || p == ')'
          || p == ','
          || p == '>'
          || (p == '/' && slashJoins(c, idx, t));
    }
    return idx.length(t) <= ((f & TextIndex.NEWLINE) != 0 ? 6 : 3);
  }

  /**
   * True when the slash token {@code t} may join two groups ({@link #GAP_SLASH}): a one-char slash
   * between a digit token of 2 to 5 digits led by {@code 0} and a digit token of 3 or more ({@code
   * 0171/2345678}), or with one blank on each side and a digit token of 2 or more after it (DIN
   * 5008's old style, session 13: {@code 089 / 12 34 56 78}, {@code 0171 / 2345678}), so a date
   * ({@code 10/09/2025}) or a path does not make {@link #mayHold} read on.
   */
  static boolean slashJoins(char[] c, TextIndex idx, int t) {
    if (t <= 0 || t + 1 >= idx.size() || idx.length(t) != 1) {
      return false;
    }
    if (isDigitToken(idx, t - 1)) {
      return (leadGroup(c, idx, t - 1) || areaAfterPrefix(c, idx, t - 1))
              && isDigitToken(idx, t + 1)
              && idx.length(t + 1) >= 3
          || nanpSlash(c, idx, t);
    }
    return t >= 2
        && t + 2 < idx.size()
        && oneBlank(c, idx, t - 1)
        && oneBlank(c, idx, t + 1)
        && isDigitToken(idx, t - 2)
        && (leadGroup(c, idx, t - 2) || areaAfterPrefix(c, idx, t - 2))
        && isDigitToken(idx, t + 2)
        && idx.length(t + 2) >= 2;
  }

  /**
   * True when the slash joins after the second or third group of a run ({@link #read}): the area
   * code before it follows a {@code (0)} trunk prefix or an international prefix ({@link
   * #areaAfterPrefix}). Only asked at a slash token.
   */
  static boolean slashAfterPrefix(char[] c, TextIndex idx, int t) {
    int area = isDigitToken(idx, t - 1) ? t - 1 : t - 2;
    return area > 0 && isDigitToken(idx, area) && areaAfterPrefix(c, idx, area);
  }

  /**
   * An area code of 1 to 5 digits (token {@code t}) right after a {@code (0)} trunk prefix, glued
   * or after one blank ({@code +49 (0)171/1234567}, {@code +49 (0) 89 / 123 456 78}, session 14),
   * or of 1 to 4 digits after one blank and an international prefix {@code 00} plus 1-3 digits or
   * {@code +} plus 1-3 digits ({@code 0043 1 / 234 56 78}, {@code +43 1 / 234 56 78}). Read at a
   * slash token only.
   */
  private static boolean areaAfterPrefix(char[] c, TextIndex idx, int t) {
    int len = idx.length(t);
    if (len > 5 || t < 2) {
      return false;
    }
    int k = t - 1;
    if (oneBlank(c, idx, k)) {
      k--;
    }
    if (idx.length(k) == 1 && c[idx.start(k)] == ')') {
      return k >= 2
          && idx.length(k - 1) == 1
          && c[idx.start(k - 1)] == '0'
          && idx.length(k - 2) == 1
          && c[idx.start(k - 2)] == '(';
    }
    if (k != t - 2 || len > 4 || !isDigitToken(idx, k)) {
      return false;
    }
    int cc = idx.length(k);
    int s = idx.start(k);
    if (cc >= 3 && cc <= 5 && c[s] == '0' && c[s + 1] == '0') {
      return true;
    }
    return cc <= 3 && c[s] != '0' && k > 0 && idx.length(k - 1) == 1 && c[idx.start(k - 1)] == '+';
  }

  /**
   * A NANP area code and its glued slash before {@code NXX-XXXX} ({@code 425/555-0143}, session
   * 13): three digits led by 2-9, the slash, three digits, a {@code -} and four digits.
   */
  private static boolean nanpSlash(char[] c, TextIndex idx, int t) {
    return idx.length(t - 1) == 3
        && c[idx.start(t - 1)] >= '2'
        && t + 3 < idx.size()
        && isDigitToken(idx, t + 1)
        && idx.length(t + 1) == 3
        && idx.length(t + 2) == 1
        && c[idx.start(t + 2)] == '-'
        && isDigitToken(idx, t + 3)
        && idx.length(t + 3) == 4;
  }

  /** A digit token of 2 to 5 digits led by {@code 0}: a trunk prefix and area code. */
  private static boolean leadGroup(char[] c, TextIndex idx, int t) {
    return idx.length(t) >= 2 && idx.length(t) <= 5 && c[idx.start(t)] == '0';
  }

  /** Token {@code t} is a single space. */
  private static boolean oneBlank(char[] c, TextIndex idx, int t) {
    return idx.length(t) == 1 && c[idx.start(t)] == ' ';
  }

  /**
   * Reads the chunk starting at token {@code t} (which must satisfy {@link #canStart}). Returns
   * false when nothing usable was read.
   */
  boolean read(TextIndex idx, int t) {
    this.idx = idx;
    char[] c = idx.chars();
    this.chars = c;
    digits = 0;
    groups = 0;
    truncated = false;
    tabs = false;
    int n = idx.size();
    int pendingGap = 0;
    // "oh seven seven ...": a spoken leading zero (a word seed only; a digit token has no LETTER)
    int cur = leadingOh(idx, t) ? t - 2 : t;
    int first = cur;
    while (cur < n) {
      boolean isWord;
      int wd = -1;
      int glued = -1;
      int times = 1;
      if (isDigitToken(idx, cur)) {
        isWord = false;
      } else if ((glued = cur > first ? gluedTail(idx, cur) : gluedLabel(idx, cur)) > 0) {
        isWord = false; // "1663x049", "0144Fax": the digits before it are the last group
      } else {
        wd = wordDigit(idx, cur);
        if (wd < 0) {
          times = cur > first ? repeated(idx, cur) : 0;
          if (times == 0) {
            break;
          }
          wd = repeatedDigit(idx, cur + 2); // "double nine": one group of two digits
        }
        isWord = true;
      }
      int len = isWord ? times : glued > 0 ? glued : idx.length(cur);
      if (groups == MAX_GROUPS || digits + len > MAX_DIGITS) {
        truncated = true;
        break;
      }
      int g = groups++;
      groupStart[g] = digits;
      int s = idx.start(cur);
      if (times > 1) {
        cur += 2; // the group's token is its digit word
      }
      groupToken[g] = cur;
      gap[g] = pendingGap;
      word[g] = isWord;
      groupCharStart[g] = s;
      groupCharEnd[g] = glued > 0 ? s + glued : idx.end(cur);
      if (isWord) {
        for (int k = 0; k < times; k++) {
          digit[digits++] = (byte) (wd == 10 ? 0 : wd);
        }
      } else {
        for (int k = 0; k < len; k++) {
          digit[digits++] = (byte) (c[s + k] - '0');
        }
      }
      if (glued > 0) {
        break; // nothing joins after an extension
      }
      // the gap to the next group
      int next = cur + 1;
      int gapFlags = 0;
      int gapTokens = 0;
      int puncts = 0;
      int quoteTokens = 0;
      boolean ok = false;
      while (next < n && gapTokens < 4) {
        int f = idx.flags(next);
        if ((gapFlags & GAP_NEWLINE) != 0 && quoteTokens < MAX_QUOTE_TOKENS && isQuote(next, f)) {
          // "...\n> > 755 1205": e-mail quote markers after the line break are not a separator
          next++;
          quoteTokens++;
          continue;
        }
        if ((f & TextIndex.SPACE) != 0) {
          int l = idx.length(next);
          if ((f & TextIndex.NEWLINE) != 0) {
            if (l > 6 || countNewlines(idx.start(next), idx.end(next)) > 1) {
              break;
            }
            gapFlags |= GAP_NEWLINE | GAP_SPACE;
          } else {
            if (l > 3) {
              break;
            }
            if (c[idx.start(next)] == '\t') {
              if (!tabJoins(cur, next, l, isWord, gapTokens)) {
                break;
              }
              gapFlags |= GAP_TAB;
              tabs = true;
            }
            gapFlags |= GAP_SPACE;
          }
        } else if ((f & TextIndex.PUNCT) != 0) {
          char p = c[idx.start(next)];
          int bit;
          if (p == '-') {
            bit = GAP_DASH;
          } else if (p == '.') {
            bit = GAP_DOT;
          } else if (p == '(') {
            bit = GAP_OPEN;
          } else if (p == ')') {
            bit = GAP_CLOSE;
          } else if (p == ',' && isWord && idx.length(next) == 1) {
            bit = GAP_COMMA; // only after a digit word; the next group must be one too
          } else if (p == '/'
              && (groups == 1 || groups <= 3 && !slashBefore() && slashAfterPrefix(c, idx, next))
              && gapTokens <= 1
              && !isWord
              && slashJoins(c, idx, next)) {
            bit = GAP_SLASH; // "0171/2345678", "089 / 12 34 56 78": nothing else joins a slash
          } else {
            break;
          }
          if ((gapFlags & bit) != 0
              || ((bit == GAP_DASH || bit == GAP_DOT) && (gapFlags & (GAP_DASH | GAP_DOT)) != 0)) {
            break;
          }
          gapFlags |= bit;
          puncts++;
        } else if (isWord
            && (gapFlags & (GAP_DASH | GAP_DOT | GAP_COMMA)) == 0
            && dashWord(idx, next)) {
          gapFlags |= GAP_DASH; // "six dash two": a dash read out, between digit words only
          puncts++;
        } else {
          ok =
              (gapFlags & GAP_COMMA) != 0
                  ? wordDigit(idx, next) >= 0 || repeated(idx, next) > 0
                  : isDigitToken(idx, next)
                      || wordDigit(idx, next) >= 0
                      || gluedTail(idx, next) > 0
                      || (isWord || idx.length(cur) == 1) && repeated(idx, next) > 0;
          break;
        }
        next++;
        gapTokens++;
      }
      cur++;
      if (!ok || gapTokens == 0 || puncts > 2) {
        break;
      }
      pendingGap = gapFlags;
      cur = next;
    }
    // trim "oh" at the ends
    while (groups > 0 && word[groups - 1] && isOh(groupToken[groups - 1])) {
      groups--;
      digits = groupStart[groups];
      truncated = false;
    }
    if (groups == 0) {
      truncated = false; // a single token longer than a chunk: not a number
    }
    groupStart[groups] = digits;
    endToken = groups == 0 ? t + 1 : groupToken[groups - 1] + 1;
    return groups > 0;
  }

  /**
   * A {@link #GAP_TAB}: the blank token {@code t} (length {@code l}) is one tab alone in the gap,
   * right after the 4-digit group {@code cur} and right before a 4-digit token. Asked only when a
   * gap holds a tab.
   */
  private boolean tabJoins(int cur, int t, int l, boolean isWord, int gapTokens) {
    return l == 1
        && gapTokens == 0
        && !isWord
        && idx.length(cur) == 4
        && t + 1 < idx.size()
        && isDigitToken(idx, t + 1)
        && idx.length(t + 1) == 4;
  }

  /**
   * 2 or 3 when token {@code t} is {@code double}, {@code triple} or {@code treble} (any case) and
   * one blank and a digit word follow ({@code double nine}, {@code triple oh}: a number read out,
   * session 14); 0 otherwise. Asked only where a run would end (a word that is no digit word),
   * never per token.
   */
  static int repeated(TextIndex idx, int t) {
    if (idx.length(t) != 6 || t + 2 >= idx.size()) {
      return 0;
    }
    int times;
    if (idx.equalsIgnoreCase(t, "double")) {
      times = 2;
    } else if (idx.equalsIgnoreCase(t, "triple") || idx.equalsIgnoreCase(t, "treble")) {
      times = 3; // "treble": British English (session 16)
    } else {
      return 0;
    }
    return oneBlank(idx.chars(), idx, t + 1) && repeatedDigit(idx, t + 2) >= 0 ? times : 0;
  }

  /**
   * The digit that {@link #repeated} repeats at token {@code t}: a digit word ({@code double nine},
   * 10 for {@code oh}) or a one-digit token ({@code 0 7 7 double 9}, session 17), else -1.
   */
  static int repeatedDigit(TextIndex idx, int t) {
    if (isDigitToken(idx, t) && idx.length(t) == 1) {
      return idx.chars()[idx.start(t)] - '0';
    }
    return wordDigit(idx, t);
  }

  /**
   * Token {@code t} is {@code dash} or {@code hyphen} (any case) between single blanks: the dash of
   * a number read out ({@code five three six dash two two dash one two three four}, session 17).
   * Asked only where a run of digit words would end, never per token.
   */
  static boolean dashWord(TextIndex idx, int t) {
    int len = idx.length(t);
    return (len == 4 && idx.equalsIgnoreCase(t, "dash")
            || len == 6 && idx.equalsIgnoreCase(t, "hyphen"))
        && t + 1 < idx.size()
        && oneBlank(idx.chars(), idx, t - 1)
        && oneBlank(idx.chars(), idx, t + 1);
  }

  /**
   * A spoken leading zero before the digit word {@code t}: {@code oh}, a single blank, with no
   * letter or digit token right before the {@code oh} other than a blank ({@code call me on oh
   * seven seven ...}; session 14). Asked once per run that starts at a digit word.
   */
  static boolean leadingOh(TextIndex idx, int t) {
    return t >= 2
        && (idx.flags(t) & TextIndex.LETTER) != 0
        && oneBlank(idx.chars(), idx, t - 1)
        && wordDigit(idx, t - 2) == 10
        && (t == 2 || (idx.flags(t - 3) & (TextIndex.LETTER | TextIndex.DIGIT)) == 0);
  }

  /** True when a gap before one of the groups read so far holds a slash. */
  private boolean slashBefore() {
    for (int g = 1; g < groups; g++) {
      if ((gap[g] & GAP_SLASH) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when token {@code t} (flags {@code f}) is a {@code >} quote marker, or the short
   * whitespace right after one, inside a gap that already holds a line break.
   */
  private boolean isQuote(int t, int f) {
    if ((f & TextIndex.PUNCT) != 0) {
      return chars[idx.start(t)] == '>' && idx.length(t) == 1;
    }
    return (f & TextIndex.SPACE) != 0
        && (f & TextIndex.NEWLINE) == 0
        && idx.length(t) <= 2
        && t > 0
        && chars[idx.start(t - 1)] == '>';
  }

  private boolean isOh(int t) {
    return wordDigit(idx, t) == 10;
  }

  private int countNewlines(int s, int e) {
    int c = 0;
    for (int i = s; i < e; i++) {
      char ch = chars[i];
      if (ch == '\n') {
        c++;
      } else if (ch == '\r' && (i + 1 >= e || chars[i + 1] != '\n')) {
        c++;
      }
    }
    return c;
  }

  /**
   * The token at which the next chunk starts: after the run when it was complete, else the first
   * group that starts at or after {@code digits - OVERLAP} (always at least one group forward).
   */
  int resumeToken() {
    if (!truncated) {
      return endToken;
    }
    int g = 1;
    while (g < groups - 1 && groupStart[g] < digits - OVERLAP) {
      g++;
    }
    return groupToken[Math.min(g, groups - 1)];
  }

  /** Normalized char index of the first char of group {@code g}. */
  int groupCharStart(int g) {
    return groupCharStart[g];
  }

  /** Normalized char index just past group {@code g}. */
  int groupCharEnd(int g) {
    return groupCharEnd[g];
  }

  int groupLength(int g) {
    return groupStart[g + 1] - groupStart[g];
  }

  /** The digits of groups [from, to) as a string. */
  String digitsOf(int from, int to) {
    StringBuilder sb = new StringBuilder(groupStart[to] - groupStart[from]);
    for (int i = groupStart[from]; i < groupStart[to]; i++) {
      sb.append((char) ('0' + digit[i]));
    }
    return sb.toString();
  }

  /** Long value of digits [from, to) (at most 18 digits). */
  long value(int fromDigit, int toDigit) {
    long v = 0;
    for (int i = fromDigit; i < toDigit; i++) {
      v = v * 10 + digit[i];
    }
    return v;
  }

  /** Union of gap flags inside groups [from, to). */
  int gapsWithin(int from, int to) {
    int f = 0;
    for (int g = from + 1; g < to; g++) {
      f |= gap[g];
    }
    return f;
  }

  boolean anyWord(int from, int to) {
    for (int g = from; g < to; g++) {
      if (word[g]) {
        return true;
      }
    }
    return false;
  }

  /** True when every group in [from, to) has exactly one digit (spaced-out digits). */
  boolean allSingles(int from, int to) {
    for (int g = from; g < to; g++) {
      if (groupLength(g) != 1) {
        return false;
      }
    }
    return true;
  }

  /** Form name of groups [from, to) given whether their grouping is a standard one. */
  String form(int from, int to, boolean standardGrouping) {
    String f;
    if (anyWord(from, to)) {
      f = "words";
    } else if (standardGrouping) {
      f = "standard";
    } else {
      f = "spaced";
    }
    if ((gapsWithin(from, to) & GAP_NEWLINE) != 0) {
      f = "standard".equals(f) ? "line-break" : f + "+line-break";
    }
    return f;
  }
}
