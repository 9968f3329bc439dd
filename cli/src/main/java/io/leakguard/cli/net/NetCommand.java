package io.leakguard.cli.net;

import io.leakguard.cli.CommandEntry;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leakguard net}: network exposure audit, flow check and diff (DESIGN §5). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = "Audits cloud network exposure from az, aws, gcloud and terraform exports.")
public final class NetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The subcommands, in the order {@code --help} lists them. */
  private static final List<CommandEntry> SUBCOMMANDS =
      List.of(
          new CommandEntry(NetAuditCommand.class, NetAuditCommand::new),
          new CommandEntry(NetCheckCommand.class, NetCheckCommand::new),
          new CommandEntry(NetDiffCommand.class, NetDiffCommand::new),
          new CommandEntry(NetWatchCommand.class, NetWatchCommand::new));

  /** True for the name of a subcommand ({@code audit}, {@code check}, {@code diff}, ...). */
  public static boolean isSubcommand(String name) {
    for (CommandEntry c : SUBCOMMANDS) {
      if (c.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code net} with its subcommands, or with only {@code only} when it is not null (see {@code
   * Main.commandLine(String[])}).
   */
  public static CommandLine commandLine(String only) {
    CommandLine net = new CommandLine(new NetCommand());
    for (CommandEntry c : SUBCOMMANDS) {
      if (only == null || only.equals(c.name())) {
        net.addSubcommand(c.make().get());
      }
    }
    return net;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: audit, check or diff");
  }
}
