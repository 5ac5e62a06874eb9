package org.peerloop.lti.platform;

import java.util.Set;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/**
 * A platform registration as the launch validator needs it: a detached, immutable copy, so the
 * validator runs without a container or a transaction.
 */
public record Registration(
    long platformId,
    String issuer,
    String clientId,
    String authLoginUrl,
    String jwksUrl,
    ProductFamily productFamily,
    PlatformStatus status,
    Set<String> deploymentIds) {

  public Registration {
    deploymentIds = Set.copyOf(deploymentIds);
  }

  public static Registration of(Platform platform) {
    return new Registration(
        platform.id(),
        platform.issuer(),
        platform.clientId(),
        platform.authLoginUrl(),
        platform.jwksUrl(),
        platform.productFamily(),
        platform.status(),
        platform.deploymentIds());
  }

  public PlatformProfile profile() {
    return PlatformProfile.of(productFamily);
  }
}
