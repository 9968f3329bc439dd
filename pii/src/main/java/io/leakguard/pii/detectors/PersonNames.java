package io.leakguard.pii.detectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists of {@link PersonDetector}, loaded once at class initialisation from {@code
 * /io/leakguard/pii/names/*.txt} (UTF-8, one entry per line, {@code #} comments) into one folded
 * hash table {@link #WORDS} of word to flags.
 *
 * <ul>
 *   <li>{@link #FIRST}, {@link #LAST}: generated from datafaker's name data (Apache-2.0) by the
 *       test-scope {@code NameListsGenerator}; each name is also stored without accents so {@code
 *       Jose Garcia} matches {@code José García}; plus the curated {@code first-names-world.txt}
 *       and {@code last-names-world.txt} (Nigerian, Ghanaian, Indian, romanized Japanese names the
 *       datafaker locales lack; since session 10 also transliterated Russian, Ukrainian, Balkan,
 *       Central European, Greek, Turkish, Persian, Arabic, Korean, Vietnamese, Bengali, African and
 *       Southeast Asian names, which those lists hold only in their own scripts or not at all), and
 *       {@code first-names-extra.txt} / {@code last-names-extra.txt} (names of 22 locales of the
 *       Python Faker package, MIT, that datafaker lacks: among them half of the 1,000 most frequent
 *       US surnames, {@code Ramirez Evans Cook Morgan}).
 *   <li>{@link #AMBIGUOUS}: curated names that are also everyday words ({@code Bill}, {@code Will},
 *       {@code Grace}): reported only with a cue, or mid-sentence before a known last name.
 *   <li>{@link #NOT_ALONE}: days, months, products, places ({@code Monday}, {@code May}, {@code
 *       Windows}, {@code Azure}): never a name on their own, only beside a known name.
 *   <li>{@link #NOT_NAMES}: words that end the idea of a name ({@code Team}, {@code Customer},
 *       {@code Ltd}, {@code Server}, {@code ERROR}): a run of capitalized words holding one is not
 *       a person.
 *   <li>{@link #TECH_PHRASES}: two-word product and service names ({@code Visual Studio}, {@code
 *       Power BI}) that look like First Last.
 * </ul>
 */
final class PersonNames {
  /** Flags in {@link #WORDS}. */
  static final int FIRST = 1;

  static final int LAST = 1 << 1;
  static final int AMBIGUOUS = 1 << 2;
  static final int NOT_ALONE = 1 << 3;
  static final int NOT_NAME = 1 << 4;

  /** Every listed word with its flags: one lookup per name part. */
  static final NameSet WORDS = table();

  static final NameSet TECH_PHRASES = new NameSet(load("tech-phrases.txt"));

  private static NameSet table() {
    java.util.Map<String, Integer> m = new java.util.HashMap<>();
    put(m, withoutAccents(load("first-names.txt")), FIRST);
    put(m, withoutAccents(load("last-names.txt")), LAST);
    put(m, load("first-names-world.txt"), FIRST);
    put(m, load("last-names-world.txt"), LAST);
    put(m, withoutAccents(load("first-names-extra.txt")), FIRST);
    put(m, withoutAccents(load("last-names-extra.txt")), LAST);
    put(m, load("ambiguous.txt"), AMBIGUOUS);
    put(m, load("not-alone.txt"), NOT_ALONE);
    put(m, load("not-names.txt"), NOT_NAME);
    return new NameSet(m);
  }

  private static void put(java.util.Map<String, Integer> m, List<String> words, int flag) {
    for (String w : words) {
      m.merge(w, flag, (a, b) -> a | b);
    }
  }

  private PersonNames() {}

  static List<String> load(String file) {
    String res = "/io/leakguard/pii/names/" + file;
    List<String> out = new ArrayList<>();
    try (InputStream in = PersonNames.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + res);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && s.charAt(0) != '#') {
          out.add(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + res, e);
    }
    return out;
  }

  private static List<String> withoutAccents(List<String> names) {
    List<String> out = new ArrayList<>(names.size() + names.size() / 8);
    for (String n : names) {
      out.add(n);
      String plain = Normalizer.normalize(n, Normalizer.Form.NFD);
      StringBuilder sb = new StringBuilder(plain.length());
      for (int i = 0; i < plain.length(); i++) {
        char c = plain.charAt(i);
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
          sb.append(c);
        }
      }
      if (sb.length() != n.length() || !sb.toString().equals(n)) {
        out.add(sb.toString());
      }
    }
    return out;
  }
}
