package org.peerloop.notify;

/** How often a member gets the digest of their cohort. */
public enum Digest {
  DAILY,
  WEEKLY,
  OFF
}
