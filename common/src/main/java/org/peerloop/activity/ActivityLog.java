package org.peerloop.activity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.peerloop.cohort.Cohort;
import org.peerloop.people.Person;
import org.peerloop.post.Post;

/** Records activity in the caller's transaction, so an event exists exactly when its act does. */
@Dependent
public class ActivityLog {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public ActivityLog(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public void record(Cohort cohort, Person person, ActivityType type, Post post) {
    em.persist(
        new ActivityEvent(
            cohort.space().id(),
            cohort.id(),
            person.id(),
            type,
            post == null ? null : post.id(),
            clock.instant()));
  }

  /** Writes views collected by {@link ViewBuffer}, in one flush. */
  public void recordViews(List<ActivityEvent> views) {
    views.forEach(em::persist);
    em.flush();
  }

  public List<ActivityEvent> ofCohort(Cohort cohort) {
    return em.createQuery(
            "select e from ActivityEvent e where e.cohortId = :cohort order by e.occurredAt, e.id",
            ActivityEvent.class)
        .setParameter("cohort", cohort.id())
        .getResultList();
  }
}
