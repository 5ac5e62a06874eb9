package org.peerloop.insights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.peerloop.activity.ActivityEvent;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.space.Space;

/**
 * A space's raw activity events in a period as CSV, read in pages by id so a space with millions of
 * events is written without holding them: {@code occurred_at} (ISO 8601, UTC), {@code person_id},
 * {@code cohort_id}, {@code type} (VIEW, POST, REPLY, RATE, ENDORSE, APPLIED), {@code post_id}
 * (empty for views of a cohort's page).
 */
@ApplicationScoped
public class EventsExport {
  public static final String HEADER = "occurred_at,person_id,cohort_id,type,post_id";
  static final int PAGE = 5_000;

  @Inject EntityManager em;
  @Inject Scope scope;

  /** Checks the caller may export the space; the writing happens later, page by page. */
  @Transactional
  public long authorize(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    return space.id();
  }

  /** Writes the events of a page after the given id; returns the last id written, or -1. */
  @Transactional
  public long writePage(long spaceId, Instant from, Instant to, long afterId, Writer out) {
    List<ActivityEvent> page =
        em.createQuery(
                "select e from ActivityEvent e where e.spaceId = :space and e.id > :after"
                    + " and e.occurredAt >= :from and e.occurredAt < :to order by e.id",
                ActivityEvent.class)
            .setParameter("space", spaceId)
            .setParameter("after", afterId)
            .setParameter("from", from)
            .setParameter("to", to)
            .setMaxResults(PAGE)
            .setHint("eclipselink.read-only", "true")
            .getResultList();
    try {
      for (ActivityEvent e : page) {
        out.write(e.occurredAt().toString());
        out.write(',');
        out.write(Long.toString(e.personId()));
        out.write(',');
        out.write(Long.toString(e.cohortId()));
        out.write(',');
        out.write(e.type().name());
        out.write(',');
        out.write(e.postId() == null ? "" : e.postId().toString());
        out.write("\r\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page.isEmpty() ? -1 : page.get(page.size() - 1).id();
  }
}
