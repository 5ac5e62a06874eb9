package org.peerloop.web.lti;

import java.net.URI;

/** The web origin of a platform URL (scheme, host and port), for postMessage targets. */
final class PlatformOrigins {
  private PlatformOrigins() {}

  static String of(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
