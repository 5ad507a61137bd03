-- Search indexes partitioned by ingest order. Runs unchanged on H2 and PostgreSQL.
--
-- Why: every search key of an issuance (its reversed names, IPs, certificate and key hashes,
-- serial) is random with respect to the order issuances arrive. Inserting random keys into one
-- B-tree of millions of entries dirties one page per key, and H2 rewrites every dirty page when
-- it stores: at 600,000 names the reversed-name index alone cost three quarters of ingest time.
-- Leading each such index with part = issuance id / 4096 (on H2) confines a batch's inserts to the
-- few hundred pages of the newest partition, so a stored page carries many new keys instead of
-- one. A search descends once per partition (docs/benchmarks.md has both sides of the trade).
--
-- Ingest writes part (org.ctmon.store.IndexPartition); searches seek the partitions between the
-- smallest and largest part stored.
-- Issuance ids are now drawn one by one (in one query per batch), so partitions stay full
-- however small the batches are.
-- The last block an older ctmon drew ([v, v + 4096)) may be in use: draw one more block first, so
-- the first id handed out one by one lies above every id ever handed out.
SELECT nextval('issuance_ids');
ALTER SEQUENCE issuance_ids INCREMENT BY 1;

-- Rows stored before this migration stay in partition 0; so does everything on PostgreSQL, which
-- updates B-tree pages in place instead of rewriting them and holds far more issuances than H2:
-- one partition keeps its searches one descent at any size (ingest writes part 0 there).
ALTER TABLE issuances ADD COLUMN part BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE issuance_names ADD COLUMN part BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE issuance_ips ADD COLUMN part BIGINT DEFAULT 0 NOT NULL;

DROP INDEX issuances_cert;
DROP INDEX issuances_spki;
DROP INDEX issuances_serial;
DROP INDEX issuance_names_reversed;
DROP INDEX issuance_ips_ip;

CREATE INDEX issuances_cert ON issuances (part, cert_sha256);
CREATE INDEX issuances_spki ON issuances (part, spki_sha256);
CREATE INDEX issuances_serial ON issuances (part, serial);
CREATE INDEX issuance_names_reversed ON issuance_names (part, name_reversed, first_seen, issuance_id);
CREATE INDEX issuance_ips_ip ON issuance_ips (part, ip);
