package io.leakguard.cli.redact;

import io.leakguard.core.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 rows of a CSV stream for other commands (e.g. {@code scan}), on the same record reader
 * and row parser as {@code redact}: quoted fields may hold commas, quotes and line breaks. A broken
 * row is a {@link UserInputException} naming the input and line; so is a row that is not valid
 * UTF-8, unless the rows were opened {@code windows1252Fallback} (a reader that writes nothing
 * back, such as {@code scan}): then such a row is decoded as windows-1252, the usual encoding of
 * spreadsheet exports on Windows (every byte maps to a character, so nothing goes unread), and
 * counted ({@link #windows1252Rows()}).
 */
public final class CsvRows {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private final RecordReader reader;
  private final String name;
  private final boolean windows1252Fallback;
  private long line;
  private long windows1252Rows;
  private long firstWindows1252Line;

  /** Strict UTF-8 rows (what {@code redact} reads). */
  public CsvRows(InputStream in, String name) {
    this(in, name, false);
  }

  /** Rows that fall back to windows-1252 when not valid UTF-8, if {@code windows1252Fallback}. */
  public CsvRows(InputStream in, String name, boolean windows1252Fallback) {
    this.reader = new RecordReader(in, new Source(name), true, 16 << 20);
    this.name = name;
    this.windows1252Fallback = windows1252Fallback;
  }

  /** Rows read so far that were not valid UTF-8 and were decoded as windows-1252. */
  public long windows1252Rows() {
    return windows1252Rows;
  }

  /** The line where the first of {@link #windows1252Rows()} started (0: none). */
  public long firstWindows1252Line() {
    return firstWindows1252Line;
  }

  /** The 1-based line where the last returned row started. */
  public long line() {
    return line;
  }

  /** The next row's fields, or null at the end of the input. */
  public List<String> next() throws IOException {
    RawRecord r = reader.next(false);
    if (r == null) {
      return null;
    }
    line = r.line;
    if (r.problem != null) {
      throw new UserInputException(name + ":" + r.line + ": " + r.problem);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(r.bytes, 0, r.length))
              .toString();
    } catch (CharacterCodingException e) {
      if (!windows1252Fallback) {
        throw new UserInputException(name + ":" + r.line + ": invalid UTF-8");
      }
      if (windows1252Rows++ == 0) {
        firstWindows1252Line = r.line;
      }
      text = new String(r.bytes, 0, r.length, CP1252);
    }
    try {
      return Csv.parse(text);
    } catch (Csv.BrokenRow e) {
      throw new UserInputException(name + ":" + r.line + ": broken CSV row: " + e.getMessage());
    }
  }
}
