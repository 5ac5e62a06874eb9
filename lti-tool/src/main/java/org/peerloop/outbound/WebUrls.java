package org.peerloop.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URLs PeerLoop may call or send credentials to (a platform's endpoints, a learning record store):
 * https, or http on this machine for development only.
 */
public final class WebUrls {
  private WebUrls() {}

  public static boolean isSafe(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null) {
        return false;
      }
      return scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  public static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  public static String origin(URI uri) {
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + ":"
        + port;
  }
}
