package org.peerloop.errors;

/**
 * A refusal the domain can explain: it carries a stable, machine-readable {@code reason} (for
 * clients and logs) and a sentence for people. The HTTP layer maps each subclass to one status.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  protected DomainException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** A stable kebab-case code such as {@code platform-already-registered}. */
  public String reason() {
    return reason;
  }
}
