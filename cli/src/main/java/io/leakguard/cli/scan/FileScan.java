package io.leakguard.cli.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warning;
import io.leakguard.scan.ScanAccumulator;
import io.leakguard.scan.ScanPipeline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Feeds files into a {@link ScanAccumulator}: JSONL (every string value, located as {@code
 * file#json.path}, array indices written {@code []}), CSV (every column, {@code file#column}),
 * plain text and logs ({@code file#line}); {@code .gz} is decompressed; folders are walked
 * recursively in name order. A malformed line becomes a warning naming file and line and is still
 * scanned as text, never skipped.
 *
 * <p>The calling thread reads and decompresses; batches of up to {@link #BATCH_RECORDS} records (or
 * about {@link #BATCH_CHARS} characters) are parsed (JSON) and analyzed by the {@link
 * ScanPipeline}'s workers and merged in file order, so the report does not depend on the number of
 * workers.
 */
final class FileScan {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FileScan() {}

  static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile).sorted().forEach(out::add);
        } catch (IOException e) {
          throw new UserInputException(p + ": cannot list folder: " + e.getMessage());
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new UserInputException(p + ": no such file or folder");
      }
    }
    return out;
  }

  static String kind(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return "jsonl";
    }
    if (n.endsWith(".csv")) {
      return "csv";
    }
    return "text";
  }

  /** Lines (or CSV records) per batch handed to the analysis threads. */
  static final int BATCH_RECORDS = 1000;

  /** Characters per batch, at most (about; a batch holds at least one record). */
  static final int BATCH_CHARS = 1 << 20;

  /**
   * Reads {@code file} on this thread and hands batches of records to {@code pipeline}, which
   * analyzes them on its workers and merges them in order: the report is the same as reading and
   * analyzing line after line.
   */
  static void scan(Path file, ScanPipeline pipeline) {
    String name = file.toString();
    String kind = kind(file);
    if (kind.equals("csv")) {
      try (InputStream in = stream(file)) {
        scanCsv(name, new io.leakguard.cli.redact.CsvRows(in, name), pipeline);
      } catch (IOException e) {
        throw new UserInputException(name + ": cannot read: " + e.getMessage());
      }
      return;
    }
    boolean jsonl = kind.equals("jsonl");
    try (BufferedReader r = open(file)) {
      String line;
      long no = 0;
      List<String> lines = new ArrayList<>();
      long chars = 0;
      while ((line = readLine(r, name, no + 1)) != null) {
        no++;
        lines.add(line);
        chars += line.length();
        if (lines.size() == BATCH_RECORDS || chars >= BATCH_CHARS) {
          pipeline.submit(lines(name, jsonl, no - lines.size() + 1, List.copyOf(lines)), null);
          lines.clear();
          chars = 0;
        }
      }
      if (!lines.isEmpty()) {
        pipeline.submit(lines(name, jsonl, no - lines.size() + 1, List.copyOf(lines)), null);
      }
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** Analyzes lines {@code first, first + 1, ...} of a text or JSONL file. */
  private static ScanPipeline.Batch lines(
      String name, boolean jsonl, long first, List<String> lines) {
    return acc -> {
      long no = first;
      for (String line : lines) {
        if (jsonl) {
          jsonLine(name, no, line, acc);
        } else {
          acc.newRecord();
          acc.record(name + "#line", Long.toString(no), line);
        }
        no++;
      }
    };
  }

  private static void jsonLine(String name, long no, String line, ScanAccumulator acc) {
    if (line.isBlank()) {
      return;
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      acc.warn(
          new Warning(
              "malformed-line",
              name + ":" + no + ": not a JSON object, scanned as plain text",
              SourceRef.ofLine(name, no)));
      acc.newRecord();
      acc.record(name + "#line", Long.toString(no), line);
      return;
    }
    acc.newRecord();
    walk(node, "", name, Long.toString(no), acc);
  }

  private static String readLine(BufferedReader r, String name, long no) throws IOException {
    try {
      return r.readLine();
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + ":" + no + ": invalid UTF-8");
    }
  }

  private static void scanCsv(
      String name, io.leakguard.cli.redact.CsvRows csv, ScanPipeline pipeline) throws IOException {
    List<String> header = csv.next();
    if (header == null) {
      return;
    }
    List<List<String>> records = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    long chars = 0;
    List<String> rec;
    while ((rec = csv.next()) != null) {
      records.add(rec);
      keys.add("line " + csv.line());
      for (String v : rec) {
        chars += v == null ? 0 : v.length();
      }
      if (records.size() == BATCH_RECORDS || chars >= BATCH_CHARS) {
        pipeline.submit(csvRecords(name, header, List.copyOf(records), List.copyOf(keys)), null);
        records.clear();
        keys.clear();
        chars = 0;
      }
    }
    if (!records.isEmpty()) {
      pipeline.submit(csvRecords(name, header, List.copyOf(records), List.copyOf(keys)), null);
    }
  }

  private static ScanPipeline.Batch csvRecords(
      String name, List<String> header, List<List<String>> records, List<String> keys) {
    return acc -> {
      for (int r = 0; r < records.size(); r++) {
        List<String> rec = records.get(r);
        acc.newRecord();
        for (int i = 0; i < rec.size(); i++) {
          String col = i < header.size() ? header.get(i) : "column" + (i + 1);
          acc.record(name + "#" + col, keys.get(r), rec.get(i));
        }
      }
    };
  }

  private static void walk(JsonNode n, String path, String file, String key, ScanAccumulator acc) {
    if (n.isTextual()) {
      acc.record(file + "#" + (path.isEmpty() ? "$" : path), "line " + key, n.textValue());
    } else if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), file, key, acc);
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        walk(c, path + "[]", file, key, acc);
      }
    }
  }

  private static InputStream stream(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  private static BufferedReader open(Path p) throws IOException {
    InputStream in = stream(p);
    return new BufferedReader(
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)),
        1 << 16);
  }
}
