package org.peerloop.platform;

/** Whether launches from a platform are accepted. */
public enum PlatformStatus {
  /** Registered dynamically and waiting for an administrator's approval. */
  PENDING,
  ACTIVE,
  DISABLED
}
