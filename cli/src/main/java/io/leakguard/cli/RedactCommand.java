package io.leakguard.cli;

import io.leakguard.core.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code leakguard redact} (being implemented). */
@Command(name = "redact", mixinStandardHelpOptions = true, description = "(being implemented)")
final class RedactCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("redact is not available yet");
  }
}
