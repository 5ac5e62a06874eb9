package org.peerloop.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema with the versioned SQL migrations in {@code
 * db/migration}. The same scripts serve Derby and PostgreSQL, so they stick to SQL both accept.
 */
public final class SchemaMigrator {
  static final String LOCATION = "classpath:db/migration";

  private SchemaMigrator() {}

  /** Applies every pending migration; a database that is up to date is left untouched. */
  public static MigrationOutcome migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            // Refuse to run against a database whose scripts were edited after they ran.
            .validateOnMigrate(true)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? null : current.getVersion().getVersion();
    return new MigrationOutcome(version, result.migrationsExecuted);
  }

  /**
   * @param schemaVersion the version the database is at now
   * @param applied how many migrations this call applied
   */
  public record MigrationOutcome(String schemaVersion, int applied) {}
}
