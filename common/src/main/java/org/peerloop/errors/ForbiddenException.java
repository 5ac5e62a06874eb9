package org.peerloop.errors;

/** The caller is known but may not do this (a learner changing a space's settings, say). */
public class ForbiddenException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String reason, String message) {
    super(reason, message);
  }
}
