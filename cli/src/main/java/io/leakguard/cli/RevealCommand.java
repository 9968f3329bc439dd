package io.leakguard.cli;

import io.leakguard.core.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code leakguard reveal} (being implemented). */
@Command(name = "reveal", mixinStandardHelpOptions = true, description = "(being implemented)")
final class RevealCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("reveal is not available yet");
  }
}
