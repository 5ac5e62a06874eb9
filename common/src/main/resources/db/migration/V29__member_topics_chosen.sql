-- Whether a member chose their topics: people the LMS roster placed before their first visit did
-- not, and are asked on it (and moved to a better-matching cohort while theirs holds nothing of
-- theirs). Everyone placed before this migration joined by choosing, or is left as placed.
-- Portable SQL: runs unchanged on Apache Derby 10.16 and PostgreSQL 13+.
ALTER TABLE cohort_member ADD COLUMN topics_chosen BOOLEAN DEFAULT TRUE NOT NULL;
