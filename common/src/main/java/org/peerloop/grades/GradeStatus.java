package org.peerloop.grades;

/** The state of a person's participation score on one link. */
public enum GradeStatus {
  /** A new score waits to be sent. */
  PENDING,
  /** The platform accepted the score. */
  SENT,
  /** The platform refused the person (for example, not gradable there): not retried. */
  REFUSED,
  /** Sending failed too often; tried again when the score changes. */
  FAILED
}
