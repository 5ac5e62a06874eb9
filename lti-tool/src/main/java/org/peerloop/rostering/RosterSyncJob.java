package org.peerloop.rostering;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.lti.launch.LaunchRecorded;
import org.peerloop.lti.services.NamesAndRoles;
import org.peerloop.outbound.ServiceException;
import org.peerloop.roster.RosterSync;

/**
 * Runs roster synchronisations in the background, one at a time per course (the course's row in
 * {@code roster_sync} is the lock, so this holds across nodes): started by a launch when the roster
 * is older than {@link #STALE_AFTER}, or by a facilitator at once.
 */
@ApplicationScoped
public class RosterSyncJob {
  private static final Logger LOG = Logger.getLogger(RosterSyncJob.class.getName());

  /** A roster older than this is read again at the next launch into the course. */
  public static final Duration STALE_AFTER = Duration.ofHours(6);

  /** Launches check staleness at most this often per course and node: launches stay cheap. */
  static final Duration CHECK_EVERY = Duration.ofMinutes(1);

  /** Bounds a run whatever the platform's paging does. */
  static final int MAX_PAGES = 10_000;

  @Resource ManagedExecutorService executor;
  @Inject RosterSteps steps;
  @Inject NamesAndRoles namesAndRoles;
  @Inject Clock clock;

  private final Map<Long, Instant> lastChecked = new ConcurrentHashMap<>();

  /** After a launch commits: a stale roster is read again, in the background. */
  void onLaunch(@Observes(during = TransactionPhase.AFTER_SUCCESS) LaunchRecorded launch) {
    Instant now = clock.instant();
    Instant checked = lastChecked.get(launch.courseId());
    if (checked != null && checked.plus(CHECK_EVERY).isAfter(now)) {
      return;
    }
    lastChecked.put(launch.courseId(), now);
    try {
      if (steps.request(launch.courseId(), STALE_AFTER, false)) {
        start(launch.courseId());
      }
    } catch (RuntimeException e) {
      // The launch succeeded; a roster that cannot be queued now is queued at a later launch.
      LOG.log(Level.WARNING, "Queuing the roster of course " + launch.courseId() + " failed", e);
    }
  }

  /**
   * A facilitator asks for the roster now, only its changes or all of it; returns the state the
   * course's sync is in, or nothing when the LMS has not offered its Names and Roles service in the
   * course.
   */
  public Optional<RosterSync> requestNow(long courseId, boolean full) {
    if (!steps.offersRoster(courseId)) {
      return Optional.empty();
    }
    if (steps.request(courseId, null, full)) {
      start(courseId);
    }
    return steps.status(courseId);
  }

  public Optional<RosterSync> status(long courseId) {
    return steps.status(courseId);
  }

  private void start(long courseId) {
    executor.submit(() -> run(courseId));
  }

  /** One run: claim, every page, finish; a failure is recorded with its reason. */
  void run(long courseId) {
    Optional<RosterSteps.Claim> claimed = steps.claim(courseId);
    if (claimed.isEmpty()) {
      return;
    }
    RosterSteps.Claim claim = claimed.get();
    try {
      URI url = URI.create(claim.url());
      URI differences = null;
      Set<URI> seen = new HashSet<>();
      for (int page = 0; url != null; page++) {
        if (page >= MAX_PAGES || !seen.add(url)) {
          throw new ServiceException(
              200, "roster-paging-loops", "The roster's pages do not end (page " + page + ")");
        }
        NamesAndRoles.Page result = namesAndRoles.page(claim.platform(), url);
        steps.reconcile(claim, result.members());
        differences = result.differences().orElse(differences);
        url = result.next().orElse(null);
      }
      steps.finish(claim, differences == null ? null : differences.toString());
    } catch (ServiceException e) {
      LOG.warning(() -> "Roster of course " + courseId + " failed: " + e.getMessage());
      steps.fail(courseId, e.reason() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Roster of course " + courseId + " failed", e);
      steps.fail(courseId, "internal-error: " + e);
    }
  }
}
