package io.leakguard.cli.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: comma-separated, fields with {@code , " CR LF} quoted, {@code ""} for a quote
 * inside a quoted field. Strict: a quote inside an unquoted field, text after a closing quote, or
 * an unterminated quote is an error (the row is quarantined).
 */
final class Csv {
  private Csv() {}

  /** Thrown for a broken row; the message names the column, never the content. */
  static final class BrokenRow extends Exception {
    private static final long serialVersionUID = 1L;

    BrokenRow(String message) {
      super(message);
    }
  }

  /** Splits one record (line terminators inside quoted fields kept, final terminator removed). */
  static List<String> parse(String row) throws BrokenRow {
    List<String> out = new ArrayList<>();
    int n = row.length();
    int i = 0;
    StringBuilder sb = new StringBuilder();
    while (true) {
      sb.setLength(0);
      if (i < n && row.charAt(i) == '"') {
        int col = out.size() + 1;
        i++;
        while (true) {
          if (i >= n) {
            throw new BrokenRow("unterminated quoted field in column " + col);
          }
          char c = row.charAt(i);
          if (c == '"') {
            if (i + 1 < n && row.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            sb.append(c);
            i++;
          }
        }
        if (i < n && row.charAt(i) != ',') {
          throw new BrokenRow("text after the closing quote in column " + col);
        }
      } else {
        int start = i;
        while (i < n && row.charAt(i) != ',') {
          if (row.charAt(i) == '"') {
            throw new BrokenRow("a quote inside an unquoted field in column " + (out.size() + 1));
          }
          i++;
        }
        sb.append(row, start, i);
      }
      out.add(sb.toString());
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }

  /** Writes fields as one RFC 4180 record (without terminator). */
  static void write(List<String> fields, StringBuilder sb) {
    for (int k = 0; k < fields.size(); k++) {
      if (k > 0) {
        sb.append(',');
      }
      String f = fields.get(k);
      boolean quote = false;
      for (int i = 0; i < f.length() && !quote; i++) {
        char c = f.charAt(i);
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
      }
      if (!quote) {
        sb.append(f);
      } else {
        sb.append('"');
        for (int i = 0; i < f.length(); i++) {
          char c = f.charAt(i);
          if (c == '"') {
            sb.append('"');
          }
          sb.append(c);
        }
        sb.append('"');
      }
    }
  }
}
