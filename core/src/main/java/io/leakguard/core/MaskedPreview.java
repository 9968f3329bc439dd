package io.leakguard.core;

/**
 * Masked previews of sensitive values for reports, logs and error messages: enough shape to
 * recognise the kind of value, never enough to recover it.
 *
 * <p>Letters and digits are replaced by {@code *} except the first and, for values of eight or more
 * characters, the last one; separators such as {@code @ . - :} stay so the shape is visible: {@code
 * jane.doe@contoso.com} becomes {@code j***.***@*******.**m}. Values of three or fewer characters
 * are fully masked.
 */
public final class MaskedPreview {
  private static final int MAX_LENGTH = 64;

  private MaskedPreview() {}

  public static String of(String value) {
    if (value == null) {
      return "";
    }
    int n = value.length();
    StringBuilder sb = new StringBuilder(Math.min(n, MAX_LENGTH + 1));
    for (int i = 0; i < n && i < MAX_LENGTH; i++) {
      char c = value.charAt(i);
      boolean keep =
          n > 3 && (i == 0 || (n >= 8 && i == n - 1)) && !Character.isSurrogate(c)
              || !Character.isLetterOrDigit(c) && !Character.isSurrogate(c) && c > ' ';
      if (Character.isWhitespace(c)) {
        sb.append(' ');
      } else {
        sb.append(keep ? c : '*');
      }
    }
    if (n > MAX_LENGTH) {
      sb.append('…');
    }
    return sb.toString();
  }
}
