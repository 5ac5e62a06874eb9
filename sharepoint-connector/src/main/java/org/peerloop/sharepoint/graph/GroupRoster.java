package org.peerloop.sharepoint.graph;

import java.util.List;

/**
 * A group's users as Graph listed them.
 *
 * @param users the users, each once
 * @param incomplete ids of users listed without their properties (see {@link GraphUser})
 * @param otherMembers members that are not users (devices, contacts, service principals), and
 *     nested groups when transitive reading is off
 * @param pages pages read
 */
public record GroupRoster(
    List<GraphUser> users, List<String> incomplete, int otherMembers, int pages) {}
