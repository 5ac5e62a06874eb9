package org.peerloop.lti.launch;

import java.time.Instant;
import java.util.Optional;

/**
 * The one-time records a launch consumes, shared by every node. Implementations must make each
 * record usable once even when two nodes race.
 */
public interface LaunchLedger {

  /**
   * What the state bound when it was issued at login.
   *
   * @param storageTarget the platform-storage frame the login page kept the nonce in, or {@code
   *     null}
   */
  record IssuedState(long platformId, String nonce, String storageTarget, boolean expired) {}

  /**
   * Takes the state away; empty when it was never issued or was already used. An expired state is
   * returned as such, for the caller to refuse.
   */
  Optional<IssuedState> consumeState(String state);

  /** Records the nonce; false when it was seen before. */
  boolean useNonce(long platformId, String nonce, Instant keepUntil);
}
