-- xAPI statements pushed to a customer's Learning Record Store: one connection per platform, so
-- one institution's activity never reaches another's store. Portable SQL: runs unchanged on
-- Apache Derby 10.16 and PostgreSQL 13+.
CREATE TABLE lrs_connection (
  platform_id      BIGINT        NOT NULL,
  endpoint         VARCHAR(2048) NOT NULL,
  username         VARCHAR(255)  NOT NULL,
  -- AES-GCM sealed with the installation's secret key (PEERLOOP_SECRET_KEY), never plain text.
  password_sealed  VARCHAR(1024) NOT NULL,
  -- The last activity event the store has: pushing resumes after it.
  pushed_through   BIGINT        NOT NULL DEFAULT 0,
  statements_sent  BIGINT        NOT NULL DEFAULT 0,
  last_push_at     TIMESTAMP,
  failures         INTEGER       NOT NULL DEFAULT 0,
  last_error       VARCHAR(1000),
  last_error_at    TIMESTAMP,
  next_attempt_at  TIMESTAMP,
  configured_at    TIMESTAMP     NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT pk_lrs_connection PRIMARY KEY (platform_id),
  CONSTRAINT fk_lrs_connection_platform FOREIGN KEY (platform_id) REFERENCES platform (id)
);
