package io.leakguard.alert;

import java.util.List;
import java.util.Objects;

/** One delivery channel of a team, as configured in the routes file (DESIGN §6). */
public sealed interface ChannelConfig {
  /** A stable key for the outbox, e.g. {@code webhook:https://hooks.example.com/x}. */
  String key();

  /** Generic webhook: HMAC-signed body when {@code secretEnv} names a set variable. */
  record Webhook(String url, String secretEnv) implements ChannelConfig {
    public Webhook {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String key() {
      return "webhook:" + url;
    }
  }

  /** Slack incoming webhook. */
  record Slack(String url) implements ChannelConfig {
    @Override
    public String key() {
      return "slack:" + url;
    }
  }

  /** Microsoft Teams incoming webhook. */
  record Teams(String url) implements ChannelConfig {
    @Override
    public String key() {
      return "teams:" + url;
    }
  }

  /** PagerDuty Events API v2; the routing key comes from an environment variable. */
  record PagerDuty(String routingKeyEnv, String url) implements ChannelConfig {
    /** PagerDuty's Events API v2 endpoint. */
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    @Override
    public String key() {
      return "pagerduty:" + routingKeyEnv + "@" + url;
    }
  }

  /** Email over SMTP. */
  record Email(List<String> to, String host, int port, String from) implements ChannelConfig {
    public Email {
      to = List.copyOf(to);
    }

    @Override
    public String key() {
      return "email:" + String.join(",", to) + "@" + host + ":" + port;
    }
  }
}
