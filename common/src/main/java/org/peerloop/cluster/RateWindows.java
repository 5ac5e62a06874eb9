package org.peerloop.cluster;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Request counters of fixed windows, shared by every node. Counting is an atomic increment of the
 * window's row; the first request of a window inserts it, and when two nodes insert at once the
 * primary key refuses the second (its caller counts again, and the increment then finds the row).
 * Callers own the transaction.
 */
@Dependent
public class RateWindows {
  private final EntityManager em;

  @Inject
  public RateWindows(EntityManager em) {
    this.em = em;
  }

  /** Counts one request of the bucket in the window starting at {@code windowStart}: the count. */
  public int hit(String bucket, Instant windowStart) {
    int updated =
        em.createQuery(
                "update RateWindow w set w.hits = w.hits + 1"
                    + " where w.bucket = :bucket and w.windowStart = :start")
            .setParameter("bucket", bucket)
            .setParameter("start", windowStart)
            .executeUpdate();
    if (updated == 0) {
      em.persist(new RateWindow(bucket, windowStart));
      em.flush();
      return 1;
    }
    return em.createQuery(
            "select w.hits from RateWindow w where w.bucket = :bucket and w.windowStart = :start",
            Integer.class)
        .setParameter("bucket", bucket)
        .setParameter("start", windowStart)
        .getSingleResult();
  }

  /** Deletes the windows that started before {@code before}: their counts no longer matter. */
  public int purgeBefore(Instant before) {
    return em.createQuery("delete from RateWindow w where w.windowStart < :before")
        .setParameter("before", before)
        .executeUpdate();
  }
}
