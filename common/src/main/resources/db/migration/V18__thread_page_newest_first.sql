-- A cohort's newest threads first, in the index's own order, with what the page query filters on:
-- Derby reads an index forwards only, so the ascending index of V7 left it sorting every thread
-- start of the cohort (or scanning the table) for a page of twenty. This index answers the page's
-- ids alone, in order, and the query stops after the page.

DROP INDEX ix_post_cohort_thread_created;
CREATE INDEX ix_post_cohort_thread_newest
  ON post (cohort_id, thread_id, created_at DESC, id DESC, deleted_at, status, author_id);
