package org.peerloop.lti.launch;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a launch leads to: a session for the page, or, when the login stored its nonce in platform
 * storage, a ticket the page must first redeem with that nonce.
 */
public sealed interface LaunchOutcome {

  /**
   * A signed-in page; for a deep linking request, with the ticket its picker sends back with the
   * designer's choice.
   */
  record Session(
      String token,
      Instant expiresAt,
      String personName,
      String courseTitle,
      String locale,
      List<String> roles,
      MessageType messageType,
      String returnUrl,
      Set<String> frameOrigins,
      String deepLinkingTicket)
      implements LaunchOutcome {}

  /** A page that must read the nonce back from platform storage before it gets a session. */
  record NeedsBinding(
      String ticket,
      String state,
      String storageTarget,
      String storageOrigin,
      String locale,
      Set<String> frameOrigins)
      implements LaunchOutcome {}

  /** The origins of the platform's pages, which may frame the tool. */
  Set<String> frameOrigins();
}
