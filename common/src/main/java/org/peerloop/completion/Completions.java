package org.peerloop.completion;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.peerloop.course.Course;
import org.peerloop.errors.ConflictException;
import org.peerloop.people.Person;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;

/**
 * Completions and the per-learner window of post-course spaces. A space that opens on completion
 * opens for a learner when they completed the module it is attached to, or the course when it is
 * attached to none. Callers own the transaction.
 */
@Dependent
public class Completions {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public Completions(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Records that a learner completed a module ({@link LearnerCompletion#COURSE} for the course).
   *
   * @return whether this is news (false: it was recorded before, the first time is kept)
   */
  public boolean record(
      Course course, String subject, long moduleId, Instant completedAt, CompletionSource source) {
    if (has(course, subject, moduleId)) {
      return false;
    }
    em.persist(
        new LearnerCompletion(course, subject, moduleId, completedAt, source, clock.instant()));
    em.flush();
    return true;
  }

  public boolean has(Course course, String subject, long moduleId) {
    return !em.createQuery(
            "select c.id from LearnerCompletion c where c.course = :course"
                + " and c.subject = :subject and c.moduleId = :module",
            Long.class)
        .setParameter("course", course)
        .setParameter("subject", subject)
        .setParameter("module", moduleId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The learners (LMS user ids) known to have completed a module of a course. */
  public Set<String> completedBy(Course course, long moduleId) {
    return new HashSet<>(
        em.createQuery(
                "select c.subject from LearnerCompletion c where c.course = :course"
                    + " and c.moduleId = :module",
                String.class)
            .setParameter("course", course)
            .setParameter("module", moduleId)
            .getResultList());
  }

  /** Whether the space is open to this learner now, as far as completion goes. */
  public boolean isOpenFor(Space space, Person person) {
    return !space.opensOnCompletion()
        || has(space.course(), person.subject(), space.completionModuleId());
  }

  /** Refuses a learner a space that has not opened for them yet, saying what opens it. */
  public void requireOpenFor(Space space, Person person) {
    if (!isOpenFor(space, person)) {
      throw new ConflictException(
          "space-not-open-for-you",
          space.lmsModuleName() == null
              ? "This space opens for you when you complete the course"
              : "This space opens for you when you complete \"" + space.lmsModuleName() + "\"");
    }
  }

  /** The course's open post-course spaces that a completion of this module opens. */
  public List<Space> spacesOpenedBy(Course course, long moduleId) {
    return spacesAwaitingCompletion(course).stream()
        .filter(s -> s.completionModuleId() == moduleId)
        .toList();
  }

  /** Every space of a course that opens on completion and has not closed. */
  public List<Space> spacesAwaitingCompletion(Course course) {
    Instant now = clock.instant();
    return em.createQuery(
            "select s from Space s where s.course = :course and s.phase = :phase"
                + " and s.opensOnCompletion = true",
            Space.class)
        .setParameter("course", course)
        .setParameter("phase", Phase.POST_COURSE)
        .getResultStream()
        .filter(s -> !s.isClosedAt(now))
        .toList();
  }
}
