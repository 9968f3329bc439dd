package io.leakguard.cli.redact;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into records: one per line, or, for CSV, one per line outside quoted fields
 * (quotes are ASCII, so scanning UTF-8 bytes is safe). Strips a UTF-8 byte order mark and a {@code
 * \r} before {@code \n}. A record longer than {@code maxBytes} is returned truncated with a
 * problem; the reader then resynchronizes at the next line break (for CSV, quote state reset), so
 * memory stays bounded whatever the input.
 */
final class RecordReader {
  private final InputStream in;
  private final Source source;
  private final boolean csv;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;
  private boolean eof;
  private boolean first = true;
  private long line = 1;
  private long bytesRead;
  private byte[] rec = new byte[256];

  RecordReader(InputStream in, Source source, boolean csv, int maxBytes) {
    this.in = in;
    this.source = source;
    this.csv = csv;
    this.maxBytes = maxBytes;
  }

  long bytesRead() {
    return bytesRead;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = n < 0;
      if (n == 0) {
        return true;
      }
      return false;
    }
    bufPos = 0;
    bufLen = n;
    bytesRead += n;
    if (first) {
      first = false;
      if (n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
        bufPos = 3;
      }
    }
    return true;
  }

  /** The next record, or null at the end. */
  RawRecord next(boolean header) throws IOException {
    int len = 0;
    int state = FIELD_START;
    boolean overflow = false;
    long startLine = line;
    boolean any = false;
    while (true) {
      if (bufPos >= bufLen && !fill()) {
        if (eof) {
          break;
        }
        continue;
      }
      any = true;
      int i = bufPos;
      int end = bufLen;
      boolean done = false;
      while (i < end) {
        byte b = buf[i];
        if (b == '\n') {
          line++;
          if (state != QUOTED) {
            done = true;
            break;
          }
        } else if (csv) {
          state = step(state, b);
        }
        i++;
      }
      int chunk = i - bufPos;
      if (!overflow) {
        if (len + chunk > maxBytes) {
          int take = maxBytes - len;
          ensure(len + take);
          System.arraycopy(buf, bufPos, rec, len, take);
          len += take;
          overflow = true;
          state = FIELD_START; // resynchronize at the next line break
        } else {
          ensure(len + chunk);
          System.arraycopy(buf, bufPos, rec, len, chunk);
          len += chunk;
        }
      }
      bufPos = done ? i + 1 : i;
      if (done) {
        return make(startLine, line - 1, len, overflow, false, header);
      }
    }
    if (!any && len == 0) {
      return null;
    }
    if (len == 0 && !overflow) {
      return null;
    }
    return make(startLine, line, len, overflow, state == QUOTED, header);
  }

  // RFC 4180 states: a quote opens a quoted field only at the start of a field, so a stray quote
  // inside an unquoted field does not swallow the following lines (the row parser rejects it)
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private static int step(int state, byte b) {
    switch (state) {
      case FIELD_START:
        return b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
      case UNQUOTED:
        return b == ',' ? FIELD_START : UNQUOTED;
      case QUOTED:
        return b == '"' ? QUOTE_IN_QUOTED : QUOTED;
      default: // just after a quote inside a quoted field
        return b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
    }
  }

  private RawRecord make(
      long startLine, long endLine, int len, boolean overflow, boolean openQuote, boolean header) {
    boolean crlf = !overflow && len > 0 && rec[len - 1] == '\r';
    if (crlf) {
      len--;
    }
    String problem = null;
    if (overflow) {
      problem =
          "record longer than "
              + maxBytes
              + " bytes (unterminated quote?); content truncated, reading resumed at the next line";
    } else if (openQuote) {
      problem = "unterminated quoted field at the end of the input";
    }
    byte[] b = Arrays.copyOf(rec, len);
    if (rec.length > (1 << 20)) {
      rec = new byte[256]; // do not keep a huge buffer alive
    }
    return new RawRecord(source, startLine, endLine, b, len, problem, header, crlf);
  }

  private void ensure(int cap) {
    if (cap > rec.length) {
      rec = Arrays.copyOf(rec, Math.max(cap, rec.length * 2));
    }
  }
}
