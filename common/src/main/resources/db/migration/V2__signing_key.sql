-- The tool's own signing keys, shared by every node (1EdTech Security Framework section 6).

CREATE TABLE signing_key (
  kid         VARCHAR(64)   NOT NULL,
  algorithm   VARCHAR(16)   NOT NULL,
  public_key  VARCHAR(2048) NOT NULL,
  private_key VARCHAR(8192) NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  CONSTRAINT pk_signing_key PRIMARY KEY (kid),
  CONSTRAINT ck_signing_key_status CHECK (status IN ('CURRENT', 'RETIRED'))
);
