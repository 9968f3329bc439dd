package io.leakguard.cli.net;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leakguard net}: network exposure audit, flow check and diff (DESIGN §5). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = "Audits cloud network exposure from az, aws, gcloud and terraform exports.",
    subcommands = {
      NetAuditCommand.class,
      NetCheckCommand.class,
      NetDiffCommand.class,
      NetWatchCommand.class
    })
public final class NetCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a subcommand is required: audit, check or diff");
  }
}
