package io.leakguard.cli.redact;

import io.leakguard.core.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 rows of a CSV stream for other commands (e.g. {@code scan}), on the same record reader
 * and row parser as {@code redact}: quoted fields may hold commas, quotes and line breaks. A broken
 * row or invalid UTF-8 is a {@link UserInputException} naming the input and line.
 */
public final class CsvRows {
  private final RecordReader reader;
  private final String name;
  private long line;

  public CsvRows(InputStream in, String name) {
    this.reader = new RecordReader(in, new Source(name), true, 16 << 20);
    this.name = name;
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
      throw new UserInputException(name + ":" + r.line + ": invalid UTF-8");
    }
    try {
      return Csv.parse(text);
    } catch (Csv.BrokenRow e) {
      throw new UserInputException(name + ":" + r.line + ": broken CSV row: " + e.getMessage());
    }
  }
}
