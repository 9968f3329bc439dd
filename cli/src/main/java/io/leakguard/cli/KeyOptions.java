package io.leakguard.cli;

import io.leakguard.core.UserInputException;
import io.leakguard.pii.redact.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Where keys come from: {@code --key-file F} or the environment variable {@code LEAKGUARD_KEY};
 * never an argument (a hidden {@code --key} option exists only to refuse it without echoing the
 * value), never logged.
 */
final class KeyOptions {
  /** The environment, replaceable by tests. */
  static UnaryOperator<String> env = System::getenv;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description =
          "Key file: base64 of at least 32 random bytes, or a Tink AES256_SIV keyset (JSON)."
              + " Default: the environment variable LEAKGUARD_KEY.")
  Path keyFile;

  @Option(names = "--key", hidden = true, arity = "0..1")
  String keyOnCommandLine;

  /** The keys, or {@link Keys#none()} when neither source is given. */
  Keys keys() {
    if (keyOnCommandLine != null) {
      throw new UserInputException(
          "keys are never accepted on the command line: use --key-file FILE or the environment"
              + " variable LEAKGUARD_KEY");
    }
    String material;
    String where;
    if (keyFile != null) {
      where = keyFile.toString();
      try {
        material = Files.readString(keyFile);
      } catch (NoSuchFileException e) {
        throw new UserInputException(where + ": no such key file");
      } catch (IOException e) {
        throw new UserInputException(where + ": cannot read the key file");
      }
    } else {
      material = env.apply("LEAKGUARD_KEY");
      where = "LEAKGUARD_KEY";
      if (material == null || material.isBlank()) {
        return Keys.none();
      }
    }
    try {
      return Keys.parse(material);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(where + ": " + e.getMessage()); // never quotes the material
    }
  }
}
