package org.peerloop.lti.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Platform key sets, fetched from each registration's JWKS URL and kept per registration. A key id
 * not in the cache triggers a refetch (platforms rotate keys), but at most {@link #REFRESH_BURST}
 * times per {@link #REFRESH_WINDOW}, so tokens with made-up key ids cannot make us hammer the
 * platform, while a real rotation right after a fetch is still seen at once.
 */
public class CachedPlatformKeys implements PlatformKeys {
  /** Fetches allowed per platform within {@link #REFRESH_WINDOW}. */
  public static final int REFRESH_BURST = 3;

  public static final Duration REFRESH_WINDOW = Duration.ofMinutes(5);

  /** Cached keys are refreshed after this, so a key the platform withdrew stops working. */
  public static final Duration MAX_AGE = Duration.ofHours(1);

  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

  /** A key set holds a few keys; anything much bigger is not a key set. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(CachedPlatformKeys.class.getName());

  private final HttpClient http;
  private final Clock clock;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public CachedPlatformKeys(HttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public Optional<RSAPublicKey> find(Registration platform, String kid) {
    Entry entry = entries.computeIfAbsent(platform.platformId(), id -> new Entry());
    synchronized (entry) {
      Instant now = clock.instant();
      boolean stale = entry.fetchedAt == null || !now.isBefore(entry.fetchedAt.plus(MAX_AGE));
      Optional<RSAPublicKey> cached = entry.key(kid, platform.jwksUrl());
      if (cached.isPresent() && !stale) {
        return cached;
      }
      while (!entry.attempts.isEmpty()
          && !now.isBefore(entry.attempts.peekFirst().plus(REFRESH_WINDOW))) {
        entry.attempts.removeFirst();
      }
      if (entry.attempts.size() >= REFRESH_BURST) {
        return cached;
      }
      entry.attempts.addLast(now);
      try {
        entry.keys = fetch(platform.jwksUrl());
        entry.fetchedFrom = platform.jwksUrl();
        entry.fetchedAt = now;
      } catch (PlatformKeysUnavailableException e) {
        if (cached.isPresent()) {
          LOG.warning(() -> e.getMessage() + "; using the cached keys");
          return cached;
        }
        throw e;
      }
      return entry.key(kid, platform.jwksUrl());
    }
  }

  private JWKSet fetch(String jwksUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(jwksUrl))
            .timeout(FETCH_TIMEOUT)
            .header("Accept", "application/json, application/jwk-set+json")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new PlatformKeysUnavailableException(
              "The platform key set at " + jwksUrl + " answered HTTP " + response.statusCode(),
              null);
        }
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          throw new PlatformKeysUnavailableException(
              "The platform key set at " + jwksUrl + " is larger than a key set can be", null);
        }
        return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new PlatformKeysUnavailableException(
          "The platform key set at " + jwksUrl + " could not be read: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformKeysUnavailableException("Interrupted fetching " + jwksUrl, e);
    }
  }

  private static final class Entry {
    private JWKSet keys;
    private String fetchedFrom;
    private Instant fetchedAt;
    private final Deque<Instant> attempts = new ArrayDeque<>();

    /** An RSA signing key with this id, from keys fetched at the registration's current URL. */
    Optional<RSAPublicKey> key(String kid, String jwksUrl) {
      if (keys == null || !jwksUrl.equals(fetchedFrom)) {
        return Optional.empty();
      }
      JWK jwk = keys.getKeyByKeyId(kid);
      if (!(jwk instanceof RSAKey rsa)) {
        return Optional.empty();
      }
      if (rsa.getKeyUse() != null && rsa.getKeyUse() != KeyUse.SIGNATURE) {
        return Optional.empty();
      }
      try {
        return Optional.of(rsa.toRSAPublicKey());
      } catch (JOSEException e) {
        return Optional.empty();
      }
    }
  }
}
