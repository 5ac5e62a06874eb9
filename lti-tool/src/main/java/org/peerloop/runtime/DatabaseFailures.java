package org.peerloop.runtime;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (down, restarting, out of connections) from a fault of
 * PeerLoop's own: the first is a 503 the client retries after a pause, the second a 500. Both look
 * the same from far away (a persistence exception); the SQLState in the chain tells them apart.
 */
public final class DatabaseFailures {
  /** How long a client waits before it tries again, in seconds (RFC 9110 §10.2.3). */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseFailures() {}

  /**
   * Whether the failure is the database being out of reach: an SQLState of class 08 (connection
   * exception, SQL:2016 and both drivers), PostgreSQL's 57P01–57P03 (the server shutting down or
   * starting) and 53300 (too many connections), the server's pool unable to allocate a connection
   * ({@code jakarta.resource.ResourceException}), or a commit that failed in the database's
   * resource manager ({@code XAException}).
   */
  public static boolean isUnavailable(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause()) {
      depth++;
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03")
            || state.equals("53300")) {
          return true;
        }
      }
      if (isA(t, "jakarta.resource.ResourceException")) {
        return true;
      }
      // The transaction manager failing to commit on the one resource it has, the database: the
      // connection broke under it (GlassFish puts the driver's error in the message only).
      if (t instanceof javax.transaction.xa.XAException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A relationship the schema requires (a NOT NULL foreign key) read as missing: the database went
   * away in the middle of the read, and EclipseLink left the reference null. Answered like any
   * outage, with a 503 the client retries, rather than failing on the null later.
   */
  public static jakarta.persistence.PersistenceException readCutOff(String what) {
    return new jakarta.persistence.PersistenceException(
        what + " was read incompletely",
        new SQLTransientConnectionException("The database went away during the read", "08006"));
  }

  /** By name, so the tool needs no connector API on a server that has none. */
  private static boolean isA(Throwable t, String className) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }
}
