package io.leakguard.cli.net;

import io.leakguard.core.Severity;
import io.leakguard.core.UserInputException;
import io.leakguard.net.Finding;
import io.leakguard.net.NetDiff;
import io.leakguard.net.NetModel;
import io.leakguard.net.read.ExportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakguard net diff}: only the exposure a change adds or removes. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Exposure added or removed by a change: --before PATH... --after PATH..., or --plan PLAN.json",
      "(terraform show -json of a plan: its before and after). --fail-on counts added findings only."
    })
final class NetDiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--before",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Exports before the change.")
  List<Path> before;

  @Option(
      names = "--after",
      arity = "1..*",
      paramLabel = "PATH",
      description = "Exports after the change.")
  List<Path> after;

  @Option(
      names = "--plan",
      paramLabel = "PLAN.json",
      description = "terraform show -json of a plan.")
  Path plan;

  @Mixin OutputOptions opts;

  @Override
  public Integer call() throws Exception {
    String format = opts.format();
    Severity failOn = opts.failOn();
    NetModel b;
    NetModel a;
    if (plan != null) {
      if (before != null || after != null) {
        throw new UserInputException("give either --plan or --before/--after, not both");
      }
      b = ExportReader.read(List.of(plan), ExportReader.PlanSide.BEFORE);
      a = ExportReader.read(List.of(plan), ExportReader.PlanSide.AFTER);
    } else {
      if (before == null || after == null) {
        throw new UserInputException(
            "net diff needs --before PATH... and --after PATH..., or --plan PLAN.json");
      }
      b = ExportReader.read(before);
      a = ExportReader.read(after);
    }
    NetDiff.Report r = NetDiff.diff(b, a, opts.policy(), LocalDate.now(ZoneOffset.UTC));
    List<Finding> fs = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<Finding> added = new ArrayList<>();
    for (NetDiff.Entry e : r.entries()) {
      fs.add(e.finding());
      changes.add(e.change());
      if (e.change().equals("added")) {
        added.add(e.finding());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    NetAuditCommand.print(out, format, fs, changes, r);
    out.flush();
    return NetAuditCommand.exit(added, failOn);
  }
}
