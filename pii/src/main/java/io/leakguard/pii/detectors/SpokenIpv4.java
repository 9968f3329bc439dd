package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.TextIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IPv4 addresses read out in words, the form of call notes and voice transcripts: {@code ten dot
 * zero dot zero dot four}, {@code one nine two dot one six eight dot one dot twenty}, {@code one
 * ninety-two dot one sixty-eight dot zero dot five}, {@code two hundred fifty five dot ...}, mixed
 * with digits ({@code 10 dot zero dot zero dot 1}). Part of the {@code ip} detector (form {@code
 * words}, pattern {@code ip.v4-spoken}); an address written only with digits and {@code dot} words
 * ({@code 10 dot 0 dot 0 dot 1}) is the v4 pass's {@code ip.v4-words}, not this one's.
 *
 * <p>An octet is one of: one to three digit words ({@code one nine two} = 192, {@code oh} = 0); a
 * teen ({@code ten} ... {@code nineteen}); a tens word with an optional digit ({@code twenty},
 * {@code sixty-eight}); a digit with {@code hundred}, an optional {@code and} and an optional rest
 * ({@code one hundred and twelve}); a digit and a teen or tens word ({@code one ninety two} = 192,
 * {@code two fifty five} = 255); or a number token of at most three digits. Words are joined by
 * blanks or one {@code -}; an octet and its {@code dot} word by blanks only. Four octets of value
 * at most 255, at least one of them in words, three {@code dot} words (any case) between them.
 *
 * <p>Design note: it runs only from the {@code dot} words that {@link DigitRuns} lists (the Spanish
 * {@code dos} makes {@code dot} a seed of its walk already, so the list costs no extra pass) and
 * only when a text holds three or more of them: no cost on the hot path. The v4 pass and the test
 * oracle ({@code IpAddressDetectorOracle}) both call it.
 */
final class SpokenIpv4 {
  private SpokenIpv4() {}

  /** Base score: words are a deliberate way to write an address, but carry no shape evidence. */
  static final double BASE = 0.7;

  /** Added with an {@link IpAddressDetector#CONTEXT} word near. */
  static final double BOOST = 0.2;

  /** Chars before an address searched for a version or outline word. */
  static final int NOT_ADDRESS_WINDOW = 24;

  /**
   * Words of a numbered outline before a read-out number ({@code step one dot two dot three dot
   * four}, {@code chapter three dot one ...}): not an address, unless a strong context word ({@link
   * IpAddressDetector#STRONG_CONTEXT}) is near.
   */
  static final java.util.Set<String> OUTLINE =
      java.util.Set.of(
          "step",
          "steps",
          "chapter",
          "section",
          "paragraph",
          "clause",
          "figure",
          "table",
          "rule",
          "item",
          "part",
          "article",
          "appendix",
          "page",
          "score",
          "scored");

  private static final int DIGIT = 1;
  private static final int TEEN = 2;
  private static final int TENS = 3;
  private static final int HUNDRED = 4;
  private static final int AND = 5;

  /** Word (lower case) to {@code kind << 8 | value}. */
  private static final Map<String, Integer> WORDS = new HashMap<>();

  static {
    String[] digits = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    for (int i = 0; i < digits.length; i++) {
      WORDS.put(digits[i], DIGIT << 8 | i);
    }
    WORDS.put("oh", DIGIT << 8);
    String[] teens = {
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    for (int i = 0; i < teens.length; i++) {
      WORDS.put(teens[i], TEEN << 8 | (10 + i));
    }
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      WORDS.put(tens[i], TENS << 8 | (20 + 10 * i));
    }
    WORDS.put("hundred", HUNDRED << 8);
    WORDS.put("and", AND << 8);
  }

  /** Longest word of {@link #WORDS} ({@code seventeen}). */
  private static final int MAX_WORD = 9;

  /** Octet words before a {@code dot} that a search for the first octet looks back over. */
  private static final int MAX_OCTET_TOKENS = 9;

  /**
   * Reports the spoken addresses around the {@code dot} word tokens {@code dots[0, count)} (in
   * order; other tokens in the list are skipped).
   */
  static void scan(DetectionContext ctx, int[] dots, int count) {
    if (count < 3) {
      return;
    }
    new Parse(ctx).run(dots, count);
  }

  /** {@link #scan} with the {@code dot} words found by a walk over every token (the oracle). */
  static void scanAllTokens(DetectionContext ctx) {
    TextIndex ix = ctx.tokens();
    int[] dots = new int[8];
    int count = 0;
    for (int t = 0; t < ix.size(); t++) {
      if (isDot(ix, t)) {
        if (count == dots.length) {
          dots = java.util.Arrays.copyOf(dots, count * 2);
        }
        dots[count++] = t;
      }
    }
    scan(ctx, dots, count);
  }

  /**
   * Whether every dot-separated label of the lower-case domain {@code d[0, len)} is a number word
   * ({@code ten.zero.zero}): the e-mail detector's guard {@code NUMBER_WORDS}.
   */
  static boolean numberWordLabels(char[] d, int len) {
    int from = 0;
    for (int i = 0; i <= len; i++) {
      if (i == len || d[i] == '.') {
        if (i - from < 2
            || i - from > MAX_WORD
            || !WORDS.containsKey(new String(d, from, i - from))) {
          return false;
        }
        from = i + 1;
      }
    }
    return true;
  }

  /** Whether token {@code t} is the word {@code dot} in any case. */
  static boolean isDot(TextIndex ix, int t) {
    if (ix.length(t) != 3) {
      return false;
    }
    char[] c = ix.chars();
    int s = ix.start(t);
    return (c[s] | 0x20) == 'd' && (c[s + 1] | 0x20) == 'o' && (c[s + 2] | 0x20) == 't';
  }

  /** One text's parse; {@code end}/{@code value}/{@code words} hold the last octet read. */
  private static final class Parse {
    final DetectionContext ctx;
    final TextIndex ix;
    final char[] c;
    final int n;
    int end; // last token of the octet
    int value;
    boolean words;

    Parse(DetectionContext ctx) {
      this.ctx = ctx;
      this.ix = ctx.tokens();
      this.c = ix.chars();
      this.n = ix.size();
    }

    void run(int[] dots, int count) {
      int resume = 0;
      for (int i = 0; i + 2 < count; i++) {
        int d0 = dots[i];
        if (d0 < resume || !isDot(ix, d0)) {
          continue;
        }
        int r = tryAt(d0);
        if (r > 0) {
          resume = r;
        }
      }
    }

    /** An address whose first {@code dot} is token {@code d0}; returns the token after it, or 0. */
    int tryAt(int d0) {
      int first = firstOctet(d0);
      if (first < 0) {
        return 0;
      }
      int[] values = new int[4];
      values[0] = value;
      boolean anyWords = words;
      int dot = d0;
      for (int k = 1; k < 4; k++) {
        int t = blanksAfter(dot);
        if (t < 0 || !octet(t)) {
          return 0;
        }
        values[k] = value;
        anyWords |= words;
        if (k < 3) {
          int b = blanksAfter(end);
          if (b < 0 || !isDot(ix, b)) {
            return 0;
          }
          dot = b;
        }
      }
      int last = end;
      if (!anyWords || followsNumber(last) || precededByNumber(first)) {
        return 0; // "10 dot 0 dot 0 dot 1" is the v4 pass's; a longer number chain is no address
      }
      int s = ix.start(first);
      int e = ix.end(last);
      // VERSION_NUMBER / OUTLINE: "version one dot two dot three dot four", "step one dot two ..."
      int from = Math.max(0, s - NOT_ADDRESS_WINDOW);
      if ((!ctx.contextWords(s, s, s - from, IpAddressDetector.VERSION_NUMBER).isEmpty()
              || !ctx.contextWords(s, s, s - from, OUTLINE).isEmpty())
          && ctx.contextWords(
                  s, e, IpAddressDetector.CONTEXT_WINDOW, IpAddressDetector.STRONG_CONTEXT)
              .isEmpty()) {
        return 0;
      }
      List<String> context =
          ctx.contextWords(s, e, IpAddressDetector.CONTEXT_WINDOW, IpAddressDetector.CONTEXT);
      double score = context.isEmpty() ? BASE : BASE + BOOST;
      ctx.report(
          Candidate.builder(EntityType.IP_ADDRESS, s, e)
              .baseScore(BASE)
              .score(score)
              .form("words")
              .pattern("ip.v4-spoken")
              .validation("octets")
              .contextWords(context)
              .canonical(values[0] + "." + values[1] + "." + values[2] + "." + values[3])
              .build());
      return last + 1;
    }

    /**
     * The first token of the octet that ends right before the blanks before {@code dot}: the
     * longest such octet, or -1. Sets {@link #value} and {@link #words} for it.
     */
    int firstOctet(int dot) {
      int last = blanksBefore(dot);
      if (last < 0 || !isOctetToken(last)) {
        return -1;
      }
      // candidate starts: the octet tokens going back, joined by blanks or one '-'
      int[] starts = new int[MAX_OCTET_TOKENS];
      int count = 0;
      int t = last;
      while (count < MAX_OCTET_TOKENS) {
        starts[count++] = t;
        int p = joinBefore(t);
        if (p < 0 || !isOctetToken(p)) {
          break;
        }
        t = p;
      }
      for (int k = count - 1; k >= 0; k--) {
        if (octet(starts[k]) && end == last) {
          return starts[k];
        }
      }
      return -1;
    }

    /** Whether token {@code t} can be part of an octet (a number word or a short number). */
    boolean isOctetToken(int t) {
      return kind(t) != 0 || shortNumber(t) >= 0;
    }

    /**
     * Reads the longest octet starting at token {@code t}: sets {@link #end}, {@link #value} and
     * {@link #words}; false when none.
     */
    boolean octet(int t) {
      int num = shortNumber(t);
      if (num >= 0) {
        end = t;
        value = num;
        words = false;
        return num <= 255;
      }
      int w0 = kind(t);
      if (w0 == 0 || w0 >> 8 == HUNDRED || w0 >> 8 == AND) {
        return false;
      }
      words = true;
      int k0 = w0 >> 8;
      int v0 = w0 & 0xFF;
      end = t;
      value = v0;
      if (k0 == TEEN) {
        return true;
      }
      int t1 = joinAfter(t);
      int w1 = t1 < 0 ? 0 : kind(t1);
      if (k0 == TENS) {
        if (w1 >> 8 == DIGIT && (w1 & 0xFF) != 0) {
          end = t1;
          value = v0 + (w1 & 0xFF);
        }
        return true;
      }
      // k0 == DIGIT
      if (w1 >> 8 == HUNDRED && v0 > 0) {
        value = v0 * 100;
        end = t1;
        int t2 = joinAfter(t1);
        int w2 = t2 < 0 ? 0 : kind(t2);
        if (w2 >> 8 == AND) {
          int t3 = joinAfter(t2);
          int w3 = t3 < 0 ? 0 : kind(t3);
          if (w3 != 0 && rest(t3, w3, value)) {
            return value <= 255;
          }
          return value <= 255;
        }
        if (w2 != 0) {
          rest(t2, w2, value);
        }
        return value <= 255;
      }
      if ((w1 >> 8 == TEEN || w1 >> 8 == TENS) && v0 > 0) {
        // "one ninety two", "two fifty five", "one twelve"
        int save = value;
        int saveEnd = end;
        if (rest(t1, w1, v0 * 100) && value <= 255) {
          return true;
        }
        value = save;
        end = saveEnd;
        return true;
      }
      if (w1 >> 8 == DIGIT) {
        int v = v0 * 10 + (w1 & 0xFF);
        int t2 = joinAfter(t1);
        int w2 = t2 < 0 ? 0 : kind(t2);
        if (w2 >> 8 == DIGIT && v * 10 + (w2 & 0xFF) <= 255) {
          end = t2;
          value = v * 10 + (w2 & 0xFF);
        } else {
          end = t1;
          value = v;
        }
      }
      return true;
    }

    /**
     * The part after a hundreds digit at token {@code t} (kind and value {@code w}): a teen, a tens
     * word with an optional digit, or a digit. Adds it to {@code base} into {@link #value} and
     * moves {@link #end}; false when {@code w} cannot follow.
     */
    boolean rest(int t, int w, int base) {
      int k = w >> 8;
      int v = w & 0xFF;
      if (k == TEEN || (k == DIGIT && v > 0)) {
        end = t;
        value = base + v;
        return true;
      }
      if (k == TENS) {
        end = t;
        value = base + v;
        int t1 = joinAfter(t);
        int w1 = t1 < 0 ? 0 : kind(t1);
        if (w1 >> 8 == DIGIT && (w1 & 0xFF) != 0) {
          end = t1;
          value += w1 & 0xFF;
        }
        return true;
      }
      return false;
    }

    /** {@code kind << 8 | value} of the number word at token {@code t}, or 0. */
    int kind(int t) {
      int len = ix.length(t);
      if (len < 2 || len > MAX_WORD || (ix.flags(t) & TextIndex.LETTER) == 0) {
        return 0;
      }
      int s = ix.start(t);
      Integer w = WORDS.get(new String(c, s, len).toLowerCase(Locale.ROOT));
      return w == null ? 0 : w;
    }

    /** The value of a token of one to three ASCII digits, or -1. */
    int shortNumber(int t) {
      int len = ix.length(t);
      if (len > 3) {
        return -1;
      }
      int s = ix.start(t);
      int v = 0;
      for (int i = s; i < s + len; i++) {
        if (c[i] < '0' || c[i] > '9') {
          return -1;
        }
        v = v * 10 + c[i] - '0';
      }
      return v;
    }

    /** The token after the blanks after token {@code t}, or -1. */
    int blanksAfter(int t) {
      if (t + 2 >= n || !blanks(t + 1)) {
        return -1;
      }
      return t + 2;
    }

    /** The token before the blanks before token {@code t}, or -1. */
    int blanksBefore(int t) {
      if (t < 2 || !blanks(t - 1)) {
        return -1;
      }
      return t - 2;
    }

    /** The word joined to token {@code t} by blanks or one {@code -} after it, or -1. */
    int joinAfter(int t) {
      if (t + 2 >= n || !(blanks(t + 1) || hyphen(t + 1))) {
        return -1;
      }
      return t + 2;
    }

    /** The word joined to token {@code t} by blanks or one {@code -} before it, or -1. */
    int joinBefore(int t) {
      if (t < 2 || !(blanks(t - 1) || hyphen(t - 1))) {
        return -1;
      }
      return t - 2;
    }

    /** Token {@code t} is one to three spaces or tabs. */
    boolean blanks(int t) {
      int s = ix.start(t);
      int e = ix.end(t);
      if (e - s > 3) {
        return false;
      }
      for (int i = s; i < e; i++) {
        if (c[i] != ' ' && c[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    boolean hyphen(int t) {
      return ix.length(t) == 1 && c[ix.start(t)] == '-';
    }

    /**
     * A longer chain after the address: a {@code dot} word or a number after blanks, or {@code .}
     * and a digit ({@code four.5}).
     */
    boolean followsNumber(int last) {
      int t = blanksAfter(last);
      if (t >= 0 && (isDot(ix, t) || shortNumber(t) >= 0)) {
        return true;
      }
      return last + 2 < n
          && ix.length(last + 1) == 1
          && c[ix.start(last + 1)] == '.'
          && (ix.flags(last + 2) & TextIndex.DIGIT) != 0;
    }

    /** A {@code dot} word before the address: a longer chain. */
    boolean precededByNumber(int first) {
      int t = blanksBefore(first);
      return t >= 0 && isDot(ix, t);
    }
  }
}
