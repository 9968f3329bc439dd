package io.leakguard.cli.net;

import io.leakguard.core.UserInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code leakguard net} (being implemented). */
@Command(name = "net", mixinStandardHelpOptions = true, description = "(being implemented)")
public final class NetCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserInputException("net is not available yet");
  }
}
