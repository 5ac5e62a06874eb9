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

/**
 * HS256 JWTs of one type, for tokens the tool issues and reads itself. The type ({@code typ}) keeps
 * one kind of token from passing for another signed with the same algorithm.
 */
public final class HmacJwt {
  private final MACSigner signer;
  private final MACVerifier verifier;
  private final JOSEObjectType type;

  public HmacJwt(byte[] secret, JOSEObjectType type) {
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("An HS256 secret must have at least 256 bits", e);
    }
    this.type = type;
  }

  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HMAC signing cannot fail with a valid key", e);
    }
    return jwt.serialize();
  }

  /** The claims of a token of this type signed with this secret; empty for anything else. */
  public Optional<JWTClaimsSet> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      boolean ours =
          JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
              && type.equals(jwt.getHeader().getType())
              && jwt.verify(verifier);
      return ours ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
