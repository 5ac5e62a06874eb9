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
import org.peerloop.settings.SecretKey;
import org.peerloop.testing.MutableClock;

class SigningKeysTest {
  /** The installation's key, as the runtime reads it from the setting or the data folder. */
  static final SecretBox BOX = new SecretBox(randomKey());

  private final TestDatabase db = TestDatabase.create();

  static SecretKey randomKey() {
    byte[] bytes = new byte[SecretKey.BYTES];
    new java.security.SecureRandom().nextBytes(bytes);
    return new SecretKey(bytes);
  }

  private String stored(String sql, String id) {
    return (String) db.em().createNativeQuery(sql).setParameter(1, id).getSingleResult();
  }

  /** A database backup alone must not sign: the column holds a sealed value, not the key. */
  @Test
  void thePrivateKeyIsStoredSealedAndOpensOnlyWithTheInstallationsKey() {
    SigningKey key = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current());
    String column = stored("select private_key from signing_key where kid = ?1", key.kid());
    String plain = java.util.Base64.getEncoder().encodeToString(key.privateKey(BOX).getEncoded());
    assertTrue(column.startsWith("v1."), column.substring(0, 10));
    assertFalse(column.contains(plain.substring(0, 40)), "no plain key in the database");
    SecretBox another = new SecretBox(randomKey());
    assertThrows(IllegalStateException.class, () -> key.privateKey(another));
  }

  /** Secrets an installation stored before sealing are sealed at its next start. */
  @Test
  void secretsStoredInPlainBeforeAreSealedAtStart() {
    SigningKey key = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current());
    byte[] mac = db.inTransaction(em -> new MacKeys(em, Clock.systemUTC(), BOX).secretFor("test"));
    String plainKey =
        java.util.Base64.getEncoder().encodeToString(key.privateKey(BOX).getEncoded());
    String plainMac = java.util.Base64.getEncoder().encodeToString(mac);
    db.inTransaction(
        em ->
            em.createNativeQuery("update signing_key set private_key = ?1 where kid = ?2")
                    .setParameter(1, plainKey)
                    .setParameter(2, key.kid())
                    .executeUpdate()
                + em.createNativeQuery(
                        "update mac_key_version set secret = ?1 where purpose = 'test'")
                    .setParameter(1, plainMac)
                    .executeUpdate());
    assertEquals(
        2, (int) db.inTransaction(em -> new MacKeys(em, Clock.systemUTC(), BOX).sealStored()));
    assertTrue(
        stored("select private_key from signing_key where kid = ?1", key.kid()).startsWith("v1."));
    assertTrue(
        stored("select secret from mac_key_version where purpose = ?1", "test").startsWith("v1."));
    assertArrayEquals(
        mac, db.inTransaction(em -> new MacKeys(em, Clock.systemUTC(), BOX).secretFor("test")));
    assertEquals(
        0, (int) db.inTransaction(em -> new MacKeys(em, Clock.systemUTC(), BOX).sealStored()));
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void reportsNoKeyBeforeTheFirstIsMade() {
    assertFalse(new SigningKeys(db.em(), Clock.systemUTC(), BOX).hasCurrent());
    assertTrue(new SigningKeys(db.em(), Clock.systemUTC(), BOX).published().isEmpty());

    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current());

    assertTrue(new SigningKeys(db.em(), Clock.systemUTC(), BOX).hasCurrent());
  }

  @Test
  void makesOneKeyOnFirstUseAndKeepsIt() {
    String kid =
        db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current().kid());
    String again =
        db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current().kid());

    assertEquals(kid, again);
    List<SigningKey> published = new SigningKeys(db.em(), Clock.systemUTC(), BOX).published();
    assertEquals(1, published.size());
    assertEquals(kid, published.get(0).kid());
    assertEquals("RS256", published.get(0).algorithm());
  }

  @Test
  void storedKeysStillSignAndVerifyAfterAReload() throws Exception {
    db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current());
    SigningKey stored = new SigningKeys(db.em(), Clock.systemUTC(), BOX).current();
    byte[] message = "launch".getBytes(StandardCharsets.UTF_8);

    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(stored.privateKey(BOX));
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
    SigningKey key = db.inTransaction(em -> new SigningKeys(em, Clock.systemUTC(), BOX).current());
    String encoded = java.util.Base64.getEncoder().encodeToString(key.privateKey(BOX).getEncoded());

    assertFalse(key.toString().contains(encoded.substring(0, 40)));
  }

  @Test
  void rotationPublishesTheNewKeyBeforeItSignsAndKeepsTheOldOneForAGracePeriod() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    String first = db.inTransaction(em -> new SigningKeys(em, clock, BOX).current().kid());

    String next = db.inTransaction(em -> new SigningKeys(em, clock, BOX).rotate().kid());
    String again = db.inTransaction(em -> new SigningKeys(em, clock, BOX).rotate().kid());

    assertEquals(next, again, "a rotation under way is not started twice");
    assertEquals(first, new SigningKeys(db.em(), clock, BOX).current().kid());
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock, BOX).published()));

    clock.advance(SigningKeys.PUBLICATION_LEAD);
    assertEquals(next, new SigningKeys(db.em(), clock, BOX).current().kid());
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock, BOX).published()));

    clock.advance(SigningKeys.RETIREMENT_GRACE.minusSeconds(1));
    assertEquals(List.of(next, first), kids(new SigningKeys(db.em(), clock, BOX).published()));

    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(next), kids(new SigningKeys(db.em(), clock, BOX).published()));
  }

  @Test
  void aReplacedKeyCanBeRetiredBeforeItsGraceEndsButNotTheSigningOrWaitingKey() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    String first = db.inTransaction(em -> new SigningKeys(em, clock, BOX).current().kid());
    String next = db.inTransaction(em -> new SigningKeys(em, clock, BOX).rotate().kid());

    assertThrows(
        org.peerloop.errors.ConflictException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock, BOX), next)),
        "a waiting key cannot be retired");
    assertThrows(
        org.peerloop.errors.ConflictException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock, BOX), first)),
        "the signing key cannot be retired");

    clock.advance(SigningKeys.PUBLICATION_LEAD);
    db.inTransaction(em -> retire(new SigningKeys(em, clock, BOX), first));
    assertEquals(List.of(next), kids(new SigningKeys(db.em(), clock, BOX).published()));
    assertThrows(
        org.peerloop.errors.NotFoundException.class,
        () -> db.inTransaction(em -> retire(new SigningKeys(em, clock, BOX), first)));
  }

  private static Void retire(SigningKeys keys, String kid) {
    keys.retire(kid);
    return null;
  }

  @Test
  void aNewRotationCanStartOnceThePreviousKeySigns() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    db.inTransaction(em -> new SigningKeys(em, clock, BOX).current());
    String second = db.inTransaction(em -> new SigningKeys(em, clock, BOX).rotate().kid());
    clock.advance(SigningKeys.PUBLICATION_LEAD);

    String third = db.inTransaction(em -> new SigningKeys(em, clock, BOX).rotate().kid());

    assertNotEquals(second, third);
    assertEquals(second, new SigningKeys(db.em(), clock, BOX).current().kid());
  }

  private static List<String> kids(List<SigningKey> keys) {
    return keys.stream().map(SigningKey::kid).toList();
  }
}
