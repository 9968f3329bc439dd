package io.leakguard.alert;

import io.leakguard.store.StateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers the durable outbox, at least once: picks due {@code pending} rows, sends each over its
 * channel with a timeout, marks it {@code delivered}, or schedules a retry with exponential backoff
 * and full jitter; after {@code maxAttempts} the row goes {@code dead} with the last reason. A
 * process killed in the middle of a delivery leaves the row {@code pending}, so it is delivered
 * again after a restart with the same event id ({@code Idempotency-Key}).
 */
public final class Relay {
  /** Relay settings. */
  public record Options(int maxAttempts, Duration baseBackoff, Duration maxBackoff, int batch) {
    public static Options defaults() {
      return new Options(8, Duration.ofMillis(500), Duration.ofMinutes(5), 200);
    }
  }

  /** An outbox row as shown by {@code alerts list}. */
  public record Row(
      String eventId,
      String channel,
      String alertId,
      String kind,
      String team,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt,
      Instant deliveredAt) {}

  private final StateStore store;
  private final Map<String, ChannelConfig> channels;
  private final Channels senders;
  private final Options options;
  private final Clock clock;

  public Relay(
      StateStore store,
      Map<String, ChannelConfig> channels,
      Channels senders,
      Options options,
      Clock clock) {
    this.store = store;
    this.channels = Map.copyOf(channels);
    this.senders = senders;
    this.options = options;
    this.clock = clock;
  }

  /** One pass over the due rows; returns how many were delivered. */
  public int deliverDue() {
    Instant now = clock.instant();
    List<String[]> due =
        store.inTransaction(
            c -> {
              List<String[]> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT event_id, channel, payload, attempts FROM lg_outbox WHERE status ="
                          + " 'pending' AND next_attempt_at <= ? ORDER BY created_at, event_id"
                          + " FETCH FIRST "
                          + options.batch()
                          + " ROWS ONLY")) {
                ps.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(
                        new String[] {
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          Integer.toString(rs.getInt(4))
                        });
                  }
                }
              }
              return out;
            });
    int delivered = 0;
    for (String[] row : due) {
      ChannelConfig ch = channels.get(row[1]);
      int attempts = Integer.parseInt(row[3]) + 1;
      String error = null;
      if (ch == null) {
        error = "channel no longer in the routes file";
      } else {
        try {
          senders.send(ch, row[2]);
        } catch (Channels.DeliveryException e) {
          error = e.getMessage();
        }
      }
      final String err = error;
      Instant at = clock.instant();
      store.inTransaction(
          c -> {
            if (err == null) {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE lg_outbox SET status = 'delivered', attempts = ?, delivered_at = ?,"
                          + " last_error = NULL WHERE event_id = ? AND channel = ?")) {
                ps.setInt(1, attempts);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setString(3, row[0]);
                ps.setString(4, row[1]);
                ps.executeUpdate();
              }
            } else {
              boolean dead = attempts >= options.maxAttempts();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE lg_outbox SET status = ?, attempts = ?, next_attempt_at = ?,"
                          + " last_error = ? WHERE event_id = ? AND channel = ?")) {
                ps.setString(1, dead ? "dead" : "pending");
                ps.setInt(2, attempts);
                ps.setTimestamp(3, Timestamp.from(at.plus(backoff(attempts))));
                ps.setString(4, err.length() > 1900 ? err.substring(0, 1900) : err);
                ps.setString(5, row[0]);
                ps.setString(6, row[1]);
                ps.executeUpdate();
              }
            }
            return null;
          });
      if (err == null) {
        delivered++;
      }
    }
    return delivered;
  }

  /** Exponential backoff with full jitter: a random delay in [base, min(max, base * 2^(n-1))]. */
  Duration backoff(int attempts) {
    long base = options.baseBackoff().toMillis();
    long cap = options.maxBackoff().toMillis();
    long exp = base << Math.min(20, Math.max(0, attempts - 1));
    long upper = Math.min(cap, exp);
    return Duration.ofMillis(
        base + ThreadLocalRandom.current().nextLong(Math.max(1, upper - base + 1)));
  }

  /** The outbox rows, newest first, optionally only one status. */
  public List<Row> list(String status, int limit) {
    return store.inTransaction(
        c -> {
          List<Row> out = new ArrayList<>();
          String sql =
              "SELECT event_id, channel, alert_id, kind, team, status, attempts, next_attempt_at,"
                  + " last_error, created_at, delivered_at FROM lg_outbox"
                  + (status == null ? "" : " WHERE status = ?")
                  + " ORDER BY created_at DESC, event_id FETCH FIRST "
                  + limit
                  + " ROWS ONLY";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (status != null) {
              ps.setString(1, status);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Timestamp d = rs.getTimestamp(11);
                out.add(
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        d == null ? null : d.toInstant()));
              }
            }
          }
          return out;
        });
  }

  /** Puts dead (or, with {@code all}, every undelivered) rows back to pending, due now. */
  public int retry(boolean includePending) {
    Instant now = clock.instant();
    return store.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE lg_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?"
                      + " WHERE status = 'dead'"
                      + (includePending ? " OR status = 'pending'" : ""))) {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
          }
        });
  }
}
