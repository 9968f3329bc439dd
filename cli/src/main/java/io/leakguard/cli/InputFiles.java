package io.leakguard.cli;

import io.leakguard.core.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Opens the inputs named on the command line ({@code -} or none for standard input). */
final class InputFiles {
  private InputFiles() {}

  /** The names to read: the given ones, or {@code -} for standard input when none. */
  static List<String> orStdin(List<String> names) {
    return names == null || names.isEmpty() ? List.of("-") : names;
  }

  /**
   * A UTF-8 reader that reports malformed bytes (so invalid UTF-8 is a clear error, never silently
   * replaced), with gzip detected by the {@code .gz} suffix.
   */
  static BufferedReader open(String name, InputStream stdin) {
    try {
      InputStream in;
      if ("-".equals(name)) {
        in = stdin;
      } else {
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
          throw new UserInputException(name + ": is a folder, expected a file");
        }
        in = Files.newInputStream(p);
        if (name.endsWith(".gz")) {
          in = new GZIPInputStream(in, 1 << 16);
        }
      }
      CharsetDecoder dec =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new UserInputException(name + ": no such file");
    } catch (IOException e) {
      throw new UserInputException(name + ": cannot read: " + e.getMessage());
    }
  }
}
