package org.peerloop.lti.session;

import java.time.Instant;
import java.util.Set;
import org.peerloop.lti.roles.Role;

/**
 * Who is calling and from where, as a verified session token says.
 *
 * @param personId the person (platform plus subject)
 * @param platformId the registration the launch came from
 * @param courseId the course (LTI context) of the launch
 * @param resourceLinkId the resource link, or {@code null} for launches without one
 * @param roles PeerLoop roles in that course
 * @param authenticatedAt when the launch happened; refreshes never move it
 * @param expiresAt when this token stops being accepted
 * @param tenantId the Microsoft 365 tenant of a session from a SharePoint page; {@code null} for a
 *     launch
 */
public record Session(
    long personId,
    long platformId,
    long courseId,
    Long resourceLinkId,
    Set<Role> roles,
    Instant authenticatedAt,
    Instant expiresAt,
    String tenantId) {

  public Session {
    roles = Set.copyOf(roles);
  }

  public boolean isFacilitator() {
    return roles.contains(Role.FACILITATOR) || roles.contains(Role.ADMIN);
  }
}
