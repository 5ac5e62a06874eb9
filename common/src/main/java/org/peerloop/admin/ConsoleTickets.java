package org.peerloop.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;

/**
 * The one-time records of console tickets: issuing records the ticket's id, redeeming deletes it.
 * Deleting is one statement, so of two nodes redeeming the same ticket only one finds the record.
 * Callers own the transaction.
 */
@Dependent
public class ConsoleTickets {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public ConsoleTickets(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Records a new ticket under a fresh random id, redeemable until it expires. */
  public String issue(Instant expiresAt) {
    ConsoleTicket ticket = new ConsoleTicket(SecretTokens.random(), expiresAt);
    em.persist(ticket);
    em.flush();
    return ticket.id();
  }

  /** Uses up the ticket of this id; false when none was issued, it was used, or it was purged. */
  public boolean redeem(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    return em.createQuery("delete from ConsoleTicket t where t.id = :id")
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  /** Deletes the records of expired tickets; safe to run on every node at once. */
  public int purgeExpired() {
    return em.createQuery("delete from ConsoleTicket t where t.expiresAt <= :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }
}
