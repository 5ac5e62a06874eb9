package org.peerloop.lti.platform;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Platform key sets, fetched from each registration's JWKS URL and kept per registration. A key id
 * not in the cache triggers a refetch (platforms rotate keys), but at most {@link #REFRESH_BURST}
 * times per {@link #REFRESH_WINDOW}, so tokens with made-up key ids cannot make us hammer the
 * platform, while a real rotation right after a fetch is still seen at once.
 *
 * <p>A platform whose key set is down or slow must not stop its launches: concurrent launches share
 * one fetch, no lock is held while it runs, and a launch whose key is cached (even past {@link
 * #MAX_AGE}) waits for a refresh at most {@link #STALE_WAIT} before it uses the cached key. Only a
 * key never seen waits for the fetch itself, bounded by {@link #FETCH_TIMEOUT}.
 */
public class CachedPlatformKeys implements PlatformKeys {
  /** Fetches allowed per platform within {@link #REFRESH_WINDOW}. */
  public static final int REFRESH_BURST = 3;

  public static final Duration REFRESH_WINDOW = Duration.ofMinutes(5);

  /** Cached keys are refreshed after this, so a key the platform withdrew stops working. */
  public static final Duration MAX_AGE = Duration.ofHours(1);

  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

  /** How long a launch holding a cached key waits for a refresh before it goes on with it. */
  static final Duration STALE_WAIT = Duration.ofSeconds(1);

  /** A key set holds a few keys; anything much bigger is not a key set. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(CachedPlatformKeys.class.getName());

  private final HttpClient http;
  private final Clock clock;
  private final Duration fetchTimeout;
  private final Duration staleWait;
  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public CachedPlatformKeys(HttpClient http, Clock clock) {
    this(http, clock, FETCH_TIMEOUT, STALE_WAIT);
  }

  CachedPlatformKeys(HttpClient http, Clock clock, Duration fetchTimeout, Duration staleWait) {
    this.http = http;
    this.clock = clock;
    this.fetchTimeout = fetchTimeout;
    this.staleWait = staleWait;
  }

  @Override
  public Optional<RSAPublicKey> find(Registration platform, String kid) {
    Entry entry = entries.computeIfAbsent(platform.platformId(), id -> new Entry());
    String jwksUrl = platform.jwksUrl();
    Optional<RSAPublicKey> cached;
    CompletableFuture<?> refresh;
    synchronized (entry) {
      Instant now = clock.instant();
      boolean stale = entry.fetchedAt == null || !now.isBefore(entry.fetchedAt.plus(MAX_AGE));
      cached = entry.key(kid, jwksUrl);
      if (cached.isPresent() && !stale) {
        return cached;
      }
      refresh = entry.refreshing != null ? entry.refreshing : startFetch(entry, jwksUrl, now);
      if (refresh == null) {
        return cached;
      }
    }
    try {
      Duration wait = cached.isPresent() ? staleWait : fetchTimeout.plusSeconds(1);
      refresh.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fallBack(cached, "The platform key set at " + jwksUrl + " is slow to answer", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return fallBack(
          cached,
          cause instanceof PlatformKeysUnavailableException ? cause.getMessage() : e.getMessage(),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallBack(cached, "Interrupted fetching " + jwksUrl, e);
    }
    synchronized (entry) {
      return entry.key(kid, jwksUrl);
    }
  }

  private static Optional<RSAPublicKey> fallBack(
      Optional<RSAPublicKey> cached, String problem, Throwable cause) {
    if (cached.isPresent()) {
      LOG.warning(() -> problem + "; using the cached keys");
      return cached;
    }
    throw new PlatformKeysUnavailableException(problem, cause);
  }

  /** Starts a fetch when the refresh budget allows one; the caller holds the entry's lock. */
  private CompletableFuture<?> startFetch(Entry entry, String jwksUrl, Instant now) {
    while (!entry.attempts.isEmpty()
        && !now.isBefore(entry.attempts.peekFirst().plus(REFRESH_WINDOW))) {
      entry.attempts.removeFirst();
    }
    if (entry.attempts.size() >= REFRESH_BURST) {
      return null;
    }
    entry.attempts.addLast(now);
    CompletableFuture<?> fetch =
        fetch(jwksUrl)
            .whenComplete(
                (keys, failure) -> {
                  synchronized (entry) {
                    if (keys != null) {
                      entry.keys = keys;
                      entry.fetchedFrom = jwksUrl;
                      entry.fetchedAt = now;
                    }
                    entry.refreshing = null;
                  }
                });
    if (!fetch.isDone()) {
      entry.refreshing = fetch;
    }
    return fetch;
  }

  private CompletableFuture<JWKSet> fetch(String jwksUrl) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(jwksUrl))
              .timeout(fetchTimeout)
              .header("Accept", "application/json, application/jwk-set+json")
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(unavailable(jwksUrl, e));
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .thenApply(response -> read(jwksUrl, response))
        // The request timeout ends at the headers; this one bounds a body that trickles in.
        .orTimeout(fetchTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(
            failure -> CompletableFuture.failedFuture(unavailable(jwksUrl, failure)));
  }

  private static JWKSet read(String jwksUrl, HttpResponse<InputStream> response) {
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new PlatformKeysUnavailableException(
            "The platform key set at " + jwksUrl + " answered HTTP " + response.statusCode(), null);
      }
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new PlatformKeysUnavailableException(
            "The platform key set at " + jwksUrl + " is larger than a key set can be", null);
      }
      return JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new PlatformKeysUnavailableException(
          "The platform key set at " + jwksUrl + " could not be read: " + e.getMessage(), e);
    }
  }

  private static PlatformKeysUnavailableException unavailable(String jwksUrl, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof PlatformKeysUnavailableException known) {
      return known;
    }
    String what =
        cause instanceof TimeoutException ? "did not answer in time" : String.valueOf(cause);
    return new PlatformKeysUnavailableException(
        "The platform key set at " + jwksUrl + " could not be read: " + what, cause);
  }

  private static final class Entry {
    private JWKSet keys;
    private String fetchedFrom;
    private Instant fetchedAt;
    private CompletableFuture<?> refreshing;
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
