package io.leakguard.pii.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a table of detector cases (tab-separated, {@code #} comments):
 *
 * <pre>
 * name  TAB  text with «marked» spans  TAB  form;form  TAB  canonical;canonical  TAB  pattern;...
 *       TAB  score ranges (optional, e.g. 0.85-0.95;0.6-0.8)
 * </pre>
 *
 * A text without markers expects no finding. {@code \n} and {@code \t} are escapes. Expected spans
 * are the code point offsets of the marked parts in the text without markers.
 */
final class IpMacCaseTable {
  private IpMacCaseTable() {}

  /** One expected finding. */
  record Expected(int start, int end, String form, String canonical, String pattern, String score) {
    @Override
    public String toString() {
      return "[" + start + "," + end + ") " + form + " " + canonical + " " + pattern;
    }
  }

  /** One row: the name, the plain text and the expected findings in order. */
  record Case(String name, String text, List<Expected> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Arguments> load(Class<?> owner, String resource) {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", -1);
        Case c = parse(no, cols);
        out.add(Arguments.of(c));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Case parse(int no, String[] cols) {
    String name = no + ": " + cols[0];
    String marked = unescape(cols[1]);
    StringBuilder plain = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    int cp = 0;
    int open = -1;
    for (int i = 0; i < marked.length(); ) {
      int c = marked.codePointAt(i);
      i += Character.charCount(c);
      if (c == '«') {
        open = cp;
      } else if (c == '»') {
        spans.add(new int[] {open, cp});
        open = -1;
      } else {
        plain.appendCodePoint(c);
        cp++;
      }
    }
    List<Expected> expected = new ArrayList<>();
    if (!spans.isEmpty()) {
      String[] forms = cols[2].split(";", -1);
      String[] canon = cols[3].split(";", -1);
      String[] patterns = cols[4].split(";", -1);
      String[] scores = cols.length > 5 && !cols[5].isBlank() ? cols[5].split(";", -1) : null;
      if (forms.length != spans.size()
          || canon.length != spans.size()
          || patterns.length != spans.size()) {
        throw new IllegalStateException("line " + no + ": columns do not match the markers");
      }
      for (int k = 0; k < spans.size(); k++) {
        expected.add(
            new Expected(
                spans.get(k)[0],
                spans.get(k)[1],
                forms[k].trim(),
                canon[k].trim(),
                patterns[k].trim(),
                scores == null ? null : scores[k].trim()));
      }
    }
    return new Case(name, plain.toString(), expected);
  }

  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }

  /** Runs one case through the analyzer and checks spans, forms, canonicals, patterns, scores. */
  static void check(PiiAnalyzer analyzer, Case c) {
    List<PiiFinding> found = analyzer.analyze(c.text());
    List<Expected> actual = new ArrayList<>();
    for (PiiFinding f : found) {
      actual.add(
          new Expected(
              f.start(), f.end(), f.form(), f.canonical(), f.explanation().pattern(), null));
    }
    List<Expected> wanted = new ArrayList<>();
    for (Expected e : c.expected()) {
      wanted.add(new Expected(e.start(), e.end(), e.form(), e.canonical(), e.pattern(), null));
    }
    assertThat(actual).as(c.name()).containsExactlyElementsOf(wanted);
    for (int k = 0; k < found.size(); k++) {
      String range = c.expected().get(k).score();
      if (range != null) {
        String[] lohi = range.split("-");
        assertThat(found.get(k).score())
            .as(c.name() + " score")
            .isBetween(Double.parseDouble(lohi[0]), Double.parseDouble(lohi[1]));
      }
    }
  }
}
