package org.peerloop.lti.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.outbound.GuardedHttpClient;
import org.peerloop.outbound.OutboundPolicy;
import org.peerloop.outbound.RetryingHttp;
import org.peerloop.outbound.ServiceException;

/**
 * The client credentials grant against a token endpoint on loopback that checks the assertion the
 * way a platform does (signature, issuer and subject, audience, lifetime) and counts requests.
 */
class AccessTokensTest {
  private static RSAKey key;

  private HttpServer server;
  private final List<JWTClaimsSet> assertions = new ArrayList<>();
  private volatile String answer =
      "{\"access_token\":\"T%d\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
  private volatile int status = 200;
  private Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private AccessTokens tokens;
  private ServicePlatform platform;

  @BeforeEach
  void start() throws Exception {
    if (key == null) {
      key = new RSAKeyGenerator(2048).keyID("k1").generate();
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/token",
        exchange -> {
          Map<String, String> form = new HashMap<>();
          for (String pair :
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                  .split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
          }
          int count;
          try {
            SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
            assertTrue(jwt.verify(new RSASSAVerifier(key)));
            synchronized (assertions) {
              assertions.add(jwt.getJWTClaimsSet());
              count = assertions.size();
            }
          } catch (Exception e) {
            throw new IOException(e);
          }
          byte[] body = String.format(answer, count).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    platform = new ServicePlatform(1, "client-7", url);
    tokens = new AccessTokens();
    tokens.keys = new SigningOnly();
    // The token endpoint runs on loopback, which the outbound policy allows in development only.
    tokens.http =
        new RetryingHttp(
            GuardedHttpClient.of(new OutboundPolicy(true), java.time.Duration.ofSeconds(5)));
    tokens.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** Signs as the tool's current key would. */
  private static final class SigningOnly extends ToolKeyService {
    @Override
    public String sign(JWTClaimsSet claims) {
      try {
        SignedJWT jwt =
            new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void theAssertionIsWhatRfc7523AndTheSecurityFrameworkAsk() {
    tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS));
    JWTClaimsSet assertion = assertions.get(0);
    assertEquals("client-7", assertion.getIssuer());
    assertEquals("client-7", assertion.getSubject());
    assertEquals(List.of(platform.tokenUrl()), assertion.getAudience());
    assertTrue(assertion.getIssueTime().toInstant().isBefore(now), "a little earlier than now");
    assertTrue(
        Duration.between(now, assertion.getExpirationTime().toInstant())
                .compareTo(Duration.ofMinutes(5))
            <= 0);
    tokens.token(platform, Set.of(ServiceScopes.SCORE));
    assertNotEquals(assertion.getJWTID(), assertions.get(1).getJWTID(), "a fresh jti each time");
  }

  @Test
  void tokensAreReusedPerPlatformAndScopesUntilShortlyBeforeTheyExpire() {
    String first = tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS));
    assertEquals(first, tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS)));
    assertEquals(1, assertions.size());

    String other = tokens.token(platform, Set.of(ServiceScopes.SCORE, ServiceScopes.LINE_ITEM));
    assertNotEquals(first, other, "other scopes, another token");
    assertEquals(
        other, tokens.token(platform, Set.of(ServiceScopes.LINE_ITEM, ServiceScopes.SCORE)));

    now = now.plus(Duration.ofMinutes(58)).plusSeconds(59);
    assertEquals(first, tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS)));
    now = now.plusSeconds(2);
    assertNotEquals(first, tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS)), "renewed");

    String current = tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS));
    tokens.forget(platform.platformId(), current);
    assertNotEquals(
        current, tokens.token(platform, Set.of(ServiceScopes.MEMBERSHIPS)), "after a 401");
  }

  @Test
  void aRefusalSaysWhatThePlatformSaid() {
    status = 400;
    answer = "{\"error\":\"invalid_scope\"}";
    ServiceException refused =
        assertThrows(
            ServiceException.class, () -> tokens.token(platform, Set.of(ServiceScopes.SCORE)));
    assertEquals(400, refused.status());
    assertEquals("token-refused", refused.reason());
    assertTrue(refused.getMessage().contains("invalid_scope"), refused.getMessage());
    assertTrue(refused.isRefusal());

    status = 200;
    answer = "{\"token_type\":\"Bearer\"}";
    assertEquals(
        "token-malformed",
        assertThrows(
                ServiceException.class, () -> tokens.token(platform, Set.of(ServiceScopes.SCORE)))
            .reason());
  }
}
