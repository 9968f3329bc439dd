package io.leakguard.cli;

import io.leakguard.core.MaskedPreview;
import io.leakguard.pii.EntityType;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard demo}: the 2019 incident on bundled data with embedded defaults. Analyzes the
 * bundled support cases (standard and obfuscated PII, and look-alikes that must stay) and prints
 * what was found, masked, with a summary.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs leakguard end to end on bundled sample data (no setup needed).")
final class DemoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  static final String CASES = "/io/leakguard/cli/demo/support-cases.jsonl";

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PiiAnalyzer analyzer = PiiAnalyzer.builder().build();
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
    int records = 0;
    int obfuscated = 0;
    out.println("leakguard demo: PII in support cases, standard and obfuscated forms");
    out.println();
    try (InputStream in = DemoCommand.class.getResourceAsStream(CASES);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        var node = mapper.readTree(line);
        String id = node.get("id").asText();
        String text = node.get("text").asText();
        records++;
        var findings = analyzer.analyze(text);
        out.printf("case %s: %d finding(s)%n", id, findings.size());
        for (PiiFinding f : findings) {
          counts.merge(f.type(), 1, Integer::sum);
          if (f.obfuscated()) {
            obfuscated++;
          }
          String written = text.substring(f.charStart(), f.charEnd()).replaceAll("\\s+", " ");
          out.printf(
              "  %-14s %-28s %-22s score %.2f%n",
              f.type(), MaskedPreview.of(written), f.form(), f.score());
        }
      }
    }
    out.println();
    out.printf(
        "Summary: %d cases, %d findings (%d in non-standard forms)%n",
        records, counts.values().stream().mapToInt(Integer::intValue).sum(), obfuscated);
    for (Map.Entry<EntityType, Integer> e : counts.entrySet()) {
      out.printf("  %-14s %d%n", e.getKey(), e.getValue());
    }
    out.println();
    out.println("Values are masked. Try: ./leakguard analyze --input text FILE  (see README.md)");
    return 0;
  }
}
