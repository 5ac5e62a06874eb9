package org.peerloop.lti.platform;

/** The platform's key set could not be fetched or read, so no signature can be checked. */
public class PlatformKeysUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlatformKeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
