package org.peerloop.space;

/** When in the formal programme a space lives. */
public enum Phase {
  /** Before the course: meet the cohort, share expectations. */
  PRE_COURSE,
  /** After the course: apply what was learnt at work, together. */
  POST_COURSE
}
