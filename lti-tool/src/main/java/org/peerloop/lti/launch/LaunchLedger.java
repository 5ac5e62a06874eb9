package org.peerloop.lti.launch;

import java.util.Optional;

/**
 * The logins a launch completes, shared by every node. Implementations must let each login be
 * completed once even when two nodes race.
 */
public interface LaunchLedger {

  /**
   * What a state bound when the tool issued it at login.
   *
   * @param storageTarget the platform-storage frame the login page kept the nonce in, or {@code
   *     null}
   */
  /**
   * @param bindingHash the SHA-256 of the value the login page kept in platform storage, or {@code
   *     null} when it kept none
   */
  record IssuedState(
      long platformId, String nonce, String storageTarget, String bindingHash, boolean expired) {}

  /**
   * What the state binds; empty when the tool never issued it. An expired state is returned as
   * such, for the caller to refuse.
   */
  Optional<IssuedState> issuedState(String state);

  /**
   * Uses up the nonce of a pending login, and with it the login's state; false when it was used
   * before, or was never issued.
   */
  boolean useNonce(String nonce);
}
