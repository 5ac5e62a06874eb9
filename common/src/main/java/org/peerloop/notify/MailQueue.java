package org.peerloop.notify;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox as senders see it. A claim is one conditional update per mail, so of two senders (two
 * nodes, or a restarted one) only one takes a mail; a sender that dies holding claims leaves them
 * to expire, and the mails to the next sender. Callers own the transaction.
 */
@Dependent
public class MailQueue {
  /** How long a claim holds: longer than a send's timeouts. */
  public static final Duration CLAIM = Duration.ofMinutes(2);

  /** A mail not sent within this is no longer news: it is given up (the app still shows it). */
  public static final Duration STALE = Duration.ofDays(3);

  private static final String CLAIMABLE =
      "((m.status = :pending and m.nextAttemptAt <= :now)"
          + " or (m.status = :sending and m.claimedUntil < :now))";

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public MailQueue(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Takes up to {@code limit} due mails, oldest first, for this sender. */
  public List<MailOutbox> claimDue(int limit) {
    Instant now = clock.instant();
    expireStale(now);
    List<Long> due =
        claimable(
                em.createQuery(
                    "select m.id from MailOutbox m where " + CLAIMABLE + " order by m.id",
                    Long.class),
                now)
            .setMaxResults(limit)
            .getResultList();
    List<MailOutbox> claimed = new ArrayList<>();
    for (long id : due) {
      int taken =
          claimable(
                  em.createQuery(
                      "update MailOutbox m set m.status = :claimed, m.claimedUntil = :until,"
                          + " m.attempts = m.attempts + 1 where m.id = :id and "
                          + CLAIMABLE),
                  now)
              .setParameter("claimed", MailStatus.SENDING)
              .setParameter("until", now.plus(CLAIM))
              .setParameter("id", id)
              .executeUpdate();
      if (taken == 1) {
        MailOutbox mail = em.find(MailOutbox.class, id);
        em.refresh(mail);
        claimed.add(mail);
      }
    }
    return claimed;
  }

  private static <Q extends jakarta.persistence.Query> Q claimable(Q query, Instant now) {
    query
        .setParameter("pending", MailStatus.PENDING)
        .setParameter("sending", MailStatus.SENDING)
        .setParameter("now", now);
    return query;
  }

  public void sent(long id) {
    em.find(MailOutbox.class, id).sent(clock.instant());
  }

  public void failed(long id, String error) {
    em.find(MailOutbox.class, id).failed(error, clock.instant());
  }

  public void refused(long id, String error) {
    em.find(MailOutbox.class, id).refused(error);
  }

  private void expireStale(Instant now) {
    // A mail whose sending never finished MAX_ATTEMPTS times (it cannot even be composed, say)
    // must not be taken again and again.
    em.createQuery(
            "update MailOutbox m set m.status = :failed, m.lastError = :why, m.claimedUntil = null"
                + " where m.status = :sending and m.claimedUntil < :now and m.attempts >= :max")
        .setParameter("failed", MailStatus.FAILED)
        .setParameter("why", "gave up: " + MailOutbox.MAX_ATTEMPTS + " sends never finished")
        .setParameter("sending", MailStatus.SENDING)
        .setParameter("now", now)
        .setParameter("max", MailOutbox.MAX_ATTEMPTS)
        .executeUpdate();
    em.createQuery(
            "update MailOutbox m set m.status = :failed, m.lastError = :why"
                + " where m.status = :pending and m.createdAt < :before")
        .setParameter("failed", MailStatus.FAILED)
        .setParameter("why", "expired: not sent within " + STALE.toDays() + " days")
        .setParameter("pending", MailStatus.PENDING)
        .setParameter("before", now.minus(STALE))
        .executeUpdate();
  }
}
