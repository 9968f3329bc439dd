package io.leakguard.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The byte stream behind the process's standard output, for commands that write large reports as
 * UTF-8 bytes (e.g. {@code net audit --format json}) and should not pay for a round trip through
 * chars.
 *
 * <p>Only {@link Main#main} installs it; when the CLI runs in-process ({@link Main#run}, tests)
 * {@link #bytesBehind} returns null and commands write to their {@link PrintWriter} as usual.
 * Example:
 *
 * <pre>{@code
 * OutputStream raw = ProcessStdout.bytesBehind(out);
 * if (raw != null) { out.flush(); write bytes to raw, then flush raw (never close it) }
 * }</pre>
 */
public final class ProcessStdout {
  private static volatile PrintWriter writer;
  private static volatile OutputStream bytes;

  private ProcessStdout() {}

  static void install(PrintWriter w, OutputStream raw) {
    bytes = raw;
    writer = w;
  }

  /**
   * The raw stream that {@code w} writes to when {@code w} is the process's standard output writer,
   * else null. Flush {@code w} before writing to the raw stream.
   */
  public static OutputStream bytesBehind(PrintWriter w) {
    return w != null && w == writer ? bytes : null;
  }
}
