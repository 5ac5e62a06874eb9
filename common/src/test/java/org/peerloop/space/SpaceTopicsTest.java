package org.peerloop.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.testing.MutableClock;

/**
 * A space's topics are kept one row per position: replacing, reordering, shortening and growing
 * them must each be stored as asked (replacing or reordering once failed on the primary key).
 */
class SpaceTopicsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final Platform platform = db.addPlatform("https://moodle.example.edu");

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private static SpaceSettings settings(List<String> topics) {
    return new SpaceSettings(
        "Circle",
        Phase.PRE_COURSE,
        null,
        null,
        false,
        10,
        null,
        null,
        true,
        topics,
        List.of(),
        null);
  }

  private long space(List<String> topics) {
    return db.inTransaction(
        em -> {
          Course course =
              new CourseRepository(em, clock)
                  .recordContext(em.find(Platform.class, platform.id()), "c-1", "Lead", null);
          Space created = new Space(course, null, settings(topics), clock.instant());
          em.persist(created);
          em.flush();
          return created.id();
        });
  }

  private List<String> change(long id, List<String> topics) {
    db.inTransaction(
        em -> {
          em.find(Space.class, id).apply(settings(topics), clock.instant());
          return null;
        });
    return db.inTransaction(em -> List.copyOf(em.find(Space.class, id).topics()));
  }

  @Test
  void topicsAreReplacedReorderedShortenedAndGrown() {
    long id = space(List.of("coaching"));
    assertEquals(List.of("feedback"), change(id, List.of("feedback")));
    assertEquals(
        List.of("feedback", "coaching", "data"),
        change(id, List.of("feedback", "coaching", "data")));
    assertEquals(
        List.of("data", "feedback", "coaching"),
        change(id, List.of("data", "feedback", "coaching")));
    assertEquals(List.of("coaching", "data"), change(id, List.of("coaching", "data")));
    assertEquals(List.of(), change(id, List.of()));
    assertEquals(List.of("ethics", "data"), change(id, List.of("ethics", "data")));
  }
}
