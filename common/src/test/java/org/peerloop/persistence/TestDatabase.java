package org.peerloop.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A fresh in-memory Derby database per test, migrated with the real scripts and opened with the
 * real persistence unit (resource-local, since no server is present).
 */
public final class TestDatabase implements AutoCloseable {
  private final EmbeddedDataSource dataSource;
  private final EntityManagerFactory emf;
  private final EntityManager em;

  private TestDatabase(EmbeddedDataSource dataSource) {
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

  /** An empty, unmigrated in-memory database. */
  public static EmbeddedDataSource newDataSource() {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName("memory:peerloop-" + UUID.randomUUID());
    ds.setCreateDatabase("create");
    return ds;
  }

  public DataSource dataSource() {
    return dataSource;
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
    EmbeddedDataSource drop = new EmbeddedDataSource();
    drop.setDatabaseName(dataSource.getDatabaseName());
    drop.setConnectionAttributes("drop=true");
    try {
      drop.getConnection().close();
    } catch (java.sql.SQLException expected) {
      // Derby reports a successful drop as SQLState 08006.
    }
  }
}
