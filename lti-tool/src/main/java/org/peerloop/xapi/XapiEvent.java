package org.peerloop.xapi;

import java.time.Instant;
import org.peerloop.activity.ActivityType;

/**
 * One activity event with what a statement needs about it: who (the platform's issuer and the
 * person's LTI subject), where (cohort, space, course) and, for a reply, its thread.
 */
record XapiEvent(
    long id,
    Instant occurredAt,
    ActivityType type,
    Long postId,
    Long threadId,
    long cohortId,
    long spaceId,
    long courseId,
    String issuer,
    String subject) {

  XapiEvent withThread(Long thread) {
    return new XapiEvent(
        id, occurredAt, type, postId, thread, cohortId, spaceId, courseId, issuer, subject);
  }
}
