package org.peerloop.lti.session;

/** A session token that cannot be accepted, with the reason code the client sees. */
public class InvalidSessionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public InvalidSessionException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
