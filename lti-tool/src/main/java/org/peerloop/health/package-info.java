/** {@code GET /health}: whether this node can serve (database reachable, signing key loaded). */
package org.peerloop.health;
