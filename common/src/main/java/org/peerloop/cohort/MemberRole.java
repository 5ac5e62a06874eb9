package org.peerloop.cohort;

/** What a member does in a space. */
public enum MemberRole {
  LEARNER,
  FACILITATOR,
  /** Approves or rejects held posts in regulated (expert review) spaces. */
  EXPERT_REVIEWER
}
