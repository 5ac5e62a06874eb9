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

  /**
   * The last event id through which every event is committed, for readers that page by id and keep
   * a cursor (the xAPI push). Identity values are handed out at insert, not at commit, so without
   * this a cursor could pass an event whose transaction commits a moment later and never see it. A
   * share lock on the table waits for every transaction with an insert in flight; ids handed out
   * after it are higher than the one read here. Call it in a transaction of its own: the lock lasts
   * until its end, and holding it longer would stall every writer of events.
   */
  public long committedThrough() {
    em.createNativeQuery("LOCK TABLE activity_event IN SHARE MODE").executeUpdate();
    Long last =
        em.createQuery("select max(e.id) from ActivityEvent e", Long.class).getSingleResult();
    return last == null ? 0 : last;
  }

  public List<ActivityEvent> ofCohort(Cohort cohort) {
    return em.createQuery(
            "select e from ActivityEvent e where e.cohortId = :cohort order by e.occurredAt, e.id",
            ActivityEvent.class)
        .setParameter("cohort", cohort.id())
        .getResultList();
  }
}
