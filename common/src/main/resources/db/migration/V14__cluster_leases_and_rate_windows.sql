-- What the nodes of a cluster share beyond the data itself. Portable SQL: runs unchanged on
-- Apache Derby 10.16 and PostgreSQL 13+.

-- Background jobs that must run once cluster-wide (grade synchronisation): the node holding a
-- job's row until lease_until runs it. The rows exist from the start, so a claim is one
-- conditional UPDATE, which the database serialises: two nodes can never both win it.
CREATE TABLE job_lease (
  job          VARCHAR(40)   NOT NULL,
  holder       VARCHAR(200),
  lease_until  TIMESTAMP     NOT NULL,
  CONSTRAINT pk_job_lease PRIMARY KEY (job)
);
INSERT INTO job_lease (job, holder, lease_until) VALUES ('GRADE_SYNC', NULL, CAST('1970-01-01 00:00:00' AS TIMESTAMP));

-- Rate limits: requests per subject (an address, a member) and fixed one-minute window, counted
-- by every node in the same row. Old windows are deleted by housekeeping.
CREATE TABLE rate_window (
  bucket        VARCHAR(200)  NOT NULL,
  window_start  TIMESTAMP     NOT NULL,
  hits          INTEGER       NOT NULL,
  CONSTRAINT pk_rate_window PRIMARY KEY (bucket, window_start)
);
CREATE INDEX ix_rate_window_start ON rate_window (window_start);
