package org.peerloop.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The administrators' audit log, written in its own transaction after the action's. */
@ApplicationScoped
public class AuditTrail {
  /** How many entries one read returns at most. */
  public static final int MAX_READ = 1000;

  @Inject AdminAudit audit;

  /** An entry as the admin API shows it. */
  public record Entry(
      long id, Instant at, String actor, String action, String target, int outcome) {
    static Entry of(AdminAction a) {
      return new Entry(a.id(), a.occurredAt(), a.actor(), a.action(), a.target(), a.outcome());
    }
  }

  /**
   * @param platformId the platform the action was about, or null for the server itself
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String actor, String action, String target, int outcome, Long platformId) {
    audit.record(actor, action, target, outcome, platformId);
  }

  /** The latest entries: all of them, or with a platform only those about that platform. */
  @Transactional
  public List<Entry> latest(int limit, Long platformId) {
    int bounded = Math.max(1, Math.min(limit, MAX_READ));
    return (platformId == null ? audit.latest(bounded) : audit.latestOf(platformId, bounded))
        .stream().map(Entry::of).toList();
  }
}
