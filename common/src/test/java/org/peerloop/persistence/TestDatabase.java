package org.peerloop.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/**
 * A fresh database per test, migrated with the real scripts and opened with the real persistence
 * unit (resource-local, since no server is present): an in-memory Derby, or, with {@code
 * -Dpeerloop.test.database=postgresql}, a database of its own on a real PostgreSQL the tests start
 * (see {@link TestPostgres}).
 */
public final class TestDatabase implements AutoCloseable {
  /** The system property that picks the database the tests run on. */
  public static final String DATABASE = "peerloop.test.database";

  private final DataSource dataSource;
  private final EntityManagerFactory emf;
  private final EntityManager em;

  private TestDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    SchemaMigrator.migrate(dataSource);
    this.emf =
        PeerLoopPersistence.open(
            Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", dataSource));
    this.em = emf.createEntityManager();
  }

  public static TestDatabase create() {
    return new TestDatabase(newDataSource());
  }

  /** Whether this run's tests use PostgreSQL rather than Derby. */
  public static boolean onPostgres() {
    return "postgresql".equals(System.getProperty(DATABASE, "derby"));
  }

  /** An empty, unmigrated database of its own. */
  public static DataSource newDataSource() {
    if (onPostgres()) {
      return TestPostgres.newDatabase();
    }
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:peerloop-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    return ds;
  }

  /** Registers an active Moodle-like platform at the issuer, as a launch would find it. */
  public Platform addPlatform(String issuer) {
    return inTransaction(
        em ->
            new PlatformRepository(em)
                .add(
                    new Platform(
                        issuer,
                        "client",
                        issuer + "/auth",
                        issuer + "/token",
                        issuer + "/jwks",
                        ProductFamily.MOODLE,
                        PlatformStatus.ACTIVE,
                        Instant.parse("2026-01-01T00:00:00Z"))));
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Another entity manager on the same database, for work on another thread. */
  public EntityManager newEntityManager() {
    return emf.createEntityManager();
  }

  public EntityManager em() {
    return em;
  }

  /** Runs the work in one committed transaction, then forgets cached entities. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    em.getTransaction().begin();
    try {
      T result = work.apply(em);
      em.getTransaction().commit();
      em.clear();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    }
  }

  @Override
  public void close() {
    em.close();
    emf.close();
    if (!(dataSource instanceof EmbeddedDataSource derby)) {
      TestPostgres.drop(dataSource);
      return;
    }
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(derby.getDatabaseName());
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (java.sql.SQLException expected) {
      // Derby reports a successful drop as SQLState 08006.
    }
  }
}
