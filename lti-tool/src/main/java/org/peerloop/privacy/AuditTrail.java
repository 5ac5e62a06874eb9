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

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String actor, String action, String target, int outcome) {
    audit.record(actor, action, target, outcome);
  }

  @Transactional
  public List<Entry> latest(int limit) {
    return audit.latest(Math.max(1, Math.min(limit, MAX_READ))).stream().map(Entry::of).toList();
  }
}
