package org.peerloop.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.testing.MutableClock;

class SigningKeysTest {
  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void reportsNoKeyBeforeTheFirstIsMade() {
    assertFalse(new SigningKeys(db.em(), Clock.systemUTC()).hasCurrent());
    assertTrue(new SigningKeys(db.em(), Clock.systemUTC()).published().isEmpty());

    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());

    assertTrue(new SigningKeys(db.em(), Clock.systemUTC()).hasCurrent());
  }

  @Test
  void makesOneKeyOnFirstUseAndKeepsIt() {
    String kid = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current().kid());
    String again = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current().kid());

    assertEquals(kid, again);
    List<SigningKey> published = new SigningKeys(db.em(), Clock.systemUTC()).published();
    assertEquals(1, published.size());
    assertEquals(kid, published.get(0).kid());
    assertEquals("RS256", published.get(0).algorithm());
  }

  @Test
  void storedKeysStillSignAndVerifyAfterAReload() throws Exception {
    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());
    SigningKey stored = new SigningKeys(db.em(), Clock.systemUTC()).current();
    byte[] message = "launch".getBytes(StandardCharsets.UTF_8);

    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(stored.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(stored.publicKey());
    verifier.update(message);

    assertTrue(verifier.verify(signature));
    assertTrue(stored.publicKey().getModulus().bitLength() >= 2048);
    assertArrayEquals(stored.publicKey().getEncoded(), stored.publicKey().getEncoded());
  }

  @Test
  void neverPrintsThePrivateKey() {
    SigningKey key = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC()).current());
    String encoded = java.util.Base64.getEncoder().encodeToString(key.privateKey().getEncoded());

    assertFalse(key.toString().contains(encoded.substring(0, 40)));
  }

  @Test
  void rotationPublishesTheNewKeyBeforeItSignsAndKeepsTheOldOneForAGracePeriod() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    String first = db.inTransaction(em -> new SigningKeys(em, clock).current().kid());

    String next = db.inTransaction(em -> new SigningKeys(em, clock).rotate().kid());
    String again = db.inTransaction(em -> new SigningKeys(em, clock).rotate().kid());

    assertEquals(next, again, "a rotation under way is not started twice");
    assertEquals(first, new SigningKeys(db.em(), clock).current().kid());
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock).published()));

    clock.advance(SigningKeys.PUBLICATION_LEAD);
    assertEquals(next, new SigningKeys(db.em(), clock).current().kid());
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock).published()));

    clock.advance(SigningKeys.RETIREMENT_GRACE.minusSeconds(1));
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock).published()));

    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(next), kids(new SigningKeys(db.em(), clock).published()));
  }

  @Test
  void aReplacedKeyCanBeRetiredBeforeItsGraceEndsButNotTheSigningOrWaitingKey() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    String first = db.inTransaction(em -> new SigningKeys(em, clock).current().kid());
    String next = db.inTransaction(em -> new SigningKeys(em, clock).rotate().kid());

    assertThrows(
        org.peerloop.errors.ConflictException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock), next)),
        "a waiting key cannot be retired");
    assertThrows(
        org.peerloop.errors.ConflictException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock), first)),
        "the signing key cannot be retired");

    clock.advance(SigningKeys.PUBLICATION_LEAD);
    db.inTransaction(em -> retire(new SigningKeys(em, clock), first));
    assertEquals(List.of(next), kids(new SigningKeys(db.em(), clock).published()));
    assertThrows(
        org.peerloop.errors.NotFoundException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock), first)));
  }

  private static Void retire(SigningKeys keys, String kid) {
    keys.retire(kid);
    return null;
  }

  @Test
  void aNewRotationCanStartOnceThePreviousKeySigns() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    db.inTransaction(em -> new SigningKeys(em, clock).current());
    String second = db.inTransaction(em -> new SigningKeys(em, clock).rotate().kid());
    clock.advance(SigningKeys.PUBLICATION_LEAD);

    String third = db.inTransaction(em -> new SigningKeys(em, clock).rotate().kid());

    assertNotEquals(second, third);
    assertEquals(second, new SigningKeys(db.em(), clock).current().kid());
  }

  private static List<String> kids(List<SigningKey> keys) {
    return keys.stream().map(SigningKey::kid).toList();
  }
}
