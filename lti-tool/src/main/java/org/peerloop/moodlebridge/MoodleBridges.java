package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.peerloop.bridge.MoodleBridge;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.keys.SecretBox;
import org.peerloop.platform.Platform;
import org.peerloop.platform.ProductFamily;
import org.peerloop.settings.Settings;

/**
 * The platforms' bridges: IT's settings and the secrets sealed at rest, each call its own
 * transaction. Calls to the sites are {@link MoodleSites}'s, outside any transaction.
 */
@ApplicationScoped
public class MoodleBridges {
  /** Purposes the secrets are sealed for: a value from one column does not open as the other. */
  static final String TOKEN = "moodle-ws-token";

  static final String SECRET = "moodle-webhook-secret";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject SecretBox box;
  @Inject Settings settings;
  @Inject Clock clock;

  /** What IT sees of a bridge: never the token, never the secret. */
  public record Status(
      long platformId,
      String siteUrl,
      String webhookUrl,
      String configuredAt,
      String lastEventAt,
      String lastReconciledAt,
      String lastError,
      String lastErrorAt) {}

  /** A bridge just set up: the secret for the plugin's settings is shown this once. */
  public record Configured(Status status, String webhookSecret, ConnectionReport connection) {}

  /** What a site's client needs. */
  public record Target(long platformId, URI siteUrl, String token) {}

  /**
   * Sets a platform's bridge. A new bridge gets a webhook secret, answered once; a changed one
   * keeps its secret, so the plugin's setting stays right.
   */
  @Transactional
  public Configured configure(
      long platformId, String siteUrl, String token, ConnectionReport report) {
    Platform platform = platform(platformId);
    if (platform.productFamily() != ProductFamily.MOODLE
        && platform.productFamily() != ProductFamily.OTHER) {
      throw new ConflictException(
          "not-a-moodle-platform",
          "Platform " + platformId + " is " + platform.productFamily().code() + ", not Moodle");
    }
    String site = MoodleBridge.normalised(siteUrl);
    em.createQuery("select b from MoodleBridge b where b.siteUrl = :site", MoodleBridge.class)
        .setParameter("site", site)
        .getResultStream()
        .filter(b -> b.platformId() != platformId)
        .findFirst()
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "site-already-bridged",
                  site + " is bridged to platform " + other.platformId() + " already");
            });
    MoodleBridge bridge = em.find(MoodleBridge.class, platformId);
    String secret = null;
    Instant now = clock.instant();
    if (bridge == null) {
      secret = newSecret();
      bridge =
          new MoodleBridge(platformId, site, box.seal(TOKEN, token), box.seal(SECRET, secret), now);
      em.persist(bridge);
    } else {
      bridge.configure(site, box.seal(TOKEN, token), now);
    }
    em.flush();
    return new Configured(status(bridge), secret, report);
  }

  /** A new webhook secret, answered once: the old one stops working at once. */
  @Transactional
  public Configured newSecret(long platformId) {
    MoodleBridge bridge = find(platformId);
    String secret = newSecret();
    bridge.newSecret(box.seal(SECRET, secret));
    return new Configured(status(bridge), secret, null);
  }

  @Transactional
  public Status status(long platformId) {
    return status(find(platformId));
  }

  @Transactional
  public List<Long> bridgedPlatforms() {
    return em.createQuery(
            "select b.platformId from MoodleBridge b order by b.platformId", Long.class)
        .getResultList();
  }

  @Transactional
  public void remove(long platformId) {
    em.remove(find(platformId));
  }

  /** The platform's bridge, if IT set one. */
  @Transactional
  public Optional<Long> bridgeOf(long platformId) {
    return Optional.ofNullable(em.find(MoodleBridge.class, platformId))
        .map(MoodleBridge::platformId);
  }

  /** The site and token of a platform's bridge, for its client. */
  @Transactional
  public Target target(long platformId) {
    MoodleBridge bridge = find(platformId);
    return new Target(
        platformId, URI.create(bridge.siteUrl()), box.open(TOKEN, bridge.tokenSealed()));
  }

  MoodleBridge find(long platformId) {
    MoodleBridge bridge = em.find(MoodleBridge.class, platformId);
    if (bridge == null) {
      throw new NotFoundException(
          "bridge-not-configured", "Platform " + platformId + " has no Moodle bridge");
    }
    return bridge;
  }

  private Platform platform(long platformId) {
    Platform platform = em.find(Platform.class, platformId);
    if (platform == null) {
      throw new NotFoundException("platform-not-found", "No platform " + platformId);
    }
    return platform;
  }

  private Status status(MoodleBridge b) {
    return new Status(
        b.platformId(),
        b.siteUrl(),
        settings.baseUrl().resolve("moodle/events").toString(),
        text(b.configuredAt()),
        text(b.lastEventAt()),
        text(b.lastReconciledAt()),
        b.lastError(),
        text(b.lastErrorAt()));
  }

  /** 32 random bytes: an HMAC-SHA256 key as long as its output (RFC 2104 §3). */
  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
