package org.peerloop.sharepoint.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Microsoft's key endpoint ({@code /{tenant}/discovery/v2.0/keys}), with
 * tokens minted in the exact claim shapes Entra issues (from Microsoft's access token reference).
 */
final class LocalEntra implements AutoCloseable {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String OTHER_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
  static final String CLIENT_ID = "6e74172b-be56-4843-9ff4-e66a39bb12e3";
  static final String APP_ID_URI = "api://peerloop.example.org/" + CLIENT_ID;
  static final String WEB_PART_APP = "08e18876-6177-487e-b8b5-cf950c1e598c";
  static final String OID = "690222be-ff1a-4d56-abd1-7e4f7d38e474";

  private final HttpServer server;
  private final List<RSAKey> published = new ArrayList<>();
  final AtomicInteger fetches = new AtomicInteger();

  LocalEntra() throws IOException, JOSEException {
    published.add(newKey());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body;
          synchronized (published) {
            body =
                new JWKSet(
                        published.stream()
                            .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                            .toList())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
          }
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  URI authority() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  static RSAKey newKey() throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
  }

  RSAKey signingKey() {
    synchronized (published) {
      return published.get(published.size() - 1);
    }
  }

  /** Microsoft rolls its keys: a new one is published and signs from now on. */
  RSAKey rotate() throws JOSEException {
    RSAKey key = newKey();
    synchronized (published) {
      published.add(key);
    }
    return key;
  }

  EntraTenant tenant() {
    return new EntraTenant(
        TENANT, CLIENT_ID, APP_ID_URI, "user_impersonation", java.util.Set.of(WEB_PART_APP));
  }

  /** A delegated v2.0 access token, as SPFx gets for an API with accessTokenAcceptedVersion 2. */
  static JWTClaimsSet.Builder v2(Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(CLIENT_ID)
        .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("aio", "AXQAi/8TAAAAMbV4DwMz6ArE2d4QKgvJ")
        .claim("azp", WEB_PART_APP)
        .claim("azpacr", "0")
        .claim("name", "Abe Lincoln")
        .claim("oid", OID)
        .claim("preferred_username", "abeli@contoso.example")
        .claim("rh", "0.AQABAAAAAAAAAAAAAAAAAAAAAAAA.")
        .claim("scp", "user_impersonation")
        .subject("HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ")
        .claim("tid", TENANT)
        .claim("uti", "fqiBqXLPj0eQa82S-IYFAA")
        .claim("ver", "2.0");
  }

  /** The same person's v1.0 access token, as issued when the API accepts version 1. */
  static JWTClaimsSet.Builder v1(Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(APP_ID_URI)
        .issuer("https://sts.windows.net/" + TENANT + "/")
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("acr", "1")
        .claim("aio", "E2ZgYJj8v+3d8u9tLi0EnH4zH8y1AA==")
        .claim("amr", List.of("pwd"))
        .claim("appid", WEB_PART_APP)
        .claim("appidacr", "0")
        .claim("family_name", "Lincoln")
        .claim("given_name", "Abe")
        .claim("ipaddr", "203.0.113.7")
        .claim("name", "Abe Lincoln")
        .claim("oid", OID)
        .claim("rh", "0.AQABAAAAAAAAAAAAAAAAAAAAAAAA.")
        .claim("scp", "user_impersonation")
        .subject("HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ")
        .claim("tid", TENANT)
        .claim("unique_name", "abeli@contoso.example")
        .claim("upn", "abeli@contoso.example")
        .claim("uti", "fqiBqXLPj0eQa82S-IYFAA")
        .claim("ver", "1.0");
  }

  /** An application (client credentials) token: no scp, roles instead, idtyp app. */
  static JWTClaimsSet.Builder appOnly(Instant now) {
    return new JWTClaimsSet.Builder()
        .audience(CLIENT_ID)
        .issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
        .issueTime(Date.from(now.minusSeconds(60)))
        .notBeforeTime(Date.from(now.minusSeconds(60)))
        .expirationTime(Date.from(now.plusSeconds(3600)))
        .claim("azp", WEB_PART_APP)
        .claim("azpacr", "1")
        .claim("idtyp", "app")
        .claim("oid", "a2b2c2d2-0000-4000-8000-000000000001")
        .claim("roles", List.of("Cohorts.Read.All"))
        .subject("a2b2c2d2-0000-4000-8000-000000000001")
        .claim("tid", TENANT)
        .claim("ver", "2.0");
  }

  String sign(JWTClaimsSet.Builder claims) throws JOSEException {
    return sign(claims, signingKey());
  }

  static String sign(JWTClaimsSet.Builder claims, RSAKey key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
