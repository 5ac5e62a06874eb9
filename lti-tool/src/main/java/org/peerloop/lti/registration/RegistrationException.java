package org.peerloop.lti.registration;

/** A registration that could not be completed, with a reason code and the HTTP status to answer. */
public class RegistrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int status;

  public RegistrationException(String reason, int status, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.status = status;
  }

  public String reason() {
    return reason;
  }

  public int status() {
    return status;
  }
}
