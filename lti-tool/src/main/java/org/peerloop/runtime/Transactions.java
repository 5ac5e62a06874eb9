package org.peerloop.runtime;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs a transactional call again when it lost a race: two first launches of the same person or
 * course on two nodes both try to insert it, and the loser's second attempt finds the winner's row;
 * or a lock could not be had in time (Derby's identity refill under concurrent inserts). Only
 * integrity, serialization and lock-timeout failures are retried, only twice, and only around calls
 * that are safe to repeat. Each retry waits a few random milliseconds first: racers that retried at
 * once would mostly meet again (a class of new learners launching at the same minute all refill the
 * same identity range).
 */
public final class Transactions {
  static final int ATTEMPTS = 3;
  static final long BACK_OFF_MILLIS = 20;

  private static final Logger LOG = Logger.getLogger(Transactions.class.getName());

  private Transactions() {}

  public static <T> T retryOnConflict(Supplier<T> transactionalCall) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactionalCall.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        int failed = attempt;
        LOG.fine(() -> "Transaction lost a race (attempt " + failed + "), retrying: " + e);
        backOff(attempt, e);
      }
    }
  }

  /** Up to {@link #BACK_OFF_MILLIS} times the attempt, at random. */
  private static void backOff(int attempt, RuntimeException failure) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, BACK_OFF_MILLIS * attempt + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  /**
   * SQLState class 23 (integrity constraint), 40001 (serialization failure or deadlock), 40P01
   * (PostgreSQL's deadlock), 55P03 (PostgreSQL's lock timeout) or 40XL1 (Derby's lock timeout),
   * anywhere in the chain.
   */
  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("23")
            || state.equals("40001")
            || state.equals("40P01")
            || state.equals("55P03")
            || state.equals("40XL1")) {
          return true;
        }
      }
    }
    return false;
  }
}
