package org.peerloop.lti.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;
import org.peerloop.testing.MutableClock;

/** The key cache against a real HTTP key server on loopback. */
class CachedPlatformKeysTest {
  /** Shorter than the product's, so the slow-server cases stay quick. */
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

  private final AtomicInteger fetches = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
  private volatile String served;
  private volatile int status = 200;
  private volatile long delayMillis;
  private HttpServer server;
  private Registration platform;
  private CachedPlatformKeys keys;

  @BeforeEach
  void startKeyServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/certs",
        exchange -> {
          fetches.incrementAndGet();
          pause(delayMillis);
          byte[] body = served.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    // Slow answers must not hold up the others: one thread per exchange.
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    platform =
        new Registration(
            1,
            base,
            "client",
            base + "/auth",
            base + "/certs",
            ProductFamily.MOODLE,
            PlatformStatus.ACTIVE,
            Set.of("1"));
    keys =
        new CachedPlatformKeys(
            HttpClient.newHttpClient(), clock, FETCH_TIMEOUT, CachedPlatformKeys.STALE_WAIT);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void stopKeyServer() {
    server.stop(0);
  }

  private static RSAKey key(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  private void serve(RSAKey... published) {
    List<JWK> publicKeys = new ArrayList<>();
    for (RSAKey key : published) {
      publicKeys.add(key.toPublicJWK());
    }
    served = new JWKSet(publicKeys).toString();
  }

  @Test
  void fetchesOnceAndServesFromTheCache() throws Exception {
    RSAKey k1 = key("k1");
    serve(k1);

    for (int i = 0; i < 5; i++) {
      assertEquals(k1.toRSAPublicKey(), keys.find(platform, "k1").orElseThrow());
    }
    assertEquals(1, fetches.get());
  }

  @Test
  void seesARotatedKeyRightAway() throws Exception {
    serve(key("k1"));
    keys.find(platform, "k1").orElseThrow();
    RSAKey k2 = key("k2");
    serve(k2);

    assertEquals(k2.toRSAPublicKey(), keys.find(platform, "k2").orElseThrow());
    assertEquals(2, fetches.get());
  }

  @Test
  void madeUpKeyIdsCannotMakeUsHammerThePlatform() throws Exception {
    serve(key("k1"));
    for (int i = 0; i < 50; i++) {
      assertTrue(keys.find(platform, "forged-" + i).isEmpty());
    }
    assertEquals(CachedPlatformKeys.REFRESH_BURST, fetches.get());

    clock.advance(CachedPlatformKeys.REFRESH_WINDOW);
    keys.find(platform, "forged-again");
    assertEquals(CachedPlatformKeys.REFRESH_BURST + 1, fetches.get());
  }

  @Test
  void refreshesStaleKeysAndDropsAWithdrawnOne() throws Exception {
    serve(key("k1"));
    keys.find(platform, "k1").orElseThrow();
    serve(key("k2"));
    clock.advance(CachedPlatformKeys.MAX_AGE.plus(Duration.ofSeconds(1)));

    assertTrue(keys.find(platform, "k1").isEmpty(), "a key the platform withdrew stops working");
  }

  @Test
  void anUnreachableKeySetIsReportedAsSuch() {
    status = 503;
    served = "down";

    assertThrows(PlatformKeysUnavailableException.class, () -> keys.find(platform, "k1"));
  }

  @Test
  void somethingThatIsNotAKeySetIsReportedAsSuch() {
    served = "<html>login page</html>";

    assertThrows(PlatformKeysUnavailableException.class, () -> keys.find(platform, "k1"));
  }

  @Test
  void aCachedKeyKeepsWorkingWhileTheKeySetIsDown() throws Exception {
    RSAKey k1 = key("k1");
    serve(k1);
    keys.find(platform, "k1").orElseThrow();
    status = 503;
    clock.advance(CachedPlatformKeys.MAX_AGE.plus(Duration.ofSeconds(1)));

    assertEquals(k1.toRSAPublicKey(), keys.find(platform, "k1").orElseThrow());
    assertEquals(2, fetches.get(), "the stale keys were refreshed, and the refresh failed");
  }

  @Test
  void aSlowKeySetHoldsUpNoLaunchWhoseKeyIsCached() throws Exception {
    RSAKey k1 = key("k1");
    serve(k1);
    keys.find(platform, "k1").orElseThrow();
    delayMillis = 10_000;
    clock.advance(CachedPlatformKeys.MAX_AGE.plus(Duration.ofSeconds(1)));

    ExecutorService launches = Executors.newFixedThreadPool(8);
    try {
      long started = System.nanoTime();
      List<Future<Optional<RSAPublicKey>>> found = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        found.add(launches.submit(() -> keys.find(platform, "k1")));
      }
      for (Future<Optional<RSAPublicKey>> one : found) {
        assertEquals(k1.toRSAPublicKey(), one.get(5, TimeUnit.SECONDS).orElseThrow());
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(
          waited.compareTo(FETCH_TIMEOUT) < 0,
          "launches went on with the cached key instead of waiting for the key set: " + waited);
      assertEquals(2, fetches.get(), "the first fetch, then one refresh shared by all launches");
    } finally {
      launches.shutdownNow();
    }
  }

  @Test
  void anUnknownKeyWaitsForASlowKeySetOnlyUntilTheFetchTimesOut() throws Exception {
    serve(key("k1"));
    delayMillis = 10_000;

    long started = System.nanoTime();
    assertThrows(PlatformKeysUnavailableException.class, () -> keys.find(platform, "k1"));
    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(
        waited.compareTo(Duration.ofSeconds(5)) < 0, "bounded by the fetch timeout: " + waited);
  }
}
