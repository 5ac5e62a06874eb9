package org.peerloop.notifications;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peerloop.notify.MailOutbox;
import org.peerloop.notify.MailStatus;
import org.peerloop.settings.Settings;

/**
 * The outbox's steps, each its own transaction. A claim is one conditional update per mail, so of
 * two senders (two nodes, or a restarted one) only one takes it; a sender that dies leaves its
 * claim to expire and the mail to the next.
 */
@ApplicationScoped
public class Outbox {
  /** How long a claim holds: longer than a send's timeouts. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  /** A mention older than this is no longer news: it stays in the app, and is not e-mailed. */
  static final Duration STALE = Duration.ofDays(3);

  static final int BATCH = 20;

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject Settings settings;
  @Inject MailChoices choices;

  /** Takes up to {@link #BATCH} due mails for this sender; answers them composed. */
  @Transactional
  public List<Claimed> claimDue() {
    Instant now = clock.instant();
    expireStale(now);
    List<Long> due =
        em.createQuery(
                "select m.id from MailOutbox m where (m.status = :pending and m.nextAttemptAt <= :now)"
                    + " or (m.status = :sending and m.claimedUntil < :now) order by m.id",
                Long.class)
            .setParameter("pending", MailStatus.PENDING)
            .setParameter("sending", MailStatus.SENDING)
            .setParameter("now", now)
            .setMaxResults(BATCH)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (long id : due) {
      int taken =
          em.createQuery(
                  "update MailOutbox m set m.status = :sending, m.claimedUntil = :until,"
                      + " m.attempts = m.attempts + 1 where m.id = :id and ((m.status = :pending"
                      + " and m.nextAttemptAt <= :now) or (m.status = :sending and m.claimedUntil < :now))")
              .setParameter("sending", MailStatus.SENDING)
              .setParameter("pending", MailStatus.PENDING)
              .setParameter("until", now.plus(CLAIM))
              .setParameter("now", now)
              .setParameter("id", id)
              .executeUpdate();
      if (taken == 1) {
        MailOutbox mail = em.find(MailOutbox.class, id);
        em.refresh(mail);
        claimed.add(
            new Claimed(
                id,
                MailComposer.compose(
                    mail.notification(),
                    MailComposer.host(settings.baseUrl()),
                    choices.unsubscribeUrl(mail.notification().person().id()))));
      }
    }
    return claimed;
  }

  /** A claimed mail with its words. */
  public record Claimed(long outboxId, Mail mail) {}

  @Transactional
  public void sent(long id) {
    em.find(MailOutbox.class, id).sent(clock.instant());
  }

  @Transactional
  public void failed(long id, String error) {
    em.find(MailOutbox.class, id).failed(error, clock.instant());
  }

  @Transactional
  public void refused(long id, String error) {
    em.find(MailOutbox.class, id).refused(error);
  }

  private void expireStale(Instant now) {
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
