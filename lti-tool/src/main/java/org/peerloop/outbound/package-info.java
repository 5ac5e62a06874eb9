/**
 * Calls from PeerLoop to other services over HTTP (LMS platforms, learning record stores): bounded
 * retries that honour {@code Retry-After}, and one failure type with a machine-readable reason.
 */
package org.peerloop.outbound;
