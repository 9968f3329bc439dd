package io.leakguard.pii.detectors;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.spi.Candidate;
import io.leakguard.pii.spi.DetectionContext;
import io.leakguard.pii.spi.Detector;
import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Set;

/**
 * Finds {@code MAC_ADDRESS} (48-bit EUI): {@code 00:1A:2B:3C:4D:5E}, {@code 00-1A-2B-3C-4D-5E},
 * Cisco {@code 001a.2b3c.4d5e}, and, only next to a context word such as {@code mac} or {@code
 * hwaddr}, the spaced {@code 00 1A 2B 3C 4D 5E} and compact {@code 001A2B3C4D5E} forms.
 *
 * <p>Canonical value: lower case, colon-separated ({@code 00:1a:2b:3c:4d:5e}).
 *
 * <p>Named guards: {@link #HEX_DUMP} (a run of more than six hex pairs, or hex right before or
 * after the pairs), {@link #LONGER_STRUCTURE} (the pairs continue an IPv6 address, a GUID or a
 * fingerprint: {@code fe80::00:1a:...}, {@code ...-446655440000}), {@link #TIMESTAMP} (fewer than
 * six groups, {@code 10:22:31}), {@link #NO_DEVICE} ({@code ff:ff:ff:ff:ff:ff}); the Cisco form
 * made of decimal digits only needs a context word.
 *
 * <p>Design note (maintainers): one forward pass over the {@link TextIndex}; a run of equally
 * separated hex groups is always consumed whole, then judged, so a megabyte of hex pairs costs one
 * pass and yields nothing.
 *
 * <p>Known limits: EUI-64 (eight groups) and other separators ({@code 00.1a.2b...}, {@code 00_1a})
 * are not reported; the spaced and compact forms need a context word within 40 chars.
 */
final class MacAddressDetector implements Detector {
  /** Words that identify a MAC address (lower case; bigrams joined by one space). */
  static final Set<String> CONTEXT =
      Set.of(
          "mac",
          "macaddress",
          "mac address",
          "mac addr",
          "hwaddr",
          "hw addr",
          "hardware address",
          "physical address",
          "ether",
          "ethernet",
          "lladdr",
          "bssid",
          "station",
          "nic",
          "adapter",
          "wifi",
          "wlan");

  /** Guard {@code HEX_DUMP}: more than this many pairs in a run is a hex dump or a digest. */
  static final int HEX_DUMP = 6;

  /** Guard {@code LONGER_STRUCTURE}: the run is glued to more groups of another shape. */
  static final String LONGER_STRUCTURE = "part of an IPv6 address, GUID or fingerprint";

  /**
   * Guard {@code NO_DEVICE} (session 14): the broadcast address {@code ff:ff:ff:ff:ff:ff} (every
   * {@code ip addr} paste shows it after {@code brd}) and the all-zero {@code 00:00:00:00:00:00}
   * (an unset field) name no device: not reported.
   */
  static final String NO_DEVICE = "broadcast or all-zero address";

  /** The canonical values of {@link #NO_DEVICE}. */
  static boolean noDevice(String canonical) {
    return "ff:ff:ff:ff:ff:ff".equals(canonical) || "00:00:00:00:00:00".equals(canonical);
  }

  /** Guard {@code TIMESTAMP}: a MAC has exactly six pairs; {@code 10:22:31} has three. */
  static final String TIMESTAMP = "fewer than six groups";

  static final int CONTEXT_WINDOW = 40;

  /** Words naming a MAC address itself: twelve decimal digits right after one are a MAC. */
  static final Set<String> MAC_WORDS =
      Set.of("mac", "macaddress", "mac address", "hwaddr", "physical address");

  static final int MAC_WORD_WINDOW = 20;

  /** Compact form: a {@link #CONTEXT} word this far away on the same line is evidence too. */
  static final int LINE_WINDOW = 100;

  /**
   * Compact form only: words about a device and its network lease, which make a lone 12-hex token
   * with digits and letters a MAC address ({@code Device sql01 (f45c896e6425)}).
   */
  static final Set<String> DEVICE_CONTEXT =
      Set.of("device", "devices", "dock", "docking", "dhcp", "lease", "reservation", "arp");

  @Override
  public String name() {
    return "mac";
  }

  @Override
  public Set<EntityType> entities() {
    return Set.of(EntityType.MAC_ADDRESS);
  }

  @Override
  public int triggerFlags() {
    return TextIndex.HEX;
  }

  /**
   * True when {@link #detect} can find something at token {@code t} of {@code len} chars: a hex
   * pair followed by a one-char {@code :}, {@code -} or blank token and one more token ({@link
   * #pairs}), four hex chars followed by a {@code .} token and a four-char hex token ({@link
   * #cisco}), or twelve hex chars with a digit ({@link #compact}). At every other hex token {@code
   * pairs}/{@code cisco} give up before reading past the token, so skipping it changes nothing;
   * {@link DigitRuns} lists the tokens that pass.
   */
  static boolean mayStart(char[] text, TextIndex idx, int t, int len) {
    int f = idx.flags(t);
    if ((f & TextIndex.HEX) == 0) {
      return false;
    }
    if (len == 2) {
      if (t + 2 >= idx.size() || idx.length(t + 1) != 1) {
        return false;
      }
      char sep = text[idx.end(t)];
      return sep == ':' || sep == '-' || sep == ' ';
    }
    if (len == 4) {
      return t + 2 < idx.size()
          && idx.length(t + 1) == 1
          && text[idx.start(t + 1)] == '.'
          && idx.is(t + 2, TextIndex.HEX)
          && idx.length(t + 2) == 4;
    }
    return len == 12 && (f & TextIndex.DIGIT) != 0;
  }

  @Override
  public void detect(DetectionContext ctx) {
    TextIndex idx = ctx.tokens();
    char[] text = idx.chars();
    DigitRuns runs = DigitRuns.of(idx);
    int[] tokens = runs.macTokens();
    int count = runs.macCount();
    int resume = 0;
    for (int i = 0; i < count; i++) {
      int t = tokens[i];
      int s = idx.start(t);
      if (s < resume) {
        continue;
      }
      int len = idx.length(t);
      if (len == 2) {
        resume = pairs(ctx, text, idx, t);
      } else if (len == 4) {
        resume = cisco(ctx, text, idx, t);
      } else if (len == 12) {
        compact(ctx, text, idx, t);
      }
    }
  }

  /** {@code 00:1a:...}, {@code 00-1a-...}, {@code 00 1a ...}; returns the resume position. */
  private static int pairs(DetectionContext ctx, char[] text, TextIndex idx, int t) {
    int size = idx.size();
    if (t + 2 >= size || idx.length(t + 1) != 1) {
      return idx.end(t);
    }
    char sep = text[idx.end(t)];
    if (sep != ':' && sep != '-' && sep != ' ') {
      return idx.end(t);
    }
    int count = 1;
    int k = t;
    // UNPADDED (session 16): macOS and BSD `arp -a` print colon groups without a leading zero
    // (`at 0:1a:2b:3c:d:5e on en0`); a one-char group is read only in the colon form, and a run
    // starts at its first two-char group, so one-char groups before it are taken back here
    boolean colon = sep == ':';
    int first = t;
    while (colon
        && first >= 2
        && idx.length(first - 1) == 1
        && text[idx.start(first - 1)] == ':'
        && idx.is(first - 2, TextIndex.HEX)
        && idx.length(first - 2) == 1) {
      first -= 2;
      count++;
    }
    boolean unpadded = first < t;
    while (k + 2 < size
        && idx.length(k + 1) == 1
        && text[idx.start(k + 1)] == sep
        && idx.is(k + 2, TextIndex.HEX)
        && (idx.length(k + 2) == 2 || colon && idx.length(k + 2) == 1)) {
      k += 2;
      count++;
      unpadded |= idx.length(k) == 1;
    }
    int s = idx.start(first);
    int e = idx.end(k);
    if (count == IPTABLES_GROUPS && colon && !unpadded && iptablesField(text, s)) {
      iptables(ctx, text, idx, t);
      return e;
    }
    if (count != 6) {
      return e; // TIMESTAMP (fewer) or HEX_DUMP (more)
    }
    int n = ctx.text().length();
    // LONGER_STRUCTURE on the left: "fe80::00:1a:..", "abcd-00-1a-.."; "mac:00:1a:.." is fine
    if (s >= 2) {
      char p = text[s - 1];
      if (p == ':' || p == '-' || p == '.') {
        int pt = first - 2;
        if (text[s - 2] == ':' || (pt >= 0 && idx.is(pt, TextIndex.HEX))) {
          return e;
        }
      }
    }
    // LONGER_STRUCTURE on the right: "..:5e:6f70", "..-5e-1234"
    if (e + 1 < n) {
      char c = text[e];
      if ((c == ':' || c == '-' || c == '.') && isAlnum(text[e + 1])) {
        return e;
      }
    }
    double base;
    double boost;
    String pattern;
    String form;
    if (sep == ' ') {
      // HEX_DUMP: hex right before or after the six pairs
      if (hexNeighbour(idx, t - 1, t - 2) || hexNeighbour(idx, k + 1, k + 2)) {
        return e;
      }
      base = 0.3;
      boost = 0.45;
      pattern = "mac.spaced";
      form = "spaced";
    } else if (unpadded) {
      base = 0.7;
      boost = 0.25;
      pattern = "mac.colon-unpadded";
      form = "standard";
    } else {
      base = 0.85;
      boost = 0.1;
      pattern = sep == ':' ? "mac.colon" : "mac.dash";
      form = "standard";
    }
    char[] canonical = new char[17];
    for (int g = first, o = 0; g <= k; g += 2, o += 3) {
      if (idx.length(g) == 1) {
        canonical[o] = '0';
        canonical[o + 1] = lowerHex(text[idx.start(g)]);
        if (o + 2 < canonical.length) {
          canonical[o + 2] = ':';
        }
      } else {
        pair(canonical, o, text, idx.start(g));
      }
    }
    report(ctx, s, e, base, boost, form, pattern, new String(canonical));
    return e;
  }

  /**
   * Groups of the {@code MAC=} field of a netfilter (iptables, ufw, firewalld) kernel log line:
   * destination MAC, source MAC and the two bytes of the EtherType, {@code
   * MAC=00:0c:29:3e:5c:7a:00:50:56:c0:00:08:08:00}.
   */
  static final int IPTABLES_GROUPS = 14;

  /** True when {@code MAC=} (any case) ends right before {@code s}. */
  private static boolean iptablesField(char[] text, int s) {
    return s >= 4
        && text[s - 1] == '='
        && (text[s - 2] | 0x20) == 'c'
        && (text[s - 3] | 0x20) == 'a'
        && (text[s - 4] | 0x20) == 'm'
        && (s == 4 || !isAlnum(text[s - 5]));
  }

  /**
   * The two addresses of a netfilter {@code MAC=} field starting at token {@code t} (pattern {@code
   * mac.iptables}): the field's label is the evidence, so both get the colon form's score.
   */
  private static void iptables(DetectionContext ctx, char[] text, TextIndex idx, int t) {
    for (int first = t; first <= t + 12; first += 12) {
      char[] canonical = new char[17];
      for (int g = first, o = 0; g <= first + 10; g += 2, o += 3) {
        pair(canonical, o, text, idx.start(g));
      }
      report(
          ctx,
          idx.start(first),
          idx.end(first + 10),
          0.85,
          0.1,
          "standard",
          "mac.iptables",
          new String(canonical));
    }
  }

  /** True when token {@code space} is a short blank run and {@code word} a hex token. */
  private static boolean hexNeighbour(TextIndex idx, int space, int word) {
    return space >= 0
        && word >= 0
        && word < idx.size()
        && space < idx.size()
        && idx.is(space, TextIndex.SPACE)
        && !idx.is(space, TextIndex.NEWLINE)
        && idx.length(space) <= 2
        && idx.is(word, TextIndex.HEX);
  }

  /** Cisco {@code 001a.2b3c.4d5e}; returns the resume position. */
  private static int cisco(DetectionContext ctx, char[] text, TextIndex idx, int t) {
    int size = idx.size();
    int count = 1;
    int k = t;
    while (k + 2 < size
        && idx.length(k + 1) == 1
        && text[idx.start(k + 1)] == '.'
        && idx.is(k + 2, TextIndex.HEX)
        && idx.length(k + 2) == 4) {
      k += 2;
      count++;
    }
    int s = idx.start(t);
    int e = idx.end(k);
    if (count != 3) {
      return e;
    }
    int n = ctx.text().length();
    if (s >= 2 && text[s - 1] == '.' && isAlnum(text[s - 2])) {
      return e;
    }
    if (e + 1 < n && text[e] == '.' && isAlnum(text[e + 1])) {
      return e;
    }
    boolean letter = false;
    for (int i = s; i < e; i++) {
      if (text[i] > '9') {
        letter = true;
        break;
      }
    }
    char[] canonical = new char[17];
    for (int g = t, o = 0; g <= k; g += 2, o += 6) {
      int gs = idx.start(g);
      pair(canonical, o, text, gs);
      pair(canonical, o + 3, text, gs + 2);
    }
    report(
        ctx,
        s,
        e,
        letter ? 0.85 : 0.45,
        letter ? 0.1 : 0.3,
        "standard",
        "mac.dot",
        new String(canonical));
    return e;
  }

  /** Compact {@code 001A2B3C4D5E}: only with a context word, never inside a GUID. */
  private static void compact(DetectionContext ctx, char[] text, TextIndex idx, int t) {
    int s = idx.start(t);
    int e = idx.end(t);
    int n = ctx.text().length();
    boolean digit = idx.is(t, TextIndex.DIGIT);
    boolean letter = idx.is(t, TextIndex.LETTER);
    if (!digit) {
      return;
    }
    if (!letter
        && ctx.contextWords(s, e, MAC_WORD_WINDOW, MAC_WORDS).isEmpty()
        && lineWords(ctx, text, s, e, MAC_WORDS).isEmpty()) {
      return; // twelve decimal digits: a MAC only on a line that says "MAC address"
    }
    if (s > 0 && isJoiner(text[s - 1])) {
      return; // LONGER_STRUCTURE: last group of a GUID
    }
    if (e < n && isJoiner(text[e]) && e + 1 < n && isAlnum(text[e + 1])) {
      return;
    }
    char[] pairs = new char[17];
    for (int i = s, o = 0; i < e; i += 2, o += 3) {
      pair(pairs, o, text, i);
    }
    String canonical = new String(pairs);
    if (noDevice(canonical)) {
      return;
    }
    if (letter
        && ctx.contextWords(s, e, CONTEXT_WINDOW, CONTEXT).isEmpty()
        && lineWords(ctx, text, s, e, CONTEXT).isEmpty()) {
      List<String> words = ctx.contextWords(s, e, CONTEXT_WINDOW, DEVICE_CONTEXT);
      if (!words.isEmpty() || leaseRow(text, s, e, n)) {
        ctx.report(
            Candidate.builder(EntityType.MAC_ADDRESS, s, e)
                .baseScore(0.3)
                .score(0.7)
                .form("standard")
                .pattern("mac.compact")
                .validation("hex-groups")
                .contextWords(words)
                .canonical(canonical)
                .build());
      }
      return;
    }
    report(ctx, s, e, 0.3, 0.45, "standard", "mac.compact", canonical);
  }

  /**
   * Compact form only, a token with digits and letters: the token is a whole comma-separated field
   * and one of the {@value #LEASE_ROW_FIELDS} fields before it on its line is a dotted IPv4 address
   * ({@code 10,03/14/24,10:22:01,Assign,10.20.30.42,DESKTOP-7H2K,F8FFC2112234,,0}: the Windows DHCP
   * server audit log, lease and ARP exports). Looks back at most {@value #LEASE_ROW_WINDOW} chars.
   */
  static final String LEASE_ROW = "LEASE_ROW";

  static final int LEASE_ROW_FIELDS = 3;
  static final int LEASE_ROW_WINDOW = 120;

  /** {@link #LEASE_ROW}: {@code [s, e)} is a CSV field after an IPv4 field on the same line. */
  static boolean leaseRow(char[] text, int s, int e, int n) {
    if (s == 0
        || text[s - 1] != ','
        || (e < n && text[e] != ',' && text[e] != '\r' && text[e] != '\n')) {
      return false;
    }
    int lo = Math.max(0, s - LEASE_ROW_WINDOW);
    int fieldEnd = s - 1; // the comma before the token
    for (int f = 0; f < LEASE_ROW_FIELDS && fieldEnd > lo; f++) {
      int fs = fieldEnd;
      while (fs > lo && text[fs - 1] != ',' && text[fs - 1] != '\n') {
        fs--;
      }
      if (dottedQuad(text, fs, fieldEnd)) {
        return true;
      }
      if (fs == lo || text[fs - 1] != ',') {
        return false;
      }
      fieldEnd = fs - 1;
    }
    return false;
  }

  /** {@code [s, e)} is four groups of one to three digits joined by dots. */
  private static boolean dottedQuad(char[] text, int s, int e) {
    int groups = 0;
    int digits = 0;
    for (int i = s; i < e; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return digits > 0 && groups == 3;
  }

  /**
   * {@code vocabulary} words on the same line as {@code [s, e)} within {@link #LINE_WINDOW} chars:
   * wider evidence for the forms that need context ({@code MAC address is 0015.5d99.09c7, the dock
   * shows 28cfe9575801}). A compact token with letters also accepts a {@link #DEVICE_CONTEXT} word
   * within {@link #CONTEXT_WINDOW} ({@code Device sql01 (f45c896e6425) gets 10.0.0.5 from DHCP}).
   */
  private static List<String> lineWords(
      DetectionContext ctx, char[] text, int s, int e, Set<String> vocabulary) {
    int n = ctx.text().length();
    int left = 0;
    while (left < LINE_WINDOW && s - left > 0 && text[s - left - 1] != '\n') {
      left++;
    }
    int right = 0;
    while (right < LINE_WINDOW && e + right < n && text[e + right] != '\n') {
      right++;
    }
    List<String> words = ctx.contextWords(s, n, left, vocabulary);
    if (words.isEmpty()) {
      words = ctx.contextWords(0, e, right, vocabulary);
    }
    return words;
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == ':' || c == '.' || c == '_' || c == '/';
  }

  private static void report(
      DetectionContext ctx,
      int s,
      int e,
      double base,
      double boost,
      String form,
      String pattern,
      String canonical) {
    if (noDevice(canonical)) {
      return; // NO_DEVICE
    }
    List<String> words = ctx.contextWords(s, e, CONTEXT_WINDOW, CONTEXT);
    if (words.isEmpty()) {
      words = lineWords(ctx, ctx.tokens().chars(), s, e, CONTEXT);
    }
    double score = words.isEmpty() ? base : Math.min(0.99, base + boost);
    if (words.isEmpty() && base < 0.4) {
      return; // spaced and compact forms exist only next to a context word
    }
    ctx.report(
        Candidate.builder(EntityType.MAC_ADDRESS, s, e)
            .baseScore(base)
            .score(score)
            .form(form)
            .pattern(pattern)
            .validation("hex-groups")
            .contextWords(words)
            .canonical(canonical)
            .build());
  }

  /**
   * Writes the hex pair at {@code from} in lower case at {@code out[o]}, then a colon when there is
   * room (the canonical form {@code 00:1a:2b:3c:4d:5e} is 17 chars).
   */
  private static void pair(char[] out, int o, char[] text, int from) {
    out[o] = lowerHex(text[from]);
    out[o + 1] = lowerHex(text[from + 1]);
    if (o + 2 < out.length) {
      out[o + 2] = ':';
    }
  }

  /** Lower case of a hex digit (HEX tokens hold only {@code 0-9a-fA-F}). */
  private static char lowerHex(char c) {
    return c >= 'A' && c <= 'F' ? (char) (c + 32) : c;
  }

  private static boolean isAlnum(char c) {
    return IpAddressDetector.isAlnum(c);
  }
}
