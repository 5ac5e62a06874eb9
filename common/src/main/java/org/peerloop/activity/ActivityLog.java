package org.peerloop.activity;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.peerloop.cohort.Cohort;
import org.peerloop.people.Person;
import org.peerloop.post.Post;

/** Records activity in the caller's transaction, so an event exists exactly when its act does. */
@Dependent
public class ActivityLog {
  private static final String INSERT_VIEW =
      "INSERT INTO activity_event (space_id, cohort_id, person_id, event_type, occurred_at)"
          + " VALUES (?, ?, ?, ?, ?)";

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

  /**
   * Writes views collected by {@link ViewBuffer} as one JDBC batch on the transaction's connection.
   * A node writes thousands a second under load; as entities each would cost an insert and a second
   * statement to read its generated id back, which nobody needs.
   */
  public void recordViews(List<ActivityEvent> views) {
    if (views.isEmpty()) {
      return;
    }
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement insert = connection.prepareStatement(INSERT_VIEW)) {
      for (ActivityEvent view : views) {
        insert.setLong(1, view.spaceId());
        insert.setLong(2, view.cohortId());
        insert.setLong(3, view.personId());
        insert.setString(4, view.type().name());
        insert.setTimestamp(5, Timestamp.from(view.occurredAt()));
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new PersistenceException("Writing " + views.size() + " views failed", e);
    }
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
