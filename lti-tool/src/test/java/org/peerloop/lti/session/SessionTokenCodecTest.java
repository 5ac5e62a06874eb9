package org.peerloop.lti.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.roles.Role;
import org.peerloop.testing.MutableClock;

class SessionTokenCodecTest {
  private static final String ISSUER = "https://peerloop.example.org/";
  private final byte[] secret = sevens();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
  private final SessionTokenCodec codec = new SessionTokenCodec(secret, clock, ISSUER);

  /** The codec keeps its own copy of the secret, so it is filled before the codec is made. */
  private static byte[] sevens() {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) 7);
    return bytes;
  }

  @Test
  void aTokenCarriesTheSessionBackUnchanged() throws Exception {
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER, Role.FACILITATOR)).token();

    Session session = codec.verify(token);

    assertEquals(5, session.personId());
    assertEquals(1, session.platformId());
    assertEquals(9, session.courseId());
    assertEquals(12L, session.resourceLinkId());
    assertTrue(session.isFacilitator());
    assertEquals(clock.instant().plus(SessionTokenCodec.LIFETIME), session.expiresAt());
  }

  @Test
  void aSessionWithoutResourceLinkIsFine() throws Exception {
    assertNull(
        codec.verify(codec.issue(5, 1, 9, null, Set.of(Role.LEARNER)).token()).resourceLinkId());
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER)).token();
    clock.advance(SessionTokenCodec.LIFETIME);

    assertEquals(
        "session-expired",
        assertThrows(InvalidSessionException.class, () -> codec.verify(token)).reason());
  }

  @Test
  void refreshingKeepsASessionAliveUntilItsMaximumLength() throws Exception {
    Instant launchedAt = clock.instant();
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER)).token();
    Instant end = launchedAt.plus(SessionTokenCodec.MAX_SESSION);
    while (clock.instant().plus(Duration.ofMinutes(10)).isBefore(end)) {
      clock.advance(Duration.ofMinutes(10));
      token = codec.refresh(codec.verify(token)).token();
    }
    Session last = codec.verify(token);
    assertEquals(end, last.expiresAt(), "the last refresh stops at the maximum length");

    clock.advance(Duration.between(clock.instant(), end));
    String expired = token;
    assertEquals(
        "session-expired",
        assertThrows(InvalidSessionException.class, () -> codec.verify(expired)).reason());
    assertEquals(
        "session-ended",
        assertThrows(InvalidSessionException.class, () -> codec.refresh(last)).reason());
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
    byte[] other = new byte[32];
    String forged =
        new SessionTokenCodec(other, clock, ISSUER).issue(5, 1, 9, 12L, Set.of(Role.ADMIN)).token();

    assertEquals(
        "session-invalid",
        assertThrows(InvalidSessionException.class, () -> codec.verify(forged)).reason());
  }

  @Test
  void anotherJwtWithTheSameSecretButNoSessionTypeIsRefused() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("5")
                .expirationTime(java.util.Date.from(clock.instant().plusSeconds(60)))
                .build());
    jwt.sign(new MACSigner(secret));

    assertThrows(InvalidSessionException.class, () -> codec.verify(jwt.serialize()));
  }

  @Test
  void garbageIsRefused() {
    assertThrows(InvalidSessionException.class, () -> codec.verify("not-a-token"));
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER)).token();
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
    assertThrows(InvalidSessionException.class, () -> codec.verify(tampered));
  }

  @Test
  void aTokenVerifiedBeforeStillExpiresOnTime() throws Exception {
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER)).token();
    assertEquals(5, codec.verify(token).personId());
    clock.advance(SessionTokenCodec.LIFETIME.minusSeconds(1));
    assertEquals(5, codec.verify(token).personId());
    clock.advance(Duration.ofSeconds(1));

    assertEquals(
        "session-expired",
        assertThrows(InvalidSessionException.class, () -> codec.verify(token)).reason());
  }

  @Test
  void aTamperedCopyOfAVerifiedTokenIsStillRefused() throws Exception {
    String token = codec.issue(5, 1, 9, 12L, Set.of(Role.LEARNER)).token();
    codec.verify(token);
    String[] parts = token.split("\\.");
    String otherPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"LEARNER\"", "\"ADMIN\"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String escalated = parts[0] + "." + otherPayload + "." + parts[2];

    assertTrue(!escalated.equals(token) && escalated.endsWith(parts[2]), "same signature");
    assertThrows(InvalidSessionException.class, () -> codec.verify(escalated));
  }

  @Test
  void aFullMemoryOfTokensKeepsVerifying() throws Exception {
    for (int i = 0; i < SessionTokenCodec.REMEMBERED + 10; i++) {
      assertEquals(
          i, codec.verify(codec.issue(i, 1, 9, null, Set.of(Role.LEARNER)).token()).personId());
    }
    String late = codec.issue(77, 1, 9, null, Set.of(Role.LEARNER)).token();
    assertEquals(77, codec.verify(late).personId());
  }
}
