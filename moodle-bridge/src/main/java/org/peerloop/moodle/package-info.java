/**
 * The Moodle bridge: what LTI does not tell PeerLoop about a Moodle course. {@code ws} reads a
 * site's course structure, completion, enrolments and groups through Moodle's Web Services REST
 * protocol; {@code webhook} checks the signed events the {@code local_peerloop} Moodle plugin
 * sends. Container-free: no JPA, no CDI, no PeerLoop domain inside, so the tool decides what an
 * event means.
 */
package org.peerloop.moodle;
