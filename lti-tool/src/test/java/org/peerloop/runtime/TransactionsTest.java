package org.peerloop.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  private static RuntimeException failure(String sqlState) {
    return new PersistenceException("flush failed", new SQLException("database says no", sqlState));
  }

  @Test
  void racesAndLockTimeoutsAreConflictsAnythingElseIsNot() {
    assertTrue(Transactions.isConflict(failure("23505")), "duplicate key");
    assertTrue(Transactions.isConflict(failure("40001")), "deadlock");
    assertTrue(Transactions.isConflict(failure("40XL1")), "Derby lock timeout");
    assertFalse(Transactions.isConflict(failure("42X05")), "a wrong statement is a bug");
    assertFalse(Transactions.isConflict(failure("08006")), "a lost connection is not a race");
    assertFalse(Transactions.isConflict(new IllegalStateException("no SQL at all")));
  }

  @Test
  void aConflictIsTriedAgainAtMostTwice() {
    AtomicInteger calls = new AtomicInteger();
    assertEquals(
        "done",
        Transactions.retryOnConflict(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw failure("40XL1");
              }
              return "done";
            }));
    assertEquals(3, calls.get());

    calls.set(0);
    RuntimeException always = failure("40001");
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                Transactions.retryOnConflict(
                    () -> {
                      calls.incrementAndGet();
                      throw always;
                    }));
    assertSame(always, thrown);
    assertEquals(Transactions.ATTEMPTS, calls.get());
  }

  @Test
  void anythingElseFailsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Transactions.retryOnConflict(
                () -> {
                  calls.incrementAndGet();
                  throw new IllegalArgumentException("invalid");
                }));
    assertEquals(1, calls.get());
  }

  @Test
  void aThreadInterruptedWhileWaitingToRetryGetsTheFailure() {
    RuntimeException conflict = failure("40XL1");
    Thread.currentThread().interrupt();
    try {
      assertSame(
          conflict,
          assertThrows(
              RuntimeException.class,
              () ->
                  Transactions.retryOnConflict(
                      () -> {
                        throw conflict;
                      })));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
  }
}
