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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;
import org.peerloop.testing.MutableClock;

/** The key cache against a real HTTP key server on loopback. */
class CachedPlatformKeysTest {
  private final AtomicInteger fetches = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
  private volatile String served;
  private volatile int status = 200;
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
          byte[] body = served.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
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
    keys = new CachedPlatformKeys(HttpClient.newHttpClient(), clock);
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
}
