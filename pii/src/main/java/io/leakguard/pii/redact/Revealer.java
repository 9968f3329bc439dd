package io.leakguard.pii.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Puts {@code encrypt} tokens ({@code <TYPE:enc:base64url>}) back: finds them in any text and
 * replaces each with the decrypted canonical value. Thread-safe.
 *
 * <pre>{@code
 * Revealer.Result r = Revealer.of(keys).reveal("mail <EMAIL_ADDRESS:enc:AbC...>", false);
 * r.text();   // "mail xyz@contoso.com"
 * }</pre>
 *
 * <p>A token that does not decrypt with the key (another key, altered bytes) stays as it is and is
 * counted in {@link Result#failed()}. With {@code jsonString} the value is escaped for the inside
 * of a JSON string (use it for JSONL). Linear time: each {@code <} starts at most one bounded scan.
 */
public final class Revealer {
  private static final int MAX_TYPE = 40;
  private final Keys keys;

  private Revealer(Keys keys) {
    if (!keys.present()) {
      throw new IllegalArgumentException(
          "reveal needs the key: --key-file FILE or the environment variable LEAKGUARD_KEY");
    }
    this.keys = keys;
  }

  public static Revealer of(Keys keys) {
    return new Revealer(Objects.requireNonNull(keys, "keys"));
  }

  /** The revealed text and the numbers of tokens revealed and not decryptable. */
  public record Result(String text, int revealed, int failed) {}

  /** Reveals every token in {@code text}. */
  public Result reveal(String text, boolean jsonString) {
    int lt = text.indexOf('<');
    if (lt < 0) {
      return new Result(text, 0, 0);
    }
    StringBuilder sb = null;
    int copied = 0;
    int revealed = 0;
    int failed = 0;
    int n = text.length();
    int i = lt;
    while (i >= 0 && i < n) {
      int end = tokenEnd(text, i);
      if (end < 0) {
        i = text.indexOf('<', i + 1);
        continue;
      }
      int colon = text.indexOf(':', i);
      String type = text.substring(i + 1, colon);
      String b64 = text.substring(colon + 5, end - 1);
      String value = decrypt(type, b64);
      if (value == null) {
        failed++;
      } else {
        if (sb == null) {
          sb = new StringBuilder(n + 32);
        }
        sb.append(text, copied, i);
        if (jsonString) {
          jsonEscape(value, sb);
        } else {
          sb.append(value);
        }
        copied = end;
        revealed++;
      }
      i = text.indexOf('<', end);
    }
    if (sb == null) {
      return new Result(text, 0, failed);
    }
    sb.append(text, copied, n);
    return new Result(sb.toString(), revealed, failed);
  }

  /** Index just past the token starting at {@code lt}, or -1. */
  private static int tokenEnd(String s, int lt) {
    int n = s.length();
    int i = lt + 1;
    while (i < n
        && i - lt <= MAX_TYPE
        && (s.charAt(i) == '_' || (s.charAt(i) >= 'A' && s.charAt(i) <= 'Z'))) {
      i++;
    }
    if (i == lt + 1 || !s.startsWith(":enc:", i)) {
      return -1;
    }
    i += 5;
    int b = i;
    while (i < n) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        i++;
      } else {
        break;
      }
    }
    if (i == b || i >= n || s.charAt(i) != '>') {
      return -1;
    }
    return i + 1;
  }

  private String decrypt(String type, String b64) {
    try {
      byte[] ct = Base64.getUrlDecoder().decode(b64);
      byte[] pt = keys.daead().decryptDeterministically(ct, type.getBytes(StandardCharsets.UTF_8));
      return new String(pt, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void jsonEscape(String v, StringBuilder sb) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
  }
}
