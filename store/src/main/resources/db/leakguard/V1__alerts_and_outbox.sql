-- Alerts: one row per exposure alert across its life (open until resolved).
CREATE TABLE lg_alert (
  alert_id VARCHAR(64) PRIMARY KEY,
  finding_id VARCHAR(128) NOT NULL,
  team VARCHAR(200) NOT NULL,
  severity VARCHAR(16) NOT NULL,
  status VARCHAR(16) NOT NULL,
  finding_json TEXT NOT NULL,
  opened_at TIMESTAMP NOT NULL,
  resolved_at TIMESTAMP,
  last_notified_at TIMESTAMP NOT NULL
);
CREATE INDEX lg_alert_finding ON lg_alert (finding_id, status);

-- Durable outbox: one row per (delivery event, channel), written in the same transaction as the
-- alert change that caused it; the relay delivers at least once.
CREATE TABLE lg_outbox (
  event_id VARCHAR(64) NOT NULL,
  channel VARCHAR(400) NOT NULL,
  alert_id VARCHAR(64) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  team VARCHAR(200) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(16) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at TIMESTAMP NOT NULL,
  last_error VARCHAR(2000),
  created_at TIMESTAMP NOT NULL,
  delivered_at TIMESTAMP,
  PRIMARY KEY (event_id, channel)
);
CREATE INDEX lg_outbox_due ON lg_outbox (status, next_attempt_at);

-- Small key/value state (e.g. the fingerprint of the last audited export set).
CREATE TABLE lg_kv (
  k VARCHAR(200) PRIMARY KEY,
  v TEXT NOT NULL
);
