package io.leakguard.cli.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leakguard.core.SourceRef;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warning;
import io.leakguard.scan.ScanAccumulator;
import io.leakguard.scan.ScanPipeline;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
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
 * Feeds files into a {@link ScanAccumulator}: JSONL (every string value and every integer of 7
 * digits or more, located as {@code file#json.path}, array indices written {@code []}), JSON
 * documents ({@code .json}: pretty-printed or not; the elements of a top-level array, or each
 * top-level value, are the records, keyed by the line they start on), CSV (every column, {@code
 * file#column}), plain text and logs ({@code file#line}); {@code .gz} is decompressed; folders are
 * walked recursively in name order.
 *
 * <p>Nothing is skipped silently: a malformed JSONL line becomes a warning naming file and line and
 * is still scanned as text; a JSON document that breaks off is scanned as text from the record that
 * broke; lines that are not valid UTF-8 are read as windows-1252 (the usual encoding of such logs)
 * with one warning per file; a file with a UTF-16 byte order mark is read as UTF-16; only a binary
 * file (NUL bytes in its first 8 KB, no UTF-16 mark) is left out, with a warning.
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
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return "jsonl";
    }
    if (n.endsWith(".json")) {
      return "json";
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
    byte[] head;
    try (InputStream in = stream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
    Charset utf16 = utf16Mark(head);
    if (utf16 == null && indexOf(head, (byte) 0) >= 0) {
      warn(
          pipeline,
          new Warning(
              "binary-file",
              name + ": binary content (NUL bytes in its first 8 KB): not scanned",
              SourceRef.ofLine(name, 1)));
      return;
    }
    try {
      if (kind.equals("csv")) {
        InputStream raw = stream(file);
        try (InputStream in = utf16 == null ? raw : new Utf16AsUtf8(raw, utf16)) {
          scanCsv(name, new io.leakguard.cli.redact.CsvRows(in, name, utf16 == null), pipeline);
        }
      } else if (kind.equals("json") && utf16 == null && !firstLineIsJson(head)) {
        long brokeAt = scanDocument(file, name, pipeline);
        if (brokeAt > 0) {
          scanLines(file, name, false, null, brokeAt, pipeline);
        }
      } else {
        scanLines(file, name, !kind.equals("text"), utf16, 1, pipeline);
      }
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** The smallest integer that can hold a phone, card, SSN or IBAN number (7 digits). */
  private static final java.math.BigInteger MIN_PII_INT = java.math.BigInteger.valueOf(1_000_000);

  /** Bytes looked at to tell text from binary and JSON lines from a JSON document. */
  static final int SNIFF_BYTES = 8192;

  private static void warn(ScanPipeline pipeline, Warning w) {
    pipeline.submit(acc -> acc.warn(w), null);
  }

  /**
   * Lines {@code from, from + 1, ...} of a text or JSONL file, in batches. With {@code utf16} null
   * each line is decoded as UTF-8 on its own, and a line that is not valid UTF-8 as windows-1252
   * (counted, one warning at the end): a log with a few Latin-1 lines is still scanned whole.
   */
  private static void scanLines(
      Path file, String name, boolean jsonl, Charset utf16, long from, ScanPipeline pipeline)
      throws IOException {
    LineSource src =
        utf16 != null ? new Utf16Lines(stream(file), utf16) : new ByteLines(stream(file));
    try (src) {
      String line;
      long no = 0;
      List<String> lines = new ArrayList<>();
      long chars = 0;
      while ((line = src.next()) != null) {
        no++;
        if (no < from) {
          continue;
        }
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
      warnNotUtf8(pipeline, name, src.latin1Lines(), "line", src.firstLatin1Line());
    }
  }

  /**
   * A JSON document read as a stream of records: the elements of a top-level array, or each
   * top-level value (so NDJSON saved as {@code .json} works too). Returns 0, or the line where the
   * record that could not be parsed starts: the caller scans the file from there as text (after a
   * warning), so a broken document loses nothing and counts nothing twice.
   */
  private static long scanDocument(Path file, String name, ScanPipeline pipeline)
      throws IOException {
    List<JsonNode> records = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    long start = 1;
    try (JsonParser p = MAPPER.getFactory().createParser(stream(file))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        start = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_ARRAY) {
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
              throw new com.fasterxml.jackson.core.JsonParseException(p, "unclosed array");
            }
            start = p.currentTokenLocation().getLineNr();
            add(records, keys, p.readValueAsTree(), start, name, pipeline);
          }
        } else {
          add(records, keys, p.readValueAsTree(), start, name, pipeline);
        }
      }
    } catch (JsonProcessingException e) {
      flush(records, keys, name, pipeline);
      long at = e.getLocation() == null ? start : e.getLocation().getLineNr();
      warn(
          pipeline,
          new Warning(
              "malformed-json",
              name
                  + ":"
                  + at
                  // not the parser's message: it may quote the text around the error
                  + ": not valid JSON: scanned as plain text from line "
                  + start,
              SourceRef.ofLine(name, at)));
      return Math.max(1, start);
    }
    flush(records, keys, name, pipeline);
    return 0;
  }

  private static void add(
      List<JsonNode> records,
      List<String> keys,
      JsonNode node,
      long line,
      String name,
      ScanPipeline pipeline) {
    records.add(node);
    keys.add(Long.toString(line));
    if (records.size() == BATCH_RECORDS) {
      flush(records, keys, name, pipeline);
    }
  }

  private static void flush(
      List<JsonNode> records, List<String> keys, String name, ScanPipeline pipeline) {
    if (records.isEmpty()) {
      return;
    }
    List<JsonNode> rs = List.copyOf(records);
    List<String> ks = List.copyOf(keys);
    records.clear();
    keys.clear();
    pipeline.submit(
        acc -> {
          for (int i = 0; i < rs.size(); i++) {
            acc.newRecord();
            walk(rs.get(i), "", name, ks.get(i), acc);
          }
        },
        null);
  }

  /** Whether the first non-blank line of {@code head} is a whole JSON value (JSON lines). */
  static boolean firstLineIsJson(byte[] head) {
    int i = 0;
    if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB) {
      i = 3;
    }
    while (i < head.length
        && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    int end = i;
    while (end < head.length && head[end] != '\n') {
      end++;
    }
    if (end == head.length || end == i) {
      return false; // one long line, or nothing: read as a document
    }
    try (JsonParser p = MAPPER.getFactory().createParser(head, i, end - i)) {
      p.readValueAsTree();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  static Charset utf16Mark(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
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
    warnNotUtf8(pipeline, name, csv.windows1252Rows(), "row", csv.firstWindows1252Line());
  }

  /** One {@code not-utf8} warning for a file with {@code count} lines/rows read as windows-1252. */
  private static void warnNotUtf8(
      ScanPipeline pipeline, String name, long count, String unit, long firstLine) {
    if (count > 0) {
      warn(
          pipeline,
          new Warning(
              "not-utf8",
              name
                  + ": "
                  + count
                  + (count == 1 ? " " + unit + " is" : " " + unit + "s are")
                  + " not valid UTF-8 (first: line "
                  + firstLine
                  + "): read as windows-1252",
              SourceRef.ofLine(name, firstLine)));
    }
  }

  /**
   * A UTF-16 stream (with its byte order mark) re-encoded as UTF-8, for the CSV record reader,
   * which reads bytes: {@code Export-Csv -Encoding Unicode} and other Windows tools write UTF-16.
   * The mark becomes a UTF-8 mark, which the reader drops. Unpaired surrogates become {@code ?}
   * (they are no text a detector reads).
   */
  private static final class Utf16AsUtf8 extends InputStream {
    private final java.io.Reader in;
    private final CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 8);
    private boolean eof;

    Utf16AsUtf8(InputStream raw, Charset utf16) {
      this.in =
          new java.io.InputStreamReader(
              raw,
              utf16
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
      bytes.flip();
    }

    private boolean fill() throws IOException {
      while (!bytes.hasRemaining()) {
        if (eof) {
          return false;
        }
        int n = in.read(chars.array(), chars.position(), chars.remaining());
        if (n < 0) {
          eof = true;
        } else {
          chars.position(chars.position() + n);
        }
        chars.flip();
        bytes.clear();
        utf8.encode(chars, bytes, eof);
        if (eof) {
          utf8.flush(bytes);
        }
        chars.compact();
        bytes.flip();
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? bytes.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, bytes.remaining());
      bytes.get(b, off, n);
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
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
    if (n.isTextual()
        || (n.isIntegralNumber() && n.bigIntegerValue().abs().compareTo(MIN_PII_INT) >= 0)) {
      // integers of 7 digits or more too: a card or phone number stored as a number is still one
      acc.record(file + "#" + (path.isEmpty() ? "$" : path), "line " + key, n.asText());
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

  /** Lines of a file, without their terminators ({@code \n}, {@code \r\n} or {@code \r}). */
  private interface LineSource extends AutoCloseable {
    String next() throws IOException;

    long latin1Lines();

    long firstLatin1Line();

    @Override
    void close() throws IOException;
  }

  /**
   * UTF-8 lines, each decoded on its own: a line that is not valid UTF-8 is decoded as windows-1252
   * (every byte maps to a character, so nothing is lost) and counted. A UTF-8 byte order mark at
   * the start is dropped.
   */
  private static final class ByteLines implements LineSource {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private long no;
    private long latin1;
    private long firstLatin1;
    private boolean first = true;
    private int pending = -1;

    ByteLines(InputStream in) {
      this.in = new BufferedInputStream(in, 1 << 16);
    }

    @Override
    public String next() throws IOException {
      buf.reset();
      int c = pending >= 0 ? pending : in.read();
      pending = -1;
      if (c < 0) {
        return null;
      }
      while (c >= 0 && c != '\n' && c != '\r') {
        buf.write(c);
        c = in.read();
      }
      if (c == '\r') {
        int d = in.read();
        if (d != '\n') {
          pending = d;
        }
      }
      no++;
      byte[] b = buf.toByteArray();
      int off = 0;
      if (first) {
        first = false;
        if (b.length >= 3
            && (b[0] & 0xff) == 0xEF
            && (b[1] & 0xff) == 0xBB
            && (b[2] & 0xff) == 0xBF) {
          off = 3;
        }
      }
      try {
        return utf8.reset().decode(ByteBuffer.wrap(b, off, b.length - off)).toString();
      } catch (CharacterCodingException e) {
        if (latin1++ == 0) {
          firstLatin1 = no;
        }
        return new String(b, off, b.length - off, CP1252);
      }
    }

    @Override
    public long latin1Lines() {
      return latin1;
    }

    @Override
    public long firstLatin1Line() {
      return firstLatin1;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Lines of a file with a UTF-16 byte order mark (Windows PowerShell's default output). */
  private static final class Utf16Lines implements LineSource {
    private final BufferedReader r;
    private boolean first = true;

    Utf16Lines(InputStream in, Charset cs) {
      this.r = new BufferedReader(new InputStreamReader(in, cs), 1 << 16);
    }

    @Override
    public String next() throws IOException {
      String line = r.readLine();
      if (first && line != null && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      first = false;
      return line;
    }

    @Override
    public long latin1Lines() {
      return 0;
    }

    @Override
    public long firstLatin1Line() {
      return 0;
    }

    @Override
    public void close() throws IOException {
      r.close();
    }
  }
}
