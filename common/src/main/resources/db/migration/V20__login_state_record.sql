-- The OIDC login state is now a token the tool signs (the platform, the nonce, the platform's
-- storage frame and the expiry are inside it), so the server-side record only has to say that a
-- state was issued and is still unused: its id, and when housekeeping may purge it. A launch then
-- consumes the record with one delete instead of a read and a delete.
--
-- No foreign keys on these one-time records: checking one cost every login and every launch an
-- index lookup, a lock and an index write, and the record of a platform deleted meanwhile is
-- harmless and purged at its expiry. States in flight when this runs are lost; their logins are
-- started again from the platform.

DROP TABLE oidc_state;
CREATE TABLE oidc_state (
  state_id   VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP   NOT NULL,
  CONSTRAINT pk_oidc_state PRIMARY KEY (state_id)
);
CREATE INDEX ix_oidc_state_expires ON oidc_state (expires_at);

ALTER TABLE used_nonce DROP CONSTRAINT fk_used_nonce_platform;
