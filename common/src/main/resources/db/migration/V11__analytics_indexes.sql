-- Insights read a whole space's posts and activity at once. These indexes hold every column those
-- reads need, so the database answers from the index alone instead of fetching each wide post row
-- (a body of up to 32,000 characters) or each event row. Portable SQL: runs unchanged on Apache
-- Derby 10.16 and PostgreSQL 13+.

-- Threads and replies of a space in a period (FactsQuery.threads and replies).
CREATE INDEX ix_post_space_facts
  ON post (space_id, created_at, thread_id, author_id, status, kind, deleted_at, id);

-- Endorsements of a space in a period: few, and found without reading every post.
CREATE INDEX ix_post_space_endorsed ON post (space_id, endorsed_at);

-- Who was active when (viewers, active people per week, continuity): the person and the type
-- join the key, so counting distinct people never reads the event rows. It starts with the
-- columns of ix_activity_event_space_time, which it replaces.
CREATE INDEX ix_activity_event_space_facts
  ON activity_event (space_id, occurred_at, person_id, event_type);
DROP INDEX ix_activity_event_space_time;
