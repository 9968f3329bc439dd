package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leakguard.net.internal.Parallel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Parses a large export whose root is a JSON array (the usual {@code az ... list} output) on every
 * core: one linear pass over the bytes finds the commas between the array's elements (outside
 * strings and nested values), the elements are cut into a few runs, and each run is parsed as its
 * own array. The result is the tree one parse of the whole file gives.
 *
 * <p>Anything unusual (not an array, a byte-order mark, an empty element, text after the array, a
 * run that does not parse) gives {@code null}: the caller then parses the whole file in one go, so
 * malformed input gets the usual error with its line and column.
 *
 * <p>Example: {@code JsonNode root = SplitArray.parse(mapper, bytes); if (root == null) root =
 * mapper.readTree(bytes);}
 */
final class SplitArray {
  /** Smaller files are parsed in one go (splitting would not pay for itself). */
  static final int MIN_BYTES = 4 << 20;

  private SplitArray() {}

  static JsonNode parse(ObjectMapper mapper, byte[] b) {
    int threads = Parallel.threads();
    if (b.length < MIN_BYTES || threads < 2) {
      return null;
    }
    return parse(mapper, b, threads * 4);
  }

  /**
   * Splits into about {@code runs} runs; {@code null} when the input is not a clean array. Each run
   * is handed to a parsing thread as soon as the scan has found its end, so the scan (one core for
   * ~5% of a 1x audit's CPU) overlaps the parsing of the runs before it instead of preceding it.
   * When the input turns out not to be a clean array the parses already started are discarded.
   */
  static JsonNode parse(ObjectMapper mapper, byte[] b, int runs) {
    List<Object> parts =
        runs(
            b,
            runs,
            run -> {
              try {
                return mapper.readTree(run);
              } catch (IOException | RuntimeException e) {
                return e;
              }
            });
    if (parts == null) {
      return null;
    }
    ArrayNode all = mapper.createArrayNode();
    for (Object p : parts) {
      if (!(p instanceof ArrayNode)) {
        return null;
      }
      all.addAll((ArrayNode) p);
    }
    return all;
  }

  /** Parses one run, given as its own array ({@code [} + elements + {@code ]}). */
  interface RunParser {
    /** The run's result; never throws (a failure is returned as a value the caller rejects). */
    Object parse(byte[] run);
  }

  /**
   * The results of {@code parser} on about {@code runs} runs of the array {@code b}, in order;
   * {@code null} when {@code b} is not a clean array of at least two runs. Each run is handed to a
   * parsing thread as soon as the scan has found its end.
   */
  static List<Object> runs(byte[] b, int runs, RunParser parser) {
    int i = 0;
    while (i < b.length && isSpace(b[i])) {
      i++;
    }
    if (i == b.length || b[i] != '[') {
      return null;
    }
    int open = i;
    int step = Math.max(1, b.length / Math.max(1, runs));
    ExecutorService pool = Parallel.pool(Parallel.threads(), "leakguard-read");
    try {
      List<Future<Object>> parts = new ArrayList<>();
      int from = open + 1;
      int depth = 0;
      boolean str = false;
      int end = -1;
      int n = b.length;
      for (i = open + 1; i < n; i++) {
        byte c = b[i];
        if (c == '"') {
          // a string: straight to its closing quote (most of an export's bytes are in strings)
          i++;
          while (i < n) {
            byte d = b[i];
            if (d == '"') {
              break;
            }
            i += d == '\\' ? 2 : 1;
          }
          if (i >= n) {
            str = true; // not closed
            break;
          }
        } else if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          if (depth == 0) {
            end = i;
            break;
          }
          depth--;
        } else if (c == ',' && depth == 0 && i - from >= step) {
          if (blank(b, from, i)) {
            return null; // "[,x]": let the whole-file parse report it
          }
          parts.add(pool.submit(run(parser, b, from, i)));
          from = i + 1;
        }
      }
      if (end < 0 || str || b[end] != ']') {
        return null;
      }
      for (int j = end + 1; j < b.length; j++) {
        if (!isSpace(b[j])) {
          return null;
        }
      }
      if (parts.isEmpty() || blank(b, from, end)) {
        return null; // one run only, or "[x,]"
      }
      parts.add(pool.submit(run(parser, b, from, end)));
      List<Object> out = new ArrayList<>(parts.size());
      for (Future<Object> f : parts) {
        out.add(Parallel.get(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code parser} on {@code [} + bytes [from, to) + {@code ]}. */
  private static Callable<Object> run(RunParser parser, byte[] b, int from, int to) {
    return () -> {
      byte[] run = new byte[to - from + 2];
      run[0] = '[';
      System.arraycopy(b, from, run, 1, to - from);
      run[run.length - 1] = ']';
      return parser.parse(run);
    };
  }

  private static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
