-- H2 only (PostgreSQL's V4 reaches the same columns and keys with ALTERs).
--
-- Why: H2 stores the rows of a table in a B-tree keyed by the primary key only when that key is
-- one integer column; any other table gets a hidden row id, and its composite primary key becomes
-- a second B-tree. issuance_names (about three rows per issuance) and log_entries (one or two)
-- paid for that B-tree on every row, and every B-tree a commit touches is rewritten and revisited
-- by H2 when it commits. Each table now has one integer key that packs the old composite key:
--   issuance_names.name_key  = issuance_id * 65536 + ordinal  (ordinal: the name's position, < 65536)
--   log_entries.entry_key    = log * 2^40 + entry_index       (2^40 entries: a hundred times any log)
-- so a row is one B-tree insert plus its search index. The CHECKs keep each key equal to the
-- columns it packs, which keeps (issuance_id, ordinal) and (log, entry_index) unique as before.
--
-- H2 uses the key as the row key only for a table created with it, so both tables are rebuilt
-- (the copy takes a few seconds per million rows, once).

CREATE TABLE issuance_names_v4 (
  name_key      BIGINT  NOT NULL PRIMARY KEY,
  issuance_id   BIGINT  NOT NULL,
  name_reversed VARCHAR NOT NULL,  -- search key: first 800 characters of the reversed name
  name          VARCHAR NOT NULL,  -- display form, intact
  first_seen    BIGINT  NOT NULL,
  not_after     BIGINT  NOT NULL,
  part          BIGINT  DEFAULT 0 NOT NULL,
  CONSTRAINT issuance_names_key CHECK (name_key >= issuance_id * 65536 AND name_key < issuance_id * 65536 + 65536)
);
INSERT INTO issuance_names_v4 (name_key, issuance_id, name_reversed, name, first_seen, not_after, part)
  SELECT issuance_id * 65536 + ordinal, issuance_id, name_reversed, name, first_seen, not_after, part
  FROM issuance_names ORDER BY issuance_id, ordinal;
DROP TABLE issuance_names;
ALTER TABLE issuance_names_v4 RENAME TO issuance_names;
CREATE INDEX issuance_names_reversed ON issuance_names (part, name_reversed, first_seen, issuance_id);

CREATE TABLE log_entries_v4 (
  entry_key       BIGINT     NOT NULL PRIMARY KEY,
  log             INTEGER    NOT NULL,
  entry_index     BIGINT     NOT NULL,
  entry_type      VARCHAR(8) NOT NULL CHECK (entry_type IN ('x509', 'precert')),
  entry_timestamp BIGINT     NOT NULL,
  issuance_id     BIGINT     NOT NULL,
  CONSTRAINT log_entries_key CHECK (entry_index >= 0 AND entry_index < 1099511627776
                                    AND entry_key = log * 1099511627776 + entry_index)
);
INSERT INTO log_entries_v4 (entry_key, log, entry_index, entry_type, entry_timestamp, issuance_id)
  SELECT log * 1099511627776 + entry_index, log, entry_index, entry_type, entry_timestamp, issuance_id
  FROM log_entries ORDER BY log, entry_index;
DROP TABLE log_entries;
ALTER TABLE log_entries_v4 RENAME TO log_entries;
CREATE INDEX log_entries_issuance ON log_entries (issuance_id);
