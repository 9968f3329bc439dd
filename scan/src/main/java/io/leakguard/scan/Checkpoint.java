package io.leakguard.scan;

import io.leakguard.core.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan checkpoint: which tables are done, the last primary key read in the table in progress, and
 * the accumulated report so far. Written atomically (temp file + rename) after every page, so an
 * interrupted scan resumes where it stopped and ends with the same report as an uninterrupted one.
 * Holds masked previews and row keys only, never raw values.
 */
final class Checkpoint {
  static final String MAGIC = "leakguard-scan-checkpoint\tv1";

  final Path file;
  final String source;
  final Map<String, List<String>> tables =
      new LinkedHashMap<>(); // table -> ["done"] | ["partial", key...]
  final List<String[]> state = new ArrayList<>();

  Checkpoint(Path file, String source) {
    this.file = file;
    this.source = source;
  }

  static Checkpoint loadOrNew(Path file, String source) {
    Checkpoint cp = new Checkpoint(file, source);
    if (file == null || !Files.exists(file)) {
      return cp;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot read checkpoint: " + e.getMessage());
    }
    if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
      throw new UserInputException(file + ":1: not a leakguard scan checkpoint");
    }
    for (int i = 1; i < lines.size(); i++) {
      String[] r = lines.get(i).split("\t", -1);
      if (r[0].equals("source")) {
        if (!unesc(r[1]).equals(source)) {
          throw new UserInputException(
              file
                  + ":"
                  + (i + 1)
                  + ": checkpoint belongs to another source; delete it or pick"
                  + " another --checkpoint file");
        }
      } else if (r[0].equals("table")) {
        List<String> st = new ArrayList<>();
        for (int k = 2; k < r.length; k++) {
          st.add(unesc(r[k]));
        }
        cp.tables.put(unesc(r[1]), st);
      } else {
        cp.state.add(r);
      }
    }
    return cp;
  }

  void save(ScanAccumulator acc) {
    if (file == null) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add(MAGIC);
    lines.add("source\t" + esc(source));
    for (Map.Entry<String, List<String>> t : tables.entrySet()) {
      StringBuilder sb = new StringBuilder("table\t").append(esc(t.getKey()));
      for (String v : t.getValue()) {
        sb.append('\t').append(esc(v));
      }
      lines.add(sb.toString());
    }
    lines.addAll(acc.saveState());
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UserInputException(file + ": cannot write checkpoint: " + e.getMessage());
    }
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          sb.append("\\\\");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unesc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
