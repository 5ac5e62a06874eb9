package org.peerloop.errors;

/** The request is well-formed but clashes with what is already stored. */
public class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String reason, String message) {
    super(reason, message);
  }
}
