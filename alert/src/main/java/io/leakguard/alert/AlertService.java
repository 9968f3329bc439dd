package io.leakguard.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leakguard.core.Sanitizer;
import io.leakguard.core.Warnings;
import io.leakguard.store.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the current set of exposure findings into alerts: opens an alert for each new finding,
 * resolves alerts whose finding is gone, sends reminders for alerts open longer than the reminder
 * interval, and skips suppressed findings. Every change and its outbox events are written in <b>one
 * transaction</b>, so an alert is never lost nor sent for a change that was not stored.
 *
 * <p>Free text of a finding (tag values, descriptions, rule names given by users) passes through
 * the {@link Sanitizer} before it is stored in an alert; infrastructure addresses (the subject of
 * the finding) stay.
 */
public final class AlertService {
  /** What one reconciliation did. */
  public record Result(int opened, int resolved, int reminders, int events) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FREE_TEXT =
      Set.of("description", "comment", "note", "notes", "displayName");

  private final StateStore store;
  private final Routes routes;
  private final Sanitizer sanitizer;
  private final Clock clock;
  private final Duration reminderInterval;
  private final Warnings warnings;

  public AlertService(
      StateStore store,
      Routes routes,
      Sanitizer sanitizer,
      Clock clock,
      Duration reminderInterval,
      Warnings warnings) {
    this.store = store;
    this.routes = routes;
    this.sanitizer = sanitizer;
    this.clock = clock;
    this.reminderInterval = reminderInterval;
    this.warnings = warnings;
  }

  /** Reconciles the open alerts with {@code current} (the complete current finding set). */
  public Result reconcile(List<ExposureFinding> current) {
    Instant now = clock.instant();
    return store.inTransaction(c -> reconcile(c, current, now));
  }

  private Result reconcile(Connection c, List<ExposureFinding> current, Instant now)
      throws SQLException {
    Map<String, String[]> open = new HashMap<>(); // finding id -> {alert id, team, last notified}
    Map<String, String> openJson = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT finding_id, alert_id, team, last_notified_at, finding_json, severity"
                    + " FROM lg_alert WHERE status = 'open'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        open.put(
            rs.getString(1),
            new String[] {
              rs.getString(2),
              rs.getString(3),
              Long.toString(rs.getTimestamp(4).getTime()),
              rs.getString(6)
            });
        openJson.put(rs.getString(1), rs.getString(5));
      }
    }
    Map<String, ExposureFinding> now2 = new LinkedHashMap<>();
    for (ExposureFinding f : current) {
      now2.put(f.id(), f);
    }
    int opened = 0;
    int resolved = 0;
    int reminders = 0;
    int events = 0;
    for (ExposureFinding f : now2.values()) {
      String[] o = open.get(f.id());
      if (o == null) {
        String team = routes.route(f, warnings);
        String alertId = UUID.randomUUID().toString();
        ObjectNode finding = sanitize(f.finding());
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lg_alert (alert_id, finding_id, team, severity, status, finding_json,"
                    + " opened_at, last_notified_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)")) {
          ps.setString(1, alertId);
          ps.setString(2, f.id());
          ps.setString(3, team);
          ps.setString(4, f.severity());
          ps.setString(5, finding.toString());
          ps.setTimestamp(6, Timestamp.from(now));
          ps.setTimestamp(7, Timestamp.from(now));
          ps.executeUpdate();
        }
        events += enqueue(c, alertId, "exposure.opened", f.severity(), team, finding, now);
        opened++;
      } else if (!reminderInterval.isZero()
          && Long.parseLong(o[2]) + reminderInterval.toMillis() <= now.toEpochMilli()) {
        ObjectNode finding = (ObjectNode) readTree(openJson.get(f.id()));
        events += enqueue(c, o[0], "exposure.reminder", o[3], o[1], finding, now);
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE lg_alert SET last_notified_at = ? WHERE alert_id = ?")) {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setString(2, o[0]);
          ps.executeUpdate();
        }
        reminders++;
      }
    }
    for (Map.Entry<String, String[]> e : open.entrySet()) {
      if (now2.containsKey(e.getKey())) {
        continue;
      }
      String[] o = e.getValue();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE lg_alert SET status = 'resolved', resolved_at = ? WHERE alert_id = ?")) {
        ps.setTimestamp(1, Timestamp.from(now));
        ps.setString(2, o[0]);
        ps.executeUpdate();
      }
      ObjectNode finding = (ObjectNode) readTree(openJson.get(e.getKey()));
      events += enqueue(c, o[0], "exposure.resolved", o[3], o[1], finding, now);
      resolved++;
    }
    return new Result(opened, resolved, reminders, events);
  }

  private static JsonNode readTree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored finding is not JSON", e);
    }
  }

  private int enqueue(
      Connection c,
      String alertId,
      String kind,
      String severity,
      String team,
      ObjectNode finding,
      Instant now)
      throws SQLException {
    String eventId = UUID.randomUUID().toString();
    ObjectNode body = MAPPER.createObjectNode();
    body.put("id", eventId);
    body.put("alertId", alertId);
    body.put("kind", kind);
    body.put("severity", severity);
    body.put("team", team);
    body.set("finding", finding);
    body.put("detectedAt", now.toString());
    String payload = body.toString();
    List<ChannelConfig> chans = routes.channels(team);
    for (ChannelConfig ch : chans) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO lg_outbox (event_id, channel, alert_id, kind, team, payload, status,"
                  + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending',"
                  + " 0, ?, ?)")) {
        ps.setString(1, eventId);
        ps.setString(2, ch.key());
        ps.setString(3, alertId);
        ps.setString(4, kind);
        ps.setString(5, team);
        ps.setString(6, payload);
        ps.setTimestamp(7, Timestamp.from(now));
        ps.setTimestamp(8, Timestamp.from(now));
        ps.executeUpdate();
      }
    }
    return chans.size();
  }

  /** A copy of the finding with free-text values (tag values, descriptions) sanitized. */
  ObjectNode sanitize(ObjectNode finding) {
    ObjectNode copy = finding.deepCopy();
    walk(copy, false);
    return copy;
  }

  private void walk(JsonNode n, boolean freeText) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        JsonNode v = o.get(k);
        boolean ft = freeText || k.equals("tags") || FREE_TEXT.contains(k);
        if (v.isTextual() && ft) {
          o.set(k, TextNode.valueOf(sanitizer.sanitize(v.textValue())));
        } else {
          walk(v, ft);
        }
      }
    } else if (n.isArray()) {
      Iterator<JsonNode> it = n.elements();
      int i = 0;
      while (it.hasNext()) {
        JsonNode v = it.next();
        if (v.isTextual() && freeText) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) n)
              .set(i, TextNode.valueOf(sanitizer.sanitize(v.textValue())));
        } else {
          walk(v, freeText);
        }
        i++;
      }
    }
  }
}
