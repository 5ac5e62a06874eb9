package org.peerloop.lti.launch;

import java.net.URI;
import java.net.URISyntaxException;

/** Whether a URL points into this tool (same scheme, host, port, and under the base path). */
final class ToolUrls {
  private ToolUrls() {}

  static boolean isOurs(URI toolBaseUrl, String url) {
    try {
      URI target = new URI(url);
      return toolBaseUrl.getScheme().equalsIgnoreCase(target.getScheme())
          && toolBaseUrl.getHost().equalsIgnoreCase(target.getHost())
          && port(toolBaseUrl) == port(target)
          && target.getRawPath() != null
          && target.getRawPath().startsWith(toolBaseUrl.getRawPath());
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
