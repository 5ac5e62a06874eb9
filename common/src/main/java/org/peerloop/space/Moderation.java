package org.peerloop.space;

/** Whether posts appear at once or after an expert's review (regulated spaces). */
public enum Moderation {
  OPEN,
  EXPERT_REVIEW
}
