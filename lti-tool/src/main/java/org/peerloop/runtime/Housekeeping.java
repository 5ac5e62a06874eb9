package org.peerloop.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.activity.ActivityEvent;
import org.peerloop.activity.ViewBuffer;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.lti.session.ToolSecrets;

/**
 * Background work of each node: writes buffered views every two seconds, and deletes expired
 * one-time sign-in records and ended rate-limit windows every minute. Every node may run both at
 * once: each writes its own views, and the deletes are idempotent, so no cluster-wide lock is
 * needed.
 */
@ApplicationScoped
public class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  /** Views per transaction: large enough to keep up, small enough to keep locks short. */
  static final int VIEW_BATCH = 2_000;

  @Inject HousekeepingTasks tasks;
  @Inject ViewBuffer views;

  private ScheduledFuture<?> purge;
  private ScheduledFuture<?> viewWriter;
  private ScheduledFuture<?> revocations;

  @Inject RevokedSessions revoked;

  @Inject ToolSecrets secrets;

  /**
   * What other nodes changed that this one must know within seconds: revocations, so a session
   * ended on one node ends on this one, and new versions of the token secrets, before they sign.
   */
  void readRevocations() {
    try {
      revoked.reload();
      secrets.reload();
    } catch (RuntimeException e) {
      // Kept: the node goes on with what it knew; the next run tries again.
      LOG.log(Level.WARNING, "Reading session revocations and token secrets failed", e);
    }
  }

  void start() {
    purge =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                tasks.purgeExpiredSignIns();
                tasks.purgeEndedRateWindows();
                tasks.purgeOldRefusals();
                tasks.purgeOldRevocations();
                tasks.rotateSecretsWhenDue();
              } catch (RuntimeException e) {
                // The next run tries again; a database outage must not end the schedule.
                LOG.log(Level.WARNING, "Purging expired sign-in records failed", e);
              }
            },
            1,
            1,
            TimeUnit.MINUTES);
    viewWriter = scheduler.scheduleWithFixedDelay(this::writeViews, 2, 2, TimeUnit.SECONDS);
    revocations =
        scheduler.scheduleWithFixedDelay(
            this::readRevocations, 0, RevokedSessions.RELOAD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Writes every buffered view, batch by batch; a failed batch goes back for the next run. */
  void writeViews() {
    List<ActivityEvent> batch;
    while (!(batch = views.drain(VIEW_BATCH)).isEmpty()) {
      try {
        tasks.writeViews(batch);
      } catch (RuntimeException e) {
        views.putBack(batch);
        int count = batch.size();
        LOG.warning(() -> "Writing " + count + " views failed; they stay buffered: " + e);
        return;
      }
    }
  }

  /**
   * The last views of a clean stop are kept. Written before any application-scoped bean is
   * destroyed: CDI leaves the order of their {@code @PreDestroy} methods open, and the persistence
   * unit's may come first.
   */
  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    if (purge != null) {
      purge.cancel(false);
    }
    if (revocations != null) {
      revocations.cancel(false);
    }
    if (viewWriter != null) {
      viewWriter.cancel(false);
      writeViews();
    }
  }
}
