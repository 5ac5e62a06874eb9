-- Indexes for the page of a cohort's threads, the API's most frequent read: the cohort's thread
-- starts in date order, and the reader's own ratings of the posts on the page.

CREATE INDEX ix_post_cohort_thread_created ON post (cohort_id, thread_id, created_at);
CREATE INDEX ix_post_rating_person_post ON post_rating (person_id, post_id);
