package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code IBAN_CODE}: a country code of the SWIFT IBAN registry, two check digits and exactly
 * the country's length of alphanumerics, passing the ISO 7064 mod-97 check. Groups may be separated
 * by single spaces, dashes, dots or one line break, in any grouping, in any case.
 *
 * <p>Examples: {@code DE89370400440532013000}, {@code DE89 3704 0044 0532 0130 00}, {@code de89
 * 3704 0044 0532 0130 00} (form {@code lowercase}), {@code GB29 NWBK 6016 1331 9268 19}, {@code DE
 * 8937 0400 4405 3201 3000}, {@code D E 8 9 3 7 0 4 ...} (a split head, form {@code spaced}),
 * {@code DE89\n> 3704 ...} (a line break with e-mail quote markers). The canonical value is upper
 * case without separators.
 *
 * <p>Pattern {@code iban.compact} (one token) or {@code iban.grouped}; validation {@code mod97}.
 * The BBAN's national format is not checked (length and mod-97 only).
 *
 * <p>Known limits: a head split over tokens must be upper case ({@code de 89 ...} is not found),
 * and its later tokens must hold a digit, be one char, or be an upper-case bank code of up to four
 * letters, so that prose never fills an IBAN; digits written as words are not recognised.
 */
final class IbanDetector implements Detector {
  private static final int CONTEXT_WINDOW = 40;
  private static final int MAX_LEN = 34;

  static final Set<String> CONTEXT =
      Set.of(
          "iban",
          "bank",
          "account",
          "transfer",
          "refund",
          "sepa",
          "wire",
          "bic",
          "swift",
          "payment",
          "konto");

  /** IBAN length per country code: index (c0 - 'A') * 26 + (c1 - 'A'); 0 when not an IBAN land. */
  private static final byte[] LENGTH = new byte[26 * 26];

  static {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28"
            + " HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21"
            + " LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29"
            + " PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23"
            + " TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String e : table.split(" ")) {
      LENGTH[(e.charAt(0) - 'A') * 26 + (e.charAt(1) - 'A')] = (byte) Integer.parseInt(e, 2, 4, 10);
    }
  }

  @Override
  public String name() {
    return "iban";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.IBAN_CODE);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.DIGIT;
  }

  /** The IBAN length for the country code at {@code p}, or 0. */
  static int countryLength(char[] text, int p) {
    int a = upper(text[p]);
    int b = upper(text[p + 1]);
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') {
      return 0;
    }
    return LENGTH[(a - 'A') * 26 + (b - 'A')];
  }

  private static int upper(char c) {
    return c >= 'a' && c <= 'z' ? c - 32 : c;
  }

  /**
   * True when an IBAN may start at the token of {@code len} chars at {@code p} with flags {@code
   * f}: ASCII letters (and digits), and either at least four chars starting with a country code of
   * the registry and two digits ({@code DE89370400...}), or at most three chars that start an
   * upper-case head split over tokens ({@link #headStart}: {@code D E 8 9 ...}, {@code DE 89 ...}).
   * Every token where {@link #detect} can find an IBAN passes; {@link DigitRuns} lists them.
   */
  static boolean mayStart(char[] text, int p, int len, int f) {
    if ((f & (TextIndex.ALNUM | TextIndex.LETTER | TextIndex.NON_ASCII))
        != (TextIndex.ALNUM | TextIndex.LETTER)) {
      return false;
    }
    if (len >= 4) {
      return (f & TextIndex.DIGIT) != 0
          && countryLength(text, p) != 0
          && isDigit(text[p + 2])
          && isDigit(text[p + 3]);
    }
    return headStart(text, p, len, f);
  }

  @Override
  public void detect(DetectionContext ctx) {
    TextIndex idx = ctx.tokens();
    char[] text = idx.chars();
    DigitRuns runs = DigitRuns.of(idx);
    int[] heads = runs.ibanHeads();
    int count = runs.ibanCount();
    char[] buf = null;
    int next = 0; // tokens before this one belong to a reported IBAN
    for (int i = 0; i < count; i++) {
      int t = heads[i];
      if (t < next) {
        continue;
      }
      boolean loose;
      int len;
      if (idx.length(t) >= 4) {
        len = countryLength(text, idx.start(t)); // mayStart checked the digits
        loose = false;
      } else {
        // "D E 8 9 3 7 ...", "DE 89370400...", "ES5 049 21 ...": the first four chars span tokens
        if (buf == null) {
          buf = new char[MAX_LEN];
        }
        len = peekHead(text, idx, t, buf);
        loose = true;
        if (len == 0) {
          continue;
        }
      }
      if (buf == null) {
        buf = new char[MAX_LEN];
      }
      int end = read(ctx, text, idx, t, len, buf, loose);
      if (end > t) {
        next = end;
      }
    }
  }

  /**
   * Necessary condition for {@link #peekHead} on a token of {@code tl} (at most three) chars with
   * flags {@code f} at {@code p}: its chars are the first of the head, so they must start an
   * upper-case country code of the registry followed by digits ({@code D}, {@code DE}, {@code
   * DE8}). Rejects the short words of prose without walking the following tokens.
   */
  private static boolean headStart(char[] text, int p, int tl, int f) {
    if ((f & TextIndex.UPPER) == 0) {
      return false;
    }
    char a = text[p];
    if (a < 'A' || a > 'Z') {
      return false;
    }
    if (tl == 1) {
      return true;
    }
    char b = text[p + 1];
    if (b < 'A' || b > 'Z' || LENGTH[(a - 'A') * 26 + (b - 'A')] == 0) {
      return false;
    }
    return tl == 2 || isDigit(text[p + 2]);
  }

  /** An upper-case letter group of up to four chars ({@code NWBK}, {@code NC}) in a loose IBAN. */
  private static boolean bankCode(int f, int len) {
    return len <= 4 && (f & TextIndex.UPPER) != 0 && (f & TextIndex.LOWER) == 0;
  }

  /** A {@code >} quote marker, or one or two spaces right after one. */
  private static boolean quoteMark(char[] text, TextIndex idx, int t) {
    int f = idx.flags(t);
    if ((f & TextIndex.PUNCT) != 0) {
      return text[idx.start(t)] == '>';
    }
    return (f & TextIndex.SPACE) != 0
        && (f & TextIndex.NEWLINE) == 0
        && idx.length(t) <= 2
        && text[idx.start(t) - 1] == '>';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * For a head split over tokens: the IBAN length when the first four chars (read over gaps of one
   * short space, dash or dot) are an upper-case country code and two digits, else 0.
   */
  private static int peekHead(char[] text, TextIndex idx, int t, char[] buf) {
    int n = idx.size();
    int count = 0;
    int cur = t;
    while (count < 4) {
      int f = idx.flags(cur);
      if ((f & TextIndex.ALNUM) == 0 || (f & TextIndex.NON_ASCII) != 0) {
        return 0;
      }
      int s = idx.start(cur);
      int e = idx.end(cur);
      for (int i = s; i < e && count < 4; i++) {
        char c = text[i];
        if (count < 2 ? c < 'A' || c > 'Z' : !isDigit(c)) {
          return 0; // not "CC99": stop at the first wrong char
        }
        buf[count++] = c;
      }
      if (count == 4) {
        break;
      }
      int g = cur + 1;
      if (g + 1 >= n || !softGap(text, idx, g)) {
        return 0;
      }
      cur = g + 1;
    }
    if (buf[0] < 'A' || buf[0] > 'Z' || buf[1] < 'A' || buf[1] > 'Z') {
      return 0;
    }
    if (!isDigit(buf[2]) || !isDigit(buf[3])) {
      return 0;
    }
    return LENGTH[(buf[0] - 'A') * 26 + (buf[1] - 'A')];
  }

  /**
   * A gap of one space token of one or two chars (no line break), or one {@code -} or {@code .}.
   */
  private static boolean softGap(char[] text, TextIndex idx, int g) {
    int gf = idx.flags(g);
    if ((gf & TextIndex.SPACE) != 0) {
      return (gf & TextIndex.NEWLINE) == 0 && idx.length(g) <= 2;
    }
    char c = text[idx.start(g)];
    return (gf & TextIndex.PUNCT) != 0 && (c == '-' || c == '.');
  }

  /**
   * Collects {@code len} chars from token {@code t}; reports and returns the next token or -1. With
   * {@code loose} (a head split over tokens) every later token must hold a digit or be one char
   * long, so that words of prose never fill an IBAN.
   */
  private static int read(
      DetectionContext ctx, char[] text, TextIndex idx, int t, int len, char[] buf, boolean loose) {
    int n = idx.size();
    int count = 0;
    int cur = t;
    boolean grouped4 = true;
    boolean lower = false;
    boolean newline = false;
    boolean gaps = false;
    boolean oddGap = false;
    int groupsSeen = 0;
    int stop;
    while (true) {
      int f = idx.flags(cur);
      if ((f & TextIndex.ALNUM) == 0 || (f & TextIndex.NON_ASCII) != 0) {
        return -1;
      }
      int s = idx.start(cur);
      int l = idx.length(cur);
      stop = idx.end(cur);
      if (count + l > len) {
        // "... 0130 00BIC COBADEFFXXX": a lost line break glued the next label to the last group
        int glued =
            cur != t
                ? DigitSequence.gluedLabel(idx, cur)
                : text[s + len - 1] >= '0'
                        && text[s + len - 1] <= '9'
                        && DigitSequence.labelAt(idx, cur, s + len)
                    ? len
                    : -1;
        if (glued != len - count) {
          return -1;
        }
        l = glued;
        stop = s + glued;
      }
      if (loose && cur != t && l > 1 && (f & TextIndex.DIGIT) == 0 && !bankCode(f, l)) {
        return -1;
      }
      for (int k = 0; k < l; k++) {
        char c = text[s + k];
        if (c >= 'a' && c <= 'z') {
          lower = true;
          c = (char) (c - 32);
        }
        buf[count++] = c;
      }
      groupsSeen++;
      if (l != 4 && count < len) {
        grouped4 = false;
      }
      if (count == len) {
        if (l > 4) {
          grouped4 = false;
        }
        break;
      }
      // gap: one space token (at most one line break) or one of - .
      int g = cur + 1;
      if (g >= n) {
        return -1;
      }
      int gf = idx.flags(g);
      if ((gf & TextIndex.SPACE) != 0) {
        if ((gf & TextIndex.NEWLINE) != 0) {
          if (idx.length(g) > 3) {
            return -1;
          }
          newline = true;
          // e-mail quote markers after the break: "LU96\n> > 3589 ..."
          int q = 0;
          while (g + 1 < n && q < DigitSequence.MAX_QUOTE_TOKENS && quoteMark(text, idx, g + 1)) {
            g++;
            q++;
          }
        } else if (idx.length(g) > 2) {
          return -1;
        } else if (idx.length(g) > 1 || text[idx.start(g)] != ' ') {
          oddGap = true;
        }
      } else if ((gf & TextIndex.PUNCT) != 0
          && (text[idx.start(g)] == '-' || text[idx.start(g)] == '.')) {
        oddGap = true;
      } else {
        return -1;
      }
      gaps = true;
      cur = g + 1;
      if (cur >= n) {
        return -1;
      }
    }
    if (mod97(buf, len) != 1) {
      return -1;
    }
    int start = idx.start(t);
    boolean standardGrouping = !gaps || (grouped4 && !oddGap);
    StringBuilder form = new StringBuilder();
    if (!standardGrouping) {
      form.append("spaced");
    }
    if (lower) {
      form.append(form.length() > 0 ? "+" : "").append("lowercase");
    }
    if (newline) {
      form.append(form.length() > 0 ? "+" : "").append("line-break");
    }
    String f = form.length() == 0 ? "standard" : form.toString();
    // mod-97 over the exact country length is a stronger check than Luhn (1 in 97 vs 1 in 10):
    // an IBAN must outscore a card number read inside it ("pt70 5788 6959 4696 4312 5391 8")
    double base = "standard".equals(f) || "lowercase".equals(f) ? 0.96 : 0.9;
    List<String> words = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
    double score = base + (words.isEmpty() ? 0 : 0.05);
    ctx.report(
        Candidate.builder(EntityType.IBAN_CODE, start, stop)
            .baseScore(base)
            .score(Math.min(1.0, score))
            .form(f)
            .pattern(groupsSeen == 1 ? "iban.compact" : "iban.grouped")
            .validation("mod97")
            .contextWords(words)
            .canonical(new String(buf, 0, len))
            .build());
    return cur + 1;
  }

  /** ISO 7064 mod 97-10 over the rearranged IBAN (first four chars moved to the end). */
  static int mod97(char[] c, int len) {
    int r = 0;
    for (int k = 0; k < len; k++) {
      char ch = c[(k + 4) % len];
      if (ch >= '0' && ch <= '9') {
        r = (r * 10 + (ch - '0')) % 97;
      } else if (ch >= 'A' && ch <= 'Z') {
        r = (r * 100 + (ch - 'A' + 10)) % 97;
      } else {
        return -1;
      }
    }
    return r;
  }
}
