package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code CREDIT_CARD}: 13–19 digits (12 for a Maestro card with a card word nearby) that pass
 * the Luhn check and start with a known issuer range (Visa, Mastercard, Amex, Discover, JCB,
 * Diners, UnionPay, Maestro, Mir), in standard and obfuscated forms.
 *
 * <p>Pipeline: a {@link DigitSequence} run → windows of whole groups with 13–19 digits, longest
 * first, never cutting a dash/dot-joined cluster nor a run of spaced single digits → issuer range
 * and length → Luhn → named guards ({@link NumberGuards}) → context score (card words raise it;
 * {@code order}, {@code ticket}, {@code invoice}, {@code case}, {@code tracking} lower it).
 *
 * <p>Examples: {@code 4111 1111 1111 1111}, {@code 4111-1111-1111-1111}, {@code 41 111 1111 11
 * 1111}, {@code 4 1 1 1 ...}, {@code four one one one ...}, {@code 3782 822463 10005}. For {@code
 * 4111 1111 1111 1111 exp 09/27} the span is the number only: the expiry date is not PII on its own
 * and is not included.
 *
 * <p>Known limits: cards of other issuers (e.g. RuPay 60/81/82, Verve) are not reported; a number
 * that is embedded in a longer dash-joined cluster is not cut out of it.
 */
final class CreditCardDetector implements Detector {
  private static final int CONTEXT_WINDOW = 40;

  static final Set<String> CONTEXT =
      Set.of(
          "card",
          "visa",
          "mastercard",
          "amex",
          "credit",
          "debit",
          "cc",
          "exp",
          "expiry",
          "cvv",
          "cvc",
          "discover",
          "jcb",
          "maestro",
          "unionpay",
          "payment",
          "paid",
          "pan");

  @Override
  public String name() {
    return "credit-card";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.CREDIT_CARD);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.DIGIT | TextIndex.LETTER;
  }

  @Override
  public void detect(DetectionContext ctx) {
    DigitRuns.scanSequences(ctx, MAESTRO_SHORT, CreditCardDetector::scan);
  }

  private static int scan(
      DetectionContext ctx, String text, TextIndex idx, DigitSequence s, int reportedUntil) {
    int from = 0;
    while (from < s.groups) {
      int d0 = s.groupStart[from];
      if (!NumberGuards.boundary(s, from)
          || s.groupCharStart(from) < reportedUntil
          || s.digits - d0 < MAESTRO_SHORT
          || issuer(s.digit, d0, 4) == null) {
        from++;
        continue;
      }
      int found = -1;
      for (int to = s.groups; to > from; to--) {
        int count = s.groupStart[to] - d0;
        if (count > 19 || !NumberGuards.boundary(s, to)) {
          continue;
        }
        if (count < MAESTRO_SHORT) {
          break;
        }
        String brand = issuer(s.digit, d0, count);
        if (brand == null || !luhn(s.digit, d0, count)) {
          continue;
        }
        if (count == MAESTRO_SHORT
            && (!brand.equals("maestro")
                || ctx.contextWords(
                        s.groupCharStart(from), s.groupCharEnd(to - 1), CONTEXT_WINDOW, CONTEXT)
                    .isEmpty())) {
          continue; // 12 digits: a Maestro card only with a card word nearby
        }
        if (NumberGuards.shape(s, from, to) != null
            || NumberGuards.plusPrefixed(text, idx, s, from)) {
          continue;
        }
        String around = NumberGuards.surroundings(text, idx, s, from, to);
        if (around != null
            && !(around.equals("SLASH_OR_PATH") && expiryAfter(text, idx, s, from, to))) {
          continue;
        }
        int start = s.groupCharStart(from);
        int stop = s.groupCharEnd(to - 1);
        report(ctx, s, from, to, start, stop, count);
        reportedUntil = stop;
        found = to;
        break;
      }
      from = found > 0 ? found : from + 1;
    }
    return reportedUntil;
  }

  /**
   * {@code GLUED_EXPIRY} (session 14, probe15a): the whole run is followed by a slash and an expiry
   * ({@code 4111 1111 1111 1111/12-27}, {@code 4111111111111111/12/27}, {@code …/1227}): a month
   * 01-12 and a year of 2 or 4 digits, joined by {@code /} or {@code -} or glued ({@code MMYY}),
   * and no slash or path char right before the run. Asked only where {@code SLASH_OR_PATH} stopped
   * a Luhn-valid window.
   */
  static boolean expiryAfter(String text, TextIndex idx, DigitSequence s, int from, int to) {
    int n = idx.size();
    if (to != s.groups || s.truncated) {
      return false;
    }
    int bt = s.groupToken[0] - 1;
    if (from == 0 && bt >= 0) {
      char b = text.charAt(idx.start(bt));
      if (b == '/' || b == '\\' || b == '_' || b == '@') {
        return false;
      }
      if (b == '=' && bt > 0 && (idx.flags(bt - 1) & TextIndex.DIGIT) != 0) {
        return false; // "x1=4111…" (as NumberGuards' SLASH_OR_PATH before the run)
      }
    }
    int t = s.groupToken[to - 1] + 1;
    if (t + 1 >= n || idx.length(t) != 1 || text.charAt(idx.start(t)) != '/') {
      return false;
    }
    int m = t + 1;
    if (!DigitSequence.isDigitToken(idx, m)) {
      return false;
    }
    int p = idx.start(m);
    int len = idx.length(m);
    int month = (text.charAt(p) - '0') * 10 + (text.charAt(p + 1) - '0');
    if (len < 2 || month < 1 || month > 12) {
      return false;
    }
    int after;
    if (len == 4) {
      after = m + 1; // "1227"
    } else if (len == 2
        && m + 2 < n
        && idx.length(m + 1) == 1
        && (text.charAt(idx.start(m + 1)) == '/' || text.charAt(idx.start(m + 1)) == '-')
        && DigitSequence.isDigitToken(idx, m + 2)
        && (idx.length(m + 2) == 2 || idx.length(m + 2) == 4)) {
      after = m + 3; // "12/27", "12-2027"
    } else {
      return false;
    }
    if (after >= n) {
      return true;
    }
    char c = text.charAt(idx.start(after));
    return c != '/' && c != '-' && c != '.' && !Character.isLetterOrDigit(c);
  }

  /**
   * Maestro cards may have 12 digits (the 13-19 covers the others): such a number is a card
   * only with a Maestro prefix, the Luhn check and a card word within {@link #CONTEXT_WINDOW}
   * chars, and scores 0.65 with it.
   */
  static final int MAESTRO_SHORT = 12;

  private static void report(
      DetectionContext ctx, DigitSequence s, int from, int to, int start, int stop, int count) {
    boolean standard = standardGrouping(s, from, to, count);
    String form = s.form(from, to, standard);
    double base;
    if (s.anyWord(from, to)) {
      base = 0.8;
    } else if (standard) {
      base = to - from == 1 ? 0.9 : 0.95;
    } else {
      base = 0.85;
    }
    if (form.contains("line-break")) {
      base -= 0.05;
    }
    if (count == MAESTRO_SHORT) {
      base = 0.6;
    }
    double score = base;
    List<String> words = ctx.contextWords(start, stop, CONTEXT_WINDOW, CONTEXT);
    if (!words.isEmpty()) {
      score += 0.05;
    } else {
      List<String> neg =
          ctx.contextWords(start, stop, CONTEXT_WINDOW, NumberGuards.NEGATIVE_CONTEXT);
      if (!neg.isEmpty()) {
        score -= 0.45;
        words = neg;
      }
    }
    ctx.report(
        Candidate.builder(EntityType.CREDIT_CARD, start, stop)
            .baseScore(base)
            .score(Math.min(1.0, score))
            .form(form)
            .pattern("card.luhn")
            .validation("luhn")
            .contextWords(words)
            .canonical(s.digitsOf(from, to))
            .build());
  }

  /** One group, or 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4, with one kind of separator. */
  private static boolean standardGrouping(DigitSequence s, int from, int to, int count) {
    int n = to - from;
    if (n == 1) {
      return true;
    }
    int first = s.gap[from + 1];
    for (int g = from + 2; g < to; g++) {
      if (s.gap[g] != first) {
        return false;
      }
    }
    if (n == 3 && s.groupLength(from) == 4 && s.groupLength(from + 1) == 6) {
      return count == 15 || count == 14;
    }
    for (int g = from; g < to; g++) {
      int len = s.groupLength(g);
      if (len != 4 && !(g == to - 1 && len >= 1 && len <= 3)) {
        return false;
      }
    }
    return true;
  }

  /** Luhn check over {@code len} digits starting at {@code off}. */
  static boolean luhn(byte[] d, int off, int len) {
    int sum = 0;
    boolean dbl = false;
    for (int i = off + len - 1; i >= off; i--) {
      int v = d[i];
      if (dbl) {
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  /**
   * The issuer of a number of {@code len} digits starting at {@code off} (when {@code len} is
   * shorter than 13, only the prefix is checked), or null.
   */
  static String issuer(byte[] d, int off, int len) {
    if (len < 4) {
      return null;
    }
    int p1 = d[off];
    int p2 = p1 * 10 + d[off + 1];
    int p3 = p2 * 10 + d[off + 2];
    int p4 = p3 * 10 + d[off + 3];
    boolean any = len < 13;
    if (p1 == 4 && (any || len == 13 || len == 16 || len == 19)) {
      return "visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && (any || len == 16)) {
      return "mastercard";
    }
    if ((p2 == 34 || p2 == 37) && (any || len == 15)) {
      return "amex";
    }
    if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && (any || len >= 16)) {
      return "discover";
    }
    // JCB: 3528-3589 assigned, the whole 35 block as test data prints it; 15 digits: 2131, 1800
    if ((p2 == 35 && (any || len >= 16)) || ((p4 == 2131 || p4 == 1800) && (any || len == 15))) {
      return "jcb";
    }
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095)
        && (any || len >= 14)) {
      return "diners";
    }
    if (p2 == 62 && (any || len >= 16)) {
      return "unionpay";
    }
    if (p4 >= 2200 && p4 <= 2204 && (any || len >= 16)) {
      return "mir";
    }
    if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && (any || len >= 13)) {
      return "maestro";
    }
    return null;
  }
}
