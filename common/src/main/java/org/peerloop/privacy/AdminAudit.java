package org.peerloop.privacy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/** The administrators' audit log. Callers own the transaction. */
@Dependent
public class AdminAudit {
  private final EntityManager em;
  private final Clock clock;

  @Inject
  public AdminAudit(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public AdminAction record(String actor, String action, String target, int outcome) {
    AdminAction entry = new AdminAction(clock.instant(), actor, action, target, outcome);
    em.persist(entry);
    return entry;
  }

  /** The latest entries, newest first. */
  public List<AdminAction> latest(int limit) {
    return em.createQuery("select a from AdminAction a order by a.id desc", AdminAction.class)
        .setMaxResults(limit)
        .getResultList();
  }
}
