package org.peerloop.demo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes large amounts of data straight into the server's stopped embedded database, for the
 * benchmarks that need more than the API could create in time.
 */
final class BulkDatabase {
  private static Driver driver;

  private BulkDatabase() {}

  /** A connection without auto-commit; batches are flushed by {@link #flush}. */
  static Connection open(Path database) throws SQLException {
    Connection db = derby().connect("jdbc:derby:" + database, new Properties());
    db.setAutoCommit(false);
    return db;
  }

  /** Shuts the database down cleanly, so the server can open it. */
  static void close(Path database) {
    try {
      derby().connect("jdbc:derby:" + database + ";shutdown=true", new Properties()).close();
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception (SQLState 08006).
    }
  }

  /**
   * The Derby of the WAR, which wrote the database: the demo jar's class path also holds the
   * application server's older Derby, which cannot open it.
   */
  private static synchronized Driver derby() throws SQLException {
    if (driver != null) {
      return driver;
    }
    try {
      Path lib = Files.createTempDirectory("peerloop-derby-");
      List<URL> jars = new ArrayList<>();
      try (InputStream war =
              BulkDatabase.class.getResourceAsStream("/org/peerloop/demo/peerloop.war");
          ZipInputStream zip = new ZipInputStream(war)) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          String name = e.getName();
          if (name.startsWith("WEB-INF/lib/derby") && name.endsWith(".jar")) {
            Path jar = lib.resolve(name.substring(name.lastIndexOf('/') + 1));
            Files.copy(zip, jar);
            jars.add(jar.toUri().toURL());
          }
        }
      }
      ClassLoader loader =
          new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
      driver =
          (Driver)
              Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver", true, loader)
                  .getDeclaredConstructor()
                  .newInstance();
      return driver;
    } catch (IOException | ReflectiveOperationException e) {
      throw new SQLException("Derby from the WAR could not be loaded", e);
    }
  }

  /** Sends the batch every thousand rows and commits every twenty thousand. */
  static void flush(Connection db, PreparedStatement batch, int n) throws SQLException {
    if (n % 1000 == 999) {
      batch.executeBatch();
    }
    if (n % 20_000 == 19_999) {
      db.commit();
    }
  }

  /** Where bulk members went: the first person's id and the first new cohort's id. */
  record Members(long firstPerson, long firstCohort) {}

  /**
   * Writes {@code count} people (subjects {@code prefix-0}, {@code prefix-1}, …) of the space's
   * platform and places them, in order, in new cohorts of {@code cohortSize} after the space's last
   * one; commits.
   */
  static Members members(Connection db, long spaceId, int count, int cohortSize, String prefix)
      throws SQLException {
    long platformId = single(db, "select platform_id from person fetch first 1 rows only");
    int lastNumber = (int) single(db, "select max(number) from cohort where space_id = " + spaceId);
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement person =
        db.prepareStatement(
            "insert into person (platform_id, subject, name, given_name, family_name,"
                + " created_at, updated_at) values (?, ?, ?, 'Bulk', ?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        person.setLong(1, platformId);
        person.setString(2, prefix + "-" + i);
        person.setString(3, "Bulk Person " + i);
        person.setString(4, "Person " + i);
        person.setTimestamp(5, now);
        person.setTimestamp(6, now);
        person.addBatch();
        flush(db, person, i);
      }
      person.executeBatch();
    }
    long firstPerson = single(db, "select min(id) from person where subject = '" + prefix + "-0'");
    int cohorts = (count + cohortSize - 1) / cohortSize;
    try (PreparedStatement cohort =
        db.prepareStatement("insert into cohort (space_id, number, created_at) values (?, ?, ?)")) {
      for (int c = 0; c < cohorts; c++) {
        cohort.setLong(1, spaceId);
        cohort.setInt(2, lastNumber + 1 + c);
        cohort.setTimestamp(3, now);
        cohort.addBatch();
        flush(db, cohort, c);
      }
      cohort.executeBatch();
    }
    long firstCohort =
        single(
            db,
            "select id from cohort where space_id = "
                + spaceId
                + " and number = "
                + (lastNumber + 1));
    try (Statement revisions = db.createStatement()) {
      // What the tool writes with every cohort it opens (see CohortRevisions).
      revisions.executeUpdate(
          "insert into cohort_revision (cohort_id, revision) select id, 0 from cohort"
              + " where space_id = "
              + spaceId
              + " and number > "
              + lastNumber);
    }
    try (PreparedStatement member =
        db.prepareStatement(
            "insert into cohort_member (space_id, cohort_id, person_id, role, joined_at)"
                + " values (?, ?, ?, 'LEARNER', ?)")) {
      for (int i = 0; i < count; i++) {
        member.setLong(1, spaceId);
        member.setLong(2, firstCohort + i / cohortSize);
        member.setLong(3, firstPerson + i);
        member.setTimestamp(4, now);
        member.addBatch();
        flush(db, member, i);
      }
      member.executeBatch();
    }
    db.commit();
    return new Members(firstPerson, firstCohort);
  }

  static long single(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Brings the tables' index statistics up to date, as Derby's background statistics daemon does
   * for tables that grow gradually. After a bulk load it would otherwise do so during the
   * measurement, on the measured server's CPU.
   */
  static void updateStatistics(Connection db, String... tables) throws SQLException {
    try (CallableStatement update =
        db.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', ?, NULL)")) {
      for (String table : tables) {
        update.setString(1, table);
        update.execute();
      }
    }
    db.commit();
  }
}
