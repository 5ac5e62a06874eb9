package org.peerloop.community;

import org.peerloop.lti.session.Session;

/**
 * Who is asking, from their session: the person, the course they launched from, the resource link,
 * and whether they facilitate there.
 */
public record Caller(long personId, long courseId, Long resourceLinkId, boolean facilitator) {

  public static Caller of(Session session) {
    return new Caller(
        session.personId(), session.courseId(), session.resourceLinkId(), session.isFacilitator());
  }
}
