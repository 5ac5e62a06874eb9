package org.peerloop.post;

/** Whether a post is visible to the cohort. */
public enum PostStatus {
  PUBLISHED,
  /** Waiting for an expert's review in a regulated space; visible to its author only. */
  HELD,
  /** Refused by an expert with a reason the author sees; the author may revise it. */
  REJECTED
}
