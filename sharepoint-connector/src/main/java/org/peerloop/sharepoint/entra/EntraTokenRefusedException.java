package org.peerloop.sharepoint.entra;

/** A token that is not accepted, with the rule it broke. */
public class EntraTokenRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final EntraRefusal refusal;

  public EntraTokenRefusedException(EntraRefusal refusal) {
    this(refusal, null);
  }

  public EntraTokenRefusedException(EntraRefusal refusal, Throwable cause) {
    super(refusal.message(), cause);
    this.refusal = refusal;
  }

  public EntraRefusal refusal() {
    return refusal;
  }
}
