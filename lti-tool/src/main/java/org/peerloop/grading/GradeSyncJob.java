package org.peerloop.grading;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.cluster.Job;
import org.peerloop.community.SpacePlacement;
import org.peerloop.lti.services.AssignmentsAndGrades;
import org.peerloop.outbound.ServiceException;
import org.peerloop.runtime.ClusterJobs;

/**
 * Sends participation scores: every few minutes for all graded links, or at once for one space when
 * a facilitator asks. Scores go one at a time and at most {@link #SCORES_PER_SECOND} per platform
 * (Canvas limits concurrent score posts); only new or changed scores are sent. One run at a time in
 * the whole cluster holds the {@link Job#GRADE_SYNC} lease; a facilitator's request that finds it
 * held waits for its turn.
 */
@ApplicationScoped
public class GradeSyncJob {
  private static final Logger LOG = Logger.getLogger(GradeSyncJob.class.getName());

  static final Duration EVERY = Duration.ofMinutes(10);
  static final int SCORES_PER_SECOND = 10;

  /** A run renews its lease after each link; a node that dies frees the job after this. */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** How often a facilitator's request tries again for the lease, and for how long. */
  static final Duration REQUEST_RETRY = Duration.ofSeconds(10);

  static final int REQUEST_ATTEMPTS = 90;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject GradeSteps steps;
  @Inject AssignmentsAndGrades grades;
  @Inject Clock clock;
  @Inject ClusterJobs jobs;

  private final Map<Long, Long> lastScoreAt = new ConcurrentHashMap<>();
  private ScheduledFuture<?> schedule;

  public void start() {
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::syncAll, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  /** Queues a synchronisation of one space's links. */
  public void requestSpace(long spaceId) {
    requestSpace(spaceId, 1);
  }

  private void requestSpace(long spaceId, int attempt) {
    scheduler.submit(
        () ->
            logged(
                () -> {
                  if (!runExclusively(() -> steps.gradedLinksOf(spaceId))
                      && attempt < REQUEST_ATTEMPTS) {
                    scheduler.schedule(
                        () -> requestSpace(spaceId, attempt + 1),
                        REQUEST_RETRY.toSeconds(),
                        TimeUnit.SECONDS);
                  }
                }));
  }

  void syncAll() {
    // The next run tries again; a database outage must not end the schedule. A round that finds
    // the job held by another run is skipped: the next round sends whatever is still pending.
    logged(() -> runExclusively(steps::gradedLinks));
  }

  /** Background work reports its failure in the log: nobody waits on its result. */
  private static void logged(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Grade synchronisation failed", e);
    }
  }

  /** Syncs the links when this run gets the cluster's lease: false when another run holds it. */
  private boolean runExclusively(Supplier<List<Long>> links) {
    Optional<ClusterJobs.Run> claimed = jobs.start(Job.GRADE_SYNC, LEASE);
    if (claimed.isEmpty()) {
      return false;
    }
    try (ClusterJobs.Run run = claimed.get()) {
      for (long link : links.get()) {
        syncLink(link);
        if (!run.renew()) {
          LOG.warning("The grade synchronisation lease ran out; another run takes over");
          break;
        }
      }
    }
    return true;
  }

  void syncLink(long resourceLinkId) {
    GradeSteps.GradedLink link = steps.link(resourceLinkId);
    String lineItem;
    try {
      lineItem = lineItem(link);
    } catch (ServiceException e) {
      steps.linkFailed(resourceLinkId, e.reason() + ": " + e.getMessage());
      return;
    }
    if (lineItem == null) {
      steps.linkFailed(resourceLinkId, "The LMS offered no line item and no line items service");
      return;
    }
    for (GradeSteps.Pending score : steps.prepare(resourceLinkId)) {
      pace(link.platform().platformId());
      try {
        grades.score(
            link.platform(),
            URI.create(lineItem),
            new AssignmentsAndGrades.Score(
                score.userId(),
                score.score(),
                score.maximum(),
                score.progress(),
                "FullyGraded",
                clock.instant()));
        steps.sent(score.recordId(), score.score());
      } catch (ServiceException e) {
        if (e.isRefusal()) {
          steps.refused(score.recordId(), score.score(), e.getMessage());
        } else {
          steps.failed(score.recordId(), score.score(), e.reason() + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * The link's line item: known already, found by resource link and tag (AGS 2.0 §3.2.4), or
   * created.
   */
  private String lineItem(GradeSteps.GradedLink link) {
    if (link.lineItemUrl() != null) {
      return link.lineItemUrl();
    }
    if (link.lineItemsUrl() == null) {
      return null;
    }
    URI container = URI.create(link.lineItemsUrl());
    List<AssignmentsAndGrades.LineItem> found =
        grades.lineItems(link.platform(), container, link.ltiLinkId(), SpacePlacement.GRADE_TAG);
    if (!found.isEmpty() && found.get(0).id() != null) {
      steps.useLineItem(link.resourceLinkId(), found.get(0).id(), "Line item found");
      return found.get(0).id();
    }
    AssignmentsAndGrades.LineItem created =
        grades.create(
            link.platform(),
            container,
            new AssignmentsAndGrades.LineItem(
                null,
                link.title() + " (participation)",
                link.maximum(),
                link.ltiLinkId(),
                "peerloop-space-" + link.spaceId(),
                SpacePlacement.GRADE_TAG));
    if (created.id() == null) {
      throw new ServiceException(201, "line-item-malformed", "The created line item has no id");
    }
    steps.useLineItem(link.resourceLinkId(), created.id(), "Line item created");
    return created.id();
  }

  /** Keeps at most {@link #SCORES_PER_SECOND} score posts per second to one platform. */
  private void pace(long platformId) {
    long gap = 1000L / SCORES_PER_SECOND;
    long now = System.currentTimeMillis();
    Long last = lastScoreAt.get(platformId);
    if (last != null && now - last < gap) {
      try {
        Thread.sleep(gap - (now - last));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceException(0, "interrupted", "Interrupted while pacing scores");
      }
    }
    lastScoreAt.put(platformId, System.currentTimeMillis());
  }
}
