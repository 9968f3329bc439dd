package io.leakguard.cli;

import io.leakguard.core.ExitCodes;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.Revealer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard reveal}: puts {@code encrypt} tokens ({@code <TYPE:enc:base64url>}) back, in any
 * text or JSONL, for someone who holds the key. In JSON lines the value is escaped for a JSON
 * string. Tokens that do not decrypt stay and make the exit code 3.
 */
@Command(
    name = "reveal",
    mixinStandardHelpOptions = true,
    description = {
      "Replaces <TYPE:enc:...> tokens written by 'redact --operator encrypt' with the values.",
      "Needs the key used to redact (--key-file or LEAKGUARD_KEY)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every token revealed",
      "2:the run could not proceed (bad usage, unreadable input or key)",
      "3:done, but some tokens could not be decrypted (another key?)"
    })
final class RevealCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Input files, - for standard input (default).")
  List<String> files;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Output file (default: standard output).")
  Path output;

  @Option(
      names = "--input",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto (a line starting with { or [ is JSON), text or jsonl: decides whether values are"
              + " escaped for JSON strings.")
  String input;

  @Mixin KeyOptions keyOptions;

  @Override
  public Integer call() throws IOException {
    if (!List.of("auto", "text", "jsonl").contains(input)) {
      throw new UserInputException("--input must be auto, text or jsonl, not '" + input + "'");
    }
    Keys keys = keyOptions.keys();
    if (!keys.present()) {
      throw new UserInputException(
          "reveal needs the key: --key-file FILE or the environment variable LEAKGUARD_KEY");
    }
    Revealer revealer = Revealer.of(keys);
    PrintWriter err = spec.commandLine().getErr();
    long revealed = 0;
    long failed = 0;
    Writer w =
        output != null
            ? new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)
            : spec.commandLine().getOut();
    try {
      for (String name : InputFiles.orStdin(files)) {
        try (BufferedReader r = InputFiles.open(name, System.in)) {
          long lineNo = 0;
          while (true) {
            String line;
            try {
              line = r.readLine();
            } catch (CharacterCodingException e) {
              throw new UserInputException(name + ":" + (lineNo + 1) + ": invalid UTF-8");
            }
            if (line == null) {
              break;
            }
            lineNo++;
            boolean json = input.equals("jsonl") || input.equals("auto") && looksJson(line);
            Revealer.Result res = revealer.reveal(line, json);
            revealed += res.revealed();
            failed += res.failed();
            w.write(res.text());
            w.write('\n');
          }
        }
      }
      w.flush();
    } finally {
      if (output != null) {
        w.close();
      }
    }
    err.println(
        "leakguard reveal: "
            + revealed
            + " tokens revealed"
            + (failed > 0 ? ", " + failed + " could not be decrypted (another key?)" : ""));
    err.flush();
    return failed > 0 ? ExitCodes.QUARANTINED : ExitCodes.OK;
  }

  private static boolean looksJson(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }
}
