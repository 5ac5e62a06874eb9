-- A cohort's revision: raised by the database itself whenever anything its thread pages show
-- changes, so a node may keep a page and serve it again for as long as the revision it was read at
-- is the cohort's current one (see ThreadPageCache). Triggers rather than application code, so that
-- no write path, bulk update or later feature can change a page without a new revision.
-- PostgreSQL has the same triggers in its own dialect (db/vendor/postgresql).

ALTER TABLE cohort ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- Every change to a post: a new post or reply, an edit, a deletion, a review decision, curation,
-- a rating (the post keeps the ratings' count and sum) and a reply (the thread keeps their count).
CREATE TRIGGER post_inserted_revises_cohort AFTER INSERT ON post
  REFERENCING NEW AS inserted FOR EACH ROW
  UPDATE cohort SET revision = revision + 1 WHERE id = inserted.cohort_id;

CREATE TRIGGER post_updated_revises_cohort AFTER UPDATE ON post
  REFERENCING OLD AS earlier NEW AS updated FOR EACH ROW
  UPDATE cohort SET revision = revision + 1 WHERE id IN (earlier.cohort_id, updated.cohort_id);

CREATE TRIGGER post_deleted_revises_cohort AFTER DELETE ON post
  REFERENCING OLD AS deleted FOR EACH ROW
  UPDATE cohort SET revision = revision + 1 WHERE id = deleted.cohort_id;

-- Posts show their author's name and picture, which the LMS may change at any launch, and
-- erasure removes.
CREATE TRIGGER author_shown_revises_cohorts
  AFTER UPDATE OF name, given_name, family_name, picture_url, erased_at ON person
  REFERENCING NEW AS updated FOR EACH ROW
  UPDATE cohort SET revision = revision + 1
    WHERE id IN (SELECT cohort_id FROM post WHERE author_id = updated.id);
