package org.peerloop.xapi;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.outbound.ServiceException;

/**
 * Pushes each platform's new activity to its store every minute, in batches of {@link
 * LrsConnections#BATCH}, until it is up to date or a run's time is spent. A batch the store did not
 * take is sent again on a later run, after a wait that grows with each failure; the cursor moves
 * only once the store answered 200, and never past an event still being written, so nothing is
 * skipped.
 */
@ApplicationScoped
public class LrsPush {
  private static final Logger LOG = Logger.getLogger(LrsPush.class.getName());

  static final Duration EVERY = Duration.ofMinutes(1);

  /** One run's time per platform: a store far behind catches up over several runs. */
  static final Duration RUN_TIME = Duration.ofSeconds(45);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject LrsConnections connections;
  @Inject LrsClient client;

  /** One push at a time on this node. */
  private final ReentrantLock running = new ReentrantLock();

  private ScheduledFuture<?> schedule;

  public void start() {
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::pushDue, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  void pushDue() {
    try {
      connections.due().forEach(this::push);
    } catch (RuntimeException e) {
      // The next run tries again; a database outage must not end the schedule.
      LOG.log(Level.WARNING, "The xAPI push failed", e);
    }
  }

  /** Pushes one platform's activity now, whatever its wait; returns the outcome. */
  public LrsConnections.Status pushNow(long platformId) {
    push(platformId);
    return connections.status(platformId);
  }

  private void push(long platformId) {
    running.lock();
    try {
      long deadline = System.nanoTime() + RUN_TIME.toNanos();
      while (System.nanoTime() < deadline) {
        LrsConnections.Batch batch = connections.next(platformId, connections.committedThrough());
        if (batch == null) {
          return;
        }
        try {
          client.send(batch.store(), batch.statementsJson());
        } catch (ServiceException e) {
          connections.failed(platformId, e.reason() + ": " + e.getMessage());
          return;
        }
        connections.pushed(platformId, batch);
      }
    } finally {
      running.unlock();
    }
  }
}
