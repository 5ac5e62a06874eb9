package org.peerloop.demo.lms;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Verifies what PeerLoop signs (client assertions, deep linking responses) with the key set at its
 * registered JWKS URL, as Moodle's {@code lti_verify_jwt_signature()} does: RS256, the header's
 * {@code kid} looked up in the tool's published keys.
 */
final class ToolSignatures {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ToolSignatures() {}

  /** The claims, if the signature is the tool's; {@code null} otherwise. */
  static JWTClaimsSet verify(String token, String jwksUri) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
        return null;
      }
      HttpResponse<String> keys =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(jwksUri)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      JWK key = JWKSet.parse(keys.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
      if (!(key instanceof RSAKey rsa)) {
        return null;
      }
      return jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey())) ? jwt.getJWTClaimsSet() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      return null;
    }
  }
}
