package io.leakguard.pii.redact;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * The redaction engine: applies a {@link RedactionPolicy} to a text, given its findings or by
 * running a {@link PiiAnalyzer}. Thread-safe; build once and share (the CLI, the REST server and
 * the Spark job all go through this class, so they give the same results).
 *
 * <pre>{@code
 * Redactor r = Redactor.create(PiiAnalyzer.builder().build(),
 *     RedactionPolicy.builder().operator(EntityType.EMAIL_ADDRESS, Operator.hash()).build(),
 *     Keys.parse(System.getenv("LEAKGUARD_KEY")));
 * r.redact("mail XYZ @contoso com").text();   // "mail <EMAIL_ADDRESS:…16 hex…>"
 * }</pre>
 *
 * <p>Design notes (maintainers): findings are filtered (policy entities, minimum score,
 * allow-list), deny-list terms are added, overlapping spans are merged (a group holding more than
 * one span is replaced as a whole, so nothing leaks at the seams), then each span gets its type's
 * operator. {@code hash} is {@code HMAC-SHA256(hashKey, UTF-8(TYPE ":" canonical))}, first 8 bytes
 * in lower-case hex; {@code encrypt} is AES-SIV of {@code UTF-8(canonical)} with associated data
 * {@code UTF-8(TYPE)}, base64url without padding. The canonical value is {@link
 * PiiFinding#canonical()}, or the written value trimmed when a detector gives none.
 *
 * <p>Known limits: {@code mask} keeps characters of the written value (not the canonical one).
 */
public final class Redactor {
  private final PiiAnalyzer analyzer;
  private final RedactionPolicy policy;
  private final Keys keys;
  private final ThreadLocal<Mac> macs;

  private Redactor(PiiAnalyzer analyzer, RedactionPolicy policy, Keys keys) {
    this.analyzer = analyzer;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.keys = Objects.requireNonNull(keys, "keys");
    if (policy.needsKey() && !keys.present()) {
      throw new IllegalArgumentException(
          "hash and encrypt need a key: --key-file FILE or the environment variable LEAKGUARD_KEY");
    }
    this.macs = keys.present() ? ThreadLocal.withInitial(keys::newMac) : null;
  }

  /** A redactor that finds PII with {@code analyzer}. */
  public static Redactor create(PiiAnalyzer analyzer, RedactionPolicy policy, Keys keys) {
    return new Redactor(Objects.requireNonNull(analyzer, "analyzer"), policy, keys);
  }

  /** A redactor for findings computed elsewhere ({@link #apply} only). */
  public static Redactor create(RedactionPolicy policy, Keys keys) {
    return new Redactor(null, policy, keys);
  }

  public RedactionPolicy policy() {
    return policy;
  }

  /**
   * Finds PII in {@code text} and redacts it.
   *
   * @throws io.leakguard.pii.DetectionException when a detector fails (fail closed: the caller
   *     quarantines the record)
   */
  public Redaction redact(String text) {
    return redact(text, null);
  }

  /**
   * Finds PII in {@code text}, the value of the field or column {@code fieldName} ({@link
   * PiiAnalyzer#analyze(String, String)}: {@code first_name} holding {@code Maria} is a name), and
   * redacts it.
   *
   * @throws io.leakguard.pii.DetectionException when a detector fails (fail closed: the caller
   *     quarantines the record)
   */
  public Redaction redact(String text, String fieldName) {
    if (analyzer == null) {
      throw new IllegalStateException("this redactor has no analyzer: use apply(text, findings)");
    }
    return apply(text, analyzer.analyze(text, fieldName));
  }

  /**
   * Redacts {@code findings} (offsets into {@code text}, as {@link PiiAnalyzer#analyze} returns
   * them) plus the policy's deny-list terms.
   */
  public Redaction apply(String text, List<PiiFinding> findings) {
    List<Item> items = new ArrayList<>(findings.size() + 2);
    for (PiiFinding f : findings) {
      if (f.charEnd() > text.length()) {
        throw new IllegalArgumentException("finding " + f + " lies outside the text");
      }
      if (!policy.redacts(f.type()) || f.score() < policy.minScore()) {
        continue;
      }
      if (policy.hasAllow()
          && policy.allowed(text.substring(f.charStart(), f.charEnd()), f.canonical())) {
        continue;
      }
      items.add(new Item(f.charStart(), f.charEnd(), f));
    }
    for (String term : policy.deny()) {
      findTerm(text, term, items);
    }
    if (items.isEmpty()) {
      return new Redaction(text, text, List.of(), false, new int[0]);
    }
    if (items.size() > 1) {
      items.sort(BY_START_THEN_LONGEST);
    }
    StringBuilder out = new StringBuilder(text.length() + 16 * items.size());
    List<RedactedSpan> spans = new ArrayList<>();
    int[] tokens = new int[items.size() * 2];
    int nt = 0;
    boolean drop = false;
    int pos = 0;
    int cpPos = 0;
    int cpChar = 0;
    int i = 0;
    while (i < items.size()) {
      Item first = items.get(i);
      int cs = first.cs;
      int ce = first.ce;
      int count = 1;
      int j = i + 1;
      while (j < items.size() && items.get(j).cs < ce) {
        ce = Math.max(ce, items.get(j).ce);
        count++;
        j++;
      }
      PiiFinding f = null;
      boolean deny = false;
      for (int k = i; k < j; k++) {
        Item it = items.get(k);
        if (it.finding == null) {
          deny = true;
        } else if (f == null || it.finding.score() > f.score()) {
          f = it.finding;
        }
        if (it.finding != null
            && policy.operatorFast(it.finding.type()).kind() == Operator.Kind.DROP) {
          drop = true;
        }
      }
      out.append(text, pos, cs);
      String written = text.substring(cs, ce);
      String replacement;
      Operator.Kind kind;
      boolean token = true;
      if (deny || f == null) {
        replacement = "<" + RedactionPolicy.DENY_LIST + ">";
        kind = Operator.Kind.REPLACE;
      } else {
        Operator op = policy.operatorFast(f.type());
        kind = op.kind();
        if (count > 1 && kind == Operator.Kind.MASK) {
          op = Operator.replace();
          kind = Operator.Kind.REPLACE;
        }
        token = kind != Operator.Kind.MASK;
        String canonical = count == 1 && !f.canonical().isEmpty() ? f.canonical() : written.strip();
        replacement = operate(op, f.type(), written, canonical);
      }
      int outStart = out.length();
      out.append(replacement);
      if (token) {
        tokens[nt++] = outStart;
        tokens[nt++] = out.length();
      }
      cpPos += text.codePointCount(cpChar, cs);
      int cpStart = cpPos;
      int cpEnd = cpStart + text.codePointCount(cs, ce);
      cpPos = cpEnd;
      cpChar = ce;
      String type = deny || f == null ? RedactionPolicy.DENY_LIST : f.type().name();
      spans.add(new RedactedSpan(type, cpStart, cpEnd, cs, ce, kind, f));
      pos = ce;
      i = j;
    }
    out.append(text, pos, text.length());
    return new Redaction(text, out.toString(), spans, drop, java.util.Arrays.copyOf(tokens, nt));
  }

  /**
   * Analyzes the redacted text again and returns the PII still found in it, outside the tokens the
   * redaction wrote (a {@code mask} that keeps too much, a replacement that leaves a value). An
   * empty list means the redaction verified.
   *
   * @throws io.leakguard.pii.DetectionException when a detector fails
   */
  public List<PiiFinding> verify(Redaction redaction) {
    return verify(redaction, null);
  }

  /**
   * {@link #verify(Redaction)} for the value of the field or column {@code fieldName}, read with
   * its label as {@link #redact(String, String)} read it.
   *
   * @throws io.leakguard.pii.DetectionException when a detector fails
   */
  public List<PiiFinding> verify(Redaction redaction, String fieldName) {
    if (analyzer == null) {
      throw new IllegalStateException("this redactor has no analyzer");
    }
    String t = redaction.text();
    List<PiiFinding> left = new ArrayList<>();
    for (PiiFinding f : analyzer.analyze(t, fieldName)) {
      if (!policy.redacts(f.type()) || f.score() < policy.minScore()) {
        continue;
      }
      if (redaction.insideToken(f.charStart(), f.charEnd())) {
        continue;
      }
      if (policy.hasAllow()
          && policy.allowed(t.substring(f.charStart(), f.charEnd()), f.canonical())) {
        continue;
      }
      left.add(f);
    }
    return left;
  }

  /** The token {@code op} gives for a value of {@code type} (same as inside {@link #apply}). */
  public String token(Operator op, EntityType type, String written, String canonical) {
    return operate(op, type, written, canonical);
  }

  private String operate(Operator op, EntityType type, String written, String canonical) {
    switch (op.kind()) {
      case REPLACE:
        return op.replacement() != null ? op.replacement() : "<" + type.name() + ">";
      case MASK:
        return mask(written, op);
      case HASH:
        return "<" + type.name() + ":" + hashHex(type, canonical) + ">";
      case ENCRYPT:
        return "<" + type.name() + ":enc:" + encrypt(type, canonical) + ">";
      case DROP:
      default:
        return "<" + type.name() + ">";
    }
  }

  private static String mask(String written, Operator op) {
    int n = written.codePointCount(0, written.length());
    int keep = Math.min(op.keep(), n);
    StringBuilder sb = new StringBuilder(written.length());
    int idx = 0;
    for (int i = 0; i < written.length(); ) {
      int cp = written.codePointAt(i);
      boolean kept = op.fromEnd() ? idx >= n - keep : idx < keep;
      sb.appendCodePoint(kept ? cp : op.maskChar());
      i += Character.charCount(cp);
      idx++;
    }
    return sb.toString();
  }

  private String hashHex(EntityType type, String canonical) {
    Mac mac = macs.get();
    mac.update(type.name().getBytes(StandardCharsets.UTF_8));
    mac.update((byte) ':');
    byte[] h = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 8; i++) {
      sb.append(Character.forDigit((h[i] >> 4) & 0xf, 16))
          .append(Character.forDigit(h[i] & 0xf, 16));
    }
    return sb.toString();
  }

  private String encrypt(EntityType type, String canonical) {
    try {
      byte[] ct =
          keys.daead()
              .encryptDeterministically(
                  canonical.getBytes(StandardCharsets.UTF_8),
                  type.name().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(ct);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName());
    }
  }

  private static void findTerm(String text, String term, List<Item> items) {
    int n = text.length();
    int m = term.length();
    char c0 = term.charAt(0);
    boolean wordStart = Character.isLetterOrDigit(c0);
    boolean wordEnd = Character.isLetterOrDigit(term.charAt(m - 1));
    char u0 = Character.toUpperCase(c0);
    char l0 = Character.toLowerCase(c0);
    for (int i = 0; i + m <= n; i++) {
      char c = text.charAt(i);
      if (c != u0 && c != l0 && c != c0) {
        continue;
      }
      if (!text.regionMatches(true, i, term, 0, m)) {
        continue;
      }
      if (wordStart && i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        continue;
      }
      if (wordEnd && i + m < n && Character.isLetterOrDigit(text.charAt(i + m))) {
        continue;
      }
      items.add(new Item(i, i + m, null));
      i += m - 1;
    }
  }

  private static final Comparator<Item> BY_START_THEN_LONGEST =
      (a, b) -> a.cs != b.cs ? Integer.compare(a.cs, b.cs) : Integer.compare(b.ce, a.ce);

  private static final class Item {
    final int cs;
    final int ce;
    final PiiFinding finding;

    Item(int cs, int ce, PiiFinding finding) {
      this.cs = cs;
      this.ce = ce;
      this.finding = finding;
    }
  }

  @Override
  public String toString() {
    return "Redactor[" + policy.defaultOperator() + ", " + policy.operators() + "]";
  }
}
