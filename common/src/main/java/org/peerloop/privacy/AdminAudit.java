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

  /**
   * @param platformId the platform the action was about, or null for the server itself
   */
  public AdminAction record(
      String actor, String action, String target, int outcome, Long platformId) {
    AdminAction entry =
        new AdminAction(clock.instant(), actor, action, target, outcome, platformId);
    em.persist(entry);
    return entry;
  }

  /** The latest entries, newest first. */
  public List<AdminAction> latest(int limit) {
    return em.createQuery("select a from AdminAction a order by a.id desc", AdminAction.class)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The latest entries about one platform, newest first. */
  public List<AdminAction> latestOf(long platformId, int limit) {
    return em.createQuery(
            "select a from AdminAction a where a.platformId = :platform order by a.id desc",
            AdminAction.class)
        .setParameter("platform", platformId)
        .setMaxResults(limit)
        .getResultList();
  }
}
