package io.leakguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The one-branch command tree {@code Main.commandLine(args)} builds for a leaf command answers
 * exactly as the whole tree does: same help, same usage errors, same exit codes; and the whole tree
 * still lists every command.
 */
class LeanCommandTreeTest {
  private record Run(int code, String out, String err) {}

  private static Run run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void leafCommandsAnswerAsTheWholeTree() {
    List<List<String>> cases =
        List.of(
            List.of("net", "audit", "--help"),
            List.of("net", "check", "--help"),
            List.of("net", "diff", "--help"),
            List.of("net", "watch", "--help"),
            List.of("net", "audit", "--bogus"),
            List.of("net", "audit"),
            List.of("net", "check", "x", "--port", "notanumber"),
            List.of("scan", "--help"),
            List.of("impact", "--help"),
            List.of("redact", "--help"),
            List.of("reveal", "--help"),
            List.of("analyze", "--help"),
            List.of("analyze", "--no-such-option"),
            List.of("demo", "--help"),
            List.of("alerts", "--help"),
            List.of("net", "--help"),
            List.of("net", "nosuch"),
            List.of("nosuch"),
            List.of("--version"));
    for (List<String> c : cases) {
      String[] args = c.toArray(new String[0]);
      Run lean = run(Main.commandLine(args), args);
      Run whole = run(Main.commandLine(), args);
      assertThat(lean).as(String.join(" ", c)).isEqualTo(whole);
    }
  }

  @Test
  void theWholeTreeListsEveryCommand() {
    Run help = run(Main.commandLine(), "--help");
    assertThat(help.code()).isZero();
    for (String name :
        List.of("analyze", "redact", "reveal", "net", "alerts", "scan", "impact", "demo")) {
      assertThat(help.out()).contains("  " + name + " ");
    }
    Run net = run(Main.commandLine(), "net", "--help");
    for (String name : List.of("audit", "check", "diff", "watch")) {
      assertThat(net.out()).contains("  " + name + " ");
    }
    assertThat(Main.commandLine(new String[] {"net", "audit"}).getSubcommands().keySet())
        .containsExactly("net");
    assertThat(
            Main.commandLine(new String[] {"net", "audit"})
                .getSubcommands()
                .get("net")
                .getSubcommands()
                .keySet())
        .containsExactly("audit");
  }
}
