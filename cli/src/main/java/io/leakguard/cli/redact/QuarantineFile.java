package io.leakguard.cli.redact;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The quarantine file: JSON lines holding the raw content of failed records, so it is a
 * <b>protected file</b> (created owner-read/write only where the file system supports POSIX
 * permissions). Created on the first quarantined record only, truncating an older file.
 */
public final class QuarantineFile implements Closeable {
  private final Path path;
  private OutputStream out;
  private long count;

  public QuarantineFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** Number of entries written. */
  public long count() {
    return count;
  }

  synchronized void write(byte[] jsonLine) throws IOException {
    if (out == null) {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.deleteIfExists(path);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
              1 << 16);
    }
    out.write(jsonLine);
    count++;
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
