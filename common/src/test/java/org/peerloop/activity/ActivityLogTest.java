package org.peerloop.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceSettings;
import org.peerloop.testing.MutableClock;

class ActivityLogTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

  @AfterEach
  void close() {
    db.close();
  }

  private CohortMember memberOf(Platform platform) {
    return db.inTransaction(
        em -> {
          Course course =
              new CourseRepository(em, clock)
                  .recordContext(em.find(Platform.class, platform.id()), "c1", "Lead", null);
          Space space =
              new Space(
                  course,
                  null,
                  new SpaceSettings(
                      "S",
                      Phase.PRE_COURSE,
                      null,
                      null,
                      false,
                      17,
                      null,
                      null,
                      true,
                      null,
                      null,
                      null),
                  clock.instant());
          em.persist(space);
          Person ada =
              new PersonRepository(em, clock)
                  .recordProfile(em.find(Platform.class, platform.id()), "ada", Profile.empty());
          return new Cohorts(em, clock).join(space, ada, List.of());
        });
  }

  @Test
  void recordsWhoDidWhatWhereAndWhenInOrder() {
    Platform platform = db.addPlatform("https://moodle.example.edu");
    CohortMember member = memberOf(platform);

    db.inTransaction(
        em -> {
          ActivityLog log = new ActivityLog(em, clock);
          Cohort cohort = em.find(Cohort.class, member.cohort().id());
          Person ada = em.find(Person.class, member.person().id());
          ViewBuffer views = new ViewBuffer();
          views.viewed(cohort, ada, clock.instant());
          log.recordViews(views.drain(10));
          clock.advance(Duration.ofMinutes(1));
          log.record(cohort, ada, ActivityType.APPLIED, null);
          return null;
        });

    List<ActivityEvent> events =
        new ActivityLog(db.em(), clock).ofCohort(db.em().find(Cohort.class, member.cohort().id()));
    assertEquals(
        List.of(ActivityType.VIEW, ActivityType.APPLIED),
        events.stream().map(ActivityEvent::type).toList());
    assertEquals(member.person().id(), events.get(0).personId());
  }

  @Test
  void aFullViewBufferDropsTheOldestViewsAndCountsThem() {
    ViewBuffer views = new ViewBuffer();
    Platform platform = db.addPlatform("https://moodle.example.edu");
    CohortMember member = memberOf(platform);
    Cohort cohort = db.em().find(Cohort.class, member.cohort().id());
    Person ada = db.em().find(Person.class, member.person().id());
    Instant start = clock.instant();

    for (int i = 0; i < ViewBuffer.CAPACITY + 5; i++) {
      views.viewed(cohort, ada, start.plusMillis(i));
    }

    assertEquals(ViewBuffer.CAPACITY, views.pendingCount());
    assertEquals(5, views.droppedCount());
    List<ActivityEvent> first = views.drain(3);
    assertEquals(start.plusMillis(5), first.get(0).occurredAt(), "the oldest were dropped");
    assertEquals(ViewBuffer.CAPACITY - 3, views.pendingCount());

    views.putBack(first);
    assertEquals(ViewBuffer.CAPACITY, views.pendingCount());
    assertEquals(ViewBuffer.CAPACITY, views.drain(Integer.MAX_VALUE).size());
    assertEquals(0, views.pendingCount());
  }
}
