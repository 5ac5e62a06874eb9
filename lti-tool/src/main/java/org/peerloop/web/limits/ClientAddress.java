package org.peerloop.web.limits;

import java.util.List;

/**
 * The address a request came from. Behind a load balancer every request comes from the balancer,
 * which names the client in {@code X-Forwarded-For} (appending to what the client sent, so only the
 * entries it added can be believed): the last address that is not one of the trusted proxies.
 */
final class ClientAddress {
  private ClientAddress() {}

  static String of(String remoteAddress, String forwardedFor, List<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return remoteAddress;
  }
}
