package org.peerloop.lti.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Optional;
import org.peerloop.keys.MacKeyRing;

/**
 * HS256 JWTs of one type, for tokens the tool issues and reads itself. The type ({@code typ}) keeps
 * one kind of token from passing for another signed with the same algorithm. Tokens name the
 * version of the secret that signed them ({@code kid}); any version of the ring verifies, so a
 * rotation signs nobody out.
 */
public final class HmacJwt {
  private final MacKeyRing ring;
  private final MACSigner signer;
  private final JOSEObjectType type;

  public HmacJwt(byte[] secret, JOSEObjectType type) {
    this(MacKeyRing.of(secret), type);
  }

  public HmacJwt(MacKeyRing ring, JOSEObjectType type) {
    this.ring = ring;
    this.signer = signer(ring.current());
    this.type = type;
  }

  private static MACSigner signer(byte[] secret) {
    try {
      return new MACSigner(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("An HS256 secret must have at least 256 bits", e);
    }
  }

  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).keyID(ring.currentKid()).build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HMAC signing cannot fail with a valid key", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of a token of this type signed with a secret of this ring; empty for anything else.
   */
  public Optional<JWTClaimsSet> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
          || !type.equals(jwt.getHeader().getType())) {
        return Optional.empty();
      }
      Optional<byte[]> secret = ring.secret(jwt.getHeader().getKeyID());
      boolean ours = secret.isPresent() && jwt.verify(new MACVerifier(secret.get()));
      return ours ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
