package org.peerloop.cluster;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Claims of cluster-wide jobs. A claim is a single conditional UPDATE of the job's row: the
 * database lets one node's claim through and re-checks the other's condition after it, so two nodes
 * never hold a job at once. A node that dies holding a job loses it when its lease runs out.
 * Callers own the transaction, and commit it before they start the work.
 */
@Dependent
public class JobLeases {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public JobLeases(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Takes the job for {@code lease} unless another holder's lease still runs; the holder renews its
   * own lease the same way.
   */
  public boolean claim(Job job, String holder, Duration lease) {
    Instant now = clock.instant();
    return em.createQuery(
                "update JobLease l set l.holder = :holder, l.leaseUntil = :until"
                    + " where l.job = :job and (l.leaseUntil <= :now or l.holder = :holder)")
            .setParameter("holder", holder)
            .setParameter("until", now.plus(lease))
            .setParameter("job", job)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** Gives the job up at once, if this holder has it, so the next claim needs no waiting. */
  public void release(Job job, String holder) {
    em.createQuery(
            "update JobLease l set l.leaseUntil = :now where l.job = :job and l.holder = :holder")
        .setParameter("now", clock.instant())
        .setParameter("job", job)
        .setParameter("holder", holder)
        .executeUpdate();
  }

  /** Who holds the job now, and until when. */
  public JobLease current(Job job) {
    return em.createQuery("select l from JobLease l where l.job = :job", JobLease.class)
        .setParameter("job", job)
        .getSingleResult();
  }
}
