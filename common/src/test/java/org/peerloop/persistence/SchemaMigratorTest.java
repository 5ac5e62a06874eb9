package org.peerloop.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

  @Test
  void createsEveryTableOnAnEmptyDatabase() throws Exception {
    DataSource ds = TestDatabase.newDataSource();

    SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(ds);

    assertTrue(outcome.applied() >= 1, "at least the first migration runs");
    assertEquals(latestScriptVersion(), outcome.schemaVersion());
    assertEquals(
        Set.of(
            "PLATFORM",
            "PLATFORM_DEPLOYMENT",
            "COURSE",
            "RESOURCE_LINK",
            "PERSON",
            "SIGNING_KEY",
            "MAC_KEY_VERSION",
            "PENDING_LOGIN",
            "CONSOLE_TICKET",
            "SESSION_REVOCATION",
            "INTRANET_TENANT_PLATFORM",
            "COHORT_SPACE",
            "SPACE_TOPIC",
            "PROMPT",
            "COHORT",
            "COHORT_REVISION",
            "COHORT_MEMBER",
            "MEMBER_TOPIC",
            "COHORT_MOVE",
            "MEMBER_ROLE_CHANGE",
            "POST",
            "POST_VERSION",
            "POST_TAG",
            "POST_MENTION",
            "POST_RATING",
            "POST_AUDIT",
            "POST_FLAG",
            "ACTIVITY_EVENT",
            "SPACE_LINK",
            "ROSTER_ENTRY",
            "ROSTER_SYNC",
            "GRADE_RECORD",
            "GRADE_SYNC_LOG",
            "LRS_CONNECTION",
            "NOTIFICATION",
            "MOODLE_BRIDGE",
            "MOODLE_EVENT",
            "LEARNER_COMPLETION",
            "LMS_GROUP_MEMBERSHIP",
            "MAIL_OUTBOX",
            "MAIL_PREFERENCE",
            "JOB_LEASE",
            "RATE_WINDOW",
            "ADMIN_AUDIT",
            "ADMIN_ACCOUNT",
            "ADMIN_SETUP",
            "LAUNCH_REFUSAL",
            "INTRANET_TENANT",
            "INTRANET_SITE",
            "INTRANET_PAGE",
            "INTRANET_PAGE_CLAIM",
            "DIRECTORY_ACCOUNT",
            "INTRANET_MEMBER"),
        applicationTables(ds));
  }

  @Test
  void leavesAnUpToDateDatabaseUntouched() throws Exception {
    DataSource ds = TestDatabase.newDataSource();
    SchemaMigrator.migrate(ds);

    SchemaMigrator.MigrationOutcome second = SchemaMigrator.migrate(ds);

    assertEquals(0, second.applied());
    assertEquals(latestScriptVersion(), second.schemaVersion());
  }

  /** The highest V-number among the scripts on the class path, so new scripts need no edit. */
  private static String latestScriptVersion() throws Exception {
    Path folder = Path.of(SchemaMigratorTest.class.getResource("/db/migration").toURI());
    try (Stream<Path> scripts = Files.list(folder)) {
      return String.valueOf(
          scripts
              .map(p -> p.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .max()
              .orElseThrow());
    }
  }

  private static Set<String> applicationTables(DataSource ds) throws SQLException {
    Set<String> tables = new HashSet<>();
    String schema = TestDatabase.onPostgres() ? "public" : "APP";
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
      }
    }
    tables.remove("FLYWAY_SCHEMA_HISTORY");
    return tables;
  }
}
