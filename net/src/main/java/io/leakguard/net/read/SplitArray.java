package io.leakguard.net.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leakguard.net.internal.Parallel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

  /** Splits into about {@code runs} runs; {@code null} when the input is not a clean array. */
  static JsonNode parse(ObjectMapper mapper, byte[] b, int runs) {
    int i = 0;
    while (i < b.length && isSpace(b[i])) {
      i++;
    }
    if (i == b.length || b[i] != '[') {
      return null;
    }
    int open = i;
    int step = Math.max(1, b.length / Math.max(1, runs));
    List<int[]> cuts = new ArrayList<>(); // [from, to) of each run, without the brackets
    int from = open + 1;
    int depth = 0;
    boolean str = false;
    int end = -1;
    for (i = open + 1; i < b.length; i++) {
      byte c = b[i];
      if (str) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          str = false;
        }
      } else if (c == '"') {
        str = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          end = i;
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0 && i - from >= step) {
        cuts.add(new int[] {from, i});
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
    cuts.add(new int[] {from, end});
    if (cuts.size() < 2) {
      return null;
    }
    for (int[] cut : cuts) {
      if (blank(b, cut[0], cut[1])) {
        return null; // "[,x]" or "[x,]": let the whole-file parse report it
      }
    }
    List<Object> parts =
        Parallel.map(
            cuts,
            (int[] cut, List<Object> out) -> {
              byte[] run = new byte[cut[1] - cut[0] + 2];
              run[0] = '[';
              System.arraycopy(b, cut[0], run, 1, cut[1] - cut[0]);
              run[run.length - 1] = ']';
              try {
                out.add(mapper.readTree(run));
              } catch (IOException | RuntimeException e) {
                out.add(e);
              }
            },
            2,
            1);
    ArrayNode all = mapper.createArrayNode();
    for (Object p : parts) {
      if (!(p instanceof ArrayNode)) {
        return null;
      }
      all.addAll((ArrayNode) p);
    }
    return all;
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
