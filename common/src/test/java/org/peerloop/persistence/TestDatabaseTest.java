package org.peerloop.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** The repository tests run on the database the build chose for them, not on another. */
class TestDatabaseTest {

  @Test
  void runsOnTheChosenDatabase() throws Exception {
    try (TestDatabase db = TestDatabase.create();
        Connection c = db.dataSource().getConnection()) {
      assertEquals(
          TestDatabase.onPostgres() ? "PostgreSQL" : "Apache Derby",
          c.getMetaData().getDatabaseProductName());
    }
  }
}
