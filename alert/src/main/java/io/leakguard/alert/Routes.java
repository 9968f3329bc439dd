package io.leakguard.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routes file (DESIGN §6): teams with their channels, ownership rules (first match wins) and a
 * default team.
 *
 * <pre>
 * teams:
 *   search-platform:
 *     channels:
 *       - webhook: {url: "https://hooks.example.com/leakguard", secret_env: LEAKGUARD_HOOK_SECRET}
 *       - slack: {url: "https://hooks.slack.com/services/T000/B000/XXXX"}
 *       - teams: {url: "https://example.webhook.office.com/webhookb2/..."}
 *       - pagerduty: {routing_key_env: PD_ROUTING_KEY}
 *       - email: {to: ["search-oncall@example.com"], smtp: {host: "127.0.0.1", port: 2525}}
 * ownership:
 *   - tag: owner                          # the tag's value names the team
 *   - name_regex: ".*&#47;resourceGroups/rg-search/.*"
 *     team: search-platform               # full match, case-insensitive, on resource ids
 * default_team: security-oncall
 * </pre>
 *
 * <p>{@code name_regex} is compiled with RE2/J (linear time on resource ids). Errors name the file
 * and the YAML path.
 */
public final class Routes {
  /** One ownership rule. */
  sealed interface Rule permits TagRule, NameRule {}

  record TagRule(String tag) implements Rule {}

  record NameRule(Pattern pattern, String team) implements Rule {}

  private final Map<String, List<ChannelConfig>> teams;
  private final List<Rule> rules;
  private final String defaultTeam;

  Routes(Map<String, List<ChannelConfig>> teams, List<Rule> rules, String defaultTeam) {
    this.teams = Map.copyOf(teams);
    this.rules = List.copyOf(rules);
    this.defaultTeam = defaultTeam;
  }

  /** Reads and validates a routes file. */
  public static Routes load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UserInputException(file + ": not readable YAML: " + firstLine(e.getMessage()));
    }
    return parse(root, file.toString());
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Validates a parsed routes document; {@code name} is used in messages. */
  public static Routes parse(JsonNode root, String name) {
    if (root == null || !root.isObject()) {
      throw new UserInputException(
          name + ": expected a YAML mapping with teams, ownership, default_team");
    }
    Map<String, List<ChannelConfig>> teams = new LinkedHashMap<>();
    JsonNode t = root.path("teams");
    if (!t.isObject() || t.isEmpty()) {
      throw new UserInputException(name + ": teams: expected a mapping of team names");
    }
    Iterator<Map.Entry<String, JsonNode>> it = t.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "teams." + e.getKey() + ".channels";
      JsonNode chans = e.getValue().path("channels");
      if (!chans.isArray()) {
        throw new UserInputException(name + ": " + path + ": expected a list of channels");
      }
      List<ChannelConfig> list = new ArrayList<>();
      for (int i = 0; i < chans.size(); i++) {
        list.add(channel(chans.get(i), name, path + "[" + i + "]"));
      }
      teams.put(e.getKey(), list);
    }
    List<Rule> rules = new ArrayList<>();
    JsonNode own = root.path("ownership");
    if (!own.isMissingNode() && !own.isNull()) {
      if (!own.isArray()) {
        throw new UserInputException(name + ": ownership: expected a list of rules");
      }
      for (int i = 0; i < own.size(); i++) {
        JsonNode r = own.get(i);
        String path = "ownership[" + i + "]";
        if (r.hasNonNull("tag")) {
          rules.add(new TagRule(r.get("tag").asText()));
        } else if (r.hasNonNull("name_regex")) {
          String team = r.path("team").asText(null);
          if (team == null || !teams.containsKey(team)) {
            throw new UserInputException(
                name + ": " + path + ".team: expected one of the teams " + teams.keySet());
          }
          try {
            rules.add(
                new NameRule(
                    Pattern.compile(r.get("name_regex").asText(), Pattern.CASE_INSENSITIVE), team));
          } catch (PatternSyntaxException ex) {
            throw new UserInputException(
                name
                    + ": "
                    + path
                    + ".name_regex: not a valid regular expression: "
                    + ex.getMessage());
          }
        } else {
          throw new UserInputException(name + ": " + path + ": expected 'tag' or 'name_regex'");
        }
      }
    }
    String def = root.path("default_team").asText(null);
    if (def == null || !teams.containsKey(def)) {
      throw new UserInputException(
          name + ": default_team: expected one of the teams " + teams.keySet());
    }
    return new Routes(teams, rules, def);
  }

  private static final Set<String> KINDS =
      Set.of("webhook", "slack", "teams", "pagerduty", "email");

  private static ChannelConfig channel(JsonNode c, String name, String path) {
    if (!c.isObject() || c.size() != 1) {
      throw new UserInputException(
          name + ": " + path + ": expected one of " + KINDS + " with its settings");
    }
    String kind = c.fieldNames().next();
    JsonNode v = c.get(kind);
    switch (kind) {
      case "webhook":
        return new ChannelConfig.Webhook(
            url(v, name, path + ".webhook"), v.path("secret_env").asText(null));
      case "slack":
        return new ChannelConfig.Slack(url(v, name, path + ".slack"));
      case "teams":
        return new ChannelConfig.Teams(url(v, name, path + ".teams"));
      case "pagerduty":
        {
          String env = v.path("routing_key_env").asText(null);
          if (env == null) {
            throw new UserInputException(
                name
                    + ": "
                    + path
                    + ".pagerduty.routing_key_env: expected an environment variable"
                    + " name");
          }
          return new ChannelConfig.PagerDuty(
              env, v.path("url").asText(ChannelConfig.PagerDuty.DEFAULT_URL));
        }
      case "email":
        {
          List<String> to = new ArrayList<>();
          JsonNode tn = v.path("to");
          if (tn.isTextual()) {
            to.add(tn.asText());
          } else {
            tn.forEach(x -> to.add(x.asText()));
          }
          if (to.isEmpty()) {
            throw new UserInputException(name + ": " + path + ".email.to: expected addresses");
          }
          JsonNode smtp = v.path("smtp");
          return new ChannelConfig.Email(
              to,
              smtp.path("host").asText("127.0.0.1"),
              smtp.path("port").asInt(25),
              v.path("from").asText("leakguard@localhost"));
        }
      default:
        throw new UserInputException(
            name + ": " + path + ": unknown channel '" + kind + "', expected one of " + KINDS);
    }
  }

  private static String url(JsonNode v, String name, String path) {
    String u = v.path("url").asText(null);
    if (u == null || !(u.startsWith("http://") || u.startsWith("https://"))) {
      throw new UserInputException(name + ": " + path + ".url: expected an http(s) URL");
    }
    return u;
  }

  /**
   * The team owning {@code f}: first matching rule, else the default (with a warning when a tag
   * names an unknown team).
   */
  public String route(ExposureFinding f, Warnings warnings) {
    for (Rule r : rules) {
      if (r instanceof TagRule tr) {
        String v = f.tags().get(tr.tag());
        if (v == null) {
          for (Map.Entry<String, String> e : f.tags().entrySet()) {
            if (e.getKey().equalsIgnoreCase(tr.tag())) {
              v = e.getValue();
            }
          }
        }
        if (v != null) {
          if (teams.containsKey(v)) {
            return v;
          }
          warnings.add(
              "unknown-team",
              "tag "
                  + tr.tag()
                  + "="
                  + v
                  + " on finding "
                  + f.id()
                  + " names no team in the"
                  + " routes; sent to "
                  + defaultTeam,
              null);
          return defaultTeam;
        }
      } else if (r instanceof NameRule nr) {
        for (String id : f.resourceIds()) {
          if (nr.pattern().matches(id)) {
            return nr.team();
          }
        }
      }
    }
    return defaultTeam;
  }

  /** The channels of {@code team}. */
  public List<ChannelConfig> channels(String team) {
    return teams.getOrDefault(team, List.of());
  }

  public String defaultTeam() {
    return defaultTeam;
  }

  /** Every configured channel, by key. */
  public Map<String, ChannelConfig> allChannels() {
    Map<String, ChannelConfig> m = new LinkedHashMap<>();
    for (List<ChannelConfig> l : teams.values()) {
      for (ChannelConfig c : l) {
        m.put(c.key(), c);
      }
    }
    return m;
  }
}
