package io.leakguard.cli;

import io.leakguard.cli.redact.QuarantineFile;
import io.leakguard.cli.redact.RedactConfig;
import io.leakguard.cli.redact.RedactPipeline;
import io.leakguard.cli.redact.Summary;
import io.leakguard.core.ExitCodes;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.RedactionPolicy;
import io.leakguard.pii.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leakguard redact}: the same records, in the same order (less dropped ones), with the
 * selected fields redacted. A thin adapter over {@link RedactPipeline} and {@link Redactor}; see
 * {@code docs/redaction.md}.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Redacts PII in JSONL fields, CSV columns or text lines, keeping record order.",
      "Malformed or failing records go to the quarantine file (exit code 3)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, nothing quarantined",
      "2:the run could not proceed (bad usage, unreadable input or key)",
      "3:done, but some records were quarantined"
    })
final class RedactCommand implements Callable<Integer> {
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
      description = "jsonl, csv or text (default: from the file name; jsonl for stdin).")
  String input;

  @Option(
      names = "--field",
      paramLabel = "PATH",
      description =
          "JSON path (JSONL, e.g. messages[*].body, customer.note) or CSV column to redact;"
              + " repeatable; '*' for every value (default: text; a JSONL record without a text"
              + " field is then quarantined, not passed through unchecked).")
  List<String> fields;

  @Option(
      names = "--operator",
      paramLabel = "OP",
      description =
          "replace, mask, hash, encrypt or drop, for every type, or TYPE=OP; repeatable."
              + " Parameters go in --config.")
  List<String> operators;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML redaction config.")
  Path config;

  @Option(
      names = "--quarantine",
      paramLabel = "FILE",
      description =
          "Quarantine file (default: OUT.quarantine.jsonl, or leakguard-quarantine.jsonl in the"
              + " working directory for standard output). Holds raw records: protect it.")
  Path quarantine;

  @Option(names = "--findings", description = "Add \"findings\" (offsets into the original value).")
  boolean findings;

  @Option(names = "--verify", description = "Analyze the output again; quarantine leftovers.")
  boolean verify;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  Integer threads;

  @Option(
      names = "--max-record-bytes",
      paramLabel = "N",
      description = "Longest record accepted (default: 16 MiB); longer ones are quarantined.")
  Integer maxRecordBytes;

  @Mixin PiiOptions pii;

  @Mixin KeyOptions keyOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Keys keys = keyOptions.keys();
    RedactConfig cfg = config == null ? RedactConfig.empty() : RedactConfig.read(config);
    PiiAnalyzer.Builder ab = pii.builder();
    var parsed = spec.commandLine().getParseResult();
    if (!parsed.hasMatchedOption("--entities") && cfg.entities() != null) {
      ab.entities(cfg.entities());
    }
    if (!parsed.hasMatchedOption("--min-score") && cfg.minScore() != null) {
      ab.minScore(cfg.minScore());
    }
    if (!parsed.hasMatchedOption("--region") && cfg.region() != null) {
      try {
        ab.region(cfg.region());
      } catch (IllegalArgumentException e) {
        throw new UserInputException(config + ": region: " + e.getMessage());
      }
    }
    PiiAnalyzer analyzer = ab.build();
    RedactionPolicy.Builder pb = cfg.policy(operators);
    pb.entities(analyzer.entities()).minScore(analyzer.minScore());
    RedactionPolicy policy = pb.build();
    if (policy.needsKey() && !keys.present()) {
      throw new UserInputException(
          "hash and encrypt need a key: --key-file FILE or the environment variable LEAKGUARD_KEY");
    }
    Redactor redactor = Redactor.create(analyzer, policy, keys);

    List<String> names = InputFiles.orStdin(files);
    RedactPipeline.Format format =
        input != null ? RedactPipeline.Format.parse(input) : guessFormat(names.get(0));
    if (format == RedactPipeline.Format.TEXT && fields != null) {
      throw new UserInputException("--field does not apply to --input text (the line is redacted)");
    }
    RedactPipeline.Builder b =
        RedactPipeline.builder(redactor).format(format).findings(findings).verify(verify);
    if (fields != null) {
      b.fields(fields); // without it: "text", and a JSONL record without that field is quarantined
    }
    if (threads != null) {
      b.threads(threads);
    }
    if (maxRecordBytes != null) {
      b.maxRecordBytes(maxRecordBytes);
    }
    RedactPipeline pipeline = b.build();

    Path qPath =
        quarantine != null
            ? quarantine
            : output != null
                ? Path.of(output + ".quarantine.jsonl")
                : Path.of("leakguard-quarantine.jsonl");
    List<RedactPipeline.Input> inputs = new ArrayList<>();
    Summary summary;
    Path tmp = null;
    try (QuarantineFile q = new QuarantineFile(qPath)) {
      for (String n : names) {
        inputs.add(open(n));
      }
      OutputStream out;
      if (output != null) {
        checkNotAnInput(names, qPath);
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        tmp = Files.createTempFile(dir, "." + output.getFileName() + ".", ".part");
        out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      } else {
        out = new WriterStream(spec.commandLine().getOut());
      }
      RedactPipeline.Progress progress = System.console() != null ? progress(err) : null;
      try (OutputStream o = out) {
        summary = pipeline.run(inputs, o, q, progress);
      }
      if (progress != null) {
        err.print("\r\033[K");
      }
      if (tmp != null) {
        try {
          Files.move(
              tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        }
        tmp = null;
      }
    } finally {
      for (RedactPipeline.Input in : inputs) {
        if (in.stream() != System.in) {
          in.stream().close();
        }
      }
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    }
    err.println("leakguard redact: " + summary.toText().replace("\n", "\nleakguard redact: "));
    if (summary.quarantined() > 0) {
      err.println(
          "leakguard redact: quarantined records are in "
              + qPath
              + " (raw content: a protected file)");
    }
    err.flush();
    return summary.quarantined() > 0 ? ExitCodes.QUARANTINED : ExitCodes.OK;
  }

  private void checkNotAnInput(List<String> names, Path qPath) {
    for (String n : names) {
      if (!n.equals("-")) {
        Path p = Path.of(n).toAbsolutePath().normalize();
        if (p.equals(output.toAbsolutePath().normalize())
            || p.equals(qPath.toAbsolutePath().normalize())) {
          throw new UserInputException(n + ": is an input, it cannot also be the output");
        }
      }
    }
  }

  static RedactPipeline.Format guessFormat(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".csv")) {
      return RedactPipeline.Format.CSV;
    }
    if (n.endsWith(".txt") || n.endsWith(".log")) {
      return RedactPipeline.Format.TEXT;
    }
    return RedactPipeline.Format.JSONL;
  }

  private static RedactPipeline.Input open(String name) {
    if (name.equals("-")) {
      return new RedactPipeline.Input("-", System.in, -1);
    }
    Path p = Path.of(name);
    try {
      if (Files.isDirectory(p)) {
        throw new UserInputException(name + ": is a folder, expected a file");
      }
      long size = name.endsWith(".gz") ? -1 : Files.size(p);
      InputStream in = Files.newInputStream(p);
      if (name.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new RedactPipeline.Input(name, in, size);
    } catch (NoSuchFileException e) {
      throw new UserInputException(name + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getClass().getSimpleName());
    }
  }

  private static RedactPipeline.Progress progress(PrintWriter err) {
    return (records, bytes, total, nanos) -> {
      double secs = nanos / 1e9;
      double mbs = bytes / 1e6 / Math.max(secs, 1e-3);
      String eta = "";
      if (total > 0 && bytes > 0) {
        long left = (long) ((total - bytes) / 1e6 / Math.max(mbs, 1e-3));
        eta = ", ETA " + left + "s";
      }
      err.printf(Locale.ROOT, "\rredact: %d records, %.1f MB/s%s\033[K", records, mbs, eta);
      err.flush();
    };
  }

  /** Writes whole UTF-8 records (the pipeline writes one record per call) to a PrintWriter. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter w;

    WriterStream(PrintWriter w) {
      this.w = w;
    }

    @Override
    public void write(int b) {
      throw new UnsupportedOperationException("whole records only");
    }

    @Override
    public void write(byte[] b, int off, int len) {
      w.write(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      w.flush();
    }

    @Override
    public void close() {
      w.flush();
    }
  }
}
