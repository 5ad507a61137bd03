-- What the web UI's triage and dashboard need. Runs unchanged on H2 and PostgreSQL; only small
-- tables gain a column (matches gains a nullable one: no rewrite on PostgreSQL).

-- When the owner acknowledged a match on the alerts page (NULL: not yet).
ALTER TABLE matches ADD COLUMN acknowledged_at BIGINT;

-- An administrator may turn a log off: it stays registered, with its position, and is not followed.
ALTER TABLE logs ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;

-- Each followed log's tree size and position, sampled once a minute and kept about a day, for the
-- dashboard's lag and ingest charts (ingest is the position's growth between samples).
CREATE TABLE log_samples (
  log        INTEGER NOT NULL REFERENCES logs (id),
  sampled_at BIGINT  NOT NULL,
  tree_size  BIGINT  NOT NULL,
  position   BIGINT  NOT NULL,
  PRIMARY KEY (log, sampled_at)
);
CREATE INDEX log_samples_time ON log_samples (sampled_at);

-- An alert detail lists the deliveries of its issuance; the alerts page filters by them.
CREATE INDEX outbox_account_tbs ON outbox (account_id, tbs_sha256);
