package io.leakguard.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leakguard.core.UserInputException;
import io.leakguard.core.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesTest {
  /** The example of DESIGN §6, verbatim. */
  static final String DESIGN_EXAMPLE =
      "teams:\n"
          + "  search-platform:\n"
          + "    channels:\n"
          + "      - webhook: {url: \"https://hooks.example.com/leakguard\", secret_env: LEAKGUARD_HOOK_SECRET}\n"
          + "      - slack: {url: \"https://hooks.slack.com/services/T000/B000/XXXX\"}\n"
          + "      - teams: {url: \"https://example.webhook.office.com/webhookb2/...\"}\n"
          + "      - pagerduty: {routing_key_env: PD_ROUTING_KEY}          # url defaults to PagerDuty's Events API v2\n"
          + "      - email: {to: [\"search-oncall@example.com\"], smtp: {host: \"127.0.0.1\", port: 2525}}\n"
          + "  security-oncall:\n"
          + "    channels:\n"
          + "      - webhook: {url: \"http://127.0.0.1:8099/hook\"}\n"
          + "ownership:                      # first match wins\n"
          + "  - tag: owner                  # the value of the resource tag `owner` names the team\n"
          + "  - name_regex: \".*/resourceGroups/rg-search/.*\"   # full match, case-insensitive, on the target's\n"
          + "    team: search-platform                           # resource id and on its NSG / group ids\n"
          + "default_team: security-oncall   # also used, with a warning, when a tag names an unknown team\n";

  @TempDir Path tmp;

  static ExposureFinding finding(String targetId, Map<String, String> tags, String... nsgIds) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode f = m.createObjectNode();
    f.put("id", "f-" + targetId.hashCode());
    f.put("severity", "critical");
    f.put("title", "Elasticsearch 9200 open to the internet");
    ObjectNode t = f.putObject("target");
    t.put("id", targetId);
    t.put("name", "es-node");
    ObjectNode tg = t.putObject("tags");
    tags.forEach(tg::put);
    for (String n : nsgIds) {
      f.withArray("path").addObject().put("resource", n);
    }
    return ExposureFinding.fromJson(f);
  }

  @Test
  void theDesignExampleParsesAndRoutes() throws Exception {
    Path p = tmp.resolve("routes.yaml");
    Files.writeString(p, DESIGN_EXAMPLE);
    Routes r = Routes.load(p);
    assertThat(r.channels("search-platform")).hasSize(5);
    assertThat(r.channels("search-platform").get(3))
        .isEqualTo(
            new ChannelConfig.PagerDuty("PD_ROUTING_KEY", ChannelConfig.PagerDuty.DEFAULT_URL));
    assertThat(r.channels("search-platform").get(4))
        .isEqualTo(
            new ChannelConfig.Email(
                List.of("search-oncall@example.com"), "127.0.0.1", 2525, "leakguard@localhost"));
    Warnings w = new Warnings();
    // tag wins first
    assertThat(r.route(finding("/x/nic1", Map.of("owner", "search-platform")), w))
        .isEqualTo("search-platform");
    // name pattern on the NSG id, case-insensitive
    assertThat(
            r.route(
                finding(
                    "/subscriptions/1/resourceGroups/rg-db/nic2",
                    Map.of(),
                    "/subscriptions/1/RESOURCEGROUPS/RG-SEARCH/providers/x/nsg1"),
                w))
        .isEqualTo("search-platform");
    assertThat(w.isEmpty()).isTrue();
    // unknown team in the tag: default, with a warning
    assertThat(r.route(finding("/x/nic3", Map.of("owner", "nobody")), w))
        .isEqualTo("security-oncall");
    assertThat(w.list())
        .singleElement()
        .satisfies(x -> assertThat(x.code()).isEqualTo("unknown-team"));
    // nothing matches
    assertThat(r.route(finding("/x/nic4", Map.of()), new Warnings())).isEqualTo("security-oncall");
  }

  @Test
  void badRoutesAreClearErrorsWithTheirPath() throws Exception {
    Path p = tmp.resolve("bad.yaml");
    Files.writeString(p, "teams:\n  a:\n    channels:\n      - sms: {to: 1}\ndefault_team: a\n");
    assertThatThrownBy(() -> Routes.load(p))
        .isInstanceOf(UserInputException.class)
        .hasMessageContaining("teams.a.channels[0]")
        .hasMessageContaining("unknown channel 'sms'");
    Files.writeString(p, "teams:\n  a:\n    channels: []\ndefault_team: b\n");
    assertThatThrownBy(() -> Routes.load(p)).hasMessageContaining("default_team");
    Files.writeString(
        p,
        "teams:\n  a:\n    channels: []\nownership:\n  - name_regex: \"(\"\n    team: a\ndefault_team: a\n");
    assertThatThrownBy(() -> Routes.load(p)).hasMessageContaining("ownership[0].name_regex");
    Files.writeString(p, "teams: [\n");
    assertThatThrownBy(() -> Routes.load(p)).hasMessageContaining("not readable YAML");
  }
}
