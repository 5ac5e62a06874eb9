package org.peerloop.moodle.webhook;

/** A webhook request that is refused, with a machine-readable reason for the answer. */
public class WebhookRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public WebhookRefusal(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** E.g. {@code signature-invalid}, {@code timestamp-stale}, {@code malformed-event}. */
  public String reason() {
    return reason;
  }
}
