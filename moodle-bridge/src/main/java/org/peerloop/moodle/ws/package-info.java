/**
 * A Moodle Web Services REST client ({@code webservice/rest/server.php}) for Moodle 4.1 to 5.x.
 * {@link org.peerloop.moodle.ws.MoodleClient} is the transport and the error rules; {@link
 * org.peerloop.moodle.ws.MoodleSite} the typed functions PeerLoop uses. Parsers read only the
 * fields PeerLoop needs, ignore the rest, and treat fields newer than Moodle 4.1 as optional.
 */
package org.peerloop.moodle.ws;
