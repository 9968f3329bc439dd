package io.leakguard.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.ExitCodes;
import io.leakguard.core.UserInputException;
import io.leakguard.net.Direction;
import io.leakguard.net.Finding;
import io.leakguard.net.NetAudit;
import io.leakguard.net.NetModel;
import io.leakguard.net.Protocol;
import io.leakguard.net.read.ExportReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakguard net check}: one flow (or many with --probes), like Azure's IP flow verify. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Answers one flow: {\"verdict\": \"allow\"|\"deny\"|\"unknown\", \"layers\": [{\"layer\", \"decision\", \"rule\", ...}]}.",
      "Inbound: --from is the remote address, --to the target (private IP, name or id); outbound: the reverse.",
      "--probes FILE.jsonl answers one flow per line ({\"from\", \"to\", \"protocol\", \"port\", \"direction\"?}).",
      "Exit 0 whatever the verdict."
    })
final class NetCheckCommand implements Callable<Integer> {
  private static final ObjectMapper M = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Export files or folders.")
  List<Path> paths;

  @Option(names = "--from", paramLabel = "IP|NAME")
  String from;

  @Option(names = "--to", paramLabel = "IP|NAME")
  String to;

  @Option(names = "--port", paramLabel = "N")
  Integer port;

  @Option(
      names = "--protocol",
      defaultValue = "tcp",
      paramLabel = "PROTO",
      description = "tcp (default), udp, icmp or any.")
  String protocol;

  @Option(
      names = "--direction",
      defaultValue = "inbound",
      description = "inbound (default) or outbound.")
  String direction;

  @Option(
      names = "--probes",
      paramLabel = "FILE.jsonl",
      description = "Many flows, one JSON object per line.")
  Path probes;

  @Override
  public Integer call() throws IOException {
    NetModel m = ExportReader.read(paths);
    PrintWriter out = spec.commandLine().getOut();
    if (probes != null) {
      int exit = ExitCodes.OK;
      try (BufferedReader r = Files.newBufferedReader(probes, StandardCharsets.UTF_8)) {
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          ObjectNode o;
          try {
            JsonNode j = M.readTree(line);
            if (!j.isObject()) {
              throw new IllegalArgumentException("expected a JSON object");
            }
            o = (ObjectNode) j;
            int p = o.path("port").asInt(0);
            if (!o.hasNonNull("from") || !o.hasNonNull("to")) {
              throw new IllegalArgumentException("expected \"from\" and \"to\"");
            }
            answer(
                o,
                m,
                o.get("from").asText(),
                o.get("to").asText(),
                o.path("protocol").asText("tcp"),
                p,
                o.path("direction").asText("inbound"));
          } catch (IOException | IllegalArgumentException e) {
            spec.commandLine()
                .getErr()
                .println("leakguard: " + probes + ":" + n + ": " + e.getMessage());
            exit = ExitCodes.USAGE;
            continue;
          }
          out.println(M.writeValueAsString(o));
        }
      }
      out.flush();
      return exit;
    }
    if (from == null || to == null || port == null) {
      throw new UserInputException(
          "net check needs --from, --to and --port (or --probes FILE.jsonl)");
    }
    ObjectNode o = M.createObjectNode();
    try {
      answer(o, m, from, to, protocol, port, direction);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    out.println(M.writerWithDefaultPrettyPrinter().writeValueAsString(o));
    out.flush();
    return ExitCodes.OK;
  }

  private static void answer(
      ObjectNode o, NetModel m, String from, String to, String proto, int port, String dir) {
    Set<Protocol> ps = Protocol.parseCli(proto);
    Direction d = Direction.parse(dir);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    NetAudit.FlowAnswer a = NetAudit.check(m, from, to, ps, port, d);
    o.put("verdict", a.verdict());
    o.put("target", a.target());
    ArrayNode ls = o.putArray("layers");
    for (Finding.PathStep s : a.layers()) {
      ObjectNode x = ls.addObject();
      x.put("layer", s.layer());
      x.put("decision", s.action());
      x.put("rule", s.rule());
      x.put("resource", s.resource());
      if (s.priority() != null) {
        x.put("priority", s.priority());
      }
      x.put("file", s.file());
      x.put("jsonPath", s.jsonPath());
    }
  }
}
