package io.leakguard.cli.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warning;
import io.leakguard.scan.ScanAccumulator;
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

  static void scan(Path file, ScanAccumulator acc) {
    String name = file.toString();
    String kind = kind(file);
    if (kind.equals("csv")) {
      try (InputStream in = stream(file)) {
        scanCsv(name, new io.leakguard.cli.redact.CsvRows(in, name), acc);
      } catch (IOException e) {
        throw new UserInputException(name + ": cannot read: " + e.getMessage());
      }
      return;
    }
    try (BufferedReader r = open(file)) {
      String line;
      long no = 0;
      while ((line = readLine(r, name, no + 1)) != null) {
        no++;
        if (kind.equals("jsonl")) {
          if (line.isBlank()) {
            continue;
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
            continue;
          }
          acc.newRecord();
          walk(node, "", name, Long.toString(no), acc);
        } else {
          acc.newRecord();
          acc.record(name + "#line", Long.toString(no), line);
        }
      }
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
  }

  private static String readLine(BufferedReader r, String name, long no) throws IOException {
    try {
      return r.readLine();
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + ":" + no + ": invalid UTF-8");
    }
  }

  private static void scanCsv(String name, io.leakguard.cli.redact.CsvRows csv, ScanAccumulator acc)
      throws IOException {
    List<String> header = csv.next();
    if (header == null) {
      return;
    }
    List<String> rec;
    while ((rec = csv.next()) != null) {
      acc.newRecord();
      for (int i = 0; i < rec.size(); i++) {
        String col = i < header.size() ? header.get(i) : "column" + (i + 1);
        acc.record(name + "#" + col, "line " + csv.line(), rec.get(i));
      }
    }
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
