package io.leakguard.cli;

import io.leakguard.pii.PiiAnalyzer;
import picocli.CommandLine.Mixin;

/** Public wrapper over {@link PiiOptions} for commands in sub-packages. */
public final class PiiOptionsAccess {
  @Mixin PiiOptions options = new PiiOptions();

  /** The analyzer built from the options. */
  public PiiAnalyzer analyzer() {
    return options.builder().build();
  }
}
