package org.peerloop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.testing.MutableClock;

class SignInRecordsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final Platform platform = db.addPlatform("https://moodle.example.edu");

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private LoginState issue() {
    return db.inTransaction(em -> new SignInRecords(em, clock).issueState());
  }

  private boolean consume(String stateId) {
    return db.inTransaction(em -> new SignInRecords(em, clock).consumeState(stateId));
  }

  @Test
  void aStateIsConsumedExactlyOnce() {
    LoginState issued = issue();

    assertTrue(consume(issued.id()));
    assertFalse(consume(issued.id()), "a used state is gone");
  }

  @Test
  void stateIdsAreRandomAndLiveForTheStateLifetime() {
    LoginState a = issue();
    LoginState b = issue();

    assertNotEquals(a.id(), b.id());
    assertTrue(a.id().length() >= 43, "256 bits of randomness");
    assertEquals(clock.instant().plus(SignInRecords.STATE_LIFETIME), a.expiresAt());
  }

  @Test
  void unknownOrMalformedStatesFindNothing() {
    assertFalse(consume("never-issued"));
    assertFalse(consume(""));
    assertFalse(consume(null));
    assertFalse(consume("x".repeat(500)));
  }

  private boolean useNonce(Platform p, String nonce) {
    Instant keep = clock.instant().plusSeconds(600);
    return db.inTransaction(em -> new SignInRecords(em, clock).useNonce(p.id(), nonce, keep));
  }

  @Test
  void aNonceIsAcceptedOncePerPlatform() {
    Platform other = db.addPlatform("https://canvas.example.edu");

    assertTrue(useNonce(platform, "n1"));
    assertFalse(useNonce(platform, "n1"));
    assertTrue(useNonce(other, "n1"));
  }

  @Test
  void purgeRemovesOnlyExpiredRecords() {
    LoginState old = issue();
    db.inTransaction(
        em -> new SignInRecords(em, clock).useNonce(platform.id(), "old", clock.instant()));
    clock.advance(SignInRecords.STATE_LIFETIME);
    LoginState fresh = issue();

    int purged = db.inTransaction(em -> new SignInRecords(em, clock).purgeExpired());

    assertEquals(2, purged);
    assertFalse(consume(old.id()));
    assertTrue(consume(fresh.id()));
  }
}
