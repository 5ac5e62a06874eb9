package org.peerloop.errors;

/** A value breaks a rule of the domain; {@link #field()} names the input it came from. */
public class InvalidValueException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidValueException(String field, String message) {
    super("invalid-value", message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
