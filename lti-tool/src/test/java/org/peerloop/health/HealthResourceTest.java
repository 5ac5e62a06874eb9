package org.peerloop.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.runtime.Database;

class HealthResourceTest {

  @Test
  void answers503WhenTheDatabaseIsUnreachable() {
    EmbeddedDataSource missing = new EmbeddedDataSource();
    missing.setDatabaseName("memory:absent-for-health");
    HealthResource resource = new HealthResource();
    resource.health = new HealthService(Database.forDataSource(missing), new ToolKeyService());

    assertEquals(503, resource.health().getStatus());
  }
}
