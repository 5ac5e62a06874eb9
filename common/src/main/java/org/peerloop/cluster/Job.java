package org.peerloop.cluster;

/** Background jobs that run on one node of the cluster at a time; each has its lease row. */
public enum Job {
  /** Sending participation scores to the platforms' gradebooks. */
  GRADE_SYNC
}
