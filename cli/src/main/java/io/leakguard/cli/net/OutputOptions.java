package io.leakguard.cli.net;

import io.leakguard.core.Severity;
import io.leakguard.core.UserInputException;
import io.leakguard.net.Policy;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options shared by {@code net audit} and {@code net diff}. */
final class OutputOptions {
  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table (default), json or sarif.")
  String format;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      paramLabel = "SEVERITY",
      description =
          "Exit 1 when a finding is at or above: low, medium, high (default), critical or none.")
  String failOn;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "YAML policy: watched ports, severities, internal tags, suppressions.")
  Path policy;

  String format() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("table") && !f.equals("json") && !f.equals("sarif")) {
      throw new UserInputException("--format must be table, json or sarif, not '" + format + "'");
    }
    return f;
  }

  /** Null for {@code none}. */
  Severity failOn() {
    if (failOn.equalsIgnoreCase("none")) {
      return null;
    }
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--fail-on: " + e.getMessage() + " or none");
    }
  }

  Policy policy() {
    return policy == null ? Policy.defaults() : Policy.load(policy);
  }
}
