package org.peerloop.lti.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The origin of a web address (RFC 6454): scheme, host and port, as CSP source expressions use. */
public final class WebOrigin {
  private WebOrigin() {}

  /** The origin of an http(s) URL or origin string; empty for anything else. */
  public static Optional<String> of(String url) {
    if (url == null || url.isBlank() || url.length() > 2048) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return Optional.empty();
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
