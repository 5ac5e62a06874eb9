-- The HMAC secrets of the tool's own tokens rotate with overlap: each purpose keeps every version,
-- known by a key id the tokens name, and signs with the newest that has activated. A new version
-- activates a few minutes after it is made, once every node has read it, so nobody is signed out
-- and no node meets a token it cannot check. The secrets of mac_key become each purpose's first
-- version, k0, sealed as they were.
CREATE TABLE mac_key_version (
  purpose      VARCHAR(64)  NOT NULL,
  kid          VARCHAR(16)  NOT NULL,
  secret       VARCHAR(128) NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  activates_at TIMESTAMP    NOT NULL,
  CONSTRAINT pk_mac_key_version PRIMARY KEY (purpose, kid)
);

INSERT INTO mac_key_version (purpose, kid, secret, created_at, activates_at)
  SELECT purpose, 'k0', secret, created_at, created_at FROM mac_key;

DROP TABLE mac_key;
