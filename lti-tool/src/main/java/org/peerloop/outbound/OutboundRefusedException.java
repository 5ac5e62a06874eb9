package org.peerloop.outbound;

import java.io.IOException;

/**
 * A call PeerLoop refused to make, or to finish, because the address it was given is not one it may
 * call ({@link OutboundPolicy}), or its answer broke a bound. An {@link IOException}, so every
 * caller already treats it as a service that could not be reached; {@link #reason()} says why.
 */
public class OutboundRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public OutboundRefusedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A short machine-readable code, such as {@code address-not-public}. */
  public String reason() {
    return reason;
  }
}
