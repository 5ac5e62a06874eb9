-- A cohort's revision, raised at every change to what its thread pages show, so that a node may
-- keep a page and serve it again for as long as the revision it was read at is the cohort's current
-- one (see CohortRevisions and ThreadPageCache).
--
-- In a table of its own, not a column of cohort: inserting a post holds a shared lock on its
-- cohort's row until commit (Derby's foreign key check), so two writers raising a counter there
-- would each wait for the other's shared lock to go. Raised by PeerLoop, not by triggers: Derby
-- recompiles a trigger inside the writing transaction whenever the table's statistics change, and
-- concurrent writers then deadlock on its catalog rows.

CREATE TABLE cohort_revision (
  cohort_id BIGINT NOT NULL,
  revision  BIGINT NOT NULL,
  CONSTRAINT pk_cohort_revision PRIMARY KEY (cohort_id),
  CONSTRAINT fk_cohort_revision_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);
INSERT INTO cohort_revision (cohort_id, revision) SELECT id, 0 FROM cohort;
