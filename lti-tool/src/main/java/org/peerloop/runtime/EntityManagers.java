package org.peerloop.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.logging.Logger;
import org.peerloop.persistence.PeerLoopPersistence;
import org.peerloop.persistence.SchemaMigrator;

/**
 * Migrates the schema, then opens the persistence unit on the chosen data source and hands out one
 * entity manager per JTA transaction. Using the database outside a transaction fails loudly ({@code
 * ContextNotActiveException}) instead of writing nothing.
 */
@ApplicationScoped
public class EntityManagers {
  private static final Logger LOG = Logger.getLogger(EntityManagers.class.getName());

  @Inject Database database;
  @Resource TransactionSynchronizationRegistry transactions;

  private EntityManagerFactory factory;
  private String schemaVersion;

  @PostConstruct
  void open() {
    SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(database.dataSource());
    schemaVersion = outcome.schemaVersion();
    LOG.info(
        () ->
            "Database schema at version "
                + outcome.schemaVersion()
                + " ("
                + outcome.applied()
                + " migrations applied now)");
    factory =
        PeerLoopPersistence.open(
            Map.of(
                "jakarta.persistence.jtaDataSource",
                database.dataSource(),
                // Lets EclipseLink join the server's JTA transactions (GlassFish and Payara).
                "eclipselink.target-server",
                "Glassfish"));
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  @Produces
  @Singleton
  EntityManager entityManager() {
    return TransactionBoundEntityManager.create(factory, transactions);
  }

  @PreDestroy
  void close() {
    if (factory != null && factory.isOpen()) {
      factory.close();
    }
  }
}
