package org.peerloop.lti.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.lti.launch.RegistrationLookup;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;

/**
 * Registrations from the database, detached for the validator. Every login and launch asks for
 * them, so each node keeps them for {@link #FRESHNESS}: a registration changed on another node
 * (approved, disabled, a new deployment) takes effect here within that time, and at once on the
 * node that changed it.
 */
@ApplicationScoped
public class PlatformDirectory implements RegistrationLookup {
  /** How long a node trusts the registrations it read; short, because disabling must bite. */
  public static final Duration FRESHNESS = Duration.ofSeconds(5);

  @Inject PlatformRepository platforms;
  @Inject Clock clock;

  private record Loaded(List<Registration> registrations, Instant at) {}

  private final Map<String, Loaded> byIssuer = new ConcurrentHashMap<>();

  @Override
  @Transactional
  public List<Registration> byIssuer(String issuer) {
    Instant now = clock.instant();
    Loaded loaded = byIssuer.get(issuer);
    if (loaded != null && now.isBefore(loaded.at().plus(FRESHNESS))) {
      return loaded.registrations();
    }
    List<Registration> fresh =
        platforms.findByIssuer(issuer).stream().map(Registration::of).toList();
    if (!fresh.isEmpty()) {
      // Unknown issuers are not remembered: anyone can send one, and the map must stay small.
      byIssuer.put(issuer, new Loaded(fresh, now));
    }
    return fresh;
  }

  /**
   * The registration a login is for: the one with this client id, or the only one of the issuer
   * when the platform sent no client id (it is optional in the login request, LTI Core §4.1).
   */
  @Transactional
  public Optional<Registration> forLogin(String issuer, String clientId) {
    List<Registration> all = byIssuer(issuer);
    if (clientId != null && !clientId.isBlank()) {
      return all.stream().filter(r -> r.clientId().equals(clientId)).findFirst();
    }
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

  /** Forgets what this node read about an issuer, after a change made here. */
  public void forget(String issuer) {
    byIssuer.remove(issuer);
  }
}
