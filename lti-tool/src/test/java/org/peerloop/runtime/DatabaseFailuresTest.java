package org.peerloop.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  private static RuntimeException wrapped(Throwable cause) {
    return new IllegalStateException("transaction failed", new PersistenceException(cause));
  }

  @Test
  void aDatabaseOutOfReachIsUnavailable() {
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLException("refused", "08001"))));
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLException("gone", "08006"))));
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLException("shutting down", "57P01"))));
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLException("starting up", "57P03"))));
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLException("too many", "53300"))));
    assertTrue(DatabaseFailures.isUnavailable(wrapped(new SQLTransientConnectionException("x"))));
    assertTrue(
        DatabaseFailures.isUnavailable(
            wrapped(
                new SQLException(
                    "Error in allocating a connection",
                    new ResourceAllocationException("pool empty")))),
        "the server's pool could not allocate a connection");
    jakarta.transaction.SystemException commit = new jakarta.transaction.SystemException();
    commit.initCause(
        new javax.transaction.xa.XAException(
            "jakarta.resource.spi.LocalTransactionException: This connection has been closed."));
    assertTrue(
        DatabaseFailures.isUnavailable(
            new jakarta.transaction.TransactionalException("commit failed", commit)),
        "the connection broke at commit");
  }

  @Test
  void ourOwnFaultsAreNot() {
    assertFalse(DatabaseFailures.isUnavailable(new NullPointerException()));
    assertFalse(DatabaseFailures.isUnavailable(wrapped(new SQLException("bad sql", "42601"))));
    assertFalse(DatabaseFailures.isUnavailable(wrapped(new SQLException("duplicate", "23505"))));
    assertFalse(DatabaseFailures.isUnavailable(wrapped(new SQLException("no state"))));
  }

  @Test
  void aSelfCausedChainEnds() {
    RuntimeException loop = new RuntimeException("loop");
    RuntimeException outer = new RuntimeException(loop);
    loop.initCause(outer);
    assertFalse(DatabaseFailures.isUnavailable(outer));
  }

  @Test
  void aRequiredRelationshipReadAsMissingIsAnOutage() {
    assertTrue(DatabaseFailures.isUnavailable(DatabaseFailures.readCutOff("Cohort 7")));
  }
}
