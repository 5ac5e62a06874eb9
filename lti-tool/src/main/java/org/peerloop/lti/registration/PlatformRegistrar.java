package org.peerloop.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.peerloop.errors.NotFoundException;
import org.peerloop.lti.platform.PlatformDirectory;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;
import org.peerloop.signin.SessionRevocations;

/** Stores registrations, from Dynamic Registration or from an administrator, and changes them. */
@ApplicationScoped
public class PlatformRegistrar {

  @Inject PlatformRepository platforms;
  @Inject PlatformDirectory directory;
  @Inject Clock clock;
  @Inject RevokedSessions revoked;

  /** The values of a registration, as an LMS shows them to its administrator. */
  public record RegistrationValues(
      String issuer,
      String clientId,
      String authLoginUrl,
      String authTokenUrl,
      String jwksUrl,
      ProductFamily productFamily,
      Collection<String> deploymentIds) {}

  @Transactional
  public Platform register(RegistrationValues values, PlatformStatus status) {
    Platform platform =
        new Platform(
            values.issuer(),
            values.clientId(),
            values.authLoginUrl(),
            values.authTokenUrl(),
            values.jwksUrl(),
            values.productFamily(),
            status,
            clock.instant());
    if (values.deploymentIds() != null) {
      values.deploymentIds().forEach(platform::addDeployment);
    }
    Platform added = platforms.add(platform);
    directory.forget(added.issuer());
    return added;
  }

  /**
   * The registration of this issuer and client id updated with the values the platform sent again,
   * if there is one: a platform's update of its own registration (LTI DR §3.5; Moodle's *Update*
   * keeps the client id). Only the issuer's own configuration can name the issuer, so only the
   * platform itself can update it.
   */
  @Transactional
  public Optional<Platform> updateIfRegistered(RegistrationValues values) {
    Optional<Platform> known =
        platforms.findByIssuerAndClientId(values.issuer(), values.clientId());
    known.ifPresent(
        platform -> {
          platform.updateEndpoints(
              values.authLoginUrl(),
              values.authTokenUrl(),
              values.jwksUrl(),
              values.productFamily());
          if (values.deploymentIds() != null) {
            values.deploymentIds().forEach(platform::addDeployment);
          }
          directory.forget(platform.issuer());
        });
    return known;
  }

  @Transactional
  public List<Platform> all() {
    return platforms.findAll();
  }

  @Transactional
  public Platform changeStatus(long id, PlatformStatus status) {
    Platform platform = find(id);
    platform.changeStatus(status);
    if (status != PlatformStatus.ACTIVE) {
      // A platform that may not launch keeps no session: its people and administrators are out.
      revoked.revoke(SessionRevocations.platform(id));
    }
    directory.forget(platform.issuer());
    return platform;
  }

  @Transactional
  public Platform allowConsoleFromLms(long id, boolean allowed) {
    Platform platform = find(id);
    platform.allowConsoleFromLms(allowed);
    if (!allowed) {
      revoked.revoke(SessionRevocations.console(id));
    }
    directory.forget(platform.issuer());
    return platform;
  }

  @Transactional
  public Platform useServiceHosts(long id, List<String> hosts) {
    Platform platform = find(id);
    platform.useServiceHosts(hosts);
    return platform;
  }

  @Transactional
  public Platform addDeployment(long id, String deploymentId) {
    Platform platform = find(id);
    platform.addDeployment(deploymentId);
    directory.forget(platform.issuer());
    return platform;
  }

  private Platform find(long id) {
    return platforms
        .find(id)
        .orElseThrow(() -> new NotFoundException("platform-not-found", "No platform " + id));
  }
}
