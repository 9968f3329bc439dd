package io.leakguard.testkit;

import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.redact.RedactedSpan;
import io.leakguard.pii.redact.Redaction;
import io.leakguard.pii.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a {@link Redactor} on labeled cases by what survives in the <b>redacted output</b>: leak
 * recall on the redacted text, and the share of look-alikes the redaction touched.
 *
 * <p>Rules (also in {@code docs/redaction.md}):
 *
 * <ul>
 *   <li>Before scoring, each output is checked against its {@link Redaction#spans()}: the text
 *       outside the spans must appear in the output verbatim and in order, with the spans' text
 *       gone (an {@link IllegalStateException} otherwise). So "outside every span" is exactly
 *       "still readable in the output".
 *   <li><b>Leak recall on the redacted text</b>: a gold span is <i>gone</i> when at least 90% of
 *       its letters and digits were inside redacted spans (the same 90% rule as {@link
 *       CorpusScorer}), i.e. at most 10% of them survive into the output. Type-correct recall
 *       counts only spans redacted as the gold span's own type.
 *   <li><b>Look-alikes touched</b>: a look-alike span is touched when any redacted span overlaps it
 *       (its text is no longer intact in the output).
 *   <li>Precision: as in {@link CorpusScorer}, over the findings behind the redacted spans.
 * </ul>
 *
 * <pre>{@code
 * Redactor r = Redactor.create(PiiAnalyzer.builder().build(), RedactionPolicy.builder().build(), null);
 * CorpusReport rep = RedactionScorer.score(cases, r);
 * rep.nonStandardRecall(); // share of non-standard PII gone from the output
 * }</pre>
 */
public final class RedactionScorer {
  private RedactionScorer() {}

  /** Redacts every case and scores the output. */
  public static CorpusReport score(List<LabeledCase> cases, Redactor redactor) {
    Objects.requireNonNull(redactor, "redactor");
    CorpusReport.Builder b = new CorpusReport.Builder();
    for (LabeledCase c : cases) {
      Redaction red = redactor.redact(c.text());
      checkOutput(c, red);
      // each redacted span as a pseudo-finding over its (possibly widened) span, so the
      // CorpusScorer rules apply to exactly what left the output
      List<PiiFinding> asFindings = new ArrayList<>(red.spans().size());
      for (RedactedSpan s : red.spans()) {
        if (s.finding() != null) {
          PiiFinding f = s.finding();
          asFindings.add(
              new PiiFinding(
                  f.type(),
                  s.start(),
                  s.end(),
                  s.charStart(),
                  s.charEnd(),
                  f.score(),
                  f.detector(),
                  f.form(),
                  f.canonical(),
                  f.explanation()));
        }
      }
      CorpusScorer.scoreCase(c, asFindings, b);
    }
    return b.build();
  }

  /** The kept text between redacted spans must be in the output, in order; the spans' text not. */
  static void checkOutput(LabeledCase c, Redaction red) {
    String in = c.text();
    String out = red.text();
    List<RedactedSpan> spans = red.spans();
    if (spans.isEmpty()) {
      if (!out.equals(in)) {
        throw new IllegalStateException(c.id() + ": output changed without a redacted span");
      }
      return;
    }
    List<String> kept = new ArrayList<>(spans.size() + 1);
    int from = 0;
    for (RedactedSpan s : spans) {
      kept.add(in.substring(from, s.charStart()));
      from = s.charEnd();
    }
    kept.add(in.substring(from));
    String first = kept.get(0);
    String last = kept.get(kept.size() - 1);
    if (!out.startsWith(first) || !out.endsWith(last)) {
      throw new IllegalStateException(c.id() + ": redacted output does not start/end as the input");
    }
    int cursor = first.length();
    for (int i = 1; i < kept.size() - 1; i++) {
      String g = kept.get(i);
      int at = out.indexOf(g, cursor);
      if (at < 0) {
        throw new IllegalStateException(
            c.id() + ": redacted output lost the kept text after span " + i);
      }
      cursor = at + g.length();
    }
    if (out.length() - last.length() < cursor) {
      throw new IllegalStateException(c.id() + ": redacted output overlaps its kept text");
    }
  }
}
