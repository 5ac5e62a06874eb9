package org.peerloop.space;

/** How a space forms its cohorts. */
public enum GroupingMode {
  /** By the topics learners choose on their first visit. */
  TOPICS,
  /** One cohort per LMS group (from the roster). */
  LMS_GROUPS
}
