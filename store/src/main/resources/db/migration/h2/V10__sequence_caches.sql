-- Larger sequence caches on H2 (PostgreSQL's nextval needs none).
--
-- Why: H2 hands out 32 values of a sequence at a time (its default cache) and records the next
-- block by committing its own system session, and with WRITE_DELAY=0 every commit writes the
-- store: all dirty pages, those of the batch still in progress included. Issuance ids are drawn
-- one per issuance, so a catch-up paid a store write every 32 issuances; a batch with watch-list
-- matches paid one every 32 matches, in the middle of the batch's largest transaction. With 4,096
-- values a block, a catch-up writes the sequence once a partition (IndexPartition).
--
-- A crash loses at most the rest of a block: a gap in the ids, never a reused one. On issuance
-- ids that is at most one sparse index partition per crash; a clean close keeps no gap.
ALTER SEQUENCE issuance_ids CACHE 4096;
ALTER TABLE matches ALTER COLUMN id SET CACHE 4096;
ALTER TABLE outbox ALTER COLUMN id SET CACHE 4096;
ALTER TABLE tree_heads ALTER COLUMN id SET CACHE 1024;
