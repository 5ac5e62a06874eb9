package org.peerloop.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;

class CourseRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final TestDatabase db = TestDatabase.create();
  private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private Platform register(String issuer) {
    return db.addPlatform(issuer);
  }

  private Course record(Platform p, String contextId, String title) {
    return db.inTransaction(
        em -> {
          Platform attached = em.find(Platform.class, p.id());
          return new CourseRepository(em, clock).recordContext(attached, contextId, title, "L1");
        });
  }

  @Test
  void createsACourseOnFirstLaunchAndReusesItAfter() {
    Platform moodle = register("https://moodle.example.edu");

    Course first = record(moodle, "42", "Leading teams");
    Course again = record(moodle, "42", "Leading teams");

    assertEquals(first.id(), again.id());
    assertEquals("Leading teams", again.title());
    assertEquals(T0, again.createdAt());
  }

  @Test
  void followsARenameInTheLms() {
    Platform moodle = register("https://moodle.example.edu");
    record(moodle, "42", "Leading teams");
    clock = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    Course renamed = record(moodle, "42", "Leading hybrid teams");

    Course stored =
        new CourseRepository(db.em(), clock)
            .findByContext(db.em().find(Platform.class, moodle.id()), "42")
            .orElseThrow();
    assertEquals("Leading hybrid teams", stored.title());
    assertEquals(T0, stored.createdAt());
    assertEquals(T0.plusSeconds(3600), stored.updatedAt());
    assertEquals(renamed.id(), stored.id());
  }

  @Test
  void keepsTheSameContextIdOnTwoPlatformsApart() {
    Platform a = register("https://a.example.edu");
    Platform b = register("https://b.example.edu");

    Course onA = record(a, "42", "Course on A");
    Course onB = record(b, "42", "Course on B");

    assertNotEquals(onA.id(), onB.id());
    CourseRepository repo = new CourseRepository(db.em(), clock);
    assertEquals(
        "Course on A",
        repo.findByContext(db.em().find(Platform.class, a.id()), "42").orElseThrow().title());
    assertTrue(repo.findByContext(db.em().find(Platform.class, a.id()), "43").isEmpty());
  }

  @Test
  void shortensAnOverlongTitleInsteadOfRefusingTheLaunch() {
    Platform moodle = register("https://moodle.example.edu");

    Course course = record(moodle, "42", "x".repeat(600));

    assertEquals(Course.TITLE_MAX, course.title().length());
  }
}
