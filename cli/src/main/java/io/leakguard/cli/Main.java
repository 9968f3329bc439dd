package io.leakguard.cli;

import io.leakguard.core.ExitCodes;
import io.leakguard.core.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code leakguard}: the command line. Exit codes (DESIGN §5), highest applicable wins: 2 the run
 * could not proceed; 3 done but records were quarantined; 1 findings at or above {@code --fail-on};
 * 0 otherwise.
 */
@Command(
    name = "leakguard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Finds and redacts PII in any form; audits cloud network exposure.",
    subcommands = {
      AnalyzeCommand.class,
      RedactCommand.class,
      RevealCommand.class,
      io.leakguard.cli.net.NetCommand.class,
      io.leakguard.cli.net.AlertsCommand.class,
      io.leakguard.cli.scan.ScanCommand.class,
      io.leakguard.cli.scan.ImpactCommand.class,
      DemoCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, nothing at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:the run could not proceed (bad usage or input)",
      "3:done, but some records were quarantined"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    java.io.FileOutputStream rawOut = new java.io.FileOutputStream(java.io.FileDescriptor.out);
    PrintWriter out =
        new PrintWriter(
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(rawOut, java.nio.charset.StandardCharsets.UTF_8),
                1 << 16));
    ProcessStdout.install(out, rawOut);
    PrintWriter err =
        new PrintWriter(
            new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8),
            true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI in-process (used by tests); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    return code;
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("leakguard: " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          if (ex instanceof UserInputException) {
            c.getErr().println("leakguard: " + ex.getMessage());
            return ExitCodes.USAGE;
          }
          throw ex;
        });
    return cl;
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"leakguard " + (v == null ? "dev" : v)};
    }
  }
}
