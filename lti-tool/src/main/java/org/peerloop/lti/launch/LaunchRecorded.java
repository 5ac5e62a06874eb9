package org.peerloop.lti.launch;

import java.util.Map;
import java.util.Set;
import org.peerloop.lti.roles.Role;

/**
 * A launch was accepted and its person, course and link recorded: fired inside the launch's
 * transaction, so observers that bind the link to a space or schedule a roster synchronisation
 * commit or roll back with it.
 *
 * @param resourceLinkId the stored link's id, {@code null} for messages without one
 * @param custom the launch's custom parameters (LTI Core §5.4.6)
 */
public record LaunchRecorded(
    long platformId,
    long personId,
    long courseId,
    Long resourceLinkId,
    Map<String, String> custom,
    Set<Role> roles) {}
