package org.peerloop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.runtime.Database;

class HealthServiceTest {

  @Test
  void reportsDownWhenTheDatabaseCannotBeReached() {
    EmbeddedDataSource missing = new EmbeddedDataSource();
    missing.setDatabaseName("memory:no-such-database"); // not created: every connect fails

    HealthReport report =
        new HealthService(Database.forDataSource(missing), new ToolKeyService()).check();

    assertFalse(report.isUp());
    assertEquals("DOWN", report.status());
    assertEquals(Map.of("database", "DOWN", "keys", "DOWN"), report.checks());
  }

  @Test
  void reportsUpOnlyWhenEveryCheckIsUp() {
    assertTrue(HealthReport.of(Map.of("database", "UP", "keys", "UP")).isUp());
    assertFalse(HealthReport.of(Map.of("database", "UP", "keys", "DOWN")).isUp());
  }
}
