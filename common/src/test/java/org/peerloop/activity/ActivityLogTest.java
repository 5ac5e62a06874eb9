package org.peerloop.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * An event written by a transaction still open when a later one commits: a reader paging by id
   * must not get past it, or a cursor moved to the later id would never see it. Derby's reads wait
   * for uncommitted rows anyway; PostgreSQL's do not (each reads a snapshot), and there only the
   * lock keeps this test passing.
   */
  @Test
  void committedThroughWaitsForEventsStillBeingWritten() throws Exception {
    Platform platform = db.addPlatform("https://moodle.example.edu");
    CohortMember member = memberOf(platform);
    long cohortId = member.cohort().id();
    long personId = member.person().id();
    ExecutorService reader = Executors.newSingleThreadExecutor();
    EntityManager slow = db.newEntityManager();
    EntityManager fast = db.newEntityManager();
    EntityManager cursor = db.newEntityManager();
    try {
      slow.getTransaction().begin();
      long slowId = write(slow, cohortId, personId);
      fast.getTransaction().begin();
      long fastId = write(fast, cohortId, personId);
      fast.getTransaction().commit();
      assertTrue(fastId > slowId);

      Future<List<Long>> read =
          reader.submit(
              () -> {
                cursor.getTransaction().begin();
                long through = new ActivityLog(cursor, clock).committedThrough();
                cursor.getTransaction().commit();
                return cursor
                    .createQuery(
                        "select e.id from ActivityEvent e where e.id <= :through order by e.id",
                        Long.class)
                    .setParameter("through", through)
                    .getResultList();
              });
      // Time for a reader that does not wait to go wrong; one that waits is still blocked.
      assertThrows(TimeoutException.class, () -> read.get(500, TimeUnit.MILLISECONDS));
      slow.getTransaction().commit();

      assertEquals(List.of(slowId, fastId), read.get(30, TimeUnit.SECONDS));
    } finally {
      reader.shutdownNow();
      for (EntityManager em : List.of(slow, fast, cursor)) {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.close();
      }
    }
  }

  private long write(EntityManager em, long cohortId, long personId) {
    Cohort cohort = em.find(Cohort.class, cohortId);
    ActivityEvent event =
        new ActivityEvent(
            cohort.space().id(), cohortId, personId, ActivityType.RATE, null, clock.instant());
    em.persist(event);
    em.flush();
    return event.id();
  }
}
