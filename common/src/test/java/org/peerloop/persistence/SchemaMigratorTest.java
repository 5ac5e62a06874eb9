package org.peerloop.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  @Test
  void createsEveryTableOnAnEmptyDatabase() throws SQLException {
    EmbeddedDataSource ds = TestDatabase.newDataSource();

    SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(ds);

    assertTrue(outcome.applied() >= 1, "at least the first migration runs");
    assertEquals(latestScriptVersion(), outcome.schemaVersion());
    assertEquals(
        Set.of("PLATFORM", "PLATFORM_DEPLOYMENT", "COURSE", "SIGNING_KEY"), applicationTables(ds));
  }

  @Test
  void leavesAnUpToDateDatabaseUntouched() {
    EmbeddedDataSource ds = TestDatabase.newDataSource();
    SchemaMigrator.migrate(ds);

    SchemaMigrator.MigrationOutcome second = SchemaMigrator.migrate(ds);

    assertEquals(0, second.applied());
    assertEquals(latestScriptVersion(), second.schemaVersion());
  }

  private static String latestScriptVersion() {
    return "2";
  }

  private static Set<String> applicationTables(EmbeddedDataSource ds) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, "APP", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    tables.remove("flyway_schema_history");
    return tables;
  }
}
