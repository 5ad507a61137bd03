-- Matches name their issuance by id as well as by TBS hash. Runs unchanged on H2 and PostgreSQL.
--
-- Why: listing an account's matches loads their issuances, and V6 on H2 takes away the global
-- index on issuances.tbs_sha256 (see there): by id it is one primary-key look-up per match on
-- either database. The foreign key moves to the id, so retention still cannot delete a matched
-- issuance, on H2 too.
ALTER TABLE matches ADD COLUMN issuance_id BIGINT;
UPDATE matches SET issuance_id = (SELECT i.id FROM issuances i WHERE i.tbs_sha256 = matches.tbs_sha256);
ALTER TABLE matches ALTER COLUMN issuance_id SET NOT NULL;
ALTER TABLE matches ADD CONSTRAINT matches_issuance FOREIGN KEY (issuance_id) REFERENCES issuances (id);
CREATE INDEX matches_issuance_id ON matches (issuance_id);
