package org.peerloop.errors;

/** The thing asked for does not exist, or is not visible to the caller. */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String reason, String message) {
    super(reason, message);
  }
}
