package io.leakguard.pii.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.spi.TextIndex;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Context#contextWords} (with the length/initial filter before the hash probe) against the
 * round-3 scan kept in {@link ReferenceContext}: same words in the same order for random windows
 * over random texts dense in vocabulary words, bigrams, mixed case, non-ASCII letters whose lower
 * case changes length, digits, separators (tabs, no-break spaces and line breaks end a bigram) and
 * supplementary letters. Windows start and end inside and between tokens, so both the token
 * shortcut and the char walk of {@link Context#contextWords} run.
 */
class ContextWordsDifferentialTest {
  private static final String[] PIECES = {
    "ip",
    "IP",
    "server",
    "Server",
    "host",
    "address",
    "mac",
    "phone",
    "tel",
    "call",
    "card",
    "visa",
    "ssn",
    "social",
    "security",
    "number",
    "ver",
    "version",
    "v",
    "build",
    "İp",
    "İ",
    "É",
    "émail",
    "straße",
    "STRASSE",
    "ǅ",
    " ",
    "  ",
    "-",
    "_",
    "\n",
    ".",
    ",",
    ":",
    "7",
    "42",
    "a",
    "b",
    "x1",
    "\u0301",
    "\uD83D\uDE00",
    "ﬁle",
    "\t",
    "\u00A0",
    " \n ",
    "Phone",
    "CALL",
    "me",
    "Me",
    "Social",
    "x1y",
    "(",
    "\uD835\uDC00"
  };

  private static final List<Set<String>> VOCABULARIES =
      List.of(
          Set.of("ip", "server", "host", "address", "ip address", "host name"),
          Set.of("phone", "tel", "call", "mobile", "call me"),
          Set.of("card", "visa", "credit card", "card number"),
          Set.of("ssn", "social security", "social security number", "security"),
          Set.of("ver", "version", "v", "build", "release"),
          Set.of("i̇p", "é", "émail", "straße", "strasse", "ǆ", "i̇p server", "file"),
          Set.of("a", "b", "a b", "x"));

  @Test
  void sameWordsAsTheRoundThreeScan() {
    Random r = new Random(20261129);
    Context.VocabCache cache = new Context.VocabCache();
    Context ctx = new Context(cache);
    int found = 0;
    for (int iter = 0; iter < 20_000; iter++) {
      StringBuilder sb = new StringBuilder();
      int parts = r.nextInt(40);
      for (int k = 0; k < parts; k++) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
        if (r.nextInt(3) == 0) {
          sb.append(' ');
        }
      }
      String text = sb.toString();
      if (text.isEmpty()) {
        continue;
      }
      TextIndex index = TextIndex.of(text);
      ctx.reset(text, index, "US");
      ReferenceContext ref = new ReferenceContext(text, index, "US");
      for (int q = 0; q < 5; q++) {
        int start = r.nextInt(text.length());
        int end = start + 1 + r.nextInt(Math.min(8, text.length() - start));
        int window = r.nextInt(70);
        Set<String> vocabulary = VOCABULARIES.get(r.nextInt(VOCABULARIES.size()));
        List<String> expected = ref.contextWords(start, end, window, vocabulary);
        List<String> actual = ctx.contextWords(start, end, window, vocabulary);
        assertThat(actual).as("%s [%d,%d) window %d", text, start, end, window).isEqualTo(expected);
        found += expected.size();
      }
      ctx.clear();
    }
    assertThat(found).as("the texts must hit the vocabularies").isGreaterThan(10_000);
  }

  /**
   * Two entries with the same {@link String#hashCode()} ({@code agunbzo} and {@code fbvcass}) and a
   * bigram of them: a word is compared with every entry of its hash, not only the first one met.
   */
  @Test
  void entriesWithTheSameHashAreAllFound() {
    assertThat("agunbzo".hashCode()).isEqualTo("fbvcass".hashCode());
    Set<String> vocabulary = Set.of("agunbzo", "fbvcass", "fbvcass agunbzo", "agunbzo fbvcass");
    String[] words = {
      "agunbzo", "FBVCASS", "Fbvcass", "aGunbzo", "fbvcasx", "agunbz", "x", "-", ","
    };
    Random r = new Random(20261130);
    Context ctx = new Context(new Context.VocabCache());
    int[] seen = new int[2];
    for (int iter = 0; iter < 2_000; iter++) {
      StringBuilder sb = new StringBuilder("id 1");
      for (int k = r.nextInt(8); k >= 0; k--) {
        sb.append(' ').append(words[r.nextInt(words.length)]);
      }
      String text = sb.toString();
      TextIndex index = TextIndex.of(text);
      ctx.reset(text, index, "US");
      ReferenceContext ref = new ReferenceContext(text, index, "US");
      List<String> expected = ref.contextWords(3, 4, 80, vocabulary);
      assertThat(ctx.contextWords(3, 4, 80, vocabulary)).as(text).isEqualTo(expected);
      seen[0] += expected.contains("agunbzo") ? 1 : 0;
      seen[1] += expected.contains("fbvcass") ? 1 : 0;
      ctx.clear();
    }
    assertThat(seen[0]).as("texts where agunbzo is found").isGreaterThan(100);
    assertThat(seen[1]).as("texts where fbvcass is found").isGreaterThan(100);
  }
}
