/**
 * A person's rights over their data (GDPR Art. 15, 17 and 20): everything PeerLoop holds about them
 * as a portable export, and erasure, which keeps the discussion whole by attributing their posts to
 * a deleted member. Also the administrators' audit log of such actions.
 */
package org.peerloop.privacy;
