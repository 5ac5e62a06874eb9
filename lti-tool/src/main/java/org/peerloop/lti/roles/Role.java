package org.peerloop.lti.roles;

/** What a person may do in PeerLoop, from least to most privilege. */
public enum Role {
  /** Takes part in cohorts: reads, posts, rates. */
  LEARNER,
  /** Runs the course's spaces: settings, cohorts, moderation, analytics. */
  FACILITATOR,
  /** Administers the LMS installation; also facilitates in any course they open. */
  ADMIN
}
