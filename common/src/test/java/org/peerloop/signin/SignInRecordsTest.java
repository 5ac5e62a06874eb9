package org.peerloop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
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
    return db.inTransaction(
        em ->
            new SignInRecords(em, clock)
                .issueState(platform.id(), "https://tool.example/lti/launch", null));
  }

  private Optional<LoginState> consume(String state) {
    return db.inTransaction(em -> new SignInRecords(em, clock).consumeState(state));
  }

  @Test
  void aStateIsConsumedExactlyOnce() {
    LoginState issued = issue();

    Optional<LoginState> first = consume(issued.state());
    Optional<LoginState> second = consume(issued.state());

    assertTrue(first.isPresent());
    assertEquals(issued.nonce(), first.get().nonce());
    assertEquals(platform.id(), first.get().platformId());
    assertTrue(first.get().storageTarget().isEmpty());
    assertTrue(second.isEmpty(), "a used state is gone");
  }

  @Test
  void statesAndNoncesAreRandomAndDistinct() {
    LoginState a = issue();
    LoginState b = issue();

    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.nonce(), b.nonce());
    assertNotEquals(a.state(), a.nonce());
    assertTrue(a.state().length() >= 43, "256 bits of randomness");
  }

  @Test
  void anExpiredStateIsStillConsumedSoTheCallerCanSayWhy() {
    LoginState issued = issue();
    clock.advance(SignInRecords.STATE_LIFETIME);

    LoginState consumed = consume(issued.state()).orElseThrow();

    assertTrue(consumed.expiredAt(clock.instant()));
    assertTrue(consume(issued.state()).isEmpty());
  }

  @Test
  void unknownOrMalformedStatesFindNothing() {
    assertTrue(consume("never-issued").isEmpty());
    assertTrue(consume("").isEmpty());
    assertTrue(consume(null).isEmpty());
    assertTrue(consume("x".repeat(500)).isEmpty());
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
    assertTrue(consume(old.state()).isEmpty());
    assertTrue(consume(fresh.state()).isPresent());
  }
}
