package org.peerloop.lti.launch;

import java.net.URI;
import java.util.Optional;

/** Service endpoints named in launches: absolute http(s) URLs of a sane length, or nothing. */
final class ServiceUrl {
  static final int MAX_LENGTH = 2048;

  private ServiceUrl() {}

  static Optional<String> check(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme();
      boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? Optional.of(value) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
