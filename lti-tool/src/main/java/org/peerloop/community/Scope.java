package org.peerloop.community;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.cohort.MemberRole;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.people.Person;
import org.peerloop.post.Post;
import org.peerloop.post.PostStatus;
import org.peerloop.runtime.DatabaseFailures;
import org.peerloop.space.Space;

/**
 * The permission map in one place. A caller sees spaces of their own course only; a learner sees
 * their own cohort only, a facilitator every cohort of the course. Anything outside is "not found",
 * never "forbidden", so guessing ids reveals nothing. Joins the caller's transaction.
 */
@Dependent
public class Scope {
  private final EntityManager em;
  private final Cohorts cohorts;

  @Inject
  public Scope(EntityManager em, Cohorts cohorts) {
    this.em = em;
    this.cohorts = cohorts;
  }

  public Person person(Caller caller) {
    Person person = em.find(Person.class, caller.personId());
    if (person == null) {
      throw new NotFoundException("person-not-found", "The session's person is gone");
    }
    return person;
  }

  public Space space(Caller caller, long spaceId) {
    Space space = em.find(Space.class, spaceId);
    if (space != null && space.course() == null) {
      throw cutOff(Space.class, spaceId);
    }
    if (space == null || space.course().id() != caller.courseId()) {
      throw new NotFoundException("space-not-found", "No such space in your course");
    }
    return space;
  }

  /** A cohort the caller may read: their own, or any of the course for a facilitator. */
  public Cohort cohort(Caller caller, long cohortId) {
    Cohort cohort = em.find(Cohort.class, cohortId);
    // The schema requires both references: one read as null means the database went away mid-read.
    if (cohort != null && (cohort.space() == null || cohort.space().course() == null)) {
      if (cohort.space() != null) {
        em.getEntityManagerFactory().getCache().evict(Space.class, cohort.space().id());
      }
      throw cutOff(Cohort.class, cohortId);
    }
    if (cohort == null || cohort.space().course().id() != caller.courseId()) {
      throw new NotFoundException("cohort-not-found", "No such cohort");
    }
    if (!caller.facilitator() && !isMember(caller, cohort)) {
      throw new NotFoundException("cohort-not-found", "No such cohort");
    }
    return cohort;
  }

  /**
   * {@link #cohort} for the most frequent request, reading a cohort's threads: the same rule in one
   * query, without loading the cohort, its space and course as entities, and the cohort's current
   * revision with it.
   */
  public ReadableCohort readableCohort(Caller caller, long cohortId) {
    List<Object[]> rows =
        em.createQuery(
                "select c.space.id, m.id, r.revision from Cohort c"
                    + " join CohortRevision r on r.cohortId = c.id"
                    + " left join CohortMember m on m.cohort = c and m.person.id = :me"
                    + " where c.id = :cohort and c.space.course.id = :course",
                Object[].class)
            .setParameter("me", caller.personId())
            .setParameter("cohort", cohortId)
            .setParameter("course", caller.courseId())
            .getResultList();
    if (rows.isEmpty() || (!caller.facilitator() && rows.get(0)[1] == null)) {
      throw new NotFoundException("cohort-not-found", "No such cohort");
    }
    return new ReadableCohort(cohortId, (Long) rows.get(0)[0], (Long) rows.get(0)[2]);
  }

  /**
   * A cohort the caller may read, by id.
   *
   * @param revision the cohort's revision when read (see {@link ThreadPageCache})
   */
  public record ReadableCohort(long id, long spaceId, long revision) {}

  /** The half-read entity must not stay in the shared cache to fail every later request too. */
  private RuntimeException cutOff(Class<?> type, long id) {
    em.getEntityManagerFactory().getCache().evict(type, id);
    return DatabaseFailures.readCutOff(type.getSimpleName() + " " + id);
  }

  /** A post the caller may read (published, or their own, in a cohort they may read). */
  public Post post(Caller caller, long postId) {
    Post post = em.find(Post.class, postId);
    if (post == null || post.isDeleted()) {
      throw new NotFoundException("post-not-found", "No such post");
    }
    cohort(caller, post.cohort().id());
    boolean visible =
        post.status() == PostStatus.PUBLISHED
            || post.author().id() == caller.personId()
            || caller.facilitator();
    if (!visible) {
      throw new NotFoundException("post-not-found", "No such post");
    }
    return post;
  }

  /** The caller's membership in the cohort's space, required to write in it. */
  public CohortMember membership(Caller caller, Cohort cohort) {
    return cohorts
        .membership(cohort.space(), person(caller))
        .filter(m -> m.cohort().id().equals(cohort.id()))
        .orElseThrow(
            () ->
                new ForbiddenException(
                    "not-a-member", "Only members of this cohort can write in it"));
  }

  /**
   * Expert review is for the course's facilitators and for members the space names as expert
   * reviewers.
   */
  public void requireReviewer(Caller caller, Space space) {
    boolean expert =
        cohorts
            .membership(space, person(caller))
            .map(m -> m.role() == MemberRole.EXPERT_REVIEWER)
            .orElse(false);
    if (!caller.facilitator() && !expert) {
      throw new ForbiddenException("reviewers-only", "Only expert reviewers can do this");
    }
  }

  /**
   * The person who writes in a cohort: a member of it, or a facilitator of the course (they post
   * prompts, answers and their own learnings too).
   */
  public Person writer(Caller caller, Cohort cohort) {
    return caller.facilitator() ? person(caller) : membership(caller, cohort).person();
  }

  public void requireFacilitator(Caller caller) {
    if (!caller.facilitator()) {
      throw new ForbiddenException("facilitators-only", "Only facilitators can do this");
    }
  }

  private boolean isMember(Caller caller, Cohort cohort) {
    return cohorts
        .membership(cohort.space(), person(caller))
        .map(m -> m.cohort().id().equals(cohort.id()))
        .orElse(false);
  }
}
