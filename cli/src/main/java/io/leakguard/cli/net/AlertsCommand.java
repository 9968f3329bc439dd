package io.leakguard.cli.net;

import io.leakguard.alert.Channels;
import io.leakguard.alert.Relay;
import io.leakguard.alert.Routes;
import io.leakguard.core.UserInputException;
import io.leakguard.store.StateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakguard alerts list|retry}: show and replay the durable outbox. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Shows and replays the alert outbox.",
    subcommands = {AlertsCommand.ListCommand.class, AlertsCommand.RetryCommand.class})
public final class AlertsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "list or retry is required");
  }

  static StateStore open(String state) {
    return StateStore.open(state == null ? NetWatchCommand.defaultState() : state);
  }

  /** {@code alerts list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists outbox deliveries.")
  static final class ListCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", paramLabel = "JDBC_URL|PATH", description = "State database.")
    String state;

    @Option(names = "--status", description = "pending, delivered or dead (default: all).")
    String status;

    @Option(
        names = "--limit",
        defaultValue = "100",
        description = "Rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (status != null && !List.of("pending", "delivered", "dead").contains(status)) {
        throw new UserInputException("--status must be pending, delivered or dead");
      }
      PrintWriter out = spec.commandLine().getOut();
      try (StateStore store = open(state)) {
        Relay relay =
            new Relay(
                store,
                Map.of(),
                new Channels(Duration.ofSeconds(1), k -> null),
                Relay.Options.defaults(),
                Clock.systemUTC());
        out.printf(
            Locale.ROOT,
            "%-36s %-18s %-10s %-16s %8s  %-24s %s%n",
            "EVENT",
            "KIND",
            "STATUS",
            "TEAM",
            "ATTEMPTS",
            "CREATED",
            "CHANNEL / LAST ERROR");
        for (Relay.Row r : relay.list(status, limit)) {
          out.printf(
              Locale.ROOT,
              "%-36s %-18s %-10s %-16s %8d  %-24s %s%s%n",
              r.eventId(),
              r.kind(),
              r.status(),
              r.team(),
              r.attempts(),
              r.createdAt(),
              r.channel(),
              r.lastError() == null ? "" : " (" + r.lastError() + ")");
        }
      }
      return 0;
    }
  }

  /** {@code alerts retry}. */
  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description = "Puts dead deliveries back in the queue; with --routes delivers them now.")
  static final class RetryCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", paramLabel = "JDBC_URL|PATH", description = "State database.")
    String state;

    @Option(names = "--routes", paramLabel = "FILE", description = "Deliver now with these routes.")
    Path routes;

    @Option(names = "--all", description = "Also make pending deliveries due now.")
    boolean all;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (StateStore store = open(state)) {
        Routes r = routes == null ? null : Routes.load(routes);
        Relay relay =
            new Relay(
                store,
                r == null ? Map.of() : r.allChannels(),
                new Channels(Duration.ofSeconds(5), Channels.systemEnv()),
                Relay.Options.defaults(),
                Clock.systemUTC());
        int n = relay.retry(all);
        out.printf("%d deliveries queued again%n", n);
        if (r != null) {
          int delivered = 0;
          int d;
          while ((d = relay.deliverDue()) > 0) {
            delivered += d;
          }
          out.printf(
              "%d delivered now; %d still pending or dead%n",
              delivered, relay.list("pending", 10000).size() + relay.list("dead", 10000).size());
        }
      }
      return 0;
    }
  }
}
