package org.peerloop.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the current schema with the versioned SQL migrations in {@code
 * db/migration}. The same scripts serve Derby and PostgreSQL, so they stick to SQL both accept; the
 * few that cannot (triggers) have one script per database in {@code db/vendor/derby} and {@code
 * db/vendor/postgresql}, with the same version number.
 */
public final class SchemaMigrator {
  static final String LOCATION = "classpath:db/migration";
  static final String VENDOR_LOCATION = "classpath:db/vendor/";

  private SchemaMigrator() {}

  /** Applies every pending migration; a database that is up to date is left untouched. */
  public static MigrationOutcome migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure(SchemaMigrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION, VENDOR_LOCATION + vendor(dataSource))
            // Refuse to run against a database whose scripts were edited after they ran.
            .validateOnMigrate(true)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    String version = current == null ? null : current.getVersion().getVersion();
    return new MigrationOutcome(version, result.migrationsExecuted);
  }

  /** The folder of the database's own scripts: {@code derby} or {@code postgresql}. */
  public static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("derby")) {
        return "derby";
      }
      if (product.contains("postgres")) {
        return "postgresql";
      }
      throw new IllegalStateException("PeerLoop runs on Derby or PostgreSQL, not on " + product);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }

  /**
   * @param schemaVersion the version the database is at now
   * @param applied how many migrations this call applied
   */
  public record MigrationOutcome(String schemaVersion, int applied) {}
}
