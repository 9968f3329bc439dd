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
import java.util.Locale;
import java.util.Set;

/**
 * Finds {@code IP_ADDRESS}: IPv4 in standard and obfuscated forms, IPv6, and IPv4 addresses encoded
 * in cloud host names.
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
final class IpAddressDetector implements Detector {
  /** Words that make an address more likely (lower case). */
  static final Set<String> CONTEXT =
      Set.of(
          "ip",
          "ips",
          "ipv4",
          "ipv6",
          "address",
          "addr",
          "host",
          "hostname",
          "server",
          "ping",
          "connect",
          "connected",
          "connection",
          "from",
          "src",
          "dst",
          "source",
          "destination",
          "client",
          "remote",
          "peer",
          "inet",
          "gateway",
          "nameserver",
          "dns",
          "listen",
          "listening",
          "bind",
          "subnet",
          "cidr",
          "proxy",
          "localhost",
          "loopback",
          "ssh",
          "router",
          "printer",
          "dhcp",
          "vpn",
          "firewall",
          "reach",
          "reachable",
          "unreachable",
          "nat",
          "lan",
          "wan",
          "vm",
          "nic",
          "modem",
          "forwarded",
          "xff",
          "rhost");

  /** Context words strong enough to accept the comma form (no {@code from}). */
  static final Set<String> STRONG_CONTEXT =
      Set.of(
          "ip",
          "ips",
          "ipv4",
          "address",
          "addr",
          "host",
          "server",
          "ping",
          "connect",
          "src",
          "dst",
          "client",
          "gateway",
          "inet",
          "subnet",
          // session 16 (probe18): proxy headers and log fields ("X-Forwarded-For:", "xff=",
          // "rhost="), so a version in the same log line ("okhttp/4.12.0") does not hide them
          "forwarded",
          "xff",
          "rhost");

  /**
   * Devices and roles that have an address: one within {@link #DEVICE_WINDOW} chars before a number
   * keeps it an address although a version stands in the same sentence ({@code Firmware 1.0.0.12 on
   * the router at 192.168.1.1}; session 17). {@code from} and {@code to} are no such words: {@code
   * from 1.2.3.4 to 1.2.3.5} stays a version list when one of them is a version.
   */
  static final Set<String> DEVICE_NOUNS =
      Set.of(
          "router",
          "printer",
          "gateway",
          "modem",
          "firewall",
          "proxy",
          "nameserver",
          "dns",
          "vm",
          "nic",
          "peer",
          "nat",
          "vpn",
          "dhcp",
          "ssh");

  /** How far before a number {@link #DEVICE_NOUNS} are looked for (a noun and {@code at}). */
  static final int DEVICE_WINDOW = 16;

  /**
   * Guard {@code VERSION_NUMBER}: one of these words within {@link #VERSION_WINDOW} chars before a
   * four-part dotted number makes it a version ({@code Version=4.0.0.0}, {@code build 6.1.0.1}).
   */
  static final Set<String> VERSION_NUMBER =
      Set.of(
          "version",
          "versions",
          "ver",
          "v",
          "build",
          "release",
          "fileversion",
          "productversion",
          "assemblyversion",
          "assemblyfileversion",
          "firmware",
          "revision",
          "rev",
          "rv", // a Gecko user agent: "Mozilla/5.0 (X11; Linux i686; rv:1.9.7.20) Gecko/20100101"
          "sdk",
          "patch",
          "kb",
          "repro",
          "reprod",
          "reproduced",
          "reproducible");

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
  /**
   * Guard {@code VERSION_NUMBER}, lower-case product form: nouns that name installed software after
   * a product word ({@code VPN client 5.2.1.3}); see {@code lowerProductBefore}.
   */
  static final Set<String> PRODUCT_NOUNS =
      Set.of(
          "client",
          "agent",
          "driver",
          "app",
          "plugin",
          "extension",
          "addin",
          "module",
          "library",
          "runtime",
          "installer",
          "toolkit",
          "framework",
          "updater",
          "launcher",
          "sensor",
          "connector",
          "package",
          "firmware",
          "bios",
          "browser",
          "sdk",
          "tools");

  /**
   * Guard {@code VERSION_NUMBER}, lower-case package form: last parts of a hyphenated package name
   * ({@code at-spi2-core}, {@code node-exporter}, {@code python3-utils}); see {@code
   * lowerProductBefore}. Host-name parts ({@code server}, {@code router}, digits) are not listed,
   * so an address after a host name stays.
   */
  static final Set<String> PACKAGE_PARTS =
      Set.of(
          "core",
          "common",
          "utils",
          "tools",
          "dev",
          "bin",
          "data",
          "base",
          "libs",
          "lib",
          "exporter",
          "plugin",
          "plugins",
          "agent",
          "client",
          "clients",
          "driver",
          "drivers",
          "runtime",
          "firmware",
          "daemon",
          "doc",
          "docs",
          "extra",
          "extras",
          "modules",
          "headers",
          "engine",
          "engines",
          "sdk",
          "cli",
          "api",
          "bridge",
          "support",
          "helper",
          "helpers");

  static final Set<String> NOT_PRODUCT =
      Set.of(
          "at",
          "on",
          "to",
          "via",
          "is",
          "and",
          "or",
          "for",
          "with",
          "use",
          "try",
          "see",
          "was",
          "got",
          "gets",
          "the",
          "my",
          "our",
          "your",
          "its",
          "new",
          "old",
          "set",
          "by",
          "in",
          "of",
          "then",
          "now",
          "but",
          "also",
          "same",
          "still",
          "only",
          "not",
          "tried",
          "reach",
          "allow",
          "block",
          "blocked",
          "whitelist",
          "allowlist",
          "add",
          "added",
          "remove",
          // session 16 (probe19): errno names in a socket error ("connect ECONNREFUSED
          // 10.240.0.17:5432") are capitalized words before the address, but no product
          "econnrefused",
          "econnreset",
          "econnaborted",
          "etimedout",
          "ehostunreach",
          "ehostdown",
          "enetunreach",
          "eaddrinuse",
          "eaddrnotavail");

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

  /**
   * The longest separator {@link V4Scan#parseSep} accepts: three blanks, {@code [dot]}, three
   * blanks.
   */
  static final int MAX_SEP = 11;

  /**
   * {@code point} in any case at {@code i} (caller checks {@code i + 5 <= n}): a separator of the
   * {@code 10 point 0 point 0 point 1} form (session 15). Shared with the test oracle.
   */
  static boolean pointWordAt(char[] cs, int i) {
    return (cs[i] | 0x20) == 'p'
        && (cs[i + 1] | 0x20) == 'o'
        && (cs[i + 2] | 0x20) == 'i'
        && (cs[i + 3] | 0x20) == 'n'
        && (cs[i + 4] | 0x20) == 't';
  }

  /**
   * A line wrapped right after the dot that ends at {@code e} ({@code 10.0.\n0.15}, session 14):
   * one line break ({@code \n}, {@code \r\n} or {@code \r}) and a digit right after it. Returns the
   * digit's position, or -1. Asked only at a dot after a number.
   */
  static int wrappedAfterDot(char[] cs, int n, int e) {
    if (e + 1 >= n || (cs[e] != '\n' && cs[e] != '\r')) {
      return -1;
    }
    int r = cs[e] == '\r' && cs[e + 1] == '\n' ? e + 2 : e + 1;
    return r < n && cs[r] >= '0' && cs[r] <= '9' ? r : -1;
  }

  /**
   * The first two of the groups {@code [gs[k], ge[k])} (ASCII digits, at most three, checked) are
   * those of a private range: 10/8, 172.16/12, 192.168/16.
   */
  static boolean privateStart(char[] cs, int[] gs, int[] ge) {
    int a = 0;
    for (int i = gs[0]; i < ge[0]; i++) {
      a = a * 10 + (cs[i] - '0');
    }
    int b = 0;
    for (int i = gs[1]; i < ge[1]; i++) {
      b = b * 10 + (cs[i] - '0');
    }
    return a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168;
  }

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
    return TextIndex.DIGIT | TextIndex.LETTER; // letters: an address read out in words
  }

  @Override
  public void detect(DetectionContext ctx) {
    if ((ctx.tokens().textFlags() & TextIndex.DIGIT) != 0) {
      int[] v6 = scanV6(ctx);
      new V4Scan(ctx, v6).run();
    }
    DigitRuns runs = DigitRuns.of(ctx.tokens());
    SpokenIpv4.scan(ctx, runs.dots(), runs.dotCount()); // "ten dot zero dot zero dot four"
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

    // the number list and the index of the chain's first number (set by segment)
    int[] numbers;
    int numberCount;
    int chainIndex;
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
     * Visits the number tokens only ({@link DigitRuns#numbers}), and of those only the ones in a
     * <em>linked segment</em> of at least four: number {@code i} is linked to number {@code i + 1}
     * when the gap between them is at most {@link #MAX_SEP} chars and could be a separator ({@link
     * #mayLink}). A chain's groups are consecutive number tokens (a separator holds no digit; a
     * group followed by a letter ends the chain), each separated by at most {@code MAX_SEP} chars,
     * so a chain of four groups, and so any finding (a host name needs one too), lies inside a
     * segment of four or more linked numbers. Chains starting in a shorter segment end in it,
     * report nothing, and leave a resume position no later number can see: skipping them changes
     * nothing. Most numbers in support text (counts, dates, times, phone groups) are in such short
     * segments.
     *
     * <p>A host name {@code ip-10-0-0-1} is recognised at its first number (token {@code t}): the
     * prefix word is token {@code t - 2}, with the same resume test as if it had been visited in
     * order (the {@code -} token between changes nothing).
     */
    void run() {
      DigitRuns runs = DigitRuns.of(idx);
      int[] numbers = runs.numbers();
      int count = runs.numberCount();
      this.numbers = numbers;
      this.numberCount = count;
      int resume = 0;
      int first = 0; // first number of the current linked segment
      for (int i = 0; i < count; i++) {
        if (i + 1 < count && mayLink(numbers[i], numbers[i + 1])) {
          continue;
        }
        if (i - first >= 3 || i - first == 2 && digitAfter(idx.end(numbers[i]))) {
          resume = segment(numbers, first, i + 1, resume);
        }
        first = i + 1;
      }
    }

    /**
     * Number tokens {@code a} then {@code b} (the next one): true when a separator of {@link
     * #parseSep} leads from the end of {@code a} to the start of {@code b}, as a chain would go on.
     * The gap length and its first char reject most pairs before the separator is parsed.
     */
    private boolean mayLink(int a, int b) {
      int e = idx.end(a);
      int bs = idx.start(b);
      int gap = bs - e;
      if (gap > MAX_SEP) {
        return false;
      }
      char c = cs[e];
      if (gap == 1) {
        return c == '.' || c == ',' || c == '-' || c == '_';
      }
      return mayStartSeparator(c) && parseSep(e) == bs;
    }

    /**
     * A chain's last group can be a token that is no number ({@code 62} and a combining mark):
     * after three linked numbers, a separator to an ASCII digit after the third keeps the segment.
     */
    private boolean digitAfter(int e) {
      if (e >= n || !mayStartSeparator(cs[e])) {
        return false;
      }
      int r = parseSep(e);
      return r >= 0 && r < n && isDigit(cs[r]);
    }

    /** The chain loop over the numbers {@code [from, to)} of one linked segment. */
    private int segment(int[] numbers, int from, int to, int resume) {
      for (int i = from; i < to; i++) {
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
        chainIndex = i;
        resume = chain(s);
      }
      return resume;
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
          || (family == DOT && lowerProductBefore(cs, n, s))
          || packageRevisionAfter(cs, n, s, end)
          || userAgentBefore(cs, s)
          || numberingBefore(cs, s)
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
      // the window stops at a line break (a log line starting with an address); a window without
      // letters has no version word (mayHoldVersionWord looks at letters only)
      for (int i = s - 1; i >= from; i--) {
        if (cs[i] == '\n') {
          from = i + 1;
          break;
        }
      }
      return mayHoldVersionWord(from, s)
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
      if (!dottedNumberNearby(s, end)) {
        return false;
      }
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
          && ctx.contextWords(s, n, Math.min(s, DEVICE_WINDOW), DEVICE_NOUNS).isEmpty();
    }

    /**
     * Necessary for {@link #versionNearby}: a number token outside the chain (before number {@code
     * chainIndex}, or at or after {@code end}) starts within {@link #CONTEXT_WINDOW} chars of the
     * chain and is followed by a dot and a digit. A version there starts at a digit after no
     * letter, digit or dot, and its first part is followed by {@code .} and a digit: that first
     * part is a whole token of ASCII digits, a number. Most addresses stand alone in their line, so
     * the ±40 char scan with its sentence-break tests is skipped for them.
     */
    private boolean dottedNumberNearby(int s, int end) {
      int lo = s - CONTEXT_WINDOW;
      for (int j = chainIndex - 1; j >= 0; j--) {
        int t = numbers[j];
        if (idx.start(t) < lo) {
          break;
        }
        if (dotDigitAt(idx.end(t))) {
          return true;
        }
      }
      int hi = end + CONTEXT_WINDOW;
      for (int j = chainIndex + 1; j < numberCount; j++) {
        int t = numbers[j];
        int ts = idx.start(t);
        if (ts >= hi) {
          break;
        }
        if (ts >= end && dotDigitAt(idx.end(t))) {
          return true;
        }
      }
      return false;
    }

    private boolean dotDigitAt(int i) {
      return i + 1 < n && cs[i] == '.' && isDigit(cs[i + 1]);
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
   * never judged; it is skipped from its neighbour chars alone, before any token look-up, and so is
   * a colon whose run cannot hold a second colon ({@link #mayHoldTwoColons}). The colons are found
   * from the {@link TextIndex#ASSIGN} tokens that the shared {@link DigitRuns} walk lists (the walk
   * the IPv4 pass needs anyway; a posting list of its own walked every token again: 8% of this
   * detector), which also gives their tokens, instead of {@code indexOf} and a token search per
   * colon.
   */
  private static int[] scanV6(DetectionContext ctx) {
    TextIndex idx = ctx.tokens();
    if ((idx.textFlags() & TextIndex.ASSIGN) == 0) {
      return NO_SPANS; // no colon at all
    }
    // every colon is a one-char token flagged ASSIGN (with every '='): visit those tokens only
    DigitRuns runs = DigitRuns.of(idx);
    int[] assign = runs.assigns();
    int assignCount = runs.assignCount();
    String text = ctx.text();
    char[] c = idx.chars();
    int n = text.length();
    int size = idx.size();
    int[] spans = NO_SPANS;
    int nspans = 0;
    int resume = 0;
    for (int a = 0; a < assignCount; a++) {
      int t = assign[a];
      int pos = idx.start(t);
      if (pos < resume || c[pos] != ':') {
        continue; // inside the previous run, or '='
      }
      if (!groupOrColonEndsAt(c, pos - 1) && !groupOrColonStartsAt(c, n, pos + 1)
          || !mayHoldTwoColons(c, n, pos)) {
        resume = pos + 1; // the run is this colon alone, or holds no other colon
        continue;
      }
      int stamp = timeRunEnd(c, n, pos);
      if (stamp >= 0) {
        resume = stamp; // "19:52:36": judged TIMESTAMP; resume where the run would end
        continue;
      }
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
    }
    return nspans == 0 ? NO_SPANS : Arrays.copyOf(spans, nspans);
  }

  /**
   * False when the run of the colon at {@code pos} surely holds no other colon and no dotted tail:
   * neither the (at most four) hex chars before it nor those after it are bounded by a colon, and
   * those after it not by a dot. Colons and groups alternate in a run, so a second colon would sit
   * right there. {@link #judgeV6} rejects a run with fewer than two colons, and such a run ends
   * within the group after the colon, before the next colon: skipping it (resuming after the colon)
   * leaves the next run as it was. {@code Subject: Re: 12:45} and the like end here.
   */
  static boolean mayHoldTwoColons(char[] c, int n, int pos) {
    int j = pos - 1;
    while (j >= 0 && pos - j <= 4 && isHex(c[j])) {
      j--;
    }
    if (j >= 0 && c[j] == ':') {
      return true;
    }
    j = pos + 1;
    while (j < n && j - pos <= 4 && isHex(c[j])) {
      j++;
    }
    return j < n && (c[j] == ':' || c[j] == '.');
  }

  /**
   * The end of the run of the colon at {@code pos} when it is surely a time: groups of one or two
   * ASCII digits joined by single colons ({@code 19:52:36}, {@code 07:11}), between ASCII chars
   * that are no letter, digit, colon or dot (so no token goes on, no dotted tail follows); else -1.
   * {@link #judgeV6} rejects such a run ({@code TIMESTAMP}, or fewer than two colons, with or
   * without a dropped port), and its walk would end at the last group: the same resume position.
   * About two thirds of the runs judged in support text are times.
   */
  static int timeRunEnd(char[] c, int n, int pos) {
    int b = pos - 1;
    if (b < 0 || !isDigit(c[b])) {
      return -1;
    }
    if (b > 0 && isDigit(c[b - 1])) {
      b--;
    }
    if (b > 0 && !endsTimeRun(c[b - 1])) {
      return -1;
    }
    int i = pos;
    while (true) {
      // c[i] == ':'
      int d = i + 1;
      if (d >= n || !isDigit(c[d])) {
        return -1;
      }
      d++;
      if (d < n && isDigit(c[d])) {
        d++;
      }
      if (d >= n) {
        return d;
      }
      if (c[d] != ':') {
        return endsTimeRun(c[d]) ? d : -1;
      }
      i = d;
    }
  }

  /** An ASCII char that is no letter, digit, colon or dot. */
  private static boolean endsTimeRun(char ch) {
    return ch < 128 && !isAsciiAlnum(ch) && ch != ':' && ch != '.';
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
    long span = v6Span(c, n, s, e, end, runEnd, bracketed);
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
   * The written span of an IPv6 finding with its port: the bare port of a nine-group run ({@code
   * …:8aa0:587}, the run ends at {@code runEnd}, the address at {@code e}), or {@code
   * [2001:db8::1]:443} from the opening bracket. Packed as {@code start << 32 | end}; {@code s} and
   * {@code end} unchanged when there is no port. Shared with the test oracle.
   */
  static long v6Span(char[] c, int n, int s, int e, int end, int runEnd, boolean bracketed) {
    int spanStart = s;
    if (e < runEnd) {
      if (portEnd(c, n, e) == runEnd) {
        end = runEnd;
      }
    } else if (bracketed) {
      int pe = portEnd(c, n, end + 1);
      if (pe > 0) {
        spanStart = s - 1;
        end = pe;
      }
    }
    return (long) spanStart << 32 | end;
  }

  /**
   * End of a port {@code :PORT} at {@code i} ({@code :} and 1-5 decimal digits, value at most
   * 65535), or -1. Not a port when the digits go on as a number, a time or a version ({@code
   * 10.0.0.1:12:30}, {@code :80.5}) or as a word ({@code :80abc}). Bounded look-ahead: 8 chars.
   */
  static int portEnd(char[] c, int n, int i) {
    if (i + 1 >= n || c[i] != ':' || !isDigit(c[i + 1])) {
      return -1;
    }
    int j = i + 1;
    int v = 0;
    while (j < n && isDigit(c[j])) {
      if (j - i > 5) {
        return -1; // a sixth digit
      }
      v = v * 10 + c[j] - '0';
      j++;
    }
    if (v > 65535) {
      return -1;
    }
    if (j < n) {
      char d = c[j];
      if (isAlnum(d) || d == '_') {
        return -1;
      }
      if ((d == '.' || d == ':') && j + 1 < n && isDigit(c[j + 1])) {
        return -1;
      }
    }
    return j;
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
  }

  /**
   * Guard {@code VERSION_NUMBER}, package form: a package revision glued after the number, as
   * Debian and RPM tools print versions: {@code -1ubuntu2}, {@code -1~deb12u2}, {@code -8+deb11u1},
   * {@code -0.cvs20001011} (letters, {@code ~} or {@code +} after the revision digits); {@code
   * alsa-ucm-conf (1.2.8.1-1)} (in parentheses after a package name, as changelogs and apt print
   * them); {@code name:all 3.12.0.1-2} (after a {@code :arch} qualifier, as dpkg logs print them).
   * An address range ({@code 10.0.0.1-10.0.0.9}, {@code 192.168.1.10-20}) is none of these.
   */
  static boolean packageRevisionAfter(char[] cs, int n, int s, int end) {
    if (end + 1 >= n || cs[end] != '-' || !isDigit(cs[end + 1])) {
      return false;
    }
    int k = end + 1;
    int parts = 1;
    while (true) {
      int d = k;
      while (k < n && isDigit(cs[k]) && k - d < 9) {
        k++;
      }
      if (k + 1 < n && cs[k] == '.' && isDigit(cs[k + 1])) {
        parts++;
        k++;
      } else {
        break;
      }
    }
    if (parts >= 4) {
      return false; // "10.0.0.1-10.0.0.9": a range of addresses
    }
    char after = k < n ? cs[k] : '\n';
    if (after == '~'
        || after == '+'
        || isAsciiLetter(after)
        || (after == '.' && k + 1 < n && isAsciiLetter(cs[k + 1]))) {
      return true;
    }
    if (after == ')' && packageBefore(cs, s)) {
      return true;
    }
    return archBefore(cs, s);
  }

  /**
   * {@code name (} right before {@code s}, where {@code name} is spelled like a package (lower-case
   * ASCII letters, digits, {@code - . +}) and is no {@link #CONTEXT} or {@link #NOT_PRODUCT} word:
   * {@code alsa-ucm-conf (1.2.8.1-1)}, not {@code from (10.0.0.1-5)}.
   */
  private static boolean packageBefore(char[] cs, int s) {
    if (s < 4 || cs[s - 1] != '(' || cs[s - 2] != ' ') {
      return false;
    }
    int we = s - 2;
    int ws = we;
    while (ws > 0 && we - ws < 40) {
      char c = cs[ws - 1];
      if ((c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '.' || c == '+') {
        ws--;
      } else {
        break;
      }
    }
    if (we - ws < 2 || !(cs[ws] >= 'a' && cs[ws] <= 'z')) {
      return false;
    }
    if (ws > 0 && !(cs[ws - 1] == ' ' || cs[ws - 1] == '\n' || cs[ws - 1] == ',')) {
      return false; // "Abc-def (": part of a capitalized or otherwise longer word
    }
    String w = new String(cs, ws, we - ws);
    return !CONTEXT.contains(w) && !NOT_PRODUCT.contains(w);
  }

  /** A dpkg {@code name:arch } qualifier right before {@code s} ({@code libc6:amd64 2.36-9}). */
  private static boolean archBefore(char[] cs, int s) {
    if (s < 4 || cs[s - 1] != ' ') {
      return false;
    }
    int e = s - 1;
    int i = e - 1;
    while (i >= 0 && isAsciiAlnum(cs[i]) && e - i <= 8) {
      i--;
    }
    return i >= 1 && i < e - 1 && cs[i] == ':' && isAsciiAlnum(cs[i - 1]);
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }

  static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /** Words that number a part of a document. */
  private static final Set<String> NUMBERING_WORDS =
      Set.of("section", "chapter", "clause", "appendix", "paragraph", "para", "sec");

  /**
   * Guard {@code VERSION_NUMBER}, numbering form: a {@link #NUMBERING_WORDS} word (any case) and
   * one blank, or {@code §}, right before the number ({@code see section 2.1.3.4 of the runbook};
   * session 17). Only directly before: {@code section 2 and ping 10.1.2.3} keeps its address.
   * Static so the oracle shares it.
   */
  static boolean numberingBefore(char[] cs, int s) {
    if (s >= 1 && cs[s - 1] == '\u00a7' || s >= 2 && cs[s - 1] == ' ' && cs[s - 2] == '\u00a7') {
      return true;
    }
    if (s < 4 || cs[s - 1] != ' ') {
      return false;
    }
    int w = s - 1;
    while (w > 0 && s - 1 - w < 10 && isLetter(cs[w - 1])) {
      w--;
    }
    return (w == 0 || !isAlnum(cs[w - 1]))
        && NUMBERING_WORDS.contains(new String(cs, w, s - 1 - w).toLowerCase(Locale.ROOT));
  }

  /** Browser and engine tokens of a User-Agent header, written {@code Name/version}. */
  private static final Set<String> USER_AGENT_PRODUCTS =
      Set.of(
          "Mozilla",
          "AppleWebKit",
          "Chrome",
          "Chromium",
          "CriOS",
          "Edg",
          "Edge",
          "EdgA",
          "EdgiOS",
          "Firefox",
          "FxiOS",
          "Safari",
          "OPR",
          "Opera",
          "SamsungBrowser",
          "YaBrowser",
          "Vivaldi",
          "Brave",
          "Electron",
          "Teams",
          "Trident",
          "Gecko",
          "MicroMessenger",
          "UCBrowser");

  /**
   * Guard {@code VERSION_NUMBER}, user-agent form: a browser or engine token and {@code /} glued
   * before the number ({@code Chrome/120.0.0.0 Safari/537.36} in a pasted User-Agent; session 17).
   * A URL ({@code http://10.0.0.1}) has no word before its slash. Static so the oracle shares it.
   */
  static boolean userAgentBefore(char[] cs, int s) {
    if (s < 3 || cs[s - 1] != '/') {
      return false;
    }
    int w = s - 1;
    while (w > 0 && s - 1 - w < 16 && isLetter(cs[w - 1])) {
      w--;
    }
    return w < s - 1
        && (w == 0 || !isAlnum(cs[w - 1]))
        && USER_AGENT_PRODUCTS.contains(new String(cs, w, s - 1 - w));
  }

  /**
   * Guard {@code VERSION_NUMBER}, lower-case product form, for a number whose first part is one
   * digit (addresses in 10/8, 172.16/12, 192.168/16 and every two- or three-digit first octet are
   * never touched): directly before it, after one space, either a lower-case package name with a
   * hyphen ({@code at-spi2-core 2.39.90.1}, {@code node-exporter 1.7.0.1}; not an {@code ip-} host
   * name), or one of {@link #PRODUCT_NOUNS} after a capitalized product word ({@code VPN client
   * 5.2.1.3}, {@code Falcon sensor 7.1.0.5}, {@code Intel driver 3.1.0.2}).
   */
  static boolean lowerProductBefore(char[] cs, int n, int s) {
    if (s + 1 >= n || cs[s + 1] != '.' || s < 3 || cs[s - 1] != ' ') {
      return false; // first part has more than one digit, or no single space before
    }
    int we = s - 1;
    int ws = we;
    boolean hyphen = false;
    while (ws > 0 && we - ws < 40) {
      char c = cs[ws - 1];
      if (c == '-') {
        hyphen = true;
      } else if (!isAlnum(c) && c != '_' && c != '+') {
        break;
      }
      ws--;
    }
    if (we - ws < 2 || !(ws == 0 || cs[ws - 1] == ' ' || cs[ws - 1] == '(' || cs[ws - 1] == '\n')) {
      return false;
    }
    char c0 = cs[ws];
    if (c0 < 'a' || c0 > 'z') {
      return false;
    }
    if (hyphen) {
      // a package name: lower case, a hyphen inside, ending in a package-part word; host names
      // ("dns-server 8.8.8.8", "router-1 5.6.7.8", "ip-10-0-0-1") keep their address
      if (cs[we - 1] == '-') {
        return false;
      }
      int last = we;
      for (int i = we - 1; i >= ws; i--) {
        char c = cs[i];
        if (c >= 'A' && c <= 'Z') {
          return false;
        }
        if (c == '-' && last == we) {
          last = i + 1;
        }
      }
      return PACKAGE_PARTS.contains(new String(cs, last, we - last));
    }
    String w = new String(cs, ws, we - ws);
    if (!PRODUCT_NOUNS.contains(w)) {
      return false;
    }
    // the product word before the noun: capitalized or an acronym ("VPN", "Teams", "Falcon")
    int pe = ws - 1;
    if (pe < 2 || cs[pe] != ' ') {
      return false;
    }
    int ps = pe;
    while (ps > 0 && pe - ps < 25 && isAsciiLetter(cs[ps - 1])) {
      ps--;
    }
    return pe - ps >= 2 && cs[ps] >= 'A' && cs[ps] <= 'Z';
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

  /**
   * Not a version for the nearby-version guard: the SMTP enhanced status code (RFC 3463) whose
   * first digit starts at {@code i}, after its three-digit reply code ({@code 554 5.7.1}) or after
   * {@code dsn=} ({@code dsn=5.1.1}), as postfix logs it next to the client address ({@code RCPT
   * from unknown[203.0.113.77]: 554 5.7.1 <…>}).
   */
  static boolean smtpStatus(char[] cs, int i) {
    char c = cs[i];
    if (c != '2' && c != '4' && c != '5') {
      return false;
    }
    if (i >= 4
        && cs[i - 1] == ' '
        && cs[i - 4] == c
        && Character.isDigit(cs[i - 3])
        && Character.isDigit(cs[i - 2])
        && (i == 4 || !Character.isLetterOrDigit(cs[i - 5]))) {
      return true;
    }
    return i >= 4
        && (cs[i - 4] | 0x20) == 'd'
        && (cs[i - 3] | 0x20) == 's'
        && (cs[i - 2] | 0x20) == 'n'
        && cs[i - 1] == '=';
  }
}
