package io.leakguard.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers one outbox event over one channel. Each channel renders the canonical event body (the
 * webhook body of DESIGN §6) into its own format. A failure throws {@link DeliveryException} with a
 * reason that holds no secret.
 */
public final class Channels {
  /** A delivery failed; the relay retries. */
  public static final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;
  private final Function<String, String> env;

  /**
   * @param timeout per-request timeout (connect and response)
   * @param env environment lookup (for secrets and routing keys named in the routes)
   */
  public Channels(Duration timeout, Function<String, String> env) {
    this.timeout = timeout;
    this.env = env;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Sends {@code body} (the canonical event JSON) over {@code channel}. */
  public void send(ChannelConfig channel, String body) throws DeliveryException {
    JsonNode event;
    try {
      event = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new DeliveryException("stored event is not JSON");
    }
    if (channel instanceof ChannelConfig.Webhook w) {
      String secret = w.secretEnv() == null ? null : env.apply(w.secretEnv());
      HttpRequest.Builder rb =
          request(w.url(), body).header("Idempotency-Key", event.path("id").asText());
      if (secret != null && !secret.isEmpty()) {
        rb.header("X-Leakguard-Signature", "sha256=" + hmac(secret, body));
      }
      post(rb.build());
    } else if (channel instanceof ChannelConfig.Slack s) {
      ObjectNode m = MAPPER.createObjectNode();
      m.put("text", text(event));
      post(request(s.url(), m.toString()).build());
    } else if (channel instanceof ChannelConfig.Teams t) {
      ObjectNode m = MAPPER.createObjectNode();
      m.put("@type", "MessageCard");
      m.put("@context", "https://schema.org/extensions");
      m.put("summary", subject(event));
      m.put("themeColor", event.path("kind").asText().endsWith("resolved") ? "2EB886" : "D62728");
      m.put("title", subject(event));
      m.put("text", text(event).replace("\n", "<br>"));
      post(request(t.url(), m.toString()).build());
    } else if (channel instanceof ChannelConfig.PagerDuty p) {
      String key = env.apply(p.routingKeyEnv());
      if (key == null || key.isEmpty()) {
        throw new DeliveryException("environment variable " + p.routingKeyEnv() + " is not set");
      }
      ObjectNode m = MAPPER.createObjectNode();
      m.put("routing_key", key);
      m.put(
          "event_action", event.path("kind").asText().endsWith("resolved") ? "resolve" : "trigger");
      m.put("dedup_key", event.path("alertId").asText());
      ObjectNode payload = m.putObject("payload");
      payload.put("summary", subject(event));
      payload.put("source", event.path("finding").path("target").path("name").asText("leakguard"));
      payload.put("severity", pdSeverity(event.path("severity").asText()));
      payload.set("custom_details", event.path("finding"));
      post(request(p.url(), m.toString()).build());
    } else if (channel instanceof ChannelConfig.Email e) {
      mail(e, event);
    } else {
      throw new DeliveryException("unsupported channel " + channel.getClass().getSimpleName());
    }
  }

  static String pdSeverity(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "critical":
        return "critical";
      case "high":
        return "error";
      case "medium":
        return "warning";
      default:
        return "info";
    }
  }

  static String subject(JsonNode event) {
    String kind = event.path("kind").asText();
    String what =
        kind.equals("exposure.resolved")
            ? "RESOLVED"
            : kind.equals("exposure.reminder") ? "REMINDER" : "NEW";
    return "[leakguard] "
        + what
        + " "
        + event.path("severity").asText().toUpperCase(Locale.ROOT)
        + ": "
        + event.path("finding").path("title").asText("network exposure");
  }

  /** A human-readable alert: what is exposed to whom, where, why, and a remediation hint. */
  static String text(JsonNode event) {
    JsonNode f = event.path("finding");
    StringBuilder sb = new StringBuilder(subject(event)).append('\n');
    sb.append("Team: ").append(event.path("team").asText()).append('\n');
    JsonNode t = f.path("target");
    sb.append("Target: ").append(t.path("name").asText(t.path("id").asText()));
    if (t.hasNonNull("privateIp")) {
      sb.append(" (").append(t.path("privateIp").asText()).append(')');
    }
    sb.append('\n');
    sb.append("Exposed: ")
        .append(f.path("protocol").asText())
        .append(' ')
        .append(f.path("ports").toString())
        .append(" from ")
        .append(f.path("sources").toString())
        .append(f.path("internetWide").asBoolean() ? " (internet-wide)" : "")
        .append('\n');
    for (JsonNode step : f.path("path")) {
      sb.append("  ")
          .append(step.path("layer").asText())
          .append(": ")
          .append(step.path("rule").asText())
          .append(" (priority ")
          .append(step.path("priority").asText())
          .append(", ")
          .append(step.path("action").asText())
          .append(") in ")
          .append(step.path("resource").asText())
          .append('\n');
    }
    for (JsonNode rc : f.path("ruleChanges")) {
      sb.append("Change: ")
          .append(rc.path("change").asText())
          .append(" rule ")
          .append(rc.path("rule").asText())
          .append(" in ")
          .append(rc.path("ruleSet").asText())
          .append(" (priority ")
          .append(rc.path("priority").asText())
          .append(", ")
          .append(rc.path("action").asText())
          .append(")\n");
    }
    sb.append(
            "Fix: restrict the source of the allowing rule to known ranges, or add a deny above it.")
        .append('\n');
    sb.append("Finding id: ")
        .append(f.path("id").asText())
        .append(", alert ")
        .append(event.path("alertId").asText());
    return sb.toString();
  }

  private HttpRequest.Builder request(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "leakguard")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private void post(HttpRequest r) throws DeliveryException {
    try {
      HttpResponse<Void> resp = http.send(r, HttpResponse.BodyHandlers.discarding());
      if (resp.statusCode() / 100 != 2) {
        throw new DeliveryException(r.uri().getHost() + " answered HTTP " + resp.statusCode());
      }
    } catch (java.net.http.HttpTimeoutException e) {
      throw new DeliveryException(
          r.uri().getHost() + " timed out after " + timeout.toMillis() + "ms");
    } catch (IOException e) {
      throw new DeliveryException(r.uri().getHost() + ": " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted");
    }
  }

  private void mail(ChannelConfig.Email e, JsonNode event) throws DeliveryException {
    Properties p = new Properties();
    p.put("mail.smtp.host", e.host());
    p.put("mail.smtp.port", Integer.toString(e.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
    p.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
    Session session = Session.getInstance(p);
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(e.from()));
      for (String to : e.to()) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      m.setSubject(subject(event), "UTF-8");
      m.setHeader("X-Leakguard-Event", event.path("id").asText());
      m.setText(text(event), "UTF-8");
      Transport.send(m);
    } catch (MessagingException ex) {
      throw new DeliveryException(
          "SMTP " + e.host() + ":" + e.port() + ": " + ex.getClass().getSimpleName());
    }
  }

  /** Hex HMAC-SHA256 of {@code body} with {@code secret}. */
  public static String hmac(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The environment of this process, for production use. */
  public static Function<String, String> systemEnv() {
    Map<String, String> env = System.getenv();
    return env::get;
  }
}
