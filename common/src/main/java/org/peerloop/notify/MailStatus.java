package org.peerloop.notify;

/** Where an e-mail of the outbox stands. */
public enum MailStatus {
  /** Waiting for the sender, now or after a retry's wait. */
  PENDING,
  /** Claimed by a sender until {@code claimed_until}; a sender that died leaves it to expire. */
  SENDING,
  /** The mail server accepted it. */
  SENT,
  /**
   * The mail server refused it for good (a 5xx reply, such as an unknown mailbox), or retries ran
   * out.
   */
  FAILED
}
