package io.leakguard.net;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.leakguard.core.Warning;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The audit JSON of DESIGN §5 written as UTF-8 bytes by hand: byte for byte what Jackson's default
 * pretty printer gives for {@link Reports#json(AuditReport)} ({@code ReportsJsonTest} compares
 * them), several times faster.
 *
 * <p>How: findings are rendered in blocks of {@value #BLOCK} by worker threads (one per core, at
 * most {@value #MAX_THREADS}) into byte arrays, and the calling thread writes the blocks in order,
 * so the output does not depend on the number of threads. The lists that findings of one
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

  static final int MAX_THREADS = 4;

  private JsonBytes() {}

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
    int threads =
        Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), blocks);
    if (threads <= 1) {
      Renderer rd = new Renderer();
      for (int b = 0; b < blocks; b++) {
        Buf buf = rd.block(fs, b * BLOCK, Math.min(fs.size(), (b + 1) * BLOCK));
        out.write(buf.a, 0, buf.n);
      }
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              task -> {
                Thread t = new Thread(task, "leakguard-json");
                t.setDaemon(true);
                return t;
              });
      ThreadLocal<Renderer> renderers = ThreadLocal.withInitial(Renderer::new);
      try {
        ArrayDeque<Future<Buf>> inFlight = new ArrayDeque<>();
        int next = 0;
        for (int b = 0; b < blocks; b++) {
          while (next < blocks && inFlight.size() < 2 * threads + 2) {
            int from = next * BLOCK;
            int to = Math.min(fs.size(), from + BLOCK);
            inFlight.add(pool.submit(() -> renderers.get().block(fs, from, to)));
            next++;
          }
          Buf buf = inFlight.poll().get();
          out.write(buf.a, 0, buf.n);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while writing the report", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c;
        }
        if (c instanceof Error) {
          throw (Error) c;
        }
        throw new IOException(c);
      } finally {
        pool.shutdownNow();
      }
    }
    out.write(new byte[] {' ', ']'});
  }

  private static void warnings(Buf b, List<Warning> ws) {
    if (ws.isEmpty()) {
      b.ascii(" ]");
      return;
    }
    for (int i = 0; i < ws.size(); i++) {
      Warning w = ws.get(i);
      b.ascii(i == 0 ? " {" : ", {");
      b.field(4, "code", true);
      b.str(w.code());
      b.field(4, "message", false);
      b.str(w.message());
      if (w.source() != null) {
        b.field(4, "file", false);
        b.str(w.source().file());
        b.field(4, "jsonPath", false);
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

    Buf block(List<Finding> fs, int from, int to) {
      Buf b = new Buf(Math.max(4096, (to - from) * 2048));
      for (int i = from; i < to; i++) {
        b.ascii(i == 0 ? " {" : ", {");
        finding(b, fs.get(i));
        b.ascii("\n  }");
      }
      return b;
    }

    private void finding(Buf b, Finding f) {
      b.field(4, "id", true);
      b.str(f.id());
      b.field(4, "check", false);
      b.str(f.check());
      b.field(4, "severity", false);
      b.str(f.severity().word());
      b.field(4, "title", false);
      b.str(f.title());
      b.field(4, "target", false);
      b.ascii("{");
      b.field(6, "id", true);
      b.str(f.targetId());
      b.field(6, "name", false);
      b.str(f.targetName());
      b.field(6, "provider", false);
      b.str(f.provider().word());
      if (f.privateIp() != null) {
        b.field(6, "privateIp", false);
        b.str(f.privateIp());
      }
      b.ascii("\n    }");
      b.field(4, "direction", false);
      b.str(f.direction().word());
      b.field(4, "protocol", false);
      b.str(f.protocol());
      b.field(4, "ports", false);
      strings(b, f.ports());
      b.field(4, "sources", false);
      shared(b, f.sources(), false);
      b.field(4, "sourcesAsWritten", false);
      shared(b, f.sourcesAsWritten(), false);
      b.field(4, "internetWide", false);
      b.bool(f.internetWide());
      b.field(4, "publicPath", false);
      b.bool(f.publicPath());
      b.field(4, "unknown", false);
      b.bool(f.unknown());
      b.field(4, "path", false);
      shared(b, f.path(), true);
      b.field(4, "samplePacket", false);
      Finding.Packet p = f.samplePacket();
      if (p != null) {
        b.ascii("{");
        b.field(6, "src", true);
        b.str(p.src());
        b.field(6, "dst", false);
        b.str(p.dst());
        b.field(6, "protocol", false);
        b.str(p.protocol());
        b.field(6, "port", false);
        b.num(p.port());
        b.ascii("\n    }");
      } else {
        b.ascii("null");
      }
      b.field(4, "location", false);
      b.ascii("{");
      b.field(6, "file", true);
      b.str(f.file());
      b.field(6, "jsonPath", false);
      b.str(f.jsonPath());
      if (f.address() != null) {
        b.field(6, "address", false);
        b.str(f.address());
      }
      b.ascii("\n    }");
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
          path(b, (List<Finding.PathStep>) xs);
        } else {
          strings(b, (List<String>) xs);
        }
        return;
      }
      scratch.n = 0;
      if (path) {
        path(scratch, (List<Finding.PathStep>) xs);
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

  private static void path(Buf b, List<Finding.PathStep> path) {
    b.ascii("[");
    for (int i = 0; i < path.size(); i++) {
      Finding.PathStep s = path.get(i);
      b.ascii(i == 0 ? " {" : ", {");
      b.field(6, "layer", true);
      b.str(s.layer());
      b.field(6, "resource", false);
      b.str(s.resource());
      b.field(6, "resourceId", false);
      b.str(s.resourceId());
      b.field(6, "rule", false);
      b.str(s.rule());
      b.field(6, "priority", false);
      if (s.priority() != null) {
        b.num(s.priority());
      } else {
        b.ascii("null");
      }
      b.field(6, "action", false);
      b.str(s.action());
      b.field(6, "file", false);
      b.str(s.file());
      b.field(6, "jsonPath", false);
      b.str(s.jsonPath());
      b.ascii("\n    }");
    }
    b.ascii(" ]");
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

    /** {@code ,\n<indent>"name" : } (no comma for the first field of an object). */
    void field(int indent, String name, boolean first) {
      room(name.length() + indent + 8);
      if (!first) {
        a[n++] = ',';
      }
      a[n++] = '\n';
      for (int i = 0; i < indent; i++) {
        a[n++] = ' ';
      }
      a[n++] = '"';
      for (int i = 0; i < name.length(); i++) {
        a[n++] = (byte) name.charAt(i);
      }
      a[n++] = '"';
      a[n++] = ' ';
      a[n++] = ':';
      a[n++] = ' ';
    }

    void bool(boolean v) {
      ascii(v ? "true" : "false");
    }

    void num(long v) {
      ascii(Long.toString(v));
    }

    /** A JSON string value (or {@code null}), escaped as Jackson's generator does. */
    void str(String s) {
      if (s == null) {
        ascii("null");
        return;
      }
      int len = s.length();
      room(len + 2);
      int start = n;
      a[n++] = '"';
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
          n = start;
          escaped(s);
          return;
        }
        a[n++] = (byte) c;
      }
      a[n++] = '"';
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
