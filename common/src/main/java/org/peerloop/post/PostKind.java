package org.peerloop.post;

/** What a thread start is. */
public enum PostKind {
  DISCUSSION,
  QUESTION,
  /** "I applied this at work": what was applied and what came of it. */
  APPLIED_STORY
}
