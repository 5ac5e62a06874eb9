package org.peerloop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.testing.MutableClock;

class SignInRecordsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private PendingLogin start() {
    return db.inTransaction(em -> new SignInRecords(em, clock).startLogin());
  }

  private boolean complete(String nonce) {
    return db.inTransaction(em -> new SignInRecords(em, clock).completeLogin(nonce));
  }

  @Test
  void aLoginIsCompletedExactlyOnce() {
    PendingLogin login = start();

    assertTrue(complete(login.nonce()));
    assertFalse(complete(login.nonce()), "its nonce is used up");
  }

  @Test
  void noncesAreRandomAndPendForTheLoginLifetime() {
    PendingLogin a = start();
    PendingLogin b = start();

    assertNotEquals(a.nonce(), b.nonce());
    assertTrue(a.nonce().length() >= 43, "256 bits of randomness");
    assertEquals(clock.instant().plus(SignInRecords.LOGIN_LIFETIME), a.expiresAt());
  }

  @Test
  void noncesNoLoginIssuedCompleteNothing() {
    start();

    assertFalse(complete("never-issued"));
    assertFalse(complete(""));
    assertFalse(complete(null));
    assertFalse(complete("x".repeat(500)));
  }

  @Test
  void purgeRemovesOnlyExpiredLogins() {
    PendingLogin old = start();
    clock.advance(SignInRecords.LOGIN_LIFETIME);
    PendingLogin fresh = start();

    int purged = db.inTransaction(em -> new SignInRecords(em, clock).purgeExpired());

    assertEquals(1, purged);
    assertFalse(complete(old.nonce()));
    assertTrue(complete(fresh.nonce()));
  }
}
