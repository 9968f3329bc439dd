package io.leakguard.cli.redact;

/**
 * One record as read: its bytes (UTF-8 not yet checked, terminator removed), where it came from,
 * and a reader-level problem (too large, unterminated quote) that sends it to quarantine as is.
 * {@code crlf} says the record ended with {@code \r\n}: the output record ends the same way, so a
 * Windows file (Excel's CSV, a Notepad log) keeps its line endings.
 */
final class RawRecord {
  final Source source;
  final long line;
  final long endLine;
  final byte[] bytes;
  final int length;
  final String problem;
  final boolean header;
  final boolean crlf;

  RawRecord(
      Source source,
      long line,
      long endLine,
      byte[] bytes,
      int length,
      String problem,
      boolean header,
      boolean crlf) {
    this.source = source;
    this.line = line;
    this.endLine = endLine;
    this.bytes = bytes;
    this.length = length;
    this.problem = problem;
    this.header = header;
    this.crlf = crlf;
  }

  /** The record's terminator as read: {@code \r\n} or {@code \n}. */
  String eol() {
    return crlf ? "\r\n" : "\n";
  }
}
