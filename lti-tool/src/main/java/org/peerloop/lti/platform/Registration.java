package org.peerloop.lti.platform;

import java.util.Set;
import java.util.TreeSet;
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

  /**
   * The origins that may frame the tool for this platform: its issuer's and its login endpoint's
   * (Moodle, Sakai and Brightspace serve course pages there). Platforms that show courses on other
   * hosts, such as Canvas's institution domains, add the origin the launch came from.
   */
  public Set<String> frameOrigins() {
    Set<String> origins = new TreeSet<>();
    WebOrigin.of(issuer).ifPresent(origins::add);
    WebOrigin.of(authLoginUrl).ifPresent(origins::add);
    return Set.copyOf(origins);
  }
}
