package org.peerloop.activity;

/** The kinds of activity the analytics count (PRODUCT.md, "Metrics"). */
public enum ActivityType {
  VIEW,
  POST,
  REPLY,
  RATE,
  ENDORSE,
  /** An applied-at-work story. */
  APPLIED
}
