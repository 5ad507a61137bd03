-- PostgreSQL only (H2 compares strings by UTF-16 code unit already, so it has no counterpart).
--
-- The name search "example.com and all its subdomains" is the range
--   name_reversed >= 'com.example.' AND name_reversed < 'com.example/'
-- which is only right when strings compare byte by byte. A database created with a linguistic
-- collation (en_US.UTF-8, the default on many systems) ignores punctuation at the first level,
-- so the range would miss and include the wrong names. The column gets the "C" collation; the
-- same holds for the other text search keys, so that equality and index use never depend on
-- the database's locale.
ALTER TABLE issuance_names ALTER COLUMN name_reversed TYPE VARCHAR COLLATE "C";
ALTER TABLE issuances ALTER COLUMN issuer_cn TYPE VARCHAR COLLATE "C";
ALTER TABLE issuances ALTER COLUMN serial TYPE VARCHAR COLLATE "C";
ALTER TABLE issuance_ips ALTER COLUMN ip TYPE VARCHAR COLLATE "C";
