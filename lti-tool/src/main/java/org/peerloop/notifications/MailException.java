package org.peerloop.notifications;

/** A mail the server did not take: for now ({@code permanent} false) or for good. */
class MailException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  MailException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  boolean permanent() {
    return permanent;
  }
}
