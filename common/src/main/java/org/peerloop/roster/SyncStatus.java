package org.peerloop.roster;

/** Where a course's roster synchronisation stands. */
public enum SyncStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED
}
