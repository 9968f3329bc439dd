package io.leakguard.cli.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leakguard.core.UserInputException;
import io.leakguard.pii.PiiFinding;
import io.leakguard.pii.redact.RedactedSpan;
import io.leakguard.pii.redact.Redaction;
import io.leakguard.pii.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The record pipeline behind {@code leakguard redact}, reusable by the REST server: JSONL (fields
 * by JSON path), CSV (columns by name, RFC 4180) or plain text (each line a record), redacted by
 * one {@link Redactor}, in input order, on every core, with flat memory.
 *
 * <pre>{@code
 * RedactPipeline p = RedactPipeline.builder(redactor).format(Format.JSONL)
 *     .fields(List.of("messages[*].body")).verify(true).build();
 * try (QuarantineFile q = new QuarantineFile(Path.of("out.jsonl.quarantine.jsonl"))) {
 *   Summary s = p.run(List.of(new Input("in.jsonl", in)), out, q, null);
 * }
 * }</pre>
 *
 * <p>Design notes (maintainers): one reader thread cuts the inputs into records and batches (up to
 * 512 records or 1 MiB); each batch goes to a bounded work queue (workers) and, as a future, to a
 * bounded order queue; the calling thread is the writer and takes futures in order. At most {@code
 * 4 × threads + 2} batches are in flight, so memory does not grow with the input. Every record ends
 * as exactly one of: written, dropped, quarantined (fail closed: any exception while processing a
 * record quarantines it). A record with no finding is written back byte for byte.
 *
 * <p>Known limits: a CSV file must start with a header row; blank lines in JSONL and CSV are not
 * records (skipped, not counted); JSON records that change are re-serialized (same values, compact
 * spacing).
 */
public final class RedactPipeline {
  /** Input formats. */
  public enum Format {
    JSONL,
    CSV,
    TEXT;

    /** Parses {@code jsonl}, {@code csv} or {@code text}. */
    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s.trim())) {
          return f;
        }
      }
      throw new UserInputException("--input must be jsonl, csv or text, not '" + s + "'");
    }
  }

  /** One input stream and the name used in messages and quarantine entries. */
  public record Input(String name, InputStream stream, long size) {
    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(stream, "stream");
    }
  }

  /** Receives progress from the writer thread about once a second. */
  @FunctionalInterface
  public interface Progress {
    void update(long records, long bytesRead, long totalBytes, long nanosElapsed);
  }

  private static final int BATCH_RECORDS = 512;
  private static final int BATCH_BYTES = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The JSONL field redacted when no {@code --field} is given. */
  static final String DEFAULT_FIELD = "text";

  static {
    MAPPER.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    MAPPER.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  private final Redactor redactor;
  private final Format format;
  private final List<FieldPath> paths;
  private final List<String> columns;
  private final boolean defaultField;
  private final boolean findings;
  private final boolean verify;
  private final int threads;
  private final int maxRecordBytes;

  private RedactPipeline(Builder b) {
    this.redactor = b.redactor;
    this.format = b.format;
    List<FieldPath> ps = new ArrayList<>();
    if (format == Format.JSONL) {
      for (String f : b.fields) {
        ps.add(FieldPath.parse(f));
      }
    }
    this.paths = List.copyOf(ps);
    this.columns = List.copyOf(b.fields);
    this.defaultField = !b.fieldsGiven;
    this.findings = b.findings;
    this.verify = b.verify;
    this.threads = b.threads;
    this.maxRecordBytes = b.maxRecordBytes;
  }

  public static Builder builder(Redactor redactor) {
    return new Builder(redactor);
  }

  /** Builder; defaults: JSONL, field {@code text}, all cores, 16 MiB maximum record. */
  public static final class Builder {
    private final Redactor redactor;
    private Format format = Format.JSONL;
    private List<String> fields = List.of(DEFAULT_FIELD);
    private boolean fieldsGiven;
    private boolean findings;
    private boolean verify;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int maxRecordBytes = 16 << 20;

    private Builder(Redactor r) {
      this.redactor = Objects.requireNonNull(r, "redactor");
    }

    public Builder format(Format f) {
      this.format = Objects.requireNonNull(f, "format");
      return this;
    }

    /** JSON paths (JSONL) or column names (CSV); ignored for text. */
    public Builder fields(List<String> f) {
      if (f.isEmpty()) {
        throw new UserInputException("at least one --field is required");
      }
      this.fields = List.copyOf(f);
      this.fieldsGiven = true;
      return this;
    }

    public Builder findings(boolean on) {
      this.findings = on;
      return this;
    }

    public Builder verify(boolean on) {
      this.verify = on;
      return this;
    }

    public Builder threads(int n) {
      if (n < 1) {
        throw new UserInputException("--threads must be at least 1, not " + n);
      }
      this.threads = n;
      return this;
    }

    public Builder maxRecordBytes(int n) {
      if (n < 1024) {
        throw new UserInputException("--max-record-bytes must be at least 1024, not " + n);
      }
      this.maxRecordBytes = n;
      return this;
    }

    public RedactPipeline build() {
      return new RedactPipeline(this);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // run

  private static final class Batch {
    final List<RawRecord> records = new ArrayList<>();
    final CompletableFuture<Outcome[]> result = new CompletableFuture<>();
    int bytes;
  }

  private static final Batch END = new Batch();

  /** What became of one record. */
  private static final class Outcome {
    byte[] out;
    boolean dropped;
    boolean skipped;
    boolean unselected;
    byte[] quarantine;
    boolean verifyFailed;
    Map<String, Long> counts;
  }

  /**
   * Runs the pipeline over {@code inputs} (in order) and writes the records to {@code out} (not
   * closed). Quarantined records go to {@code quarantine}.
   *
   * @throws UserInputException when the run cannot proceed (unreadable input, CSV header without a
   *     selected column): exit code 2
   * @throws IOException when the output cannot be written
   */
  public Summary run(
      List<Input> inputs, OutputStream out, QuarantineFile quarantine, Progress progress)
      throws IOException {
    BlockingQueue<Batch> work = new ArrayBlockingQueue<>(2 * threads);
    BlockingQueue<Batch> order = new ArrayBlockingQueue<>(4 * threads);
    AtomicLong bytesRead = new AtomicLong();
    long total = 0;
    for (Input in : inputs) {
      total = in.size() < 0 || total < 0 ? -1 : total + in.size();
    }
    Thread reader = new Thread(() -> read(inputs, work, order, bytesRead), "leakguard-reader");
    reader.setDaemon(true);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> work(work), "leakguard-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
    }
    reader.start();
    workers.forEach(Thread::start);
    long in = 0;
    long written = 0;
    long dropped = 0;
    long quarantined = 0;
    long verifyFailed = 0;
    long unselected = 0;
    Map<String, Long> counts = new HashMap<>();
    long t0 = System.nanoTime();
    long lastProgress = t0;
    boolean ok = false;
    try {
      while (true) {
        Batch b = order.take();
        if (b == END) {
          break;
        }
        Outcome[] res;
        try {
          res = b.result.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof UserInputException) {
            throw (UserInputException) c;
          }
          if (c instanceof IOException) {
            throw new UserInputException("cannot read input: " + c.getMessage(), c);
          }
          if (c instanceof UncheckedIOException) {
            throw new UserInputException("cannot read input: " + c.getCause().getMessage(), c);
          }
          if (c instanceof Error) {
            throw (Error) c;
          }
          throw new IllegalStateException("pipeline failed: " + c.getClass().getSimpleName(), c);
        }
        for (Outcome o : res) {
          if (o.skipped) {
            continue;
          }
          if (o.out != null && o.counts == null) {
            out.write(o.out); // CSV header
            continue;
          }
          in++;
          if (o.quarantine != null) {
            quarantine.write(o.quarantine);
            quarantined++;
            if (o.verifyFailed) {
              verifyFailed++;
            }
          } else if (o.dropped) {
            dropped++;
          } else {
            out.write(o.out);
            written++;
            if (o.unselected) {
              unselected++;
            }
          }
          if (o.counts != null && o.quarantine == null) {
            for (Map.Entry<String, Long> e : o.counts.entrySet()) {
              counts.merge(e.getKey(), e.getValue(), Long::sum);
            }
          }
        }
        if (progress != null) {
          long now = System.nanoTime();
          if (now - lastProgress > 1_000_000_000L) {
            lastProgress = now;
            progress.update(in, bytesRead.get(), total, now - t0);
          }
        }
      }
      out.flush();
      ok = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } finally {
      if (!ok) {
        reader.interrupt();
        workers.forEach(Thread::interrupt);
      } else {
        for (int i = 0; i < threads; i++) {
          work.offer(END);
        }
      }
    }
    return new Summary(in, written, dropped, quarantined, verifyFailed, unselected, counts);
  }

  private void read(
      List<Input> inputs, BlockingQueue<Batch> work, BlockingQueue<Batch> order, AtomicLong read) {
    Batch b = new Batch();
    try {
      List<String> firstHeader = null;
      for (Input input : inputs) {
        Source src = new Source(input.name());
        RecordReader rr =
            new RecordReader(input.stream(), src, format == Format.CSV, maxRecordBytes);
        long base = read.get();
        boolean header = format == Format.CSV;
        while (true) {
          RawRecord r = rr.next(header);
          read.set(base + rr.bytesRead());
          if (r == null) {
            if (header) {
              throw new UserInputException(
                  input.name() + ": empty CSV input, expected a header row");
            }
            break;
          }
          if (header) {
            header = false;
            List<String> names = csvHeader(r, src);
            if (firstHeader == null) {
              firstHeader = names;
            } else {
              if (!firstHeader.equals(names)) {
                throw new UserInputException(
                    input.name() + ":1: the CSV header differs from the first input's header");
              }
              continue; // written once
            }
          }
          b.records.add(r);
          b.bytes += r.length;
          if (b.records.size() >= BATCH_RECORDS || b.bytes >= BATCH_BYTES) {
            submit(b, work, order);
            b = new Batch();
          }
        }
      }
      if (!b.records.isEmpty()) {
        submit(b, work, order);
      }
      order.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      Batch fail = new Batch();
      fail.result.completeExceptionally(e);
      try {
        if (!b.records.isEmpty()) {
          submit(b, work, order);
        }
        order.put(fail);
        order.put(END);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void submit(Batch b, BlockingQueue<Batch> work, BlockingQueue<Batch> order)
      throws InterruptedException {
    order.put(b);
    work.put(b);
  }

  private List<String> csvHeader(RawRecord r, Source src) {
    String text;
    try {
      text = decode(r);
    } catch (CharacterCodingException e) {
      throw new UserInputException(src.name + ":" + r.line + ": invalid UTF-8 in the CSV header");
    }
    if (r.problem != null) {
      throw new UserInputException(src.name + ":" + r.line + ": CSV header: " + r.problem);
    }
    List<String> names;
    try {
      names = Csv.parse(text);
    } catch (Csv.BrokenRow e) {
      throw new UserInputException(src.name + ":" + r.line + ": CSV header: " + e.getMessage());
    }
    Map<String, Integer> cols = new HashMap<>();
    for (String c : columns) {
      int idx = names.indexOf(c);
      if (idx < 0) {
        throw new UserInputException(
            src.name + ":" + r.line + ": no column '" + c + "' in the CSV header " + names);
      }
      cols.put(c, idx);
    }
    src.columns = cols;
    src.columnCount = names.size();
    return names;
  }

  private void work(BlockingQueue<Batch> work) {
    try {
      while (true) {
        Batch b = work.take();
        if (b == END) {
          return;
        }
        try {
          Outcome[] res = new Outcome[b.records.size()];
          for (int i = 0; i < res.length; i++) {
            res[i] = process(b.records.get(i));
          }
          b.result.complete(res);
        } catch (Throwable t) { // fail closed: the writer stops the run
          b.result.completeExceptionally(t);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // one record

  private Outcome process(RawRecord r) {
    Outcome o = new Outcome();
    if (r.header) {
      StringBuilder sb =
          new StringBuilder(new String(r.bytes, 0, r.length, StandardCharsets.UTF_8));
      if (findings) {
        sb.append(",findings");
      }
      o.out = sb.append(r.eol()).toString().getBytes(StandardCharsets.UTF_8);
      return o;
    }
    if (r.problem != null) {
      return quarantine(r, null, r.problem, false);
    }
    String text;
    try {
      text = decode(r);
    } catch (CharacterCodingException e) {
      return quarantine(r, null, "invalid UTF-8 at byte " + offset(e, r), false);
    }
    if (format != Format.TEXT && text.isBlank()) {
      o.skipped = true;
      return o;
    }
    try {
      switch (format) {
        case JSONL:
          return json(r, text);
        case CSV:
          return csv(r, text);
        default:
          return text(r, text);
      }
    } catch (Bad e) {
      return quarantine(r, text, e.getMessage(), false);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      String why =
          e instanceof io.leakguard.pii.DetectionException
              ? e.getMessage()
              : "processing failed: " + e.getClass().getSimpleName();
      return quarantine(r, text, why, false);
    }
  }

  /** A malformed record (the message names the problem, never the content). */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad(String m) {
      super(m);
    }
  }

  private record Field(String path, Redaction redaction) {}

  private Outcome json(RawRecord r, String text) throws Bad, IOException {
    JsonNode node;
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      node = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        throw new Bad("expected one JSON object per line, found more after it");
      }
    } catch (JsonProcessingException e) {
      throw new Bad(
          "malformed JSON (column "
              + (e.getLocation() == null ? 0 : e.getLocation().getColumnNr())
              + "), expected one JSON object per line");
    }
    if (!(node instanceof ObjectNode)) {
      throw new Bad("expected a JSON object");
    }
    ObjectNode root = (ObjectNode) node;
    if (defaultField && !root.has(DEFAULT_FIELD)) {
      // fail closed: an export whose text sits in other fields would pass through unchecked
      throw new Bad(
          "no \""
              + DEFAULT_FIELD
              + "\" field (the default --field), so nothing in the record was checked; name the"
              + " fields to redact with --field PATH (--field '*' for every value)");
    }
    List<Field> fields = new ArrayList<>();
    boolean[] selected = {false};
    for (FieldPath path : paths) {
      path.apply(
          root,
          (p, t) -> {
            selected[0] = true;
            Redaction red = redactor.redact(t, p); // the field's name is its label
            if (red.changed()) {
              fields.add(new Field(p, red));
              return TextNode.valueOf(red.text());
            }
            return null;
          });
    }
    Outcome o = finish(r, text, fields);
    o.unselected = !selected[0];
    if (o.quarantine != null || o.dropped || fields.isEmpty() && !findings) {
      if (o.quarantine == null && !o.dropped) {
        o.out = withNewline(r);
      }
      return o;
    }
    if (findings) {
      root.set("findings", findingsNode(fields));
    }
    o.out = withEol(MAPPER.writeValueAsBytes(root), r);
    return o;
  }

  private Outcome csv(RawRecord r, String text) throws Bad {
    List<String> cells;
    try {
      cells = Csv.parse(text);
    } catch (Csv.BrokenRow e) {
      throw new Bad(e.getMessage());
    }
    Source src = r.source;
    if (cells.size() != src.columnCount) {
      throw new Bad("expected " + src.columnCount + " fields, found " + cells.size());
    }
    List<Field> fields = new ArrayList<>();
    List<String> outCells = new ArrayList<>(cells);
    for (String col : columns) {
      int idx = src.columns.get(col);
      Redaction red = redactor.redact(cells.get(idx), col);
      if (red.changed()) {
        fields.add(new Field(col, red));
        outCells.set(idx, red.text());
      }
    }
    Outcome o = finish(r, text, fields);
    if (o.quarantine != null || o.dropped) {
      return o;
    }
    if (fields.isEmpty() && !findings) {
      o.out = withNewline(r);
      return o;
    }
    if (findings) {
      try {
        outCells.add(MAPPER.writeValueAsString(findingsNode(fields)));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
    StringBuilder sb = new StringBuilder(text.length() + 32);
    Csv.write(outCells, sb);
    o.out = sb.append(r.eol()).toString().getBytes(StandardCharsets.UTF_8);
    return o;
  }

  private Outcome text(RawRecord r, String text) throws IOException {
    Redaction red = redactor.redact(text);
    List<Field> fields = red.changed() ? List.of(new Field("text", red)) : List.of();
    Outcome o = finish(r, text, fields);
    if (o.quarantine != null || o.dropped) {
      return o;
    }
    if (findings) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("line", r.line);
      n.put("text", red.text());
      n.set("findings", findingsNode(fields));
      o.out = (MAPPER.writeValueAsString(n) + r.eol()).getBytes(StandardCharsets.UTF_8);
    } else if (fields.isEmpty()) {
      o.out = withNewline(r);
    } else {
      o.out = (red.text() + r.eol()).getBytes(StandardCharsets.UTF_8);
    }
    return o;
  }

  /** Counts, drop and verify for a record whose fields were redacted. */
  private Outcome finish(RawRecord r, String text, List<Field> fields) {
    Outcome o = new Outcome();
    Map<String, Long> counts = new HashMap<>(4);
    boolean drop = false;
    for (Field f : fields) {
      drop |= f.redaction().drop();
      for (RedactedSpan s : f.redaction().spans()) {
        counts.merge(s.type(), 1L, Long::sum);
      }
    }
    o.counts = counts;
    if (drop) {
      o.dropped = true;
      return o;
    }
    if (verify) {
      for (Field f : fields) {
        List<PiiFinding> left = redactor.verify(f.redaction(), f.path());
        if (!left.isEmpty()) {
          Outcome q =
              quarantine(
                  r,
                  text,
                  "verify: PII still found after redaction: "
                      + left.get(0).type()
                      + " in field "
                      + f.path(),
                  true);
          q.counts = counts;
          return q;
        }
      }
    }
    return o;
  }

  private static JsonNode findingsNode(List<Field> fields) {
    com.fasterxml.jackson.databind.node.ArrayNode arr = MAPPER.createArrayNode();
    for (Field f : fields) {
      for (RedactedSpan s : f.redaction().spans()) {
        ObjectNode n = arr.addObject();
        n.put("field", f.path());
        n.put("type", s.type());
        n.put("start", s.start());
        n.put("end", s.end());
        PiiFinding pf = s.finding();
        if (pf != null) {
          n.put("score", pf.score());
          n.put("detector", pf.detector());
          n.put("form", pf.form());
        } else {
          n.put("detector", "deny-list");
        }
        n.put("operator", s.operator().name().toLowerCase(Locale.ROOT));
      }
    }
    return arr;
  }

  private static byte[] withNewline(RawRecord r) {
    return withEol(r.bytes, r.length, r);
  }

  private static byte[] withEol(byte[] bytes, RawRecord r) {
    return withEol(bytes, bytes.length, r);
  }

  /** The first {@code len} bytes, then the record's own terminator ({@code \r\n} or {@code \n}). */
  private static byte[] withEol(byte[] bytes, int len, RawRecord r) {
    int n = r.crlf ? 2 : 1;
    byte[] b = java.util.Arrays.copyOf(bytes, len + n);
    if (r.crlf) {
      b[len] = '\r';
    }
    b[len + n - 1] = '\n';
    return b;
  }

  private Outcome quarantine(RawRecord r, String text, String reason, boolean verifyFailed) {
    Outcome o = new Outcome();
    o.verifyFailed = verifyFailed;
    try {
      ByteArrayOutputStream bo = new ByteArrayOutputStream(r.length + 128);
      try (JsonGenerator g = new JsonFactory().createGenerator(bo)) {
        g.writeStartObject();
        g.writeStringField("source", r.source.name);
        g.writeNumberField("line", r.line);
        if (r.endLine != r.line) {
          g.writeNumberField("endLine", r.endLine);
        }
        g.writeStringField("reason", reason);
        if (text != null) {
          g.writeStringField("raw", text);
        } else {
          g.writeStringField(
              "rawBase64",
              Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(r.bytes, r.length)));
        }
        g.writeEndObject();
      }
      bo.write('\n');
      o.quarantine = bo.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return o;
  }

  private static final ThreadLocal<CharsetDecoder> DECODERS =
      ThreadLocal.withInitial(
          () ->
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .onUnmappableCharacter(CodingErrorAction.REPORT));

  private static String decode(RawRecord r) throws CharacterCodingException {
    // fast path: ASCII
    boolean ascii = true;
    for (int i = 0; i < r.length; i++) {
      if (r.bytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(r.bytes, 0, r.length, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder d = DECODERS.get();
    d.reset();
    CharBuffer cb = d.decode(ByteBuffer.wrap(r.bytes, 0, r.length));
    return cb.toString();
  }

  private static String offset(CharacterCodingException e, RawRecord r) {
    if (e instanceof MalformedInputException) {
      // the decoder does not say where; find the first bad byte ourselves
      return String.valueOf(firstBadUtf8(r.bytes, r.length));
    }
    return "?";
  }

  static int firstBadUtf8(byte[] b, int len) {
    int i = 0;
    while (i < len) {
      int c = b[i] & 0xff;
      int n;
      if (c < 0x80) {
        i++;
        continue;
      } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
      } else {
        return i;
      }
      if (i + n >= len) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if ((b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return i;
  }
}
