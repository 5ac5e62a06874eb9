package org.peerloop.completion;

/** How PeerLoop learned of a completion. */
public enum CompletionSource {
  /** The LMS told PeerLoop when it happened (the Moodle plugin's event). */
  EVENT,
  /** PeerLoop asked the LMS (the periodic backstop, or a facilitator's check). */
  RECONCILED
}
