package io.leakguard.pii.detectors;

import com.google.common.net.InetAddresses;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Test oracle: {@link IpAddressDetector} as it was at 614004a (start of round 4), kept unchanged
 * for {@link IpAddressDetectorDifferentialTest}, except for one mirrored change: findings cover a
 * following port ({@code portEnd}).
 *
 * <p>Finds {@code IP_ADDRESS}: IPv4 in standard and obfuscated forms, IPv6, and IPv4 addresses
 * encoded in cloud host names.
 *
 * <p>Examples (span in brackets):
 *
 * <ul>
 *   <li>{@code [10.0.0.1:8080]} (port included, not in the canonical value), {@code [10.0.0.0/24]}
 *       (prefix length included), {@code [010.001.000.001]} (canonical {@code 10.1.0.1});
 *   <li>{@code [10[.]0[.]0[.]1]}, {@code [10 dot 0 dot 0 dot 1]}, {@code [10 . 0 . 0 . 1]}, {@code
 *       ip [10,0,0,1]} (comma form only with a context word);
 *   <li>{@code [ip-10-0-0-1].ec2.internal}, {@code [10-244-1-5].default.pod.cluster.local};
 *   <li>{@code [2001:db8::1]}, {@code [[2001:db8::1]:443]} (with a port: from the bracket to the
 *       port), {@code [fe80::1%eth0]}, {@code [::ffff:192.0.2.1]} (canonical {@code 192.0.2.1}).
 * </ul>
 *
 * <p>Canonical value: IPv4 dotted decimal without leading zeros, IPv6 in RFC 5952 text (Guava
 * {@link InetAddresses#toAddrString}); an IPv4-mapped IPv6 address canonicalizes to its IPv4 form.
 * A CIDR prefix length, port or IPv6 zone id is part of the span but not of the canonical value.
 *
 * <p>Named guards: {@link #VERSION_NUMBER} (a version word just before), {@link #LONG_CHAIN} (more
 * than four dotted numbers: OIDs, section numbers), {@link #NUMBER_LIST} (comma form without an IP
 * word), {@link #TIMESTAMP} (colon-separated small decimals), {@link #CODE} ({@code Foo::bar}, IPv6
 * look-alikes without digits or with too few groups).
 *
 * <p>Design note (maintainers): two forward passes over the token index, each with a resume
 * position so every char is consumed by at most a constant number of chain parses; a chain of
 * numbers is always parsed to its end and judged as a whole, so {@code 1.1.1.1.1.1} never yields a
 * sub-match and a megabyte of it costs one pass. Strings are only built for candidates.
 *
 * <p>Known limits: dotted numbers without any context are taken as addresses unless a guard fires
 * ({@code 1.0.0.0} in a software changelog without a version word is reported); integer ({@code
 * 167772161}), hex ({@code 0x0a000001}) and octal-dotted forms are not recognised.
 */
final class IpAddressDetectorOracle implements Detector {
  /** Words that make an address more likely (lower case). */
  // the word lists are the detector's own (one list, not a copy); this oracle checks how they
  // are applied
  static final Set<String> CONTEXT = IpAddressDetector.CONTEXT;

  /** Context words strong enough to accept the comma form (no {@code from}). */
  static final Set<String> STRONG_CONTEXT = IpAddressDetector.STRONG_CONTEXT;

  /**
   * Guard {@code VERSION_NUMBER}: one of these words within {@link #VERSION_WINDOW} chars before a
   * four-part dotted number makes it a version ({@code Version=4.0.0.0}, {@code build 6.1.0.1}).
   */
  static final Set<String> VERSION_NUMBER = IpAddressDetector.VERSION_NUMBER;

  static final int VERSION_WINDOW = 20;

  private static final String[] VERSION_WORDS = VERSION_NUMBER.toArray(new String[0]);

  /** Per first letter ({@code a} = 0): bit {@code len} set when a version word has that length. */
  private static final long[] VERSION_LENGTHS = new long[26];

  static {
    for (String v : VERSION_WORDS) {
      VERSION_LENGTHS[v.charAt(0) - 'a'] |= 1L << v.length();
    }
  }

  /**
   * Capitalized words that start a sentence or a clause before an address, so they are no product
   * name ({@code From 10.0.0.1}; see {@code productBefore}).
   */
  static final Set<String> NOT_PRODUCT = IpAddressDetector.NOT_PRODUCT;

  /** Guard {@code LONG_CHAIN}: a chain of more than four numbers is an OID or section number. */
  static final int LONG_CHAIN = 4;

  /** Guard {@code NUMBER_LIST}: the comma form needs a {@link #STRONG_CONTEXT} word. */
  static final String NUMBER_LIST = "comma form needs an IP context word";

  /** Guard {@code TIMESTAMP}: colon groups that are all 1-2 decimal digits are a time. */
  static final String TIMESTAMP = "colon-separated small decimals";

  /** Guard {@code CODE}: {@code ::} in code, hex words without digits, too few groups. */
  static final String CODE = "scope operator or too few IPv6 groups";

  static final int CONTEXT_WINDOW = 40;

  // separator kinds between IPv4 numbers
  private static final int DOT = 1;
  private static final int BRACKET = 2;
  private static final int WORD = 3;
  private static final int COMMA = 4;
  private static final int DASH = 5;

  /** {@code 10. 0. 0. 1}: a blank after every dot, none before (autocorrected text). */
  private static final int DOT_AFTER = 6;

  /** {@code ip_10_0_3_15}: underscores, reported only in an {@code ip_}/{@code ec2_} host name. */
  private static final int UNDERSCORE = 7;

  /** {@code 10 .0 .0 .1}: a blank before every dot, none after (session 15, probe16a). */
  private static final int DOT_BEFORE = 8;

  /**
   * {@code 10 point 0 point 0 point 1}: read out, or French; {@code point} is also the decimal
   * point ({@code 3 point 5}), so judged with evidence only (session 15, probe16a).
   */
  private static final int POINT_WORD = 9;

  private static final int SPACED_FAMILY = 10;

  @Override
  public String name() {
    return "ip";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.IP_ADDRESS);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.DIGIT | TextIndex.LETTER;
  }

  @Override
  public void detect(DetectionContext ctx) {
    if ((ctx.tokens().textFlags() & TextIndex.DIGIT) != 0) {
      int[] v6 = scanV6(ctx);
      new V4Scan(ctx, v6).run();
    }
    SpokenIpv4.scanAllTokens(ctx); // session 13: the same spoken-address pass, from every token
  }

  // ---------------------------------------------------------------------------------------------
  // IPv4

  /** One IPv4 pass over a text; holds the chain being parsed (no allocation per chain). */
  private static final class V4Scan {
    final DetectionContext ctx;
    final String text;
    final int n;
    final TextIndex idx;
    final char[] cs;
    final int[] v6;
    int v6Pos;
    final int[] gs = new int[LONG_CHAIN];
    final int[] ge = new int[LONG_CHAIN];
    int count;
    int family;
    boolean bracketed;
    boolean spaced;
    int lastGroupStart;
    boolean familyBreak;

    /** A dot of the chain ends a line: {@code 10.0.\n0.15} (session 14). */
    boolean broken;

    /** The separator {@link #parseSep} just read is a dot before a line break. */
    boolean sepBreak;

    // result of parseSep
    int sepKind;
    boolean sepSpaced;

    V4Scan(DetectionContext ctx, int[] v6) {
      this.ctx = ctx;
      this.text = ctx.text();
      this.n = text.length();
      this.idx = ctx.tokens();
      this.cs = idx.chars();
      this.v6 = v6;
    }

    /**
     * Visits the number tokens only ({@link DigitRuns#numbers}). A host name {@code ip-10-0-0-1} is
     * recognised at its first number (token {@code t}): the prefix word is token {@code t - 2},
     * with the same resume test as if it had been visited in order (the {@code -} token between
     * changes nothing).
     */
    void run() {
      int resume = 0;
      DigitRuns runs = DigitRuns.of(idx);
      int[] numbers = runs.numbers();
      int count = runs.numberCount();
      for (int i = 0; i < count; i++) {
        int t = numbers[i]; // digits, no letter
        int s = idx.start(t);
        if (t >= 2
            && (cs[s - 1] == '-' || cs[s - 1] == '_')
            && idx.start(t - 2) >= resume
            && isHostPrefix(t - 2)) {
          resume = hostname(t - 2, resume);
        }
        if (s < resume) {
          continue;
        }
        int e = idx.end(t);
        if (e < n && !mayStartSeparator(cs[e])) {
          resume = e; // a lone number ("case 4711:"): what chain(s) returns for a one-group chain
          continue;
        }
        resume = chain(s);
      }
    }

    /** The chars {@link #parseSep} can start with: a blank, {@code . , -} or an opening bracket. */
    private static boolean mayStartSeparator(char c) {
      return c == '.' || c == ' ' || c == '-' || c == ',' || c == '\t' || c == '[' || c == '('
          || c == '{';
    }

    /**
     * {@code ip-} or {@code ec2-} followed by a digit: token {@code t} is the word, {@code t + 1}
     * the dash, {@code t + 2} a number (the caller checked the dash char and the number).
     */
    private boolean isHostPrefix(int t) {
      int len = idx.length(t);
      if ((len != 2 && len != 3) || idx.length(t + 1) != 1) {
        return false;
      }
      int s = idx.start(t);
      char c0 = (char) (cs[s] | 0x20);
      return len == 2
          ? c0 == 'i' && (cs[s + 1] | 0x20) == 'p'
          : c0 == 'e' && (cs[s + 1] | 0x20) == 'c' && cs[s + 2] == '2';
    }

    /** {@code ip-10-0-0-1}: returns the new resume position. */
    private int hostname(int t, int resume) {
      int s = idx.start(t + 2);
      int end = parseChain(s);
      // ip-10-0-0-1, or ip_10_0_3_15 (the separator after the prefix names the family)
      int fam = cs[s - 1] == '_' ? UNDERSCORE : DASH;
      if (count == 4 && family == fam && validOctets() && !continuesAsNumber(end)) {
        int hs = idx.start(t);
        double base = 0.85;
        if (regionAt(end, ".ec2.internal")
            || regionAt(end, ".compute.internal")
            || regionAt(end, ".compute-1.amazonaws.com")
            || (regionAt(end, ".") && endsWithCloudDomain(end))) {
          base = 0.92;
        }
        report(hs, end, base, 0.05, "hostname", "ip.hostname", canonical());
        return Math.max(resume, end);
      }
      return resume; // not a host name: let the numbers be parsed as a chain ("ip-10.0.0.1")
    }

    /** {@code 1.2.3.4.5a}, {@code 1-2-3-4-5x}: the chain goes on in a non-number token. */
    private boolean continuesAsNumber(int end) {
      if (end + 1 < n) {
        char c = cs[end];
        return (c == '.' || c == ',' || c == '-') && isDigit(cs[end + 1]);
      }
      return false;
    }

    private boolean endsWithCloudDomain(int end) {
      // e.g. ip-172-31-5-20.us-west-2.compute.internal: look a bounded way ahead
      int limit = Math.min(n, end + 48);
      int i = end;
      while (i < limit && (isAlnum(cs[i]) || cs[i] == '.' || cs[i] == '-')) {
        i++;
      }
      String host = text.substring(end, i);
      return host.endsWith(".compute.internal")
          || host.endsWith(".amazonaws.com")
          || host.endsWith(".ec2.internal");
    }

    private boolean regionAt(int pos, String s) {
      return text.regionMatches(true, pos, s, 0, s.length());
    }

    /**
     * Parses and judges the chain of numbers starting at {@code s}; returns the resume position.
     */
    private int chain(int s) {
      int end = parseChain(s);
      int resume = end;
      if (familyBreak && count >= 2) {
        resume = lastGroupStart; // "5-10.0.0.1": let the last number start a new chain
      }
      if (count != 4 || !validOctets()) {
        return resume;
      }
      if (insideV6(s)) {
        return resume;
      }
      // left boundary: not the tail of a dotted thing ("v1.2.3.4", "a.10.0.0.1")
      if (s >= 2) {
        char p = cs[s - 1];
        char pp = cs[s - 2];
        if ((p == '.' || p == '_') && isAlnum(pp) && family != DASH) {
          return resume;
        }
        if (family == COMMA && p == ',' && isDigit(pp)) {
          return resume; // NUMBER_LIST
        }
      }
      // right boundary: "1.2.3.4.5a"
      if (continuesAsNumber(end) && !(familyBreak && cs[end] != '.')) {
        return resume;
      }
      if (versionBefore(s)
          || productBefore(s)
          || (family == DOT && IpAddressDetector.lowerProductBefore(cs, n, s))
          || IpAddressDetector.packageRevisionAfter(cs, n, s, end)
          || IpAddressDetector.userAgentBefore(cs, s)
          || IpAddressDetector.numberingBefore(cs, s)
          || versionNearby(s, end)) {
        return resume; // VERSION_NUMBER
      }
      String canonical = canonical();
      switch (family) {
        case DOT:
        case BRACKET:
          {
            int e = cidr(end);
            // a port belongs to the written value ("10.0.0.1:8080"), not to the canonical one
            int pe = portEnd(cs, n, e);
            if (pe > 0) {
              e = pe;
            }
            String form;
            String pattern;
            double base;
            if (broken) {
              if (!weakFormEvidence(s, end) && !IpAddressDetector.privateStart(cs, gs, ge)) {
                break; // "fixed in 2.1.\n3.0 next": a wrapped address needs evidence
              }
              form = "line-break";
              pattern = "ip.v4";
              base = 0.8;
            } else if (bracketed && spaced) {
              form = "bracketed+spaced";
              pattern = "ip.v4-bracketed";
              base = 0.8;
            } else if (bracketed) {
              form = "bracketed";
              pattern = "ip.v4-bracketed";
              base = 0.85;
            } else if (spaced) {
              form = "spaced";
              pattern = "ip.v4-spaced";
              base = 0.7;
            } else {
              form = "standard";
              pattern = "ip.v4";
              base = zeroPadded() ? 0.85 : 0.9;
            }
            report(s, e, base, spaced ? 0.1 : 0.05, form, pattern, canonical);
            break;
          }
        case WORD:
          report(s, end, 0.75, 0.1, "words", "ip.v4-words", canonical);
          break;
        case COMMA:
          if (weakFormEvidence(s, end)) {
            report(s, end, 0.45, 0.3, "comma", "ip.v4-comma", canonical);
          }
          break;
        case POINT_WORD:
          if (weakFormEvidence(s, end)) {
            report(s, end, 0.75, 0.1, "words", "ip.v4-words", canonical);
          }
          break;
        case DOT_AFTER:
        case DOT_BEFORE:
          if (weakFormEvidence(s, end)) {
            report(s, end, 0.45, 0.35, "spaced", "ip.v4-spaced", canonical);
          }
          break;
        case DASH:
          // bare "10-244-1-5" only as a DNS label: followed by ".name"
          if (end + 1 < n
              && cs[end] == '.'
              && isLetter(cs[end + 1])
              && (s == 0 || !isDigit(cs[s - 1]))) {
            report(s, end, 0.7, 0.1, "hostname", "ip.hostname", canonical);
          }
          break;
        default:
          break;
      }
      return resume;
    }

    /**
     * Evidence for the comma and dot-blank forms ({@code 10,0,0,1}, {@code 10. 0. 0. 1}), which are
     * number lists or sentences without it: a {@link #STRONG_CONTEXT} word, or any {@link #CONTEXT}
     * word ({@code from}, {@code router}) when at least two numbers have two or more digits ({@code
     * 1,2,3,4} stays a list).
     */
    private boolean weakFormEvidence(int s, int end) {
      if (!ctx.contextWords(s, end, CONTEXT_WINDOW, STRONG_CONTEXT).isEmpty()) {
        return true;
      }
      int wide = 0;
      for (int k = 0; k < 4; k++) {
        if (ge[k] - gs[k] >= 2) {
          wide++;
        }
      }
      return wide >= 2 && !ctx.contextWords(s, end, CONTEXT_WINDOW, CONTEXT).isEmpty();
    }

    private boolean insideV6(int s) {
      while (v6Pos < v6.length && v6[v6Pos + 1] <= s) {
        v6Pos += 2;
      }
      return v6Pos < v6.length && v6[v6Pos] <= s;
    }

    private boolean versionBefore(int s) {
      int from = Math.max(0, s - VERSION_WINDOW);
      // the window stops at a line break (a log line starting with an address); cheap pre-check:
      // any letter in the window at all?
      boolean letter = false;
      for (int i = s - 1; i >= from; i--) {
        char c = cs[i];
        if (c == '\n') {
          from = i + 1;
          break;
        }
        letter |= isLetter(c);
      }
      return letter
          && mayHoldVersionWord(from, s)
          && !ctx.contextWords(s, n, s - from, VERSION_NUMBER).isEmpty();
    }

    /**
     * False when no word of {@code [from, to)} can be a {@link #VERSION_NUMBER} word, so the
     * context look-up would find none: every ASCII word there differs from all of them. A word with
     * a non-ASCII letter (its lower case is Unicode's) and a word cut at {@code from} count as
     * possible; the look-up decides those.
     */
    private boolean mayHoldVersionWord(int from, int to) {
      int i = from;
      while (i < to) {
        if (!isLetter(cs[i])) {
          i++;
          continue;
        }
        int w = i;
        boolean ascii = true;
        while (i < to && isLetter(cs[i])) {
          ascii &= cs[i] < 128;
          i++;
        }
        if (!ascii || isVersionWord(w, i)) {
          return true;
        }
      }
      return false;
    }

    private boolean isVersionWord(int from, int to) {
      int len = to - from;
      int c0 = (cs[from] | 0x20) - 'a';
      if (c0 < 0 || c0 > 25 || len > 63 || (VERSION_LENGTHS[c0] >>> len & 1) == 0) {
        return false; // no version word starts with this letter and has this length
      }
      for (String v : VERSION_WORDS) {
        if (v.length() == len && text.regionMatches(true, from, v, 0, len)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Guard {@code VERSION_NUMBER}, product form: a capitalized word that is no {@link #CONTEXT}
     * word directly before the number, optionally followed by {@code is} or an opening parenthesis
     * ({@code Outlook 3.6.1.148}, {@code OS 6.4.0.62}, {@code Office is 5.7.7.49}, {@code
     * Contoso.Core (6.9.0.227)}), or a Windows package identity ({@code ~amd64~~7.7.4.213}).
     */
    private boolean productBefore(int s) {
      if (s == 0) {
        return false;
      }
      if (cs[s - 1] == '~') {
        return true;
      }
      int i = s;
      if (cs[i - 1] == '(') {
        i--;
      }
      if (i == 0 || cs[i - 1] != ' ') {
        return false;
      }
      i--;
      int we = i;
      int ws = wordStart(we);
      if (we - ws == 2
          && (cs[ws] | 0x20) == 'i'
          && (cs[ws + 1] | 0x20) == 's'
          && ws > 0
          && cs[ws - 1] == ' '
          && i == s - 1) {
        we = ws - 1;
        ws = wordStart(we);
      }
      if (we - ws < 2 || we - ws > 24) {
        return false;
      }
      char c0 = cs[ws];
      if (c0 < 'A' || c0 > 'Z') {
        return false;
      }
      if (sentenceStart(ws)) {
        return false; // "Mine is 10.1.2.3": capitalized because it starts the sentence
      }
      String w = text.substring(ws, we).toLowerCase(java.util.Locale.ROOT);
      return !CONTEXT.contains(w) && !NOT_PRODUCT.contains(w);
    }

    /** Only blanks and quote marks ({@code >}) between a line or sentence start and {@code ws}. */
    private boolean sentenceStart(int ws) {
      int i = ws - 1;
      while (i >= 0 && ws - i < 16 && (cs[i] == ' ' || cs[i] == '>')) {
        i--;
      }
      if (i < 0 || cs[i] == '\n') {
        return true;
      }
      char c = cs[i];
      return (c == '.' || c == '!' || c == '?') && i + 1 < ws && cs[i + 1] == ' ';
    }

    /** Start of the run of ASCII letters ending at {@code we}. */
    private int wordStart(int we) {
      int ws = we;
      while (ws > 0 && ws > we - 25 && isAsciiLetter(cs[ws - 1])) {
        ws--;
      }
      return ws;
    }

    /**
     * Guard {@code VERSION_NUMBER}, list form: another dotted number in the same sentence (same
     * line, no {@code ". "} between) within {@link #CONTEXT_WINDOW} chars that is a version makes
     * this one a version too ({@code Build 16.0.13556.20330 works, 8.5.0.212 does not}, {@code
     * reprod on Version=8.0.0.0, not on 6.8.3.185}), unless a {@link #STRONG_CONTEXT} word is near.
     * A version here is a three-part number that is no date ({@code 5.1.4}, not {@code
     * 10.08.2024}), a four-part one with a part over 255, or one after a version word.
     */
    private boolean versionNearby(int s, int end) {
      int from = s;
      while (from > 0 && from > s - CONTEXT_WINDOW && !sentenceBreak(from - 1)) {
        from--;
      }
      int to = end;
      while (to < n && to < end + CONTEXT_WINDOW && !sentenceBreak(to)) {
        to++;
      }
      boolean found = false;
      int i = from;
      while (i < to && !found) {
        if (i == s) {
          i = end;
          continue;
        }
        char c = cs[i];
        if (isDigit(c) && (i == 0 || (!isAlnum(cs[i - 1]) && cs[i - 1] != '.'))) {
          int k = i;
          int parts = 0;
          int maxLen = 0;
          int lastLen = 0;
          int maxVal = 0;
          while (true) {
            int d = k;
            int v = 0;
            while (k < to && isDigit(cs[k]) && k - d < 9) {
              v = v * 10 + cs[k] - '0';
              k++;
            }
            parts++;
            lastLen = k - d;
            maxLen = Math.max(maxLen, lastLen);
            maxVal = Math.max(maxVal, v);
            if (k + 1 < to && cs[k] == '.' && isDigit(cs[k + 1])) {
              k++;
            } else {
              break;
            }
          }
          boolean date = maxLen == 4 && (lastLen == 4 || (i + 4 <= n && isDigit(cs[i + 3])));
          if (parts == 3 && !date && !IpAddressDetector.smtpStatus(cs, i)) {
            found = true;
          } else if (parts == 4 && (maxVal > 255 || versionBefore(i))) {
            found = true;
          }
          i = Math.max(k, i + 1);
          continue;
        }
        i++;
      }
      return found
          && ctx.contextWords(s, end, CONTEXT_WINDOW, STRONG_CONTEXT).isEmpty()
          && ctx.contextWords(
                  s,
                  n,
                  Math.min(s, IpAddressDetector.DEVICE_WINDOW),
                  IpAddressDetector.DEVICE_NOUNS)
              .isEmpty();
    }

    /** A line break, or a sentence end ({@code .!?} and a blank) at {@code i}. */
    private boolean sentenceBreak(int i) {
      char c = cs[i];
      if (c == '\n') {
        return true;
      }
      return (c == '.' || c == '!' || c == '?')
          && i + 1 < n
          && (cs[i + 1] == ' ' || cs[i + 1] == '\n')
          && (i == 0 || !isDigit(cs[i - 1]) || i + 2 >= n || !isDigit(cs[i + 2]));
    }

    /** Includes a CIDR prefix length {@code /0..32} in the span. */
    private int cidr(int end) {
      if (end + 1 < n && cs[end] == '/' && isDigit(cs[end + 1])) {
        int i = end + 1;
        int v = 0;
        while (i < n && isDigit(cs[i]) && i - end <= 2) {
          v = v * 10 + cs[i] - '0';
          i++;
        }
        if (v <= 32 && (i >= n || !isAlnum(cs[i]))) {
          return i;
        }
      }
      return end;
    }

    private void report(
        int s, int e, double base, double boost, String form, String pattern, String canonical) {
      List<String> words = ctx.contextWords(s, e, CONTEXT_WINDOW, CONTEXT);
      double score = words.isEmpty() ? base : Math.min(0.99, base + boost);
      ctx.report(
          Candidate.builder(EntityType.IP_ADDRESS, s, e)
              .baseScore(base)
              .score(score)
              .form(form)
              .pattern(pattern)
              .validation("octets")
              .contextWords(words)
              .canonical(canonical)
              .build());
    }

    private boolean validOctets() {
      for (int k = 0; k < 4; k++) {
        int len = ge[k] - gs[k];
        if (len > 3) {
          return false;
        }
        int v = 0;
        for (int i = gs[k]; i < ge[k]; i++) {
          v = v * 10 + cs[i] - '0';
        }
        if (v > 255) {
          return false;
        }
      }
      return true;
    }

    private boolean zeroPadded() {
      for (int k = 0; k < 4; k++) {
        if (ge[k] - gs[k] > 1 && cs[gs[k]] == '0') {
          return true;
        }
      }
      return false;
    }

    private String canonical() {
      StringBuilder sb = new StringBuilder(15);
      for (int k = 0; k < 4; k++) {
        int v = 0;
        for (int i = gs[k]; i < ge[k]; i++) {
          v = v * 10 + cs[i] - '0';
        }
        if (k > 0) {
          sb.append('.');
        }
        sb.append(v);
      }
      return sb.toString();
    }

    /**
     * Parses the maximal chain of numbers joined by one separator family from the digit run at
     * {@code s}. Sets {@link #count}, {@link #family}, the first four groups and the flags; returns
     * the end of the last group.
     */
    private int parseChain(int s) {
      count = 0;
      family = 0;
      bracketed = false;
      spaced = false;
      familyBreak = false;
      broken = false;
      int g = digitsEnd(s);
      addGroup(s, g);
      int pos = g;
      while (true) {
        int e = parseSep(pos);
        if (e < 0 || e >= n || !isDigit(cs[e])) {
          break;
        }
        // spaced and unspaced separators never mix in one chain ("1. 10.0.0.1")
        int fam = (sepKind == BRACKET ? DOT : sepKind) + (sepSpaced ? SPACED_FAMILY : 0);
        if (family == 0) {
          family = fam;
        } else if (family != fam) {
          familyBreak = true;
          break;
        }
        int ge2 = digitsEnd(e);
        if (ge2 < n && isAlnum(cs[ge2])) {
          break; // "4a": not a number
        }
        if (sepKind == BRACKET) {
          bracketed = true;
        }
        addGroup(e, ge2);
        broken |= sepBreak;
        pos = ge2;
      }
      spaced = family > SPACED_FAMILY;
      family = family > SPACED_FAMILY ? family - SPACED_FAMILY : family;
      if (family == DOT && bracketed) {
        family = BRACKET;
      }
      return pos;
    }

    private void addGroup(int s, int e) {
      if (count < LONG_CHAIN) {
        gs[count] = s;
        ge[count] = e;
      }
      lastGroupStart = s;
      count++;
    }

    private int digitsEnd(int i) {
      while (i < n && isDigit(cs[i])) {
        i++;
      }
      return i;
    }

    /** {@code dot} in any case at {@code i} (caller checks {@code i + 3 <= n}). */
    private boolean isDotWord(int i) {
      return (cs[i] | 0x20) == 'd' && (cs[i + 1] | 0x20) == 'o' && (cs[i + 2] | 0x20) == 't';
    }

    private int skipBlanks(int i) {
      int k = 0;
      while (i < n && k < 3 && (cs[i] == ' ' || cs[i] == '\t')) {
        i++;
        k++;
      }
      return i;
    }

    /**
     * A separator at {@code p}: {@code .}, {@code [.]}, {@code (dot)}, {@code dot }, {@code ,},
     * {@code -}, with optional blanks. Sets {@link #sepKind}/{@link #sepSpaced}; returns the
     * position after it, or -1.
     */
    private int parseSep(int p) {
      sepBreak = false;
      if (p >= n) {
        return -1;
      }
      int q = skipBlanks(p);
      boolean before = q > p;
      if (q >= n) {
        return -1;
      }
      char c = cs[q];
      int e;
      int kind;
      if (c == '.') {
        kind = DOT;
        e = q + 1;
      } else if (c == ',' && !before) {
        kind = COMMA;
        e = q + 1;
      } else if (c == '-' && !before) {
        kind = DASH;
        e = q + 1;
      } else if (c == '_' && !before) {
        kind = UNDERSCORE;
        e = q + 1;
      } else if (c == '[' || c == '(' || c == '{') {
        char close = c == '[' ? ']' : c == '(' ? ')' : '}';
        if (q + 2 < n && cs[q + 1] == '.' && cs[q + 2] == close) {
          e = q + 3;
        } else if (q + 4 < n && isDotWord(q + 1) && cs[q + 4] == close) {
          e = q + 5;
        } else {
          return -1;
        }
        kind = BRACKET;
      } else if (before && q + 3 < n && isDotWord(q) && !isAlnum(cs[q + 3])) {
        kind = WORD;
        e = q + 3;
      } else if (before
          && q + 5 < n
          && IpAddressDetector.pointWordAt(cs, q)
          && !isAlnum(cs[q + 5])) {
        kind = POINT_WORD;
        e = q + 5;
      } else {
        return -1;
      }
      int wrapped = kind == DOT && !before ? IpAddressDetector.wrappedAfterDot(cs, n, e) : -1;
      if (wrapped > 0) {
        sepKind = DOT; // "10.0.\n0.15"
        sepSpaced = false;
        sepBreak = true;
        return wrapped;
      }
      int r = skipBlanks(e);
      boolean after = r > e;
      if ((kind == COMMA || kind == DASH || kind == UNDERSCORE) && after) {
        return -1;
      }
      if ((kind == WORD || kind == POINT_WORD) && !after) {
        return -1;
      }
      if (kind == DOT && before && !after) {
        if (q - p != 1 || cs[p] != ' ') {
          return -1; // "1  .10", "1\t.10": not an address
        }
        sepKind = DOT_BEFORE; // "10 .0 .0 .1": judged with evidence only, as "10. 0. 0. 1"
        sepSpaced = false;
        return r;
      }
      if (kind == DOT && !before && after) {
        if (r - e != 1 || cs[e] != ' ') {
          return -1; // "1.  10", "1.\t10": a sentence
        }
        sepKind = DOT_AFTER; // "1. 10": judged with evidence only
        sepSpaced = false;
        return r;
      }
      sepKind = kind;
      sepSpaced = kind != WORD && kind != POINT_WORD && (before || after);
      return r;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // IPv6

  private static final int[] NO_SPANS = new int[0];

  /**
   * Finds IPv6 addresses; reports them and returns their spans as {@code [s0, e0, s1, e1, ...]} in
   * order, so the IPv4 pass skips an embedded IPv4 tail.
   *
   * <p>Most colons in support text belong to no address ({@code Subject: hi}, {@code Note:}): a
   * colon with no colon and no possible hex group on either side is a run of one token, which is
   * never judged; it is skipped from its neighbour chars alone, before any token look-up.
   */
  private static int[] scanV6(DetectionContext ctx) {
    String text = ctx.text();
    int pos = text.indexOf(':');
    if (pos < 0) {
      return NO_SPANS;
    }
    TextIndex idx = ctx.tokens();
    char[] c = idx.chars();
    int n = text.length();
    int size = idx.size();
    int[] spans = NO_SPANS;
    int nspans = 0;
    int resume = 0;
    int t = 0;
    while (pos >= 0) {
      if (!groupOrColonEndsAt(c, pos - 1) && !groupOrColonStartsAt(c, n, pos + 1)) {
        resume = pos + 1; // the run is this colon alone
        pos = text.indexOf(':', resume);
        continue;
      }
      t = tokenFrom(idx, t, pos);
      // walk back to the start of the run (never before the previous run's end)
      int first = t;
      while (first > 0 && idx.start(first - 1) >= resume && isGroupOrColon(c, idx, first - 1)) {
        first--;
      }
      // walk forward over hex groups, colons and (after a colon) a dotted IPv4 tail
      boolean seenColon = false;
      int k = first;
      while (k < size) {
        if (isColon(c, idx, k)) {
          seenColon = true;
        } else if (idx.is(k, TextIndex.HEX) && idx.length(k) <= 4) {
          // group
        } else if (seenColon
            && idx.length(k) == 1
            && c[idx.start(k)] == '.'
            && k > first
            && k + 1 < size
            && isDigitToken(idx, k - 1)
            && isDigitToken(idx, k + 1)) {
          // dotted tail
        } else {
          break;
        }
        k++;
      }
      int last = k - 1;
      resume = idx.end(last);
      if (last > first) {
        int[] span = judgeV6(ctx, c, idx.start(first), resume);
        if (span != null) {
          if (nspans + 2 > spans.length) {
            spans = Arrays.copyOf(spans, Math.max(8, spans.length * 2));
          }
          spans[nspans++] = span[0];
          spans[nspans++] = span[1];
        }
      }
      pos = text.indexOf(':', resume);
    }
    return nspans == 0 ? NO_SPANS : Arrays.copyOf(spans, nspans);
  }

  /**
   * False only when the token ending at {@code i} is surely neither a colon nor a group (a hex
   * token of at most four chars): a non-hex char, five hex chars, or an ASCII letter before the hex
   * chars. Chars past {@code i} are not looked at (the caller's colon ends the token).
   */
  static boolean groupOrColonEndsAt(char[] c, int i) {
    if (i < 0) {
      return false;
    }
    if (c[i] == ':') {
      return true;
    }
    int j = i;
    while (j >= 0 && i - j < 5 && isHex(c[j])) {
      j--;
    }
    if (j == i || i - j >= 5) {
      return false;
    }
    return j < 0 || !isAsciiAlnum(c[j]);
  }

  /** Like {@link #groupOrColonEndsAt} for the token starting at {@code i}. */
  static boolean groupOrColonStartsAt(char[] c, int n, int i) {
    if (i >= n) {
      return false;
    }
    if (c[i] == ':') {
      return true;
    }
    int j = i;
    while (j < n && j - i < 5 && isHex(c[j])) {
      j++;
    }
    if (j == i || j - i >= 5) {
      return false;
    }
    return j >= n || !isAsciiAlnum(c[j]);
  }

  /**
   * The token containing {@code pos}, searching forward from token {@code from} (galloping, then
   * binary search): amortized cheaper than {@link TextIndex#tokenAt} for increasing positions.
   */
  static int tokenFrom(TextIndex idx, int from, int pos) {
    int size = idx.size();
    int lo = from;
    int step = 1;
    int hi = from;
    while (hi < size && idx.end(hi) <= pos) {
      lo = hi + 1;
      hi = from + step;
      step <<= 1;
    }
    hi = Math.min(hi, size - 1);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (idx.end(mid) <= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static boolean isGroupOrColon(char[] c, TextIndex idx, int t) {
    return (idx.is(t, TextIndex.HEX) && idx.length(t) <= 4) || isColon(c, idx, t);
  }

  private static boolean isColon(char[] c, TextIndex idx, int t) {
    return idx.length(t) == 1 && c[idx.start(t)] == ':';
  }

  private static boolean isDigitToken(TextIndex idx, int t) {
    return (idx.flags(t) & (TextIndex.DIGIT | TextIndex.LETTER)) == TextIndex.DIGIT;
  }

  /** Applies guards and validation to the run {@code [rs, re)}; reports and returns the span. */
  private static int[] judgeV6(DetectionContext ctx, char[] c, int rs, int re) {
    String text = ctx.text();
    int n = text.length();
    int s = rs;
    int e = re;
    // "addr:fe80::1" key separator, "fe80::1: up" trailing colon
    if (c[s] == ':' && (s + 1 >= e || c[s + 1] != ':')) {
      s++;
    }
    if (e - s >= 2 && c[e - 1] == ':' && c[e - 2] != ':') {
      e--;
    }
    if (e - s < 2 || e - s > 45) {
      return null;
    }
    // CODE: "Foo::bar" ("::" glued to a non-hex word), "abc::def(" call
    if (s == rs && s > 0 && isAlnum(c[s - 1])) {
      return null;
    }
    if (e == re && e < n && isAlnum(c[e])) {
      return null;
    }
    // "2001:db8:1:2:3:4:5:6:443": eight full groups and an unbracketed port
    int runEnd = e;
    e = dropPort(c, s, e);
    int groups = 0;
    int colons = 0;
    int longest = 0;
    int doubles = 0;
    boolean digit = false;
    boolean allSmallDecimal = true;
    boolean tail = false;
    int i = s;
    while (i < e) {
      char ch = c[i];
      if (ch == ':') {
        colons++;
        if (i + 1 < e && c[i + 1] == ':') {
          doubles++;
          colons++;
          i += 2;
          if (i < e && c[i] == ':') {
            return null; // ":::"
          }
        } else {
          i++;
        }
        continue;
      }
      int gsStart = i;
      boolean dec = true;
      while (i < e && c[i] != ':' && c[i] != '.') {
        char d = c[i];
        if (d >= '0' && d <= '9') {
          digit = true;
        } else {
          dec = false;
        }
        i++;
      }
      if (i < e && c[i] == '.') {
        tail = true;
        digit = true;
        groups += 2;
        break;
      }
      int len = i - gsStart;
      groups++;
      longest = Math.max(longest, len);
      if (!dec || len > 2) {
        allSmallDecimal = false;
      }
    }
    if (colons < 2 || doubles > 1 || !digit) {
      return null; // CODE
    }
    if (doubles == 0 && allSmallDecimal && !tail) {
      return null; // TIMESTAMP
    }
    boolean strong = groups >= 3 || (groups == 2 && doubles == 1 && longest >= 3);
    // CODE: "abc::def(" call, "a1::b2<T>"; ipconfig's "fe80::1(Preferred)" has enough groups
    if (!strong && e < n && (c[e] == '(' || c[e] == '<')) {
      return null;
    }
    String canonical;
    if (tail) {
      // an embedded IPv4 tail ("::ffff:192.0.2.1"): rare, left to Guava
      String addr = text.substring(s, e);
      if (!InetAddresses.isInetAddress(addr)) {
        return null;
      }
      InetAddress ia = InetAddresses.forString(addr);
      canonical = ia instanceof Inet4Address ? ia.getHostAddress() : InetAddresses.toAddrString(ia);
    } else {
      // hex groups and colons only: MAC addresses, "2024:10:30:45" and the like end here
      int[] hextets = new int[8];
      if (!parseHextets(c, s, e, hextets)) {
        return null;
      }
      canonical = hextetsText(hextets);
    }
    // zone id and prefix length belong to the written value
    int end = e;
    if (end + 1 < n && c[end] == '%' && isAlnum(c[end + 1])) {
      int z = end + 1;
      while (z < n && z - end <= 32 && (isAlnum(c[z]) || c[z] == '_' || c[z] == '.')) {
        z++;
      }
      if (c[z - 1] == '.') {
        z--;
      }
      end = z;
    } else if (end + 1 < n && c[end] == '/' && isDigit(c[end + 1])) {
      int z = end + 1;
      int v = 0;
      while (z < n && isDigit(c[z]) && z - end <= 3) {
        v = v * 10 + c[z] - '0';
        z++;
      }
      if (v <= 128 && (z >= n || !isAlnum(c[z]))) {
        end = z;
      }
    }
    boolean bracketed = s > 0 && c[s - 1] == '[' && end < n && c[end] == ']';
    // a port belongs to the written value, not to the canonical one: the bare port of a nine-group
    // run ("…:8aa0:587"), or "[2001:db8::1]:443" from the opening bracket to the end of the port
    long span = IpAddressDetector.v6Span(c, n, s, e, end, runEnd, bracketed);
    int spanStart = (int) (span >>> 32);
    end = (int) span;
    List<String> words = ctx.contextWords(s, end, CONTEXT_WINDOW, CONTEXT);
    double base = strong ? 0.9 : bracketed ? 0.6 : 0.4;
    double score = words.isEmpty() ? base : Math.min(0.99, base + (strong ? 0.05 : 0.2));
    if (score < 0.5 && !strong) {
      return null; // CODE: too few groups and no evidence
    }
    ctx.report(
        Candidate.builder(EntityType.IP_ADDRESS, spanStart, end)
            .baseScore(base)
            .score(score)
            .form("standard")
            .pattern("ip.v6")
            .validation("inet6")
            .contextWords(words)
            .canonical(canonical)
            .build());
    return new int[] {spanStart, end};
  }

  /**
   * Parses {@code c[s, e)}, made of ASCII hex digits and colons only, as IPv6 text into eight
   * hextets; false when it is none. The same grammar as Guava's {@link InetAddresses#isInetAddress}
   * for such text (2 to 8 colons, at most one {@code ::} standing for at least one zero group, no
   * lone leading or trailing colon, 1-4 hex digits per group, eight groups without {@code ::});
   * {@code IpAddressDetectorTest} checks the two agree. Allocation free, so a MAC address or a
   * {@code 2024:10:30:45} stamp costs one pass.
   */
  static boolean parseHextets(char[] c, int s, int e, int[] hextets) {
    int len = e - s;
    if (len < 2) {
      return false;
    }
    int colons = 0;
    for (int i = s; i < e; i++) {
      if (c[i] == ':') {
        colons++;
      } else if (!isHex(c[i])) {
        return false;
      }
    }
    if (colons < 2 || colons > 8) {
      return false;
    }
    int skipped = 8 - (colons + 1);
    boolean hasSkip = false;
    for (int i = s; i < e - 1; i++) {
      if (c[i] == ':' && c[i + 1] == ':') {
        if (hasSkip) {
          return false;
        }
        hasSkip = true;
        skipped++;
        if (i == s) {
          skipped++;
        }
        if (i == e - 2) {
          skipped++;
        }
      }
    }
    if (c[s] == ':' && c[s + 1] != ':') {
      return false;
    }
    if (c[e - 1] == ':' && c[e - 2] != ':') {
      return false;
    }
    if (hasSkip ? skipped <= 0 : colons != 7) {
      return false;
    }
    int k = 0;
    int start = c[s] == ':' ? s + 1 : s;
    while (start < e) {
      int end = start;
      while (end < e && c[end] != ':') {
        end++;
      }
      if (end == start) {
        for (int z = 0; z < skipped; z++) {
          hextets[k++] = 0;
        }
      } else {
        if (end - start > 4) {
          return false;
        }
        int v = 0;
        for (int i = start; i < end; i++) {
          v = (v << 4) | Character.digit(c[i], 16);
        }
        hextets[k++] = v;
      }
      start = end + 1;
    }
    return k == 8;
  }

  /**
   * The canonical text of eight hextets, as Guava's {@code forString} and {@code toAddrString} give
   * it: an IPv4-mapped address ({@code ::ffff:c000:201}) in dotted decimal ({@code 192.0.2.1}, Java
   * makes it an {@link Inet4Address}); otherwise RFC 5952 (lower-case hex without leading zeros,
   * the first longest run of two or more zero groups as {@code ::}).
   */
  static String hextetsText(int[] h) {
    if (h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0 && h[4] == 0 && h[5] == 0xffff) {
      return (h[6] >>> 8) + "." + (h[6] & 0xff) + "." + (h[7] >>> 8) + "." + (h[7] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a run must be at least two groups long
    int runStart = -1;
    for (int i = 0; i <= 8; i++) {
      if (i < 8 && h[i] == 0) {
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        if (i - runStart > bestLength) {
          bestStart = runStart;
          bestLength = i - runStart;
        }
        runStart = -1;
      }
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (i > 0 && i != bestStart + bestLength) {
        sb.append(':');
      }
      sb.append(Integer.toHexString(h[i]));
    }
    return sb.toString();
  }

  /**
   * {@code [s, e)} without a trailing {@code :port} when it holds nine colon groups and no {@code
   * ::} (an IPv6 address has at most eight), the last one 1-5 decimal digits.
   */
  private static int dropPort(char[] c, int s, int e) {
    int colons = 0;
    int last = -1;
    for (int i = s; i < e; i++) {
      if (c[i] == ':') {
        if (i + 1 < e && c[i + 1] == ':') {
          return e;
        }
        colons++;
        last = i;
      } else if (c[i] == '.') {
        return e;
      }
    }
    if (colons != 8 || e - last - 1 < 1 || e - last - 1 > 5) {
      return e;
    }
    for (int i = last + 1; i < e; i++) {
      if (!isDigit(c[i])) {
        return e;
      }
    }
    return last;
  }

  /**
   * End of a port {@code :PORT} at {@code i} ({@code :} and 1-5 decimal digits, value at most
   * 65535), or -1. Not a port when the digits go on as a number, a time or a version ({@code
   * 10.0.0.1:12:30}, {@code :80.5}) or as a word ({@code :80abc}). Bounded look-ahead: 8 chars.
   */
  static int portEnd(char[] c, int n, int i) {
    return IpAddressDetector.portEnd(c, n, i); // shared: the port rule is not speed work
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetter(c);
  }

  static boolean isAlnum(char c) {
    return c < 128
        ? (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        : Character.isLetterOrDigit(c);
  }
}
