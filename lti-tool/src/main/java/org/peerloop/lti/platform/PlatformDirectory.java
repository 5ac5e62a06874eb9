package org.peerloop.lti.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.peerloop.lti.launch.RegistrationLookup;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;

/** Registrations from the database, detached for the validator. */
@ApplicationScoped
public class PlatformDirectory implements RegistrationLookup {

  @Inject PlatformRepository platforms;

  @Override
  @Transactional
  public List<Registration> byIssuer(String issuer) {
    return platforms.findByIssuer(issuer).stream().map(Registration::of).toList();
  }

  /**
   * The registration a login is for: the one with this client id, or the only one of the issuer
   * when the platform sent no client id (it is optional in the login request, LTI Core §4.1).
   */
  @Transactional
  public Optional<Registration> forLogin(String issuer, String clientId) {
    if (clientId != null && !clientId.isBlank()) {
      return platforms.findByIssuerAndClientId(issuer, clientId).map(Registration::of);
    }
    List<Registration> all = byIssuer(issuer);
    return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
  }

  @Transactional
  public Optional<Registration> byId(long platformId) {
    return platforms.find(platformId).map(Registration::of);
  }

  /** The managed platform, for recording what a launch brings; joins the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Platform entity(long platformId) {
    return platforms
        .find(platformId)
        .orElseThrow(() -> new IllegalStateException("Platform " + platformId + " vanished"));
  }
}
