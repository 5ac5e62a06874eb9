package org.peerloop.sharepointsite;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.sharepoint.graph.GraphClient;
import org.peerloop.sharepoint.graph.GraphException;
import org.peerloop.sharepoint.graph.GroupRoster;

/**
 * Reads the Microsoft 365 group of a site whose audience is its group, in the background: when the
 * admission is set, when a page of the site is opened and the roster is older than {@link
 * #STALE_AFTER}, or when IT asks. The Graph calls run outside any transaction; the reconciliation
 * is one transaction ({@link SiteRosterSteps}).
 */
@ApplicationScoped
public class SiteRosters {
  private static final Logger LOG = Logger.getLogger(SiteRosters.class.getName());

  static final Duration STALE_AFTER = Duration.ofHours(6);

  @Resource ManagedExecutorService executor;
  @Inject SiteRosterSteps steps;
  @Inject SharePointParts parts;
  @Inject Clock clock;

  /** Sites being read on this node, so a burst of visits starts one read. */
  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  void onAdmission(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteAdmission admission) {
    start(admission.siteRef());
  }

  void onVisit(@Observes(during = TransactionPhase.AFTER_COMPLETION) SiteVisited visit) {
    try {
      if (steps.isStale(visit.siteRef(), STALE_AFTER)) {
        start(visit.siteRef());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Checking the roster of site " + visit.siteRef() + " failed", e);
    }
  }

  /** Reads the site's roster now, in the background; false when it does not read rosters. */
  public boolean requestNow(long siteRef) {
    if (!parts.settings().readsRosters()) {
      return false;
    }
    start(siteRef);
    return true;
  }

  private void start(long siteRef) {
    if (!parts.settings().readsRosters() || !running.add(siteRef)) {
      return;
    }
    executor.execute(
        () -> {
          try {
            run(siteRef);
          } finally {
            running.remove(siteRef);
          }
        });
  }

  /** One read: claim, list the group from Graph, reconcile; a failure is kept for IT to see. */
  void run(long siteRef) {
    Optional<SiteRosterSteps.Claim> claim = steps.claim(siteRef);
    if (claim.isEmpty()) {
      return;
    }
    try {
      GraphClient graph = parts.graph(claim.get().tenantId()).orElseThrow();
      GroupRoster roster = graph.groupMembers(claim.get().groupId(), claim.get().nestedGroups());
      steps.reconcile(claim.get(), roster);
      LOG.info(
          () ->
              "Site "
                  + siteRef
                  + ": "
                  + roster.users().size()
                  + " users read from Graph in "
                  + roster.pages()
                  + " pages, "
                  + roster.incomplete().size()
                  + " without their properties");
    } catch (GraphException e) {
      LOG.warning(() -> "Reading the roster of site " + siteRef + " failed: " + e.getMessage());
      steps.fail(siteRef, e.code() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reconciling the roster of site " + siteRef + " failed", e);
      steps.fail(siteRef, "Unexpected: " + e);
    }
  }
}
