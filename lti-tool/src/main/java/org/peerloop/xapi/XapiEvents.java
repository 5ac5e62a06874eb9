package org.peerloop.xapi;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerloop.activity.ActivityType;

/**
 * Reads activity events in id order, a page at a time, with what their statements need: two queries
 * per page whatever its size.
 */
final class XapiEvents {
  private static final String SELECT =
      "select e.id, e.occurredAt, e.type, e.postId, e.cohortId, s.id, c.id, pl.issuer, p.subject"
          + " from ActivityEvent e, Space s join s.course c join c.platform pl, Person p"
          + " where s.id = e.spaceId and p.id = e.personId and e.id > :after";

  private final EntityManager em;

  XapiEvents(EntityManager em) {
    this.em = em;
  }

  /** A platform's events after the given one, up to {@code throughId}. */
  List<XapiEvent> ofPlatform(long platformId, long afterId, long throughId, int limit) {
    return page(
        em.createQuery(
                SELECT + " and pl.id = :platform and e.id <= :through order by e.id",
                Object[].class)
            .setParameter("platform", platformId)
            .setParameter("through", throughId),
        afterId,
        limit);
  }

  /** A space's events in [from, to) after the given one. */
  List<XapiEvent> ofSpace(long spaceId, Instant from, Instant to, long afterId, int limit) {
    return page(
        em.createQuery(
                SELECT
                    + " and e.spaceId = :space and e.occurredAt >= :from and e.occurredAt < :to"
                    + " order by e.id",
                Object[].class)
            .setParameter("space", spaceId)
            .setParameter("from", from)
            .setParameter("to", to),
        afterId,
        limit);
  }

  private List<XapiEvent> page(TypedQuery<Object[]> query, long afterId, int limit) {
    List<XapiEvent> events =
        query
            .setParameter("after", afterId)
            .setMaxResults(limit)
            .setHint("eclipselink.read-only", "true")
            .getResultStream()
            .map(
                r ->
                    new XapiEvent(
                        (Long) r[0],
                        (Instant) r[1],
                        (ActivityType) r[2],
                        (Long) r[3],
                        null,
                        (Long) r[4],
                        (Long) r[5],
                        (Long) r[6],
                        (String) r[7],
                        (String) r[8]))
            .toList();
    Map<Long, Long> threads = threadsOf(events);
    return threads.isEmpty()
        ? events
        : events.stream()
            .map(e -> e.postId() == null ? e : e.withThread(threads.get(e.postId())))
            .toList();
  }

  /** The thread of each reply among the events' posts. */
  private Map<Long, Long> threadsOf(List<XapiEvent> events) {
    List<Long> posts =
        events.stream().filter(e -> e.postId() != null).map(XapiEvent::postId).distinct().toList();
    Map<Long, Long> threads = new HashMap<>();
    if (posts.isEmpty()) {
      return threads;
    }
    em.createQuery(
            "select p.id, p.thread.id from Post p where p.id in :ids and p.thread is not null",
            Object[].class)
        .setParameter("ids", posts)
        .getResultStream()
        .forEach(r -> threads.put((Long) r[0], (Long) r[1]));
    return threads;
  }
}
