package io.leakguard.cli.net;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leakguard net}: network exposure audit, flow check and diff (DESIGN §5). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = "Audits cloud network exposure from az, aws, gcloud and terraform exports.")
public final class NetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** True for {@code audit}, {@code check}, {@code diff} and {@code watch}. */
  public static boolean isSubcommand(String name) {
    return switch (name) {
      case "audit", "check", "diff", "watch" -> true;
      default -> false;
    };
  }

  /**
   * {@code net} with its subcommands (in {@code --help} order), or with only {@code only} when it
   * is not null (see {@code Main.commandLine(String[])}).
   */
  public static CommandLine commandLine(String only) {
    CommandLine net = new CommandLine(new NetCommand());
    if (only == null || only.equals("audit")) {
      net.addSubcommand(new NetAuditCommand());
    }
    if (only == null || only.equals("check")) {
      net.addSubcommand(new NetCheckCommand());
    }
    if (only == null || only.equals("diff")) {
      net.addSubcommand(new NetDiffCommand());
    }
    if (only == null || only.equals("watch")) {
      net.addSubcommand(new NetWatchCommand());
    }
    return net;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: audit, check or diff");
  }
}
