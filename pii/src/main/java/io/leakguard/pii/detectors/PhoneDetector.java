package io.leakguard.pii.detectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Finds {@code PHONE_NUMBER}: numbers of the default region ({@link DetectionContext#region()}, US
 * by default) and numbers of any country written with an international prefix ({@code +} or {@code
 * 00}), in standard and obfuscated forms, validated with libphonenumber.
 *
 * <p>Pipeline: a {@link DigitSequence} run starts at every digit token (or digit word) → windows of
 * whole groups holding 7–15 digits, never cutting a dash/dot-joined cluster → named guards ({@link
 * NumberGuards}) → a cheap NANP pre-check for US/CA → libphonenumber's validity, via {@link
 * PhoneValidity} (same answers as {@code isValidNumber}, patterns compiled once, memo), after
 * {@code PhoneNumberUtil.parse} only when the digits cannot be split into calling code and national
 * number directly (at most {@link #MAX_TRIES} per run) → optional extension ({@code x123}, {@code
 * ext. 123}) → context score. The canonical value is E.164 without the extension.
 *
 * <p>Examples: {@code (425) 555-0143}, {@code 425.555.0143}, {@code +1-425-555-0143 ext. 12},
 * {@code +44 20 7946 0958}, {@code 0044 20 7946 0958}, {@code five five five zero one four three}
 * (with an area code), {@code 4 2 5 5 5 5 0 1 4 3}, {@code plus four four, seven four zero six
 * ...}, {@code +34.611.78.02.31} (dots after a plus are never a version number).
 *
 * <p>Another country's national format ({@code 07700 900461}, {@code 0151 23456789}): a {@code
 * 0}-led number that is not valid in the default region is tried against {@link
 * #TRUNK_ZERO_REGIONS} only when a phone word ({@link #CONTEXT}) is within {@value #CONTEXT_WINDOW}
 * characters, and scored lower (0.75 with that context).
 *
 * <p>Known limits: local numbers without an area code ({@code 555-0143}) are not reported (not
 * valid per libphonenumber); a number glued to letters by a dash or dot ({@code tel.425.555.0143})
 * is skipped by {@code LETTER_ADJACENT}.
 */
final class PhoneDetector implements Detector {
  static final int MAX_TRIES = 12;
  private static final int CONTEXT_WINDOW = 40;

  static final Set<String> CONTEXT =
      Set.of(
          "phone",
          "call",
          "tel",
          "telephone",
          "mobile",
          "cell",
          "fax",
          "reach",
          "contact",
          "number",
          "text",
          "sms",
          "whatsapp",
          "dial",
          "ring",
          // the same words in the languages of the national formats tried (TRUNK_ZERO_REGIONS)
          "mobil",
          "handy",
          "telefon",
          "telefonnummer",
          "rufnummer",
          "tél",
          "téléphone",
          "portable",
          "numéro",
          "teléfono",
          "telefono",
          "móvil",
          "movil",
          "celular",
          "nummer",
          "mobiel",
          "telefoon",
          "telefoonnummer",
          "contato",
          "telefone",
          "mob",
          "ph",
          // call verbs (session 14): "bel me op 06-12345678", "rufen Sie mich unter 0171 2345678
          // an"
          "telemóvel",
          "telemovel",
          "bel",
          "bellen",
          "anrufen",
          "rufen",
          "rückruf",
          // session 14, probe15a: "Bitte zurückrufen: 0151 23456789"
          "zurückrufen",
          "llámame",
          "llamame",
          "chiamami");

  /**
   * The region a non-English phone word points to, tried first on the national-format path so the
   * canonical value has the right country ({@code Mobil: 0151 23456789} is +49, though the digits
   * are valid in China too).
   */
  static final java.util.Map<String, String> WORD_REGION =
      java.util.Map.ofEntries(
          java.util.Map.entry("mobil", "DE"),
          java.util.Map.entry("handy", "DE"),
          java.util.Map.entry("telefon", "DE"),
          java.util.Map.entry("telefonnummer", "DE"),
          java.util.Map.entry("rufnummer", "DE"),
          java.util.Map.entry("tél", "FR"),
          java.util.Map.entry("téléphone", "FR"),
          java.util.Map.entry("portable", "FR"),
          java.util.Map.entry("numéro", "FR"),
          java.util.Map.entry("telefono", "IT"),
          java.util.Map.entry("celular", "BR"),
          java.util.Map.entry("contato", "BR"),
          java.util.Map.entry("telefone", "BR"),
          java.util.Map.entry("nummer", "NL"),
          java.util.Map.entry("mobiel", "NL"),
          java.util.Map.entry("telefoon", "NL"),
          java.util.Map.entry("telefoonnummer", "NL"),
          java.util.Map.entry("bel", "NL"),
          java.util.Map.entry("bellen", "NL"),
          java.util.Map.entry("anrufen", "DE"),
          java.util.Map.entry("rufen", "DE"),
          java.util.Map.entry("rückruf", "DE"),
          java.util.Map.entry("zurückrufen", "DE"));

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  @Override
  public String name() {
    return "phone";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.PHONE_NUMBER);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.DIGIT | TextIndex.LETTER;
  }

  @Override
  public void detect(DetectionContext ctx) {
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    String region = ctx.region();
    int defaultCc = countryCodeForRegion(region);
    DigitRuns runs = DigitRuns.of(idx);
    int reportedUntil = 0;
    for (int i = 0; i < runs.size(); i++) {
      reportedUntil = scan(ctx, text, idx, runs.chunk(idx, i), region, defaultCc, reportedUntil);
    }
  }

  /** The last region asked for and its calling code (one immutable pair, swapped whole). */
  private record RegionCode(String region, int cc) {}

  private static volatile RegionCode lastRegion = new RegionCode("US", 1);

  /** {@code UTIL.getCountryCodeForRegion(region)}, remembered for the last region asked for. */
  private static int countryCodeForRegion(String region) {
    RegionCode last = lastRegion;
    if (last.region().equals(region)) {
      return last.cc();
    }
    int cc = UTIL.getCountryCodeForRegion(region);
    lastRegion = new RegionCode(region, cc);
    return cc;
  }

  private int scan(
      DetectionContext ctx,
      String text,
      TextIndex idx,
      DigitSequence s,
      String region,
      int defaultCc,
      int reportedUntil) {
    int tries = 0;
    int from = 0;
    while (from < s.groups) {
      if (!NumberGuards.boundary(s, from) || s.groupCharStart(from) < reportedUntil) {
        from++;
        continue;
      }
      int plusToken = from == 0 ? plusToken(text, idx, s) : -1;
      boolean plus = plusToken >= 0;
      int d0 = s.groupStart[from];
      boolean zeroZero =
          !plus
              && from == 0
              && s.groupStart[s.groups] - d0 > 2
              && s.digit[d0] == 0
              && s.digit[d0 + 1] == 0
              && s.digit[d0 + 2] != 0;
      int found = -1;
      for (int to = s.groups; to > from; to--) {
        int count = s.groupStart[to] - d0;
        int max = zeroZero ? 17 : 15;
        if (count > max || !NumberGuards.boundary(s, to)) {
          continue;
        }
        if (count < 7) {
          break;
        }
        int end = to;
        if (s.tabs && (s.gapsWithin(from, to) & DigitSequence.GAP_TAB) != 0) {
          continue; // "4111\t1111": only a card is read across a tab
        }
        if (NumberGuards.endsWithTime(text, idx, s, to)) {
          continue; // "... 10:30": the hour is not part of the number
        }
        boolean national = false;
        boolean nanpRegion = defaultCc == 1 || plus || zeroZero; // nanpWritten only when needed
        boolean shapeOnly = false;
        boolean parenCc = false;
        List<String> nationalRegions = TRUNK_ZERO_REGIONS;
        if (!plausible(s, from, end, plus || zeroZero, defaultCc)) {
          if (plus || zeroZero) {
            if (nanpWritten(s, from, end, plus, zeroZero)) {
              shapeOnly = true; // "+1-372-159-0109": written as a NANP number, not a valid one
            } else if (zeroZero && wordLedShape(s, from, end) && leadWordBefore(text, s, from)) {
              shapeOnly = true; // "phone: 00588 64435": no country has it, but a phone word does
            } else {
              continue;
            }
          } else if (parenCallingCode(text, idx, s, from, end)) {
            parenCc = true; // "(351) 912 048 718": a calling code between parentheses
          } else if (trunkZero(s, from, end, region)) {
            national = true; // "07700 900461": another country's national format, needs context
          } else if (parenArea(text, idx, s, from, end, region)) {
            national = true; // "(11) 98765-4321": Brazil's national format, needs context
            nationalRegions = PAREN_AREA_REGIONS;
          } else if ((nanpRegion && nanpWritten(s, from, end, false, false))
              || (from == 0 && wordLedShape(s, from, end) && leadWordBefore(text, s, from))) {
            shapeOnly = true;
          } else {
            continue;
          }
        }
        if (tries++ >= MAX_TRIES) {
          return reportedUntil;
        }
        String shapeGuard = NumberGuards.shape(s, from, end, plus);
        if (shapeGuard == NumberGuards.VERSION_NUMBER
            && from == 0
            && s.digit[d0] == 0
            && leadWordBefore(text, s, from)) {
          // "phone: 07.0652.5513": a national number with dots right after a phone word (led by
          // the trunk 0, so no IPv4 address either)
          shapeGuard = NumberGuards.shape(s, from, end, true);
        }
        if (shapeGuard != null || NumberGuards.surroundings(text, idx, s, from, end) != null) {
          continue;
        }
        Hit pn =
            shapeOnly
                ? null
                : national
                    ? validateNational(ctx, s, from, end, nationalRegions)
                    : validate(s, from, end, plus || parenCc, zeroZero, region);
        String validation = VALID;
        if (pn == null && nanpRegion && nanpWritten(s, from, end, plus, zeroZero)) {
          pn = shapedNanp(ctx, s, from, end);
          validation = NANP_SHAPE;
        }
        if (pn == null && (plus || zeroZero)) {
          pn = possibleIntl(s, from, end, zeroZero);
          validation = POSSIBLE;
        }
        if (pn == null
            && from == 0
            && !plus
            && !parenCc
            && !national
            && wordLedShape(s, from, end)
            && leadWordBefore(text, s, from)) {
          pn = wordLed(ctx, s, from, end);
          validation = PHONE_WORD;
        }
        if (pn == null) {
          continue;
        }
        int start = plus ? idx.start(plusToken) : s.groupCharStart(from);
        if (!plus && from == 0 && s.groupToken[0] > 0) {
          int before = s.groupToken[0] - 1;
          if (text.charAt(idx.start(before)) == '('
              && end > 1
              && (s.gap[1] & DigitSequence.GAP_CLOSE) != 0) {
            start = idx.start(before); // "(425) 555-0143"
          }
        }
        int stop = s.groupCharEnd(end - 1);
        int ext = end == s.groups && !s.truncated ? extensionEnd(text, idx, s) : -1;
        if (ext > 0) {
          stop = ext;
        }
        report(
            ctx,
            s,
            from,
            end,
            start,
            stop,
            pn,
            plus || zeroZero || parenCc,
            national,
            validation,
            region);
        reportedUntil = stop;
        found = end;
        break;
      }
      from = found > 0 ? found : from + 1;
    }
    return reportedUntil;
  }

  /** Validation names in explanations: a valid number. */
  static final String VALID = "libphonenumber";

  /** Written as a NANP number, not a valid one ({@link #shapedNanp}). */
  static final String NANP_SHAPE = "nanp-shape";

  /** An international number of a possible length for its country ({@link #possibleIntl}). */
  static final String POSSIBLE = "libphonenumber-possible";

  /**
   * An international number ({@code +} or {@code 00}) that libphonenumber does not accept as valid
   * but whose length is possible for its country code ({@code +44 7700 900461}: Ofcom's range for
   * fiction; {@code +49 (0) 1386 694581}): the international prefix makes it a phone number all the
   * same. Scored 0.5 (0.6 with a phone word). Null when the country code is unknown or the length
   * is not possible.
   */
  private static Hit possibleIntl(DigitSequence s, int from, int to, boolean zeroZero) {
    int d = s.groupStart[from] + (zeroZero ? 2 : 0);
    int end = s.groupStart[to];
    if (end - d < 8) {
      return null;
    }
    try {
      PhoneNumber pn = UTIL.parse("+" + digitString(s, d, end), "ZZ");
      return UTIL.isPossibleNumber(pn) ? hit(pn) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Any country's number right after a phone word ({@link #wordLed}). */
  static final String PHONE_WORD = "phone-word";

  /** Phone words that may lead a number of no known shape ({@link #wordLed}). */
  static final Set<String> LEAD_WORDS =
      Set.of(
          "phone",
          "tel",
          "telephone",
          "mobile",
          "cell",
          "mob",
          "ph",
          "call",
          "reach",
          "fax",
          "whatsapp",
          "sms",
          "telefon",
          "telefono",
          "teléfono",
          "telefone",
          "telefoon",
          "tél",
          "téléphone",
          "handy",
          "mobil",
          "mobiel",
          "celular",
          "móvil",
          "portable",
          "contact",
          "kontakt",
          "contacto",
          "contato",
          "contatto",
          "ring",
          "dial",
          "landline",
          "hotline",
          "callback",
          "rückruf",
          "tlf",
          "tfn",
          "puh",
          "cellulare",
          "cellphone",
          "telemóvel",
          "telemovel",
          "telefonnummer",
          "handynummer",
          "rufnummer",
          "mobilnummer",
          // call verbs without a trunk zero after them (session 14, probe15a): "llámame al 612 345
          // 678", "chiamami al 347 123 4567"
          "llámame",
          "llamame",
          "chiamami");

  /**
   * A window that may be a number of any country written without {@code +} (the whole run, from its
   * first group): 8 to 13 digits in at most four groups of two or more digits, no digit words, no
   * line break ({@code 660 299 256}, {@code 34 8446-9603}, {@code 4212664595}).
   */
  static boolean wordLedShape(DigitSequence s, int from, int to) {
    int count = s.groupStart[to] - s.groupStart[from];
    if (count == 7) {
      // "phone: 880-5457": a local number, only written 3-4, never led by 0 or 1 ("020 7946")
      return to - from == 2
          && s.groupLength(from) == 3
          && s.digit[s.groupStart[from]] >= 2
          && !s.anyWord(from, to);
    }
    if (count < 8 || count > 13 || to - from > 4 || s.anyWord(from, to)) {
      return false;
    }
    for (int g = from; g < to; g++) {
      if (s.groupLength(g) < 2 || (g > from && (s.gap[g] & DigitSequence.GAP_NEWLINE) != 0)) {
        return false;
      }
    }
    if (count == 8 && to - from == 1) {
      // 20231130: a compact date, not a number to call
      int d = s.groupStart[from];
      long y = s.value(d, d + 4);
      long m = s.value(d + 4, d + 6);
      long day = s.value(d + 6, d + 8);
      return !(y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && day >= 1 && day <= 31);
    }
    return true;
  }

  /** {@link #LEAD_WORDS} (all lower case) grouped by length, for {@link #isLeadWord}. */
  private static final String[][] LEAD_WORDS_BY_LENGTH = byLength(LEAD_WORDS);

  /**
   * Per length, the first letters of the {@link #LEAD_WORDS} of that length (bit {@code c & 31} of
   * an ASCII letter {@code c}): an ASCII letter matches a word's first letter ignoring case only as
   * itself or its other case, so {@link #isLeadWord} rejects a word whose ASCII first letter has no
   * bit without comparing it to each word (about eight case-blind compares per word before).
   */
  private static final int[] LEAD_FIRST = leadFirst();

  private static int[] leadFirst() {
    int[] first = new int[LEAD_WORDS_BY_LENGTH.length];
    for (int len = 0; len < first.length; len++) {
      for (String w : LEAD_WORDS_BY_LENGTH[len]) {
        char c = w.charAt(0);
        if (c >= 128 || (c | 0x20) < 'a' || (c | 0x20) > 'z') {
          first[len] = -1; // not an ASCII letter: never filter this length
        } else {
          first[len] |= 1 << ((c | 0x20) & 31);
        }
      }
    }
    return first;
  }

  private static String[][] byLength(Set<String> words) {
    int max = 0;
    for (String w : words) {
      max = Math.max(max, w.length());
    }
    String[][] out = new String[max + 1][];
    for (int len = 0; len <= max; len++) {
      final int l = len;
      out[len] = words.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
    }
    return out;
  }

  /**
   * True when {@code text[p, e)} is a {@link #LEAD_WORDS} word in any case (words longer than 9
   * chars are not looked at): compared in place, no substring per word looked at, since this runs
   * for every long digit run no region validates (epoch-millisecond time stamps in logs).
   */
  private static boolean isLeadWord(String text, int p, int e) {
    int len = e - p;
    if (len > 9 || len >= LEAD_WORDS_BY_LENGTH.length) {
      return false;
    }
    char c0 = text.charAt(p);
    if (c0 < 128 && (LEAD_FIRST[len] >>> ((c0 | 0x20) & 31) & 1) == 0) {
      return false; // an ASCII letter that starts no lead word of this length (round 12)
    }
    for (String w : LEAD_WORDS_BY_LENGTH[len]) {
      if (text.regionMatches(true, p, w, 0, len)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when one of the (at most three) words in the 20 chars before the run's first group is a
   * {@link #LEAD_WORDS} word: a bounded look-back on the chars, cheap enough for every digit run
   * that no region validates.
   */
  static boolean leadWordBefore(String text, DigitSequence s, int from) {
    int p = s.groupCharStart(from);
    int stop = Math.max(0, p - 20);
    int words = 0;
    while (p > stop && words < 3) {
      while (p > stop && !isLetter(text.charAt(p - 1))) {
        char c = text.charAt(p - 1);
        if (c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c)) {
          return false; // "ring 020 7946 0958 or 425-555-0143": the word leads the first number
        }
        p--;
      }
      int e = p;
      while (p > 0 && isLetter(text.charAt(p - 1))) {
        p--;
      }
      if (e > p) {
        words++;
        if (isLeadWord(text, p, e)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The {@link #CONTEXT} word (lower case) glued after a lower-case letter at the end of the word
   * right before {@code start} (over at most three blanks or colons: {@code max@t-online.deTel: 089
   * 12345678}, {@code MustermannMobil: 0171 1234567}), or null. The plain context scan reads {@code
   * deTel} as one word. Asked only for a national-format number without a phone word.
   */
  static String gluedPhoneWord(String text, int start) {
    int e = start;
    int skipped = 0;
    while (e > 0 && skipped < 3 && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == ':')) {
      e--;
      skipped++;
    }
    int p = e;
    while (p > 0 && e - p < 40 && isLetter(text.charAt(p - 1))) {
      p--;
    }
    int g = camelTail(text, p, e);
    if (g == e) {
      return null;
    }
    String w = text.substring(g, e).toLowerCase(java.util.Locale.ROOT);
    return CONTEXT.contains(w) ? w : null;
  }

  /**
   * The start of the capitalized word that a lost line break glued to the end of the word {@code
   * [p, e)} ({@code t-online.deTel:}, {@code MustermannMobil:}): the last upper-case letter after a
   * lower-case one; {@code e} when there is none.
   */
  private static int camelTail(String text, int p, int e) {
    for (int q = e - 2; q > p; q--) {
      char c = text.charAt(q);
      if (c >= 'A' && c <= 'Z') {
        char b = text.charAt(q - 1);
        return b >= 'a' && b <= 'z' ? q : e;
      }
    }
    return e;
  }

  /** {@link Character#isLetter(char)} with an ASCII fast path (the same answers). */
  private static boolean isLetter(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }

  /**
   * A {@link #wordLedShape} number that no region validates ({@link #leadWordBefore} checked by the
   * caller), reported when a phone word ({@link #LEAD_WORDS}) is within 20 chars before it ({@code
   * Call me at 660 299 256}, {@code phone: 34 8446-9603}: Polish and Brazilian numbers in a
   * US-default text) and no identifier word ({@link #SHAPE_NEGATIVE}) within 40; canonical value:
   * the digits (the country is unknown). Score 0.6.
   */
  private static Hit wordLed(DetectionContext ctx, DigitSequence s, int from, int to) {
    int start = s.groupCharStart(from);
    int stop = s.groupCharEnd(to - 1);
    if (!ctx.contextWords(start, stop, CONTEXT_WINDOW, SHAPE_NEGATIVE).isEmpty()) {
      return null;
    }
    int d = s.groupStart[from];
    int end = s.groupStart[to];
    return new Hit(0, s.value(d, end), digitString(s, d, end));
  }

  /**
   * Guard {@code BANK_NUMBER} (session 14): banking words that make an ungrouped run after the word
   * {@code number} a bank number, not a national phone number ({@code routing number 021000021},
   * {@code ABA number 011000015}, {@code account number 0123456789}, {@code Kontonummer}); {@code
   * account} alone is not one ({@code the number on your account: 07700900123}).
   */
  static final Set<String> BANK_WORDS =
      Set.of(
          "routing",
          "aba",
          "rtn",
          "sort",
          "iban",
          "konto",
          "kontonummer",
          "account number",
          "acct number",
          "account no");

  /**
   * Identifier words that stop a number with only a NANP shape ({@link #shapedNanp}): those of
   * {@link NumberGuards#NEGATIVE_CONTEXT} and more ({@code account number 830-166-1318}, {@code
   * serial 830-166-1318}, {@code error code 800-123-4567}).
   */
  static final Set<String> SHAPE_NEGATIVE = shapeNegative();

  private static Set<String> shapeNegative() {
    Set<String> s = new java.util.HashSet<>(NumberGuards.NEGATIVE_CONTEXT);
    s.addAll(
        List.of(
            "serial",
            "part",
            "model",
            "account",
            "acct",
            "confirmation",
            "policy",
            "transaction",
            "sku",
            "id",
            "kb",
            "error",
            "code",
            "batch",
            "lot",
            "license",
            "licence",
            "claim",
            "routing",
            "tax",
            "vin",
            "isbn",
            // session 15: "Serial number SN 12345678901"
            "sn"));
    return Set.copyOf(s);
  }

  /**
   * True when groups {@code from..to} are written exactly as a North American number: {@code 3-3-4}
   * digits ({@code 830-166-1318}, {@code (830)166-1318}, {@code 830.166.1318}, {@code 830 166
   * 1318}), optionally after a {@code 1}, {@code +1} or {@code 001} group, without digit words or
   * line breaks.
   */
  static boolean nanpWritten(DigitSequence s, int from, int to, boolean plus, boolean zeroZero) {
    int g = from;
    int first = s.groupLength(g);
    if (zeroZero) {
      if (first != 3 || s.digit[s.groupStart[g] + 2] != 1) {
        return false;
      }
      g++;
    } else if (first == 1) {
      if (s.digit[s.groupStart[g]] != 1) {
        return false;
      }
      g++;
    } else if (plus) {
      return false;
    }
    if (to - g != 3 || s.anyWord(from, to)) {
      return false;
    }
    for (int k = from + 1; k < to; k++) {
      if ((s.gap[k] & DigitSequence.GAP_NEWLINE) != 0) {
        return false;
      }
    }
    return s.groupLength(g) == 3 && s.groupLength(g + 1) == 3 && s.groupLength(g + 2) == 4;
  }

  /**
   * A number written as a North American one ({@link #nanpWritten}) that libphonenumber does not
   * accept (an unassigned area code or exchange: {@code 830-166-1318}, the kind test-data
   * generators print): reported when no identifier word ({@link #SHAPE_NEGATIVE}) is near, and
   * either a phone word is ({@link #CONTEXT}, score 0.6) or the number is written with dashes or a
   * parenthesized area code ({@code 830-166-1318}, {@code (830) 166-1318}: score 0.5; dots and
   * spaces need the word). Canonical {@code +1} and the ten digits. Null otherwise.
   */
  private static Hit shapedNanp(DetectionContext ctx, DigitSequence s, int from, int to) {
    int start = s.groupCharStart(from);
    int stop = s.groupCharEnd(to - 1);
    if (!ctx.contextWords(start, stop, CONTEXT_WINDOW, SHAPE_NEGATIVE).isEmpty()) {
      return null;
    }
    // without a phone word only the dash and parenthesis forms: 830-166-1318, (830) 166-1318
    int area = to - 3;
    if (ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT).isEmpty()
        && ((s.gap[area + 2] & DigitSequence.GAP_DASH) == 0
            || (s.gap[area + 1] & (DigitSequence.GAP_DASH | DigitSequence.GAP_CLOSE)) == 0
            || (s.gapsWithin(from, to) & DigitSequence.GAP_DOT) != 0)) {
      return null;
    }
    int end = s.groupStart[to];
    return new Hit(1, s.value(end - 10, end), null);
  }

  /**
   * The token of an international prefix right before the run: {@code +} glued to the digits
   * ({@code +44 20 ...}), or the word {@code plus} before digit words ({@code plus four four, seven
   * four zero six ...}); -1 when there is none.
   */
  private static int plusToken(String text, TextIndex idx, DigitSequence s) {
    int t = s.groupToken[0] - 1;
    if (t < 0) {
      return -1;
    }
    if (!s.word[0]) {
      return text.charAt(idx.start(t)) == '+' ? t : -1;
    }
    if ((idx.flags(t) & TextIndex.SPACE) == 0
        || (idx.flags(t) & TextIndex.NEWLINE) != 0
        || idx.length(t) > 2
        || t == 0) {
      return -1;
    }
    // "plus" (English, French, Dutch, German), "más"/"mas" (Spanish), "mais" (Portuguese), "più"
    return idx.equalsIgnoreCase(t - 1, "plus")
            || idx.equalsIgnoreCase(t - 1, "más")
            || idx.equalsIgnoreCase(t - 1, "mas")
            || idx.equalsIgnoreCase(t - 1, "mais")
            || idx.equalsIgnoreCase(t - 1, "più")
        ? t - 1
        : -1;
  }

  /**
   * Regions whose national numbers are written with a leading {@code 0} (a trunk prefix, or part of
   * the number as in Italy), tried in this order for a {@code 0}-led number that is not valid in
   * the default region. A number valid in several of them is canonicalized with the first whose
   * national format groups the digits as written ({@code 090-1234-5678}: Japan), else with the
   * first valid one (the same written number always gets the same canonical value); Italy, Germany
   * and Austria, whose numbering plans accept almost any length, come last.
   */
  static final List<String> TRUNK_ZERO_REGIONS =
      List.of(
          "GB", "FR", "NL", "BE", "CH", "IE", "AU", "NZ", "IN", "JP", "CN", "BR", "ZA", "TR", "SE",
          "FI", "KR", "TW", "TH", "ID", "MY", "PH", "PK", "NG", "EG", "AR", "IL", "UA", "MX", "CO",
          "PE", "VN", "KE", "SA", "AE", "IT", "DE", "AT");

  /**
   * {@link #TRUNK_ZERO_REGIONS} as a set, for {@link #trunkZero}'s membership test of the default
   * region: the list's {@code contains} compared up to 38 strings at every 0-led window. A hash
   * set, whose {@code contains(null)} is false like the list's.
   */
  private static final Set<String> TRUNK_ZERO_SET = new java.util.HashSet<>(TRUNK_ZERO_REGIONS);

  /**
   * Regions whose national format puts an area code without a trunk zero in parentheses ({@code
   * (11) 98765-4321}: Brazil; {@code (55) 1234 5678}: Mexico; {@code (11) 4321-5678}: Argentina),
   * tried for {@link #parenArea} windows; Brazil first (its format is exactly this).
   */
  static final List<String> PAREN_AREA_REGIONS = List.of("BR", "MX", "AR", "CO", "PE", "CL");

  private static final Set<String> PAREN_AREA_SET = new java.util.HashSet<>(PAREN_AREA_REGIONS);

  /**
   * A window that may be a {@link #PAREN_AREA_REGIONS} national number: the first group is a two-
   * or three-digit area code not led by {@code 0}, between parentheses right before the window
   * ({@code (11) 98765-4321}), 10 or 11 digits in all, and the default region is not one of those
   * regions (where the default-region check already decides). Like {@link #trunkZero}, it is
   * reported only with a phone word nearby ({@link #validateNational}).
   */
  private static boolean parenArea(
      String text, TextIndex idx, DigitSequence s, int from, int to, String region) {
    if (from != 0 || to < 2 || s.word[0] || s.groupToken[0] == 0) {
      return false;
    }
    int d = s.groupStart[0];
    int count = s.groupStart[to] - d;
    int area = s.groupLength(0);
    return count >= 10
        && count <= 11
        && area >= 2
        && area <= 3
        && s.digit[d] != 0
        && text.charAt(idx.start(s.groupToken[0] - 1)) == '('
        && (s.gap[1] & DigitSequence.GAP_CLOSE) != 0
        && !PAREN_AREA_SET.contains(region);
  }

  /**
   * A window whose first group is a country calling code other than 1 written between parentheses
   * without {@code +} ({@code (351) 912 048 718}, {@code (44) 20 7946 0958}), 9 to 15 digits in
   * all, that is a valid number when read as {@code +<digits>}: an international number. The
   * validity check is part of the test, so a Mexican or Brazilian area code that is also a calling
   * code ({@code (55) 1234 5678}) still reaches {@link #parenArea} when it is not valid as an
   * international number.
   */
  private static boolean parenCallingCode(
      String text, TextIndex idx, DigitSequence s, int from, int to) {
    if (from != 0 || to < 2 || s.word[0] || s.groupToken[0] == 0) {
      return false;
    }
    int d = s.groupStart[0];
    int count = s.groupStart[to] - d;
    int cc = s.groupLength(0) <= 3 ? (int) s.value(d, d + s.groupLength(0)) : 0;
    return count >= 9
        && count <= 15
        && cc > 1
        && s.digit[d] != 0
        && PhoneValidity.knownCallingCode(cc)
        && text.charAt(idx.start(s.groupToken[0] - 1)) == '('
        && (s.gap[1] & DigitSequence.GAP_CLOSE) != 0
        && validate(s, from, to, true, false, "ZZ") != null;
  }

  /**
   * A window that may be another country's national format: it starts with the digit {@code 0}
   * (never the start of a NANP number), holds 9 to 12 digits, and the default region is not itself
   * a trunk-zero region (where the default-region check already decides).
   */
  private static boolean trunkZero(DigitSequence s, int from, int to, String region) {
    int d = s.groupStart[from];
    int count = s.groupStart[to] - d;
    return count >= 9
        && count <= 12
        && s.digit[d] == 0
        && s.digit[d + 1] != 0
        && !TRUNK_ZERO_SET.contains(region);
  }

  /**
   * The national-format path ({@code 07700 900461}, {@code 0151 23456789}, {@code 01 42 68 53 00}):
   * only with a phone word nearby ({@link #CONTEXT}), and valid (libphonenumber) in one of {@link
   * #TRUNK_ZERO_REGIONS}; null otherwise.
   */
  private static Hit validateNational(
      DetectionContext ctx, DigitSequence s, int from, int to, List<String> regions) {
    int start = s.groupCharStart(from);
    int stop = s.groupCharEnd(to - 1);
    List<String> words = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
    int d0 = s.groupStart[from];
    int d1 = s.groupStart[to];
    if (words.isEmpty()) {
      String glued = gluedPhoneWord(ctx.text(), start);
      if (glued == null) {
        return writtenNational(ctx, s, from, to, regions, start, stop);
      }
      words = List.of(glued); // "t-online.deTel: 089 12345678": a lost line break glued it
    }
    if (to - from == 1 && !ctx.contextWords(start, stop, CONTEXT_WINDOW, BANK_WORDS).isEmpty()) {
      return null; // BANK_NUMBER: "routing number 021000021" is no Irish phone number
    }
    for (String w : words) {
      String r = WORD_REGION.get(w);
      Hit hit = r == null || !regions.contains(r) ? null : national(s, d0, d1, r).hit();
      if (hit != null) {
        return hit; // "Mobil: 0151 23456789" is German, not Chinese
      }
    }
    if (slashAfterArea(s, from, to)) {
      for (String r : SLASH_REGIONS) {
        Hit hit = regions.contains(r) ? national(s, d0, d1, r).hit() : null;
        if (hit != null) {
          return hit; // "Tel.: 030 / 23 45 67 89": the area code's slash is German-speaking
        }
      }
    }
    Hit first = null;
    for (String r : regions) {
      National n = national(s, d0, d1, r);
      if (n.hit() == null) {
        continue;
      }
      if (sameGrouping(s, from, to, n.nationalFormat())) {
        return n.hit(); // written as that country writes its numbers: "090-1234-5678" is Japanese
      }
      if (first == null) {
        first = n.hit();
      }
    }
    return first;
  }

  /**
   * The regions that write a slash after the area code ({@code 030/1234567}, DIN 5008's old {@code
   * 089 / 12 34 56 78}, Austria's {@code 0662/257937}): tried first on the national path when the
   * run has a {@link DigitSequence#GAP_SLASH}, before the first region where the digits are valid.
   */
  private static final List<String> SLASH_REGIONS = List.of("DE", "AT", "CH");

  /** Whether a gap of the groups {@code [from, to)} of {@code s} holds the area code's slash. */
  private static boolean slashAfterArea(DigitSequence s, int from, int to) {
    for (int g = from + 1; g < to; g++) {
      if ((s.gap[g] & DigitSequence.GAP_SLASH) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A national number with no phone word nearby, reported only when it is written the way its
   * country writes its numbers, which look-alikes (ids, dates, versions) are not: three or more
   * groups exactly as libphonenumber formats the number nationally in one of {@code regions}
   * ({@code 01 64 83 36 03}, {@code 024 674 79 04}, {@code 0457-218-598}), or an area code between
   * parentheses or before a slash with the length of that region's area code ({@code (0131)
   * 4960825}, {@code 0171/2345678}). Only a whole digit run (a window inside a longer run, such as
   * the digits of an IBAN, costs no parse), with no identifier word near and not right after an
   * identifier token. Null otherwise: {@code 0384437294} alone stays a number.
   */
  private static Hit writtenNational(
      DetectionContext ctx,
      DigitSequence s,
      int from,
      int to,
      List<String> regions,
      int start,
      int stop) {
    int groups = to - from;
    if (from != 0 || to != s.groups || s.truncated || groups < 2 || s.anyWord(from, to)) {
      return null; // only a whole run: "0532 0130 00" inside an IBAN's digits is no number
    }
    String text = ctx.text();
    TextIndex idx = ctx.tokens();
    boolean area =
        groups == 2
            && ((s.gap[from + 1] & DigitSequence.GAP_SLASH) != 0
                || (s.groupToken[from] > 0
                    && text.charAt(idx.start(s.groupToken[from] - 1)) == '('
                    && (s.gap[from + 1] & DigitSequence.GAP_CLOSE) != 0));
    boolean ukMobile = groups == 2 && !area && ukMobileShape(s, from);
    if ((groups < 3 && !area && !ukMobile)
        || !ctx.contextWords(start, stop, CONTEXT_WINDOW, SHAPE_NEGATIVE).isEmpty()
        || afterIdentifier(text, idx, s, from)) {
      return null;
    }
    int d0 = s.groupStart[from];
    int d1 = s.groupStart[to];
    for (String r : regions) {
      if (ukMobile && !"GB".equals(r)) {
        continue;
      }
      National n = national(s, d0, d1, r);
      if (n.hit() != null
          && (area
              ? firstGroupLength(n.nationalFormat()) == s.groupLength(from)
              : sameGrouping(s, from, to, n.nationalFormat()))) {
        return n.hit();
      }
    }
    return null;
  }

  /**
   * {@code UK_MOBILE}: two groups of 5 and 6 digits led by {@code 07} ({@code 07911 123456}), the
   * way British mobile numbers are written; {@link #writtenNational} then takes it when it is valid
   * in GB and formatted so there (two groups are too common among look-alikes otherwise).
   */
  private static boolean ukMobileShape(DigitSequence s, int from) {
    int d = s.groupStart[from];
    return s.groupLength(from) == 5
        && s.groupLength(from + 1) == 6
        && s.digit[d] == 0
        && s.digit[d + 1] == 7;
  }

  /**
   * True when the token before the window's first group (over one blank) holds both a letter and a
   * digit: the number continues an identifier ({@code 1Z 999 AA1 01 2345 6784}, a UPS tracking
   * number), not a phone number.
   */
  private static boolean afterIdentifier(String text, TextIndex idx, DigitSequence s, int from) {
    int t = s.groupToken[from] - 1;
    if (t >= 0 && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
      t--;
    }
    if (t < 0 || (idx.flags(t) & (TextIndex.SPACE | TextIndex.PUNCT)) != 0) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = idx.start(t); i < idx.end(t); i++) {
      char c = text.charAt(i);
      letter |= Character.isLetter(c);
      digit |= c >= '0' && c <= '9';
    }
    return letter && digit;
  }

  /**
   * A {@link NumberGuards#NEGATIVE_CONTEXT} word is the token right before group {@code from} (over
   * one short blank, and a {@code :} or {@code #}): {@code Factuur 2025-000456}, {@code invoice:
   * 2024-000431}. Read at a year-prefixed candidate with a phone word only.
   */
  private static boolean identifierRightBefore(
      String text, TextIndex idx, DigitSequence s, int from) {
    int t = s.groupToken[from] - 1;
    if (t >= 0 && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
      t--;
    }
    if (t >= 0
        && idx.length(t) == 1
        && (text.charAt(idx.start(t)) == ':' || text.charAt(idx.start(t)) == '#')) {
      t--;
    }
    if (t < 0 || (idx.flags(t) & TextIndex.LETTER) == 0 || idx.length(t) > 20) {
      return false;
    }
    return NumberGuards.NEGATIVE_CONTEXT.contains(
        text.substring(idx.start(t), idx.end(t)).toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Guard {@code ID_NUMBER_WORD} (session 15): the identifier word that names the bare run at group
   * {@code from}, or null. The first word before the run (over blanks and one {@code :}, {@code #}
   * or {@code .}) is a {@link NumberGuards#NEGATIVE_CONTEXT} word, {@code SN} or {@code serial}
   * ({@code TIN 12345678901}, {@code SN 12345678901}), or it is {@code number}/{@code no}/{@code
   * nr} right after a {@link #SHAPE_NEGATIVE} word ({@code Order number: 12345678901}, {@code
   * account no 4255550143}), possibly with {@code is} between ({@code Your case number is
   * 12345678901}); {@code your account: 07700900123} stays a phone (the {@code BANK_NUMBER}
   * decision: {@code account} alone is no bank word). Read at a bare national run.
   */
  private static String identifierNamed(String text, TextIndex idx, DigitSequence s, int from) {
    int t = wordBefore(text, idx, s.groupToken[from] - 1, true);
    if (t < 0) {
      return null;
    }
    String w = text.substring(idx.start(t), idx.end(t)).toLowerCase(java.util.Locale.ROOT);
    if (w.equals("is")) {
      // "Your case number is 12345678901"
      t = wordBefore(text, idx, t - 1, false);
      if (t < 0) {
        return null;
      }
      w = text.substring(idx.start(t), idx.end(t)).toLowerCase(java.util.Locale.ROOT);
    }
    if (NumberGuards.NEGATIVE_CONTEXT.contains(w) || w.equals("sn") || w.equals("serial")) {
      return w;
    }
    if (!w.equals("number") && !w.equals("no") && !w.equals("nr")) {
      return null;
    }
    t = wordBefore(text, idx, t - 1, false);
    if (t < 0) {
      return null;
    }
    w = text.substring(idx.start(t), idx.end(t)).toLowerCase(java.util.Locale.ROOT);
    return SHAPE_NEGATIVE.contains(w) ? w : null;
  }

  /**
   * The letter token at or before {@code t} over one short blank (and, with {@code mark}, one
   * {@code :}, {@code #} or {@code .} and another blank), or -1.
   */
  private static int wordBefore(String text, TextIndex idx, int t, boolean mark) {
    if (t >= 0 && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
      t--;
    }
    if (mark && t >= 0 && idx.length(t) == 1) {
      char c = text.charAt(idx.start(t));
      if (c == ':' || c == '#' || c == '.') {
        t--;
        if (t >= 0 && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
          t--;
        }
      }
    }
    if (t < 0 || (idx.flags(t) & TextIndex.LETTER) == 0 || idx.length(t) > 20) {
      return -1;
    }
    return t;
  }

  /** The number of digits before the first non-digit after a digit in {@code national}. */
  private static int firstGroupLength(String national) {
    int len = 0;
    for (int i = 0; i < national.length(); i++) {
      char c = national.charAt(i);
      if (c >= '0' && c <= '9') {
        len++;
      } else if (len > 0) {
        break;
      }
    }
    return len;
  }

  /**
   * A remembered parse of the national path for one region: the hit (null: not valid in that
   * region) and libphonenumber's national format of the number.
   */
  private record National(Hit hit, String nationalFormat) {}

  /** The answer of the national path for a region where the digits are not valid. */
  private static final National NOT_VALID = new National(null, null);

  /** The regions of the national path, each with its index in a {@link NationalRow}. */
  private static final java.util.Map<String, Integer> NATIONAL_INDEX = nationalIndex();

  private static java.util.Map<String, Integer> nationalIndex() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    for (String r : TRUNK_ZERO_REGIONS) {
      m.putIfAbsent(r, m.size());
    }
    for (String r : PAREN_AREA_REGIONS) {
      m.putIfAbsent(r, m.size());
    }
    return java.util.Map.copyOf(m);
  }

  /**
   * The national path's answers for one digit string (its value and digit count in {@code key}),
   * one slot per region of {@link #NATIONAL_INDEX}, filled as the regions are asked for (null: not
   * asked yet). Slots hold immutable {@link National}s; two threads racing on a slot both compute
   * the same answer.
   */
  private static final class NationalRow {
    final long key;
    final AtomicReferenceArray<National> regions =
        new AtomicReferenceArray<>(NATIONAL_INDEX.size());

    NationalRow(long key) {
      this.key = key;
    }
  }

  private static final int NATIONAL_SIZE = 1 << 13;

  /** Shift of the key's hash to a slot index of {@link #NATIONAL}. */
  private static final int NATIONAL_SHIFT = 64 - Integer.numberOfTrailingZeros(NATIONAL_SIZE);

  /** Slots per set of {@link #NATIONAL} (a power of two). */
  private static final int NATIONAL_WAYS = 4;

  /**
   * Memo of the national path (a pure function of the digits and the region): a lock-free table of
   * {@link NationalRow}s, one per digit string, bounded, where a lost or overwritten row only costs
   * new parses. Design note: a number on the national path is tried in up to 38 regions (about 37
   * gate checks and 8 libphonenumber parses per 0-led number of the scan benchmark's cases), and a
   * support store repeats its numbers (signatures, quoted replies, a customer's later cases), so
   * the second sighting costs a table read per region. Sets of {@link #NATIONAL_WAYS} rows, first
   * in first out. Session 15: keyed by the digit string (it was by digits and region, 32,768
   * slots): the 100,000 distinct cases of {@code support_cases_p100000} hold 2,706 national-path
   * numbers, asked for in 101,268 (digits, region) pairs, so the old table lost every entry before
   * the next sighting of its case; 8,192 rows hold them all in less memory (a row of 44 slots per
   * number instead of an entry per pair). On text whose numbers do not repeat the memo does not
   * help at all: {@link #nationalGate} spares most parses there.
   */
  private static final AtomicReferenceArray<NationalRow> NATIONAL =
      new AtomicReferenceArray<>(NATIONAL_SIZE);

  private static National national(DigitSequence s, int fromDigit, int toDigit, String region) {
    int count = toDigit - fromDigit; // at most 12 (trunkZero, parenArea): the key fits a long
    NationalRow row = nationalRow(s.value(fromDigit, toDigit) * 16 + count);
    int index = NATIONAL_INDEX.get(region);
    National n = row.regions.getOpaque(index);
    if (n != null) {
      return n;
    }
    PhoneNumber pn =
        nationalGate(s.digit, fromDigit, toDigit, region)
            ? validNumber(digitString(s, fromDigit, toDigit), region)
            : null;
    n =
        pn == null
            ? NOT_VALID
            : new National(hit(pn), UTIL.format(pn, PhoneNumberUtil.PhoneNumberFormat.NATIONAL));
    row.regions.setOpaque(index, n);
    return n;
  }

  /** The row of {@link #NATIONAL} for {@code key}, a new empty one (the set's newest) if none. */
  private static NationalRow nationalRow(long key) {
    // NATIONAL_WAYS slots per set, the newest row first
    int set =
        (int) ((key * 0x9E3779B97F4A7C15L) >>> NATIONAL_SHIFT) & (NATIONAL_SIZE - NATIONAL_WAYS);
    for (int w = 0; w < NATIONAL_WAYS; w++) {
      NationalRow r = NATIONAL.getOpaque(set + w);
      if (r == null) {
        break; // a set fills from its first slot (a race may leave a gap: then only a new row)
      }
      if (r.key == key) {
        return r;
      }
    }
    NationalRow fresh = new NationalRow(key);
    for (int w = NATIONAL_WAYS - 1; w > 0; w--) {
      NationalRow older = NATIONAL.getOpaque(set + w - 1);
      if (older != null) {
        NATIONAL.setOpaque(set + w, older); // first in, first out
      }
    }
    NATIONAL.setOpaque(set, fresh);
    return fresh;
  }

  /**
   * What {@link #nationalGate} needs of a national-path region: its calling code, its international
   * prefix, its national prefix for parsing (null when none), whether a national prefix transform
   * rule may rewrite the digits ({@code JP}, {@code BR}, {@code AR}), and the lengths a national
   * significant number of its calling code may have ({@link PhoneValidity#generalLengths}).
   */
  private record Gate(
      int cc,
      String ccDigits,
      java.util.regex.Pattern idd,
      java.util.regex.Pattern nationalPrefix,
      boolean rewrites,
      long lengths) {}

  /**
   * The {@link Gate} of each national-path region, by its {@link #NATIONAL_INDEX}, on first use.
   */
  private static final AtomicReferenceArray<Gate> GATES = new AtomicReferenceArray<>(64);

  private static Gate gate(String region) {
    int i = NATIONAL_INDEX.get(region);
    Gate g = GATES.getOpaque(i);
    if (g == null) {
      com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata md =
          com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance()
              .getPhoneNumberMetadataSource()
              .getMetadataForRegion(region);
      int cc = md.getCountryCode();
      String idd = md.getInternationalPrefix();
      String np = md.getNationalPrefixForParsing();
      g =
          new Gate(
              cc,
              String.valueOf(cc),
              idd.isEmpty() ? null : java.util.regex.Pattern.compile(idd),
              np.isEmpty() ? null : java.util.regex.Pattern.compile(np),
              !md.getNationalPrefixTransformRule().isEmpty(),
              PhoneValidity.generalLengths(cc));
      GATES.setOpaque(i, g); // idempotent: two threads may both build it
    }
    return g;
  }

  /**
   * False only when {@code validNumber(digits, region)} is certainly null for the digits {@code
   * [fromDigit, toDigit)} of a national-path window, decided without libphonenumber's parse (about
   * 10 µs with the national format; a 0-led number near a phone word is tried in up to 38 regions,
   * so on text whose numbers do not repeat this path costs more than the rest of the detector).
   *
   * <p>Why it is exact (libphonenumber's {@code parseHelper}): the input is ASCII digits only (no
   * {@code +}, extension or letters). When the region's international prefix matches at the start
   * (the digits may be read as another country's number) or the digits start with the region's
   * calling code, the gate stays open (parse). Otherwise parse keeps the region's calling code, and
   * the national significant number is either the digits themselves or, when the national prefix
   * for parsing matches at the start, the digits after that match (a transform rule applies only
   * when the pattern's last group matched: then the gate stays open), leading zeros kept as Italian
   * leading zeros. A valid number's significant number matches the general description of a region
   * of its calling code ({@code getNumberTypeHelper}'s first test). So the number can be valid only
   * when one of those (at most two) candidates has a length the calling code allows and: it starts
   * with 0 and matches a general description ({@link PhoneValidity#generalMatches}), or it does not
   * and {@link PhoneValidity#isValid} (the same answer as {@code isValidNumber}) accepts it, or it
   * is a {@link #DRAMA_RANGE} number. {@code NationalGateTest} (and {@code
   * docs/pii-perf-round9/NationalGateCheck.java}, 2.5M cases) compare the gate with the parse.
   */
  static boolean nationalGate(byte[] digit, int fromDigit, int toDigit, String region) {
    Gate g = gate(region);
    String d = digits(digit, fromDigit, toDigit);
    if (g.idd() != null && g.idd().matcher(d).lookingAt()) {
      return true; // parse may read an international number
    }
    if (d.startsWith(g.ccDigits())) {
      return true; // parse may strip the calling code first
    }
    int stripped = -1;
    if (g.nationalPrefix() != null) {
      java.util.regex.Matcher m = g.nationalPrefix().matcher(d);
      if (m.lookingAt()) {
        if (g.rewrites() && m.group(m.groupCount()) != null) {
          return true; // the transform rule rewrites the digits
        }
        stripped = m.end();
      }
    }
    return nationalCandidate(g, digit, fromDigit, toDigit)
        || (stripped > 0 && nationalCandidate(g, digit, fromDigit + stripped, toDigit));
  }

  /**
   * {@link #nationalGate}: the digits {@code [from, to)} as a national significant number may be
   * valid for the gate's calling code.
   */
  private static boolean nationalCandidate(Gate g, byte[] digit, int from, int to) {
    int len = to - from;
    if (len < 2) {
      return false; // parse rejects a significant number this short
    }
    if (len > 17) {
      return false; // parse rejects a significant number this long
    }
    long nn = 0; // the national number: leading zeros are dropped (Italian leading zeros)
    for (int i = from; i < to; i++) {
      nn = nn * 10 + digit[i];
    }
    if (reservedForDrama(g.cc(), nn)) {
      return true; // validNumber accepts it whatever libphonenumber says
    }
    boolean lengthOk = len >= 64 || (g.lengths() & (1L << len)) != 0;
    if (digit[from] == 0) {
      return lengthOk && PhoneValidity.generalMatches(g.cc(), digits(digit, from, to));
    }
    return lengthOk && PhoneValidity.isValid(g.cc(), nn);
  }

  private static String digits(byte[] digit, int fromDigit, int toDigit) {
    char[] c = new char[toDigit - fromDigit];
    for (int i = fromDigit; i < toDigit; i++) {
      c[i - fromDigit] = (char) ('0' + digit[i]);
    }
    return new String(c);
  }

  /** True when the digit groups of {@code national} have the lengths of the window's groups. */
  private static boolean sameGrouping(DigitSequence s, int from, int to, String national) {
    int g = from;
    int len = 0;
    for (int i = 0; i <= national.length(); i++) {
      char c = i < national.length() ? national.charAt(i) : ' ';
      if (c >= '0' && c <= '9') {
        len++;
      } else if (len > 0) {
        if (g >= to || s.groupLength(g) != len) {
          return false;
        }
        g++;
        len = 0;
      }
    }
    return g == to;
  }

  /** Cheap checks before libphonenumber: NANP shape for +1 / US / CA numbers. */
  private static boolean plausible(DigitSequence s, int from, int to, boolean intl, int defaultCc) {
    int d = s.groupStart[from];
    int count = s.groupStart[to] - d;
    if (intl) {
      if (s.digit[d] == 0) {
        d += 2;
        count -= 2;
      }
      if (s.digit[d] != 1) {
        return count >= 8 && count <= 15;
      }
      d++;
      count--;
      return count == 10 && s.digit[d] >= 2 && s.digit[d + 3] >= 2;
    }
    if (defaultCc != 1) {
      return count >= 7 && count <= 13;
    }
    if (count == 11 && s.digit[d] == 1) {
      if (to - from > 1 && s.groupStart[from + 1] - d > 1) {
        return false; // GLUED_ONE: "TIN 12 345 678 901": the 1 of +1 stands alone or unspaced
      }
      d++;
      count--;
    }
    return count == 10 && s.digit[d] >= 2 && s.digit[d + 3] >= 2;
  }

  /**
   * A valid number: calling code and national number, and its E.164 form when parsing made it (else
   * it is {@code +<cc><national number>}, which is what {@code format(E164)} gives for a number
   * without Italian leading zeros).
   */
  private record Hit(int cc, long nationalNumber, String formatted) {
    String e164() {
      if (formatted != null) {
        return formatted;
      }
      // "+" + cc + nationalNumber, without the concatenation's intermediate conversions
      char[] b = new char[24];
      int p = b.length;
      long v = nationalNumber;
      do {
        b[--p] = (char) ('0' + v % 10);
        v /= 10;
      } while (v > 0);
      int c = cc;
      do {
        b[--p] = (char) ('0' + c % 10);
        c /= 10;
      } while (c > 0);
      b[--p] = '+';
      return new String(b, p, b.length - p);
    }
  }

  /** A remembered result of the parse path: the digits' key and the hit (null: not valid). */
  private record Parsed(long key, Hit hit) {}

  private static final int PARSED_SIZE = 1 << 12;

  /**
   * Memo of the parse path for international input ({@code +} or {@code 00}, region {@code ZZ}), a
   * pure function of the digits: a lock-free table of immutable entries, bounded, where a lost or
   * overwritten entry only costs a new parse.
   */
  private static final AtomicReferenceArray<Parsed> PARSED =
      new AtomicReferenceArray<>(PARSED_SIZE);

  private static Hit validate(
      DigitSequence s, int from, int to, boolean plus, boolean zeroZero, String region) {
    int d = s.groupStart[from];
    int end = s.groupStart[to];
    if (zeroZero) {
      d += 2;
    }
    if (plus || zeroZero) {
      // country codes are prefix-free: build the number without parsing (parse is slow)
      int cc = 0;
      for (int k = 0; k < 3 && d + k < end; k++) {
        cc = cc * 10 + s.digit[d + k];
        if (PhoneValidity.knownCallingCode(cc)) {
          int nd = d + k + 1;
          if (end - nd >= 4 && end - nd <= 14 && s.digit[nd] != 0) {
            long nn = s.value(nd, end);
            return PhoneValidity.isValid(cc, nn) || reservedForDrama(cc, nn)
                ? new Hit(cc, nn, null)
                : null;
          }
          break;
        }
      }
      // "+" followed by the digits, region ZZ: the digits alone decide (at most 17 of them)
      int len = end - d;
      long key = s.value(d, end) * 32 + len;
      int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 52) & (PARSED_SIZE - 1);
      Parsed p = PARSED.getOpaque(slot);
      if (p != null && p.key() == key) {
        return p.hit();
      }
      Hit hit = parse("+" + digitString(s, d, end), "ZZ");
      PARSED.setOpaque(slot, new Parsed(key, hit));
      return hit;
    } else if ("US".equals(region) || "CA".equals(region)) {
      int nd = end - d == 11 ? d + 1 : d;
      long nn = s.value(nd, end);
      return PhoneValidity.isValid(1, nn) ? new Hit(1, nn, null) : null;
    }
    return parse(digitString(s, d, end), region);
  }

  /**
   * {@link #DRAMA_RANGE}: the UK numbers Ofcom reserves for fiction, {@code 07700 900000}-{@code
   * 900999} (mobile) and {@code 01632 960000}-{@code 960999} (fixed line), which libphonenumber
   * rejects as unallocated. They are what test data, templates and anonymized tickets use for a UK
   * customer's number, so they are read as numbers (the other Ofcom drama ranges, such as {@code
   * 020 7946 0xxx} and {@code 0161 496 0xxx}, are valid for libphonenumber already).
   */
  static final String DRAMA_RANGE = "DRAMA_RANGE";

  /** {@link #DRAMA_RANGE}: calling code 44, national number in a reserved block. */
  static boolean reservedForDrama(int cc, long nationalNumber) {
    return cc == 44 && (nationalNumber / 1000 == 7_700_900L || nationalNumber / 1000 == 1_632_960L);
  }

  private static String digitString(DigitSequence s, int fromDigit, int toDigit) {
    return digits(s.digit, fromDigit, toDigit);
  }

  /** {@link #validNumber} is not null: for {@code NationalGateTest}. */
  static boolean parsesValid(String digits, String region) {
    return validNumber(digits, region) != null;
  }

  /** libphonenumber's parse, then its validity; null when either fails. */
  private static Hit parse(String input, String region) {
    PhoneNumber pn = validNumber(input, region);
    return pn == null ? null : hit(pn);
  }

  /**
   * libphonenumber's parse of {@code input} in {@code region} when the number is valid, else null.
   */
  private static PhoneNumber validNumber(String input, String region) {
    try {
      PhoneNumber pn = UTIL.parse(input, region);
      boolean valid =
          pn.isItalianLeadingZero() || pn.hasRawInput()
              ? UTIL.isValidNumber(pn)
              : PhoneValidity.isValid(pn.getCountryCode(), pn.getNationalNumber());
      return valid || reservedForDrama(pn.getCountryCode(), pn.getNationalNumber()) ? pn : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  private static Hit hit(PhoneNumber pn) {
    // E.164 is "+<cc><national number>" unless Italian leading zeros precede the national number:
    // only then format (a national-path number is tried in ~8 regions where it is valid, and only
    // one answer is reported)
    return new Hit(
        pn.getCountryCode(),
        pn.getNationalNumber(),
        pn.isItalianLeadingZero() ? UTIL.format(pn, PhoneNumberUtil.PhoneNumberFormat.E164) : null);
  }

  /**
   * End of an extension after the number ({@code x123}, {@code ext. 123}, {@code ext 12}), also
   * after a comma ({@code +1 425-882-8080, ext 4417}: the comma must be followed by a blank).
   */
  private static int extensionEnd(String text, TextIndex idx, DigitSequence s) {
    int n = idx.size();
    int last = s.groupToken[s.groups - 1];
    int split = s.groupCharEnd(s.groups - 1);
    if (split < idx.end(last)) {
      // "1663x049": the read split a glued extension off this token; "0144Fax": a glued label
      return DigitSequence.isGluedExtension(idx.chars(), split, idx.end(last)) ? idx.end(last) : -1;
    }
    int t = last + 1;
    if (t + 1 < n
        && text.charAt(idx.start(t)) == ','
        && (idx.flags(t + 1) & TextIndex.SPACE) != 0
        && (idx.flags(t + 1) & TextIndex.NEWLINE) == 0) {
      t++;
    }
    if (t < n && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
      t++;
    }
    if (t >= n || (idx.flags(t) & TextIndex.LETTER) == 0) {
      return -1;
    }
    int ts = idx.start(t);
    int te = idx.end(t);
    if (idx.equalsIgnoreCase(t, "x")
        || idx.equalsIgnoreCase(t, "ext")
        || idx.equalsIgnoreCase(t, "extension")) {
      t++;
      if (t < n && (text.charAt(idx.start(t)) == '.' || text.charAt(idx.start(t)) == ':')) {
        t++;
      }
      if (t < n && (idx.flags(t) & TextIndex.SPACE) != 0 && idx.length(t) <= 2) {
        t++;
      }
      if (t < n && DigitSequence.isDigitToken(idx, t) && idx.length(t) <= 6) {
        return idx.end(t);
      }
      return -1;
    }
    // glued: x123 / ext123
    return DigitSequence.isGluedExtension(idx.chars(), ts, te) ? te : -1;
  }

  private static void report(
      DetectionContext ctx,
      DigitSequence s,
      int from,
      int to,
      int start,
      int stop,
      Hit pn,
      boolean intl,
      boolean national,
      String validation,
      String region) {
    boolean words = s.anyWord(from, to);
    boolean standardGrouping = standardGrouping(s, from, to, intl, pn.cc() == 1);
    String form = s.form(from, to, standardGrouping);
    boolean bare = to - from == 1;
    double base;
    if (words) {
      base = 0.7;
    } else if (!standardGrouping) {
      base = 0.7;
    } else if (bare && !intl) {
      base = 0.6;
    } else {
      base = 0.85;
    }
    if (form.contains("line-break")) {
      base -= 0.05;
    }
    if (national) {
      base = Math.min(base, 0.65); // another region's national format: context made it a candidate
    }
    if (!validation.equals(VALID)) {
      base = Math.min(base, 0.5); // a shape or a possible length only, not a valid number
    }
    List<String> ctxWords = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
    if (!ctxWords.isEmpty()
        && !words
        && !standardGrouping
        && yearPrefixed(s, from, to)
        && identifierRightBefore(ctx.text(), ctx.tokens(), s, from)) {
      // OWN_ID_WORD (session 14): "Factuur 2025-000456 betaald, vragen? Bel 06-87654321": the
      // identifier word right before the number names it; the phone word is the next number's
      ctxWords = List.of();
    }
    String ownId = null;
    if (bare && !intl && !words) {
      ownId = identifierNamed(ctx.text(), ctx.tokens(), s, from);
      if (ownId != null) {
        // ID_NUMBER_WORD (session 15): "Serial number SN 12345678901", "Order number:
        // 12345678901", "Account no 4255550143": the identifier word names the run, and a phone
        // word "number" is the identifier's
        ctxWords = List.of();
      }
    }
    double score = base;
    if (!ctxWords.isEmpty()) {
      score += 0.1;
    } else if (!words && !standardGrouping && yearMonthPrefixed(s, from, to)) {
      // YEAR_MONTH_ID: "PO 2025-11-0042", "2024-03-1187 attached": a dated id, with or without an
      // identifier word, unless a phone word is near
      score -= 0.3;
      List<String> neg =
          ctx.contextWords(start, stop, CONTEXT_WINDOW, NumberGuards.NEGATIVE_CONTEXT);
      if (!neg.isEmpty()) {
        ctxWords = neg;
      }
    } else if (bare || (!words && !standardGrouping && yearPrefixed(s, from, to))) {
      // an identifier word before a bare run or a year-prefixed number: "invoice 2024-000431"
      List<String> neg =
          ownId != null
              ? List.of(ownId)
              : ctx.contextWords(start, stop, CONTEXT_WINDOW, NumberGuards.NEGATIVE_CONTEXT);
      if (!neg.isEmpty()) {
        score -= 0.3;
        ctxWords = neg;
      }
    }
    String pattern =
        validation.equals(PHONE_WORD)
            ? "phone.any"
            : words
                ? "phone.words"
                : intl
                    ? "phone.intl"
                    : national
                        ? "phone.national." + regionOf(pn.cc())
                        : "phone." + region.toLowerCase(Locale.ROOT);
    ctx.report(
        Candidate.builder(EntityType.PHONE_NUMBER, start, stop)
            .baseScore(base)
            .score(Math.min(1.0, score))
            .form(form)
            .pattern(pattern)
            .validation(validation)
            .contextWords(ctxWords)
            .canonical(pn.e164())
            .build());
  }

  /**
   * Two groups, the first a four-digit year 1990-2099 ({@code 2024-000431}): the shape of a ticket,
   * order or invoice number, so an identifier word before it drops it like a bare run.
   */
  private static boolean yearPrefixed(DigitSequence s, int from, int to) {
    if (to - from != 2 || s.groupLength(from) != 4) {
      return false;
    }
    int d = s.groupStart[from];
    long y = s.value(d, d + 4);
    return y >= 1990 && y <= 2099;
  }

  /**
   * Guard {@code YEAR_MONTH_ID}: three groups, a year 1990-2099, a month 01-12 and 3 to 5 digits,
   * joined by {@code -}, {@code /} or {@code .} ({@code 2025-11-0042}): how purchase orders,
   * invoices and tickets are numbered, never how a phone number is written; without a phone word it
   * is dropped below the reporting score (session 13).
   */
  static final String YEAR_MONTH_ID = "YEAR_MONTH_ID";

  private static boolean yearMonthPrefixed(DigitSequence s, int from, int to) {
    if (to - from != 3
        || s.groupLength(from) != 4
        || s.groupLength(from + 1) != 2
        || s.groupLength(from + 2) < 3
        || s.groupLength(from + 2) > 5
        || (s.gap[from + 1] & (DigitSequence.GAP_SPACE | DigitSequence.GAP_NEWLINE)) != 0
        || (s.gap[from + 2] & (DigitSequence.GAP_SPACE | DigitSequence.GAP_NEWLINE)) != 0) {
      return false;
    }
    int d = s.groupStart[from];
    long y = s.value(d, d + 4);
    long m = s.value(d + 4, d + 6);
    return y >= 1990 && y <= 2099 && m >= 1 && m <= 12;
  }

  private static String regionOf(int cc) {
    return UTIL.getRegionCodeForCountryCode(cc).toLowerCase(Locale.ROOT);
  }

  /**
   * Standard groupings: one group; NANP {@code 3-3-4} / {@code 1-3-3-4}; international numbers
   * grouped in groups of two or more digits.
   */
  private static boolean standardGrouping(
      DigitSequence s, int from, int to, boolean intl, boolean nanp) {
    int n = to - from;
    if (s.anyWord(from, to)) {
      return false;
    }
    if (n == 1) {
      return true;
    }
    for (int g = from; g < to; g++) {
      // one digit: a leading trunk/country digit, or the first group after an international
      // country code ("+33 6 17 72 13 04", "+46 8 12 95 64", "+90 (0)501 ...")
      if (s.groupLength(g) < 2 && !(g == from && (n == 4 || intl)) && !(g == from + 1 && intl)) {
        return false;
      }
    }
    if (intl) {
      return true;
    }
    int off = s.groupLength(from) == 1 ? 1 : 0;
    int count = s.groupStart[to] - s.groupStart[from];
    if (nanp && (count == 10 || count == 11)) {
      return n - off == 3
          && s.groupLength(from + off) == 3
          && s.groupLength(from + off + 1) == 3
          && s.groupLength(from + off + 2) == 4;
    }
    // other national formats (e.g. GB 020 7946 0958): groups of 2-5
    for (int g = from; g < to; g++) {
      if (s.groupLength(g) > 5) {
        return false;
      }
    }
    return n <= 5;
  }
}
