package org.peerloop.lti.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.keys.SigningKey;
import org.peerloop.keys.SigningKeys;

/** The tool's keys as LTI needs them: the current signing key and the public JWKS. */
@ApplicationScoped
public class ToolKeyService {

  @Inject SigningKeys keys;

  /** The id of the key that signs now; makes the first key on an empty database. */
  @Transactional
  public String currentKeyId() {
    return keys.current().kid();
  }

  /**
   * Signs claims with the current key (RS256, {@code kid} in the header, {@code typ} JWT), as
   * platforms expect of deep-linking responses and client assertions (Security Framework §5.1.3).
   */
  @Transactional
  public String sign(JWTClaimsSet claims) {
    SigningKey key = keys.current();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm()))
                .keyID(key.kid())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(keys.privateKey(key)));
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing with key " + key.kid() + " failed", e);
    }
    return jwt.serialize();
  }

  /** Whether a signing key is loaded, without making one (health checks must not write). */
  @Transactional
  public boolean hasSigningKey() {
    return keys.hasCurrent();
  }

  /**
   * The public JWKS (RFC 7517) platforms fetch to verify what the tool signs (1EdTech Security
   * Framework §6.3). Only public parameters: {@link JWKSet#toJSONObject()} drops private ones.
   */
  @Transactional
  public JWKSet publicKeySet() {
    List<JWK> published =
        keys.published().stream().map(ToolKeyService::toPublicJwk).map(JWK.class::cast).toList();
    return new JWKSet(published);
  }

  private static RSAKey toPublicJwk(SigningKey key) {
    return new RSAKey.Builder(key.publicKey())
        .keyID(key.kid())
        .algorithm(JWSAlgorithm.parse(key.algorithm()))
        .keyUse(KeyUse.SIGNATURE)
        .build();
  }

  /** A key as an administrator sees it: never its private part. */
  public record KeyView(String kid, String createdAt, String activatesAt, boolean signing) {}

  @Transactional
  public List<KeyView> describePublished() {
    String current = keys.current().kid();
    return keys.published().stream()
        .map(
            k ->
                new KeyView(
                    k.kid(),
                    k.createdAt().toString(),
                    k.activatesAt().toString(),
                    k.kid().equals(current)))
        .toList();
  }

  @Transactional
  public KeyView rotate() {
    SigningKey next = keys.rotate();
    return new KeyView(
        next.kid(), next.createdAt().toString(), next.activatesAt().toString(), false);
  }

  /** Stops publishing a replaced key now instead of at the end of its grace period. */
  @Transactional
  public void retire(String kid) {
    keys.retire(kid);
  }
}
