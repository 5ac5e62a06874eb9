package org.peerloop.lti.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerloop.keys.MacKeyRing;

/** Tokens name the version that signed them; a rotation leaves every earlier token valid. */
class HmacJwtTest {
  private static final JOSEObjectType TYPE = new JOSEObjectType("test+jwt");

  private static byte[] secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static final byte[] FIRST = secret();
  private static final byte[] SECOND = secret();
  private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().subject("42").build();

  @Test
  void aTokenOfTheOldVersionStillVerifiesAfterARotation() throws Exception {
    HmacJwt before = new HmacJwt(MacKeyRing.of(FIRST), TYPE);
    String old = before.sign(CLAIMS);
    assertEquals(MacKeyRing.FIRST, SignedJWT.parse(old).getHeader().getKeyID());

    HmacJwt after =
        new HmacJwt(new MacKeyRing("k2", Map.of(MacKeyRing.FIRST, FIRST, "k2", SECOND)), TYPE);
    String fresh = after.sign(CLAIMS);
    assertEquals("k2", SignedJWT.parse(fresh).getHeader().getKeyID());
    assertEquals("42", after.verify(old).orElseThrow().getSubject());
    assertEquals("42", after.verify(fresh).orElseThrow().getSubject());
    assertTrue(before.verify(fresh).isEmpty(), "a node that never read k2 does not guess");
  }

  @Test
  void aTokenNamingAnotherVersionOrSignedWithAnotherSecretIsRefused() throws Exception {
    HmacJwt ring =
        new HmacJwt(new MacKeyRing("k2", Map.of(MacKeyRing.FIRST, FIRST, "k2", SECOND)), TYPE);
    String foreign = new HmacJwt(new MacKeyRing("k2", Map.of("k2", secret())), TYPE).sign(CLAIMS);
    assertTrue(ring.verify(foreign).isEmpty());
    String unknownKid = new HmacJwt(new MacKeyRing("k9", Map.of("k9", SECOND)), TYPE).sign(CLAIMS);
    assertTrue(ring.verify(unknownKid).isEmpty(), "k9 is not a version of this ring");
  }
}
