-- A space's topics are unique (SpaceSettings refuses one listed twice), and their order is a
-- column. Keyed by position, a changed or reordered list collided with itself while EclipseLink
-- rewrote it row by row ("coaching" at 0 becoming "feedback" at 0 met the old row first); keyed by
-- the topic, the order can be rewritten in any sequence.
ALTER TABLE space_topic DROP CONSTRAINT pk_space_topic;
ALTER TABLE space_topic ADD CONSTRAINT pk_space_topic PRIMARY KEY (space_id, topic);
