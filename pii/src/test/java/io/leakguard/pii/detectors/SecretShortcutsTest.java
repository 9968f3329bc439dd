package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The necessary conditions the SECRET detector checks before its full keyword and prose tests
 * ({@link SecretKeywords#mayMatch}, {@link SecretKeywords#mayEndKeyword}, {@link
 * SecretProse#mayBeKeyword}) must never reject what the full test accepts: a table of keywords,
 * then seeded random keywords built from rule words, separators and odd chars.
 */
class SecretShortcutsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // keyword | match finds a rule (query off) | mayMatch
        "DB_PASSWORD | true | true",
        "dbPassword | true | true",
        "spring.datasource.password | true | true",
        "pass_ | false | true", // match wants the raw last char to end a word
        "p_w | true | true",
        "P-W. | false | true",
        "AccountKey | true | true",
        "api key | true | true",
        "contraseña | true | true",
        "lösenord | true | true",
        "PAſSWORD | false | true", // the long s does not lower-case to s
        "monkey | false | true",
        "Subject | false | false",
        "Note | false | false",
        "Date | false | false",
        "x | false | false",
        "_._ | false | false",
      })
  void tableOfKeywords(String keyword, boolean matches, boolean may) {
    char[] a = keyword.toCharArray();
    assertThat(match(keyword, false) != null).isEqualTo(matches);
    assertThat(SecretKeywords.mayMatch(a, 0, a.length)).isEqualTo(may);
  }

  @Test
  void mayMatchNeverRejectsAMatch() {
    Random r = new Random(20261129);
    String[] parts = {
      "password",
      "pass",
      "pwd",
      "pw",
      "key",
      "Key",
      "KEY",
      "token",
      "secret",
      "sig",
      "code",
      "auth",
      "Authorization",
      "accountkey",
      "AccountKey",
      "sharedaccesskeyname",
      "publickey",
      "contraseña",
      "lösenord",
      "senha",
      "db",
      "api",
      "my",
      "x",
      "1",
      "_",
      "-",
      ".",
      " ",
      "ſ",
      "\u212A",
      "İ",
      "é",
      "ey",
      "PASS",
      "word",
      "WORD",
      "Is",
      "is"
    };
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(5);
      for (int k = 0; k < n; k++) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String kw = sb.toString();
      char[] a = kw.toCharArray();
      boolean any = match(kw, false) != null || match(kw, true) != null;
      if (any) {
        matched++;
        assertThat(SecretKeywords.mayMatch(a, 0, a.length)).as(kw).isTrue();
        assertThat(SecretKeywords.mayEndKeyword(a[a.length - 1])).as(kw).isTrue();
      }
    }
    assertThat(matched).isGreaterThan(10_000);
  }

  @Test
  void mayEndKeywordAgreesWithCaseMapping() {
    for (char c = 0; c < 0xFFFF; c++) {
      char l = Character.toLowerCase(c);
      boolean full = lastCharOfSomeRule(l); // non-ASCII too: "пароль", "jelszó", "パスワード"
      assertThat(SecretKeywords.mayEndKeyword(c)).as("U+%04X", (int) c).isEqualTo(full);
    }
  }

  @Test
  void mayBeKeywordAcceptsEveryProseAndPairWord() {
    List<String> words = SecretProse.keywordWords();
    assertThat(words).contains("password", "contraseña", "credentials", "logon");
    for (String w : words) {
      for (String v : new String[] {w, w.toUpperCase(java.util.Locale.ROOT), cap(w)}) {
        assertThat(SecretProse.mayBeKeyword(v.charAt(0), v.charAt(1), v.length())).as(v).isTrue();
      }
    }
    assertThat(SecretProse.mayBeKeyword('c', 'o', 5)).isFalse(); // "could"
    assertThat(SecretProse.mayBeKeyword('s', 'e', 3)).isFalse(); // "see"
    assertThat(SecretProse.mayBeKeyword('\u017F', 'e', 3)).isTrue(); // folds: not filtered
  }

  private static String cap(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static boolean lastCharOfSomeRule(char c) {
    for (SecretKeywords.Rule rule : SecretKeywords.RULES) {
      if (rule.word().charAt(rule.word().length() - 1) == c) {
        return true;
      }
    }
    return false;
  }

  private static SecretKeywords.Rule match(String kw, boolean query) {
    return SecretKeywords.match(
        kw,
        0,
        kw.length(),
        query,
        new char[SecretKeywords.MAX_KEYWORD],
        new boolean[SecretKeywords.MAX_KEYWORD]);
  }
}
