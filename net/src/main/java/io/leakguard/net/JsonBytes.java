package io.leakguard.net;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.leakguard.core.Warning;
import io.leakguard.net.internal.Parallel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The audit JSON of DESIGN §5 written as UTF-8 bytes by hand: byte for byte what Jackson's default
 * pretty printer gives for {@link Reports#json(AuditReport)} ({@code ReportsJsonTest} compares
 * them), several times faster.
 *
 * <p>How: findings are rendered in blocks of {@value #BLOCK} by worker threads (one per core, at
 * most {@link Parallel#MAX_THREADS}) into byte arrays, and the calling thread writes the blocks in
 * order, so the output does not depend on the number of threads. The lists that findings of one
 * reachability chain share by reference ({@code sources}, {@code sourcesAsWritten}, {@code path})
 * are encoded once per worker (from their second use) and copied as bytes; the other strings are
 * copied byte per char when they are printable ASCII without {@code "} or {@code \}, else escaped
 * by Jackson's {@link JsonStringEncoder} (same escapes as the generator: {@code \n}, {@code
 * \u0001}, non-ASCII written as UTF-8).
 *
 * <p>Layout of Jackson's {@code DefaultPrettyPrinter}: objects indent two spaces per object level
 * (arrays do not indent), {@code " : "} between name and value, arrays inline as {@code [ a, b ]},
 * empty ones {@code [ ]}.
 *
 * <p>Known limits: a lone surrogate in a string is written as Jackson's encoder writes it (the
 * generator would refuse it). Memory: at most a few blocks in flight (a few MB).
 */
final class JsonBytes {
  /** Findings per rendered block. */
  static final int BLOCK = 1024;

  private JsonBytes() {}

  // pre-encoded ",\n<indent>\"name\" : " of every field (no comma for a first field)
  private static final byte[] F4_CHECK = field(4, "check", false);
  private static final byte[] F4_CODE_1 = field(4, "code", true);
  private static final byte[] F4_DIRECTION = field(4, "direction", false);
  private static final byte[] F4_FILE = field(4, "file", false);
  private static final byte[] F4_ID_1 = field(4, "id", true);
  private static final byte[] F4_INTERNET_WIDE = field(4, "internetWide", false);
  private static final byte[] F4_JSON_PATH = field(4, "jsonPath", false);
  private static final byte[] F4_LOCATION = field(4, "location", false);
  private static final byte[] F4_MESSAGE = field(4, "message", false);
  private static final byte[] F4_PATH = field(4, "path", false);
  private static final byte[] F4_PORTS = field(4, "ports", false);
  private static final byte[] F4_PROTOCOL = field(4, "protocol", false);
  private static final byte[] F4_PUBLIC_PATH = field(4, "publicPath", false);
  private static final byte[] F4_SAMPLE_PACKET = field(4, "samplePacket", false);
  private static final byte[] F4_SEVERITY = field(4, "severity", false);
  private static final byte[] F4_SOURCES = field(4, "sources", false);
  private static final byte[] F4_SOURCES_AS_WRITTEN = field(4, "sourcesAsWritten", false);
  private static final byte[] F4_TARGET = field(4, "target", false);
  private static final byte[] F4_TITLE = field(4, "title", false);
  private static final byte[] F4_UNKNOWN = field(4, "unknown", false);
  private static final byte[] F6_ACTION = field(6, "action", false);
  private static final byte[] F6_ADDRESS = field(6, "address", false);
  private static final byte[] F6_DST = field(6, "dst", false);
  private static final byte[] F6_FILE = field(6, "file", false);
  private static final byte[] F6_FILE_1 = field(6, "file", true);
  private static final byte[] F6_ID_1 = field(6, "id", true);
  private static final byte[] F6_JSON_PATH = field(6, "jsonPath", false);
  private static final byte[] F6_LAYER_1 = field(6, "layer", true);
  private static final byte[] F6_NAME = field(6, "name", false);
  private static final byte[] F6_PORT = field(6, "port", false);
  private static final byte[] F6_PRIORITY = field(6, "priority", false);
  private static final byte[] F6_PRIVATE_IP = field(6, "privateIp", false);
  private static final byte[] F6_PROTOCOL = field(6, "protocol", false);
  private static final byte[] F6_PROVIDER = field(6, "provider", false);
  private static final byte[] F6_RESOURCE = field(6, "resource", false);
  private static final byte[] F6_RESOURCE_ID = field(6, "resourceId", false);
  private static final byte[] F6_RULE = field(6, "rule", false);
  private static final byte[] F6_SRC_1 = field(6, "src", true);

  // the fixed text of a finding between two values, each one constant (same bytes as the
  // field-by-field writes they replace: ReportsJsonTest compares with Jackson's printer)
  private static final byte[] OPEN_FIRST_ID = cat(" {", F4_ID_1);
  private static final byte[] OPEN_NEXT_ID = cat(", {", F4_ID_1);
  private static final byte[] TARGET_ID = cat(F4_TARGET, "{", F6_ID_1);
  private static final byte[] CLOSE_DIRECTION = cat("\n    }", F4_DIRECTION);
  private static final byte[] PORTS_OPEN = cat(F4_PORTS, "[");
  private static final byte[] SPACE = cat(" ");
  private static final byte[] COMMA_SPACE = cat(", ");
  private static final byte[] PORTS_CLOSE_SOURCES = cat(" ]", F4_SOURCES);
  private static final byte[] INTERNET_WIDE_TRUE = cat(F4_INTERNET_WIDE, "true");
  private static final byte[] INTERNET_WIDE_FALSE = cat(F4_INTERNET_WIDE, "false");
  private static final byte[] PUBLIC_PATH_TRUE = cat(F4_PUBLIC_PATH, "true");
  private static final byte[] PUBLIC_PATH_FALSE = cat(F4_PUBLIC_PATH, "false");
  private static final byte[] UNKNOWN_TRUE_PATH = cat(F4_UNKNOWN, "true", F4_PATH);
  private static final byte[] UNKNOWN_FALSE_PATH = cat(F4_UNKNOWN, "false", F4_PATH);
  private static final byte[] PACKET_SRC = cat(F4_SAMPLE_PACKET, "{", F6_SRC_1);
  private static final byte[] CLOSE_LOCATION_FILE = cat("\n    }", F4_LOCATION, "{", F6_FILE_1);
  private static final byte[] NULL_LOCATION_FILE =
      cat(F4_SAMPLE_PACKET, "null", F4_LOCATION, "{", F6_FILE_1);
  private static final byte[] CLOSE_FINDING = cat("\n    }", "\n  }");

  /** The concatenation of byte arrays and ASCII strings. */
  private static byte[] cat(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] x =
          p instanceof byte[] ? (byte[]) p : ((String) p).getBytes(StandardCharsets.US_ASCII);
      out.write(x, 0, x.length);
    }
    return out.toByteArray();
  }

  /** Writes the audit report to {@code out} (not closed) without a trailing newline. */
  static void write(AuditReport r, OutputStream out) throws IOException {
    Buf head = new Buf(256);
    head.ascii("{\n  \"findings\" : [");
    out.write(head.a, 0, head.n);
    findings(r.findings(), out);
    head.n = 0;
    head.ascii(",\n  \"warnings\" : [");
    warnings(head, r.warnings());
    if (!r.suppressed().isEmpty()) {
      head.ascii(",\n  \"suppressed\" : [");
      out.write(head.a, 0, head.n);
      head.n = 0;
      findings(r.suppressed(), out);
    }
    head.ascii("\n}");
    out.write(head.a, 0, head.n);
  }

  /** {@code " ... ]"}: the array body after {@code [}, in blocks, rendered on worker threads. */
  private static void findings(List<Finding> fs, OutputStream out) throws IOException {
    if (fs.isEmpty()) {
      out.write(new byte[] {' ', ']'});
      return;
    }
    int blocks = (fs.size() + BLOCK - 1) / BLOCK;
    int threads = Math.min(Parallel.threads(), blocks);
    // block buffers are recycled once written: a 1x report is ~270 blocks of ~2.7 MB, and fresh
    // buffers (grown by copying) were a third of the run's allocation, each filling the young
    // generation and so triggering collections that copy the live findings
    Queue<Buf> free = new ConcurrentLinkedQueue<>();
    if (threads <= 1) {
      Renderer rd = new Renderer();
      for (int b = 0; b < blocks; b++) {
        Buf buf = rd.block(fs, b * BLOCK, Math.min(fs.size(), (b + 1) * BLOCK), free.poll());
        writeSliced(out, buf);
        free.add(buf);
      }
    } else {
      ExecutorService pool = Parallel.pool(threads, "leakguard-json");
      ThreadLocal<Renderer> renderers = ThreadLocal.withInitial(Renderer::new);
      try {
        ArrayDeque<Future<Buf>> inFlight = new ArrayDeque<>();
        int next = 0;
        for (int b = 0; b < blocks; b++) {
          while (next < blocks && inFlight.size() < 2 * threads + 2) {
            int from = next * BLOCK;
            int to = Math.min(fs.size(), from + BLOCK);
            inFlight.add(pool.submit(() -> renderers.get().block(fs, from, to, free.poll())));
            next++;
          }
          Buf buf = inFlight.poll().get();
          writeSliced(out, buf);
          free.add(buf);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the report", e);
      } catch (ExecutionException e) {
        throw new IOException(Parallel.uncheckedCause(e));
      } finally {
        pool.shutdownNow();
      }
    }
    out.write(new byte[] {' ', ']'});
  }

  /** Largest single write: see {@link #writeSliced}. */
  static final int SLICE = 256 * 1024;

  /**
   * Writes a rendered block in slices of at most {@link #SLICE} bytes. A whole block (~2.7 MB) per
   * write made the JDK copy it through a fresh native buffer of its size almost every time (NIO's
   * temporary direct buffer is replaced whenever a larger one is needed; {@code FileOutputStream}
   * mallocs one per write), and touching those fresh pages cost ~1 s of system CPU over the 728 MB
   * of the 1x audit's JSON; slices of one size reuse one buffer.
   */
  private static void writeSliced(OutputStream out, Buf buf) throws IOException {
    for (int off = 0; off < buf.n; off += SLICE) {
      out.write(buf.a, off, Math.min(SLICE, buf.n - off));
    }
  }

  private static void warnings(Buf b, List<Warning> ws) {
    if (ws.isEmpty()) {
      b.ascii(" ]");
      return;
    }
    for (int i = 0; i < ws.size(); i++) {
      Warning w = ws.get(i);
      b.ascii(i == 0 ? " {" : ", {");
      b.bytes(F4_CODE_1);
      b.str(w.code());
      b.bytes(F4_MESSAGE);
      b.str(w.message());
      if (w.source() != null) {
        b.bytes(F4_FILE);
        b.str(w.source().file());
        b.bytes(F4_JSON_PATH);
        b.str(w.source().jsonPath());
      }
      b.ascii("\n  }");
    }
    b.ascii(" ]");
  }

  /** Renders blocks of findings; one per worker thread (its fragment cache is not shared). */
  private static final class Renderer {
    private final Map<List<?>, byte[]> fragments = new IdentityHashMap<>();

    /** Lists seen once: a list used by one finding only is written directly, not kept. */
    private final Set<List<?>> once = Collections.newSetFromMap(new IdentityHashMap<>());

    private final Buf scratch = new Buf(4096);

    /** Encoded strings repeated across findings (target ids, files, JSON paths), by identity. */
    private final StringCache cache = new StringCache();

    /** Renders findings {@code [from, to)} into {@code reuse} (emptied) or a new buffer. */
    Buf block(List<Finding> fs, int from, int to, Buf reuse) {
      Buf b = reuse != null ? reuse : new Buf(Math.max(4096, (to - from) * 3072));
      b.n = 0;
      for (int i = from; i < to; i++) {
        b.bytes(i == 0 ? OPEN_FIRST_ID : OPEN_NEXT_ID);
        finding(b, fs.get(i));
      }
      return b;
    }

    /**
     * One finding after its {@code "id" : }, through its closing brace. The fixed text between two
     * values is one pre-encoded constant (see {@link #OPEN_FIRST_ID} and below).
     */
    private void finding(Buf b, Finding f) {
      b.str(f.id());
      b.bytes(F4_CHECK);
      b.str(f.check(), cache);
      b.bytes(F4_SEVERITY);
      b.str(f.severity().word(), cache);
      b.bytes(F4_TITLE);
      b.str(f.title());
      b.bytes(TARGET_ID);
      b.str(f.targetId(), cache);
      b.bytes(F6_NAME);
      b.str(f.targetName(), cache);
      b.bytes(F6_PROVIDER);
      b.str(f.provider().word(), cache);
      if (f.privateIp() != null) {
        b.bytes(F6_PRIVATE_IP);
        b.str(f.privateIp(), cache);
      }
      b.bytes(CLOSE_DIRECTION);
      b.str(f.direction().word(), cache);
      b.bytes(F4_PROTOCOL);
      b.str(f.protocol(), cache);
      b.bytes(PORTS_OPEN);
      for (int i = 0; i < f.ports().size(); i++) {
        b.bytes(i == 0 ? SPACE : COMMA_SPACE);
        b.str(f.ports().get(i), cache); // port strings are shared by the findings of a chain
      }
      b.bytes(PORTS_CLOSE_SOURCES);
      shared(b, f.sources(), false);
      b.bytes(F4_SOURCES_AS_WRITTEN);
      shared(b, f.sourcesAsWritten(), false);
      b.bytes(f.internetWide() ? INTERNET_WIDE_TRUE : INTERNET_WIDE_FALSE);
      b.bytes(f.publicPath() ? PUBLIC_PATH_TRUE : PUBLIC_PATH_FALSE);
      b.bytes(f.unknown() ? UNKNOWN_TRUE_PATH : UNKNOWN_FALSE_PATH);
      shared(b, f.path(), true);
      Finding.Packet p = f.samplePacket();
      if (p != null) {
        b.bytes(PACKET_SRC);
        b.str(p.src(), cache);
        b.bytes(F6_DST);
        b.str(p.dst(), cache);
        b.bytes(F6_PROTOCOL);
        b.str(p.protocol(), cache);
        b.bytes(F6_PORT);
        b.num(p.port());
        b.bytes(CLOSE_LOCATION_FILE);
      } else {
        b.bytes(NULL_LOCATION_FILE);
      }
      b.str(f.file(), cache);
      b.bytes(F6_JSON_PATH);
      b.str(f.jsonPath(), cache);
      if (f.address() != null) {
        b.bytes(F6_ADDRESS);
        b.str(f.address(), cache);
      }
      b.bytes(CLOSE_FINDING);
    }

    /** A list findings may share by reference: encoded once from its second use. */
    @SuppressWarnings("unchecked")
    private void shared(Buf b, List<?> xs, boolean path) {
      byte[] frag = fragments.get(xs);
      if (frag != null) {
        b.bytes(frag);
        return;
      }
      if (once.add(xs)) {
        if (path) {
          path(b, (List<Finding.PathStep>) xs, cache);
        } else {
          strings(b, (List<String>) xs);
        }
        return;
      }
      scratch.n = 0;
      if (path) {
        path(scratch, (List<Finding.PathStep>) xs, cache);
      } else {
        strings(scratch, (List<String>) xs);
      }
      frag = Arrays.copyOf(scratch.a, scratch.n);
      fragments.put(xs, frag);
      once.remove(xs);
      b.bytes(frag);
    }
  }

  private static void strings(Buf b, List<String> xs) {
    b.ascii("[");
    for (int i = 0; i < xs.size(); i++) {
      b.ascii(i == 0 ? " " : ", ");
      b.str(xs.get(i));
    }
    b.ascii(" ]");
  }

  /**
   * A path; its strings (layer roles, rule set names and ids, rule names, actions, files, JSON
   * paths) are the model's instances, repeated across paths, so they go through {@code c}.
   */
  private static void path(Buf b, List<Finding.PathStep> path, StringCache c) {
    b.ascii("[");
    for (int i = 0; i < path.size(); i++) {
      Finding.PathStep s = path.get(i);
      b.ascii(i == 0 ? " {" : ", {");
      b.bytes(F6_LAYER_1);
      b.str(s.layer(), c);
      b.bytes(F6_RESOURCE);
      b.str(s.resource(), c);
      b.bytes(F6_RESOURCE_ID);
      b.str(s.resourceId(), c);
      b.bytes(F6_RULE);
      b.str(s.rule(), c);
      b.bytes(F6_PRIORITY);
      if (s.priority() != null) {
        b.num(s.priority());
      } else {
        b.ascii("null");
      }
      b.bytes(F6_ACTION);
      b.str(s.action(), c);
      b.bytes(F6_FILE);
      b.str(s.file(), c);
      b.bytes(F6_JSON_PATH);
      b.str(s.jsonPath(), c);
      b.ascii("\n    }");
    }
    b.ascii(" ]");
  }

  /** {@code ,\n<indent>"name" : } (no comma for the first field of an object). */
  private static byte[] field(int indent, String name, boolean first) {
    return ((first ? "" : ",") + "\n" + " ".repeat(indent) + "\"" + name + "\" : ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Direct-mapped cache of quoted, escaped strings by identity (a miss just re-encodes). */
  static final class StringCache {
    static final int SIZE = 1 << 17;
    final String[] keys = new String[SIZE];
    final byte[][] values = new byte[SIZE][];
  }

  /** A growable byte buffer with the JSON primitives. */
  static final class Buf {
    byte[] a;
    int n;

    Buf(int capacity) {
      a = new byte[capacity];
    }

    private void room(int k) {
      if (n + k > a.length) {
        a = Arrays.copyOf(a, Math.max(a.length * 2, n + k));
      }
    }

    void bytes(byte[] x) {
      room(x.length);
      System.arraycopy(x, 0, a, n, x.length);
      n += x.length;
    }

    /** Text known to be printable ASCII needing no escape. */
    void ascii(String s) {
      int len = s.length();
      room(len);
      for (int i = 0; i < len; i++) {
        a[n++] = (byte) s.charAt(i);
      }
    }

    void bool(boolean v) {
      ascii(v ? "true" : "false");
    }

    void num(long v) {
      if (v < 0 || v >= 1_000_000_000_000_000_000L) {
        ascii(Long.toString(v));
        return;
      }
      int digits = 1;
      for (long x = v; x >= 10; x /= 10) {
        digits++;
      }
      room(digits);
      int end = n + digits;
      long x = v;
      for (int i = end - 1; i >= n; i--) {
        a[i] = (byte) ('0' + (int) (x % 10));
        x /= 10;
      }
      n = end;
    }

    /** A JSON string value (or {@code null}), escaped as Jackson's generator does. */
    void str(String s) {
      if (s == null) {
        ascii("null");
        return;
      }
      // the usual printable ASCII is copied char by char straight into the buffer (no encoded
      // copy of the string); anything else goes through Jackson's encoder
      int len = s.length();
      room(len + 2);
      byte[] a = this.a;
      int at = n;
      a[at++] = '"';
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
          escaped(s);
          return;
        }
        a[at++] = (byte) c;
      }
      a[at++] = '"';
      n = at;
    }

    /** {@link #str(String)} through a cache of encoded strings (the same instance recurs). */
    void str(String s, StringCache c) {
      if (s == null) {
        ascii("null");
        return;
      }
      int slot = System.identityHashCode(s) & (StringCache.SIZE - 1);
      byte[] q;
      if (c.keys[slot] == s) {
        q = c.values[slot];
      } else {
        int from = n;
        str(s);
        q = Arrays.copyOfRange(a, from, n);
        c.keys[slot] = s;
        c.values[slot] = q;
        return;
      }
      room(q.length);
      System.arraycopy(q, 0, a, n, q.length);
      n += q.length;
    }

    private void escaped(String s) {
      byte[] q = JsonStringEncoder.getInstance().quoteAsUTF8(s);
      room(q.length + 2);
      a[n++] = '"';
      System.arraycopy(q, 0, a, n, q.length);
      n += q.length;
      a[n++] = '"';
    }
  }
}
