-- A cohort's revision: raised by the database itself whenever anything its thread pages show
-- changes, so a node may keep a page and serve it again for as long as the revision it was read at
-- is the cohort's current one (see ThreadPageCache). Triggers rather than application code, so that
-- no write path, bulk update or later feature can change a page without a new revision.
-- Derby has the same triggers in its own dialect (db/vendor/derby).

ALTER TABLE cohort ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;

-- Every change to a post: a new post or reply, an edit, a deletion, a review decision, curation,
-- a rating (the post keeps the ratings' count and sum) and a reply (the thread keeps their count).
CREATE FUNCTION post_revises_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE cohort SET revision = revision + 1 WHERE id = OLD.cohort_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.cohort_id <> OLD.cohort_id) THEN
    UPDATE cohort SET revision = revision + 1 WHERE id = NEW.cohort_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER post_revises_cohort AFTER INSERT OR UPDATE OR DELETE ON post
  FOR EACH ROW EXECUTE FUNCTION post_revises_cohort();

-- Posts show their author's name and picture, which the LMS may change at any launch, and
-- erasure removes.
CREATE FUNCTION author_shown_revises_cohorts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cohort SET revision = revision + 1
    WHERE id IN (SELECT cohort_id FROM post WHERE author_id = NEW.id);
  RETURN NULL;
END
$$;

CREATE TRIGGER author_shown_revises_cohorts
  AFTER UPDATE OF name, given_name, family_name, picture_url, erased_at ON person
  FOR EACH ROW EXECUTE FUNCTION author_shown_revises_cohorts();
