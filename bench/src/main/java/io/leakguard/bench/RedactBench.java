package io.leakguard.bench;

import io.leakguard.cli.redact.QuarantineFile;
import io.leakguard.cli.redact.RedactPipeline;
import io.leakguard.cli.redact.Summary;
import io.leakguard.pii.PiiAnalyzer;
import io.leakguard.pii.redact.Keys;
import io.leakguard.pii.redact.Operator;
import io.leakguard.pii.redact.RedactionPolicy;
import io.leakguard.pii.redact.Redactor;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * End-to-end redaction benchmark (not a timed test). Generates a support-case JSONL file and runs
 * the redaction pipeline on it with every entity on.
 *
 * <pre>
 * java -Xmx256m -cp ... io.leakguard.bench.RedactBench generate-cases /tmp/cases.jsonl 200
 * java -Xmx256m -cp ... io.leakguard.bench.RedactBench generate /tmp/prose.jsonl 200
 * java -Xmx256m -cp ... io.leakguard.bench.RedactBench run /tmp/cases.jsonl passthrough|replace|hash|encrypt [threads]
 * </pre>
 *
 * <p>{@code passthrough} reads the JSONL, parses it and writes it back with no detector (the
 * ratio's denominator). Prints MB/s (wall clock), CPU seconds of the process, and the heap peak.
 */
public final class RedactBench {
  private RedactBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 3 && args[0].equals("generate")) {
      generate(Path.of(args[1]), Long.parseLong(args[2]) * 1_000_000L);
    } else if (args.length >= 3 && args[0].equals("generate-cases")) {
      generateCases(Path.of(args[1]), Long.parseLong(args[2]) * 1_000_000L);
    } else if (args.length >= 3 && args[0].equals("run")) {
      int threads =
          args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
      run(Path.of(args[1]), args[2], threads);
    } else {
      System.err.println(
          "usage: generate-cases FILE MB | generate FILE MB | run FILE passthrough|replace|hash|encrypt [N]");
      System.exit(2);
    }
  }

  static void run(Path file, String mode, int threads) throws IOException {
    PiiAnalyzer analyzer =
        mode.equals("passthrough")
            ? PiiAnalyzer.builder().clearDetectors().build()
            : PiiAnalyzer.builder().build();
    Operator op =
        switch (mode) {
          case "hash" -> Operator.hash();
          case "encrypt" -> Operator.encrypt();
          default -> Operator.replace();
        };
    byte[] key = new byte[32];
    new SplittableRandom(7).nextBytes(key);
    Redactor r =
        Redactor.create(
            analyzer,
            RedactionPolicy.builder().defaultOperator(op).build(),
            Keys.parse(Base64.getEncoder().encodeToString(key)));
    RedactPipeline p =
        RedactPipeline.builder(r)
            .fields(List.of("customer.note", "messages[*].body", "text"))
            .threads(threads)
            .build();
    Path out = Files.createTempFile("leakguard-bench", ".jsonl");
    long size = Files.size(file);
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    Summary s;
    try (InputStream in = Files.newInputStream(file);
        OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        QuarantineFile q = new QuarantineFile(Path.of(out + ".quarantine.jsonl"))) {
      s = p.run(List.of(new RedactPipeline.Input(file.toString(), in, size)), o, q, null);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    double cpuSecs = (cpu() - cpu0) / 1e9;
    long peak = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s threads=%d size=%.1fMB wall=%.1fs %.1f MB/s cpu=%.1fs (%.1f MB per cpu-second)"
            + " heapPeak=%dMB maxHeap=%dMB records=%d out=%d quarantined=%d findings=%s%n",
        mode,
        threads,
        size / 1e6,
        secs,
        size / 1e6 / secs,
        cpuSecs,
        size / 1e6 / cpuSecs,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        s.recordsIn(),
        s.recordsOut(),
        s.quarantined(),
        s.findings());
    Files.deleteIfExists(out);
  }

  private static long cpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  private static final String[] WORDS =
      ("the customer reports that the portal times out when uploading invoices after the last"
              + " update we restarted the service and cleared the cache but the error persists"
              + " please advise on next steps ticket escalated to tier two engineering team"
              + " checked logs found repeated connection resets from the gateway version 4.2.1"
              + " build 20231107 hresult 0x80070005 at 2024-03-05T10:22:31Z thanks regards")
          .split(" ");
  private static final String[] FIRST = {"Maria", "John", "Aisha", "Wei", "Lars", "Priya"};
  private static final String[] LAST = {"Gonzalez", "Smith", "Khan", "Chen", "Berg", "Patel"};

  /**
   * Support cases from the labeled corpus generator ({@code testkit}: descriptions, agent notes,
   * pasted logs, mail threads with every PII form and look-alikes), one JSON object a line with a
   * few metadata fields as a ticket export has them: {@code
   * {"caseId":"CS-...","created":"...","product":"...","severity":"B","text":"..."}}. 2,000
   * distinct cases are cycled (generation would otherwise dominate); the text is about 90% of the
   * bytes.
   */
  static void generateCases(Path file, long bytes) throws IOException {
    List<String> texts = BenchCorpus.texts(2_000 * 900L, 20261129L);
    String[] products = {"Azure AD", "Exchange Online", "Power BI", "Windows Server", "Teams"};
    com.fasterxml.jackson.core.JsonFactory jf = new com.fasterxml.jackson.core.JsonFactory();
    long written = 0;
    int id = 0;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      while (written < bytes) {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(2048);
        try (com.fasterxml.jackson.core.JsonGenerator g = jf.createGenerator(line)) {
          g.writeStartObject();
          g.writeStringField("caseId", "CS-" + (1_000_000 + id));
          g.writeStringField(
              "created", "2019-12-" + (10 + id % 18) + "T08:" + (10 + id % 50) + ":00Z");
          g.writeStringField("product", products[id % products.length]);
          g.writeStringField("severity", id % 7 == 0 ? "A" : "B");
          g.writeStringField("text", texts.get(id % texts.size()));
          g.writeEndObject();
        }
        line.write('\n');
        line.writeTo(os);
        written += line.size();
        id++;
      }
    }
  }

  static void generate(Path file, long bytes) throws IOException {
    SplittableRandom rnd = new SplittableRandom(42);
    long written = 0;
    int id = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      while (written < bytes) {
        StringBuilder sb = new StringBuilder(2048);
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        sb.append("{\"caseId\":\"CS-").append(100000 + id).append("\",\"product\":\"Portal\",");
        sb.append("\"customer\":{\"id\":").append(id).append(",\"note\":\"");
        prose(sb, rnd, 12, first, last);
        sb.append("\"},\"messages\":[");
        int n = 3 + rnd.nextInt(6);
        for (int m = 0; m < n; m++) {
          if (m > 0) {
            sb.append(',');
          }
          sb.append("{\"from\":\"").append(m % 2 == 0 ? "customer" : "agent").append("\",");
          sb.append("\"body\":\"");
          prose(sb, rnd, 20 + rnd.nextInt(40), first, last);
          sb.append("\"}");
        }
        sb.append("]}\n");
        w.write(sb.toString());
        written += sb.length();
        id++;
      }
    }
  }

  private static void prose(StringBuilder sb, SplittableRandom rnd, int words, String f, String l) {
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      int dice = rnd.nextInt(100);
      String low = f.toLowerCase(Locale.ROOT) + "." + l.toLowerCase(Locale.ROOT);
      if (dice == 0) {
        sb.append(low).append("@contoso.com");
      } else if (dice == 1) {
        sb.append(low).append(" at contoso dot com");
      } else if (dice == 2) {
        sb.append("+1 (206) 555-0").append(100 + rnd.nextInt(899));
      } else if (dice == 3) {
        sb.append("10.").append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256)).append(".7");
      } else if (dice == 4) {
        sb.append("4111 1111 1111 1111");
      } else if (dice == 5) {
        sb.append("Regards, ").append(f).append(' ').append(l);
      } else if (dice == 6) {
        sb.append("password=Sup3r-S3cret!").append(rnd.nextInt(1000));
      } else {
        sb.append(WORDS[rnd.nextInt(WORDS.length)]);
      }
    }
  }
}
