package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Loads a table of detector cases from {@code src/test/resources/<package>/<Test>/cases.tsv}.
 *
 * <p>One case per line: {@code name<TAB>input<TAB>expected}. {@code input} may use {@code \n},
 * {@code \t}, {@code \\} and {@code \}{@code uXXXX} escapes (a full-width digit, a zero-width
 * space). {@code expected} is empty for "no finding", else findings separated by {@code ;}, each
 * {@code start-end form canonical} where start/end are code point offsets into the input. Lines
 * starting with {@code #} are comments.
 */
public final class CaseTable {
  private CaseTable() {}

  /** The (name, text, expected) rows of {@code <test's simple name>/cases.tsv}. */
  public static Stream<Arguments> load(Class<?> test) {
    return load(test, "cases.tsv");
  }

  static Stream<Arguments> load(Class<?> test, String file) {
    String res = test.getSimpleName() + "/" + file;
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = test.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + res);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length != 3) {
          throw new IllegalStateException("bad case line (need 3 columns): " + cols[0]);
        }
        out.add(Arguments.of(cols[0], unescape(cols[1]), cols[2].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream();
  }

  /** Analyzes {@code input} for one entity type and renders the findings as in the table. */
  static String render(EntityType type, String input) {
    PiiAnalyzer a = PiiAnalyzer.builder().entities(EnumSet.of(type)).build();
    List<String> parts = new ArrayList<>();
    for (PiiFinding f : a.analyze(input)) {
      assertThat(f.type()).isEqualTo(type);
      parts.add(f.start() + "-" + f.end() + " " + f.form() + " " + f.canonical());
    }
    return String.join(";", parts);
  }

  /**
   * Renders findings with their explanation: {@code start-end score pattern validation [context]};
   * minimum score 0 so that weak candidates show too.
   */
  static String renderScores(EntityType type, String input) {
    PiiAnalyzer a = PiiAnalyzer.builder().entities(EnumSet.of(type)).minScore(0).build();
    List<String> parts = new ArrayList<>();
    for (PiiFinding f : a.analyze(input)) {
      parts.add(
          f.start()
              + "-"
              + f.end()
              + " "
              + f.score()
              + " "
              + f.explanation().pattern()
              + " "
              + f.explanation().validation()
              + " "
              + f.explanation().contextWords());
    }
    return String.join(";", parts);
  }

  /**
   * Decodes a table cell's escapes: {@code \\n}, {@code \\r}, {@code \\t}, {@code \\uXXXX}; any
   * other escaped char stands for itself (shared by the table tests of other packages).
   */
  public static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char d = s.charAt(++i);
      switch (d) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(d);
      }
    }
    return b.toString();
  }
}
