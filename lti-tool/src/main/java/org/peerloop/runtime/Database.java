package org.peerloop.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.peerloop.settings.Settings;

/**
 * Finds the data source: the server's own when {@code PEERLOOP_DATASOURCE} names one (IT's
 * PostgreSQL pool on a standalone server), the pool the embedded server made for {@code
 * PEERLOOP_JDBC_URL}, otherwise the embedded Derby declared in {@code web.xml}, whose files live in
 * {@code PEERLOOP_DATA_DIR}.
 */
@ApplicationScoped
public class Database {
  static final String EMBEDDED_DATA_SOURCE = "java:app/jdbc/peerloop-embedded";
  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  private static final int VALIDATION_TIMEOUT_SECONDS = 2;

  @Inject Settings settings;

  private DataSource dataSource;
  private boolean embedded;

  /** A database over a data source the caller already holds (tools and tests, not the server). */
  public static Database forDataSource(DataSource dataSource) {
    Database database = new Database();
    database.dataSource = dataSource;
    return database;
  }

  @PostConstruct
  void locate() {
    embedded = settings.dataSourceJndiName().isEmpty() && settings.jdbc().isEmpty();
    String name =
        settings
            .dataSourceJndiName()
            .orElse(
                settings.jdbc().isPresent() ? Settings.JDBC_POOL_JNDI_NAME : EMBEDDED_DATA_SOURCE);
    if (embedded) {
      pointDerbyAtDataDir();
      preallocateIdentities();
      replanStatementsOften();
    }
    try {
      dataSource = (DataSource) new InitialContext().lookup(name);
    } catch (NamingException | ClassCastException e) {
      throw new IllegalStateException(
          Settings.DATASOURCE + " names '" + name + "' but the server has no such data source", e);
    }
    LOG.info(
        () ->
            "Database: "
                + (embedded ? "embedded Derby" : name)
                + settings.jdbc().map(j -> " (" + j + ")").orElse(""));
  }

  /**
   * Derby resolves relative database names against {@code derby.system.home}; a server that already
   * set it (its own Derby) keeps its choice.
   */
  private void pointDerbyAtDataDir() {
    if (System.getProperty("derby.system.home") != null) {
      return;
    }
    try {
      Files.createDirectories(settings.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          Settings.DATA_DIR + " '" + settings.dataDir() + "' cannot be created", e);
    }
    System.setProperty("derby.system.home", settings.dataDir().toString());
  }

  /**
   * Derby hands out identity values from a preallocated range and refills it in a nested
   * transaction that does not wait for locks: under many concurrent inserts into one table a refill
   * can fail with a lock timeout (40XL1). A larger range makes refills rare (at a thousand posts a
   * second a range of 1,000 still met about one contended refill a second, and one create in twenty
   * thousand failed all its retries); the API retries the rest (see {@link Transactions}). Values
   * of a range not used before a crash are skipped, which ids allow. A value set by the operator is
   * kept.
   */
  private static void preallocateIdentities() {
    if (System.getProperty(SEQUENCE_PREALLOCATOR) == null) {
      System.setProperty(SEQUENCE_PREALLOCATOR, "10000");
    }
  }

  static final String SEQUENCE_PREALLOCATOR = "derby.language.sequence.preallocator";

  /**
   * Derby keeps a statement's plan until it has run this many times, then re-plans it if its
   * tables' sizes changed a lot. The default, 100, keeps a plan made for a nearly empty table
   * through the whole first roster synchronisation of a course (a table scan per page of a growing
   * person table); 5 is Derby's smallest value. A value set by the operator is kept.
   */
  private static void replanStatementsOften() {
    if (System.getProperty(STALE_PLAN_CHECK) == null) {
      System.setProperty(STALE_PLAN_CHECK, "5");
    }
  }

  static final String STALE_PLAN_CHECK = "derby.language.stalePlanCheckInterval";

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether a connection can be had and answers within a short time. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Database unreachable: {0}", e.getMessage());
      return false;
    }
  }

  /**
   * Shuts the embedded database down so it is closed cleanly (a checkpoint, no recovery on the next
   * start). A killed process still recovers from Derby's log, but a stop should not need to.
   */
  @PreDestroy
  void shutDownEmbedded() {
    if (!embedded || dataSource == null) {
      return;
    }
    String url;
    try (Connection connection = dataSource.getConnection()) {
      url = connection.getMetaData().getURL();
    } catch (SQLException e) {
      return;
    }
    try {
      DriverManager.getConnection(url + ";shutdown=true").close();
    } catch (SQLException e) {
      // Derby signals a clean database shutdown with SQLState 08006.
      if (!"08006".equals(e.getSQLState())) {
        LOG.log(Level.WARNING, "Embedded database did not shut down cleanly", e);
      }
    }
  }
}
