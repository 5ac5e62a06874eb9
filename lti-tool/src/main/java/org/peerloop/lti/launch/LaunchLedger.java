package org.peerloop.lti.launch;

import java.time.Instant;
import java.util.Optional;

/**
 * The one-time records a launch consumes, shared by every node. Implementations must make each
 * record usable once even when two nodes race.
 */
public interface LaunchLedger {

  /** The state as it was issued at login. */
  record IssuedState(
      long platformId, String nonce, String targetLinkUri, String storageTarget, boolean expired) {}

  /** Takes the state away; empty when it was never issued or was already used. */
  Optional<IssuedState> consumeState(String state);

  /** Records the nonce; false when it was seen before. */
  boolean useNonce(long platformId, String nonce, Instant keepUntil);
}
