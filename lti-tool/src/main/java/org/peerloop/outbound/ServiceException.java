package org.peerloop.outbound;

/**
 * A service call that did not succeed. {@code status} is the platform's HTTP status (0 when it
 * could not be reached); {@code reason} a short machine-readable code.
 */
public class ServiceException extends RuntimeException {
  private final int status;
  private final String reason;

  public ServiceException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  public int status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  /**
   * Whether the platform refused this request for good (a 4xx other than an expired token or a rate
   * limit): sending it again would get the same answer.
   */
  public boolean isRefusal() {
    return status >= 400 && status < 500 && status != 401 && status != 429;
  }
}
