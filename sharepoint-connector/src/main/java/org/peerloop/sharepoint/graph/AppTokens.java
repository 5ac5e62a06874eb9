package org.peerloop.sharepoint.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Application tokens for Microsoft Graph from Entra's v2.0 token endpoint, with the client
 * credentials grant and the {@code https://graph.microsoft.com/.default} scope, kept until shortly
 * before they expire. See Microsoft identity platform, "OAuth 2.0 client credentials flow" and
 * "Certificate credentials" (the client assertion).
 */
public class AppTokens {
  static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  /** A token is replaced this long before it expires, so no call carries one about to lapse. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final GraphHttp http;
  private final URI tokenEndpoint;
  private final AppCredential credential;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  /**
   * @param authority {@code https://login.microsoftonline.com/} or a test's local server
   */
  public AppTokens(GraphHttp http, URI authority, String tenantId, AppCredential credential) {
    String base = authority.toString().endsWith("/") ? authority.toString() : authority + "/";
    this.http = http;
    this.tokenEndpoint = URI.create(base + tenantId + "/oauth2/v2.0/token");
    this.credential = credential;
    this.clock = http.clock();
  }

  /** A valid application token, fetched when none is held or it is about to expire. */
  public synchronized String token() throws GraphException {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "client_credentials");
      form.put("client_id", credential.clientId());
      form.put("scope", GRAPH_SCOPE);
      if (credential instanceof AppCredential.Secret secret) {
        form.put("client_secret", secret.secret());
      } else if (credential instanceof AppCredential.Certificate certificate) {
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(certificate));
      }
      String body =
          form.entrySet().stream()
              .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      JsonObject answer =
          http.json(
              HttpRequest.newBuilder(tokenEndpoint)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)),
              "the token endpoint");
      if (!answer.containsKey("access_token") || answer.isNull("access_token")) {
        throw new GraphException(
            "graph-token", "Entra's token endpoint answered without an access token");
      }
      token = answer.getString("access_token");
      long lifetime =
          answer.getJsonNumber("expires_in") == null
              ? 0
              : answer.getJsonNumber("expires_in").longValue();
      renewAt = clock.instant().plusSeconds(lifetime).minus(RENEW_BEFORE);
    }
    return token;
  }

  /** Forgets the token, after Graph refused it. */
  public synchronized void discard() {
    token = null;
  }

  private String assertion(AppCredential.Certificate certificate) throws GraphException {
    Instant now = clock.instant();
    try {
      byte[] der = certificate.certificate().getEncoded();
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.RS256)
              .type(JOSEObjectType.JWT)
              .x509CertSHA256Thumbprint(Base64URL.encode(digest("SHA-256", der)))
              .build();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .audience(tokenEndpoint.toString())
              .issuer(certificate.clientId())
              .subject(certificate.clientId())
              .jwtID(UUID.randomUUID().toString())
              .notBeforeTime(Date.from(now))
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
              .build();
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(certificate.privateKey()));
      return jwt.serialize();
    } catch (CertificateEncodingException | JOSEException e) {
      throw new GraphException("graph-credential", "The certificate could not sign: " + e, e);
    }
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
