package io.leakguard.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.ExitCodes;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.DetectionException;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.PiiFinding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard analyze}: PII findings, one JSON line per record, streaming with constant
 * memory. A malformed line or a failing detector is reported on stderr with file and line (never
 * the text) and the run ends with exit code 2; every other record is still analyzed.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Finds PII and prints one JSON line per record:",
      "  {\"id\": ..., \"findings\": [{\"type\", \"start\", \"end\", \"score\", \"detector\", \"form\"}]}",
      "Offsets are Unicode code point indices into the original text."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Input files, - for standard input (default).")
  List<String> files;

  @Option(
      names = "--input",
      paramLabel = "FORMAT",
      description = "jsonl (default) or text (one record per line, id = line number).",
      defaultValue = "jsonl")
  String input;

  @Option(names = "--text-field", defaultValue = "text", description = "JSONL field to analyze.")
  String textField;

  @Option(names = "--id-field", defaultValue = "id", description = "JSONL field holding the id.")
  String idField;

  @Option(names = "--explain", description = "Add the explanation of each finding.")
  boolean explain;

  @Mixin PiiOptions pii;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    if (!input.equals("jsonl") && !input.equals("text")) {
      throw new UserInputException("--input must be jsonl or text, not '" + input + "'");
    }
    PiiAnalyzer analyzer = pii.builder().build();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    int exit = ExitCodes.OK;
    JsonFactory jf = MAPPER.getFactory();
    try (JsonGenerator g = jf.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setRootValueSeparator(null);
      for (String name : InputFiles.orStdin(files)) {
        try (BufferedReader r = InputFiles.open(name, System.in)) {
          long lineNo = 0;
          String line;
          while (true) {
            try {
              line = r.readLine();
            } catch (CharacterCodingException e) {
              throw new UserInputException(name + ":" + (lineNo + 1) + ": invalid UTF-8");
            }
            if (line == null) {
              break;
            }
            lineNo++;
            if (input.equals("jsonl") && line.isBlank()) {
              continue;
            }
            try {
              analyzeLine(analyzer, g, line, lineNo);
            } catch (UserInputException e) {
              err.println("leakguard: " + name + ":" + lineNo + ": " + e.getMessage());
              exit = ExitCodes.USAGE;
            } catch (DetectionException e) {
              err.println(
                  "leakguard: " + name + ":" + lineNo + ": record failed: " + e.getMessage());
              exit = ExitCodes.USAGE;
            }
          }
        }
      }
      g.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
    return exit;
  }

  private void analyzeLine(PiiAnalyzer analyzer, JsonGenerator g, String line, long lineNo)
      throws IOException {
    JsonNode id;
    String text;
    if (input.equals("text")) {
      id = MAPPER.getNodeFactory().numberNode(lineNo);
      text = line;
    } else {
      JsonNode node;
      try (JsonParser p = MAPPER.getFactory().createParser(line)) {
        node = MAPPER.readTree(p);
        if (p.nextToken() != null) {
          throw new UserInputException("expected one JSON object per line, found more after it");
        }
      } catch (JsonProcessingException e) {
        String hint =
            line.stripLeading().startsWith("{")
                ? ""
                : " (for plain text, one record per line, use --input text)";
        throw new UserInputException(
            "malformed JSON (column "
                + e.getLocation().getColumnNr()
                + "), expected one JSON object per line"
                + hint);
      }
      if (node == null || !node.isObject()) {
        throw new UserInputException("expected a JSON object");
      }
      JsonNode t = JsonPaths.get(node, textField);
      if (t == null) {
        // not a record without PII: a record whose text sits elsewhere (never a silent skip)
        throw new UserInputException(
            "no field '"
                + textField
                + "' (--text-field), expected a string or null; name the record's text field"
                + " with --text-field PATH");
      } else if (t.isNull()) {
        text = "";
      } else if (!t.isTextual()) {
        throw new UserInputException("field '" + textField + "' is not a string");
      } else {
        text = t.textValue();
      }
      id = JsonPaths.get(node, idField);
      if (id == null) {
        id = MAPPER.getNodeFactory().numberNode(lineNo);
      }
    }
    // a JSONL record's field name is its label (--text-field first_name: a bare name is a name)
    List<PiiFinding> findings = analyzer.analyze(text, input.equals("text") ? null : textField);
    g.writeStartObject();
    g.writeFieldName("id");
    MAPPER.writeTree(g, id);
    g.writeArrayFieldStart("findings");
    for (PiiFinding f : findings) {
      FindingJson.write(g, f, null, explain);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
  }
}
