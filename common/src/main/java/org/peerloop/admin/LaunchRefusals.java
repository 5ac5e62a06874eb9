package org.peerloop.admin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The refused launches kept for the console's diagnosis. Callers own the transaction. */
@Dependent
public class LaunchRefusals {
  /** Refusals older than this are deleted by housekeeping: diagnosis is about what fails now. */
  public static final Duration KEPT = Duration.ofDays(30);

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public LaunchRefusals(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public void record(
      Long platformId,
      String issuer,
      String clientId,
      String deploymentId,
      String reason,
      String detail) {
    em.persist(
        new LaunchRefusalRecord(
            platformId, issuer, clientId, deploymentId, reason, detail, clock.instant()));
  }

  /**
   * The latest refusals, newest first; of one platform, or of all when {@code platformId} is null.
   */
  public List<LaunchRefusalRecord> latest(Long platformId, int limit) {
    var query =
        em.createQuery(
            "select r from LaunchRefusalRecord r"
                + (platformId == null ? "" : " where r.platformId = :platform")
                + " order by r.id desc",
            LaunchRefusalRecord.class);
    if (platformId != null) {
      query.setParameter("platform", platformId);
    }
    return query.setMaxResults(limit).getResultList();
  }

  public int purgeOld() {
    return em.createQuery("delete from LaunchRefusalRecord r where r.occurredAt < :before")
        .setParameter("before", clock.instant().minus(KEPT))
        .executeUpdate();
  }
}
