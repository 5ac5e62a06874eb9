package org.peerloop.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.errors.ConflictException;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceSettings;
import org.peerloop.testing.MutableClock;

class CompletionsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
  private final Platform platform = db.addPlatform("https://moodle.example.edu");
  private final Course course =
      db.inTransaction(
          em ->
              new CourseRepository(em, clock)
                  .recordContext(em.find(Platform.class, platform.id()), "42", "Safety", null));

  private Space space(Phase phase, boolean onCompletion, Long moduleId, Instant closesAt) {
    return db.inTransaction(
        em -> {
          Space space =
              new Space(
                  em.find(Course.class, course.id()),
                  null,
                  new SpaceSettings(
                      "After the course",
                      phase,
                      null,
                      closesAt,
                      onCompletion,
                      17,
                      null,
                      null,
                      true,
                      List.of(),
                      List.of(),
                      null),
                  clock.instant());
          space.attachToModule(
              moduleId, moduleId == null ? null : "Safe handling quiz", clock.instant());
          em.persist(space);
          return space;
        });
  }

  private Person person(String subject) {
    return db.inTransaction(
        em ->
            new PersonRepository(em, clock)
                .recordProfile(
                    em.find(Platform.class, platform.id()),
                    subject,
                    new Profile("Learner " + subject, null, null, null, null, null)));
  }

  private <T> T completions(java.util.function.Function<Completions, T> work) {
    return db.inTransaction(em -> work.apply(new Completions(em, clock)));
  }

  private boolean isOpen(Space space, Person person) {
    Boolean open = completions(c -> c.isOpenFor(space, person));
    return open;
  }

  private boolean record(String subject, long module) {
    return db.inTransaction(
        em ->
            new Completions(em, clock)
                .record(
                    em.find(Course.class, course.id()),
                    subject,
                    module,
                    clock.instant(),
                    CompletionSource.EVENT));
  }

  @Test
  void aCompletionIsRecordedOnceWhateverTheRepeats() {
    assertTrue(record("5", 102));
    assertFalse(record("5", 102), "a second report of the same completion is no news");
    assertTrue(record("5", LearnerCompletion.COURSE));
    assertTrue(record("6", 102));
    assertEquals(Set.of("5", "6"), completions(c -> c.completedBy(course, 102)));
  }

  @Test
  void aSpaceOpensForALearnerOnlyOnceTheyCompletedItsModule() {
    Space space = space(Phase.POST_COURSE, true, 102L, null);
    Person learner = person("5");
    assertFalse(isOpen(space, learner));
    ConflictException refused =
        assertThrows(
            ConflictException.class,
            () ->
                completions(
                    c -> {
                      c.requireOpenFor(space, learner);
                      return null;
                    }));
    assertEquals("space-not-open-for-you", refused.reason());
    assertTrue(refused.getMessage().contains("Safe handling quiz"));

    record("5", 105);
    assertFalse(isOpen(space, learner), "another module opens nothing");
    record("5", 102);
    assertTrue(isOpen(space, learner));
    assertFalse(isOpen(space, person("6")), "only for who completed");
  }

  @Test
  void aSpaceAttachedToNoModuleOpensOnTheCoursesCompletion() {
    Space space = space(Phase.POST_COURSE, true, null, null);
    Person learner = person("5");
    record("5", 102);
    assertFalse(isOpen(space, learner));
    record("5", LearnerCompletion.COURSE);
    assertTrue(isOpen(space, learner));
  }

  @Test
  void spacesThatDoNotWaitForCompletionAreOpenToAll() {
    Space pre = space(Phase.PRE_COURSE, false, 102L, null);
    assertTrue(isOpen(pre, person("5")));
  }

  @Test
  void aCompletionOpensTheCoursesOpenSpacesOfThatModuleOnly() {
    Space quiz = space(Phase.POST_COURSE, true, 102L, null);
    space(Phase.POST_COURSE, true, 105L, null);
    space(Phase.POST_COURSE, true, 102L, clock.instant().minusSeconds(60));
    space(Phase.POST_COURSE, false, 102L, null);
    List<Long> opened =
        completions(c -> c.spacesOpenedBy(course, 102)).stream().map(Space::id).toList();
    assertEquals(List.of(quiz.id()), opened, "not the closed one, not the one open to all");
  }

  @Test
  void aModuleIdMustBeAnLmsId() {
    Space space = space(Phase.POST_COURSE, true, null, null);
    assertThrows(
        org.peerloop.errors.InvalidValueException.class,
        () -> space.attachToModule(0L, "x", clock.instant()));
  }
}
