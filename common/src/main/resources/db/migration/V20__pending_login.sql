-- One record per OIDC login in flight, keyed by the nonce the login issued, in place of a state
-- record and a used-nonce record. The state the tool sends is now a token it signs, which binds
-- the platform, this nonce, the platform's storage frame and the expiry; the launch deletes the
-- record of the nonce its id_token carries, which uses up the nonce and the state with it, once,
-- on whichever node the launch reaches: one insert per login and one delete per launch, where
-- there were an insert, a read, a delete and a second insert.
--
-- No foreign key to the platform: checking one cost every login an index lookup, a lock and an
-- index write, and the record of a platform deleted meanwhile is harmless and purged at its
-- expiry. Logins in flight when this runs are lost; they are started again from the platform.

DROP TABLE oidc_state;
DROP TABLE used_nonce;

CREATE TABLE pending_login (
  nonce      VARCHAR(64) NOT NULL,
  expires_at TIMESTAMP   NOT NULL,
  CONSTRAINT pk_pending_login PRIMARY KEY (nonce)
);
CREATE INDEX ix_pending_login_expires ON pending_login (expires_at);
