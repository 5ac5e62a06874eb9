package org.peerloop.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerloop.lti.platform.Registration;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/** A platform for unit tests: a real RSA key and id_tokens shaped like Moodle 4.x sends them. */
final class TestPlatform {
  static final String ISSUER = "https://moodle.example.edu";
  static final String CLIENT_ID = "PeerLoopClient1";
  static final String DEPLOYMENT = "7";
  static final String TOOL = "https://peerloop.example.org/";

  final RSAKey key;
  final Registration registration;

  TestPlatform(long platformId, PlatformStatus status) {
    this.key = newKey("platform-key-1");
    this.registration =
        new Registration(
            platformId,
            ISSUER,
            CLIENT_ID,
            ISSUER + "/mod/lti/auth.php",
            ISSUER + "/mod/lti/certs.php",
            ProductFamily.MOODLE,
            status,
            Set.of(DEPLOYMENT));
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a valid resource-link launch for the nonce, issued at {@code now}. */
  JWTClaimsSet.Builder resourceLinkClaims(String nonce, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject("42")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("name", "Ada Lovelace")
        .claim("email", "ada@example.edu")
        .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, "LtiResourceLinkRequest")
        .claim(LtiClaims.TARGET_LINK_URI, TOOL + "lti/launch")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "12", "title", "Pre-course cohort"))
        .claim(LtiClaims.CONTEXT, Map.of("id", "3", "label", "LEAD1", "title", "Leading change"))
        .claim(
            LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
  }

  String sign(JWTClaimsSet claims) {
    return sign(claims, key);
  }

  static String sign(JWTClaimsSet claims, RSAKey with) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
