-- The one-time link that makes the first administrator (printed at the first start, while no
-- account exists), stored as the SHA-256 of the token (the token has 256 random bits).
CREATE TABLE setup_tokens (
  token_sha256 BYTEA  NOT NULL PRIMARY KEY,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
