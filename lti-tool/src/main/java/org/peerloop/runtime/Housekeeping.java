package org.peerloop.runtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired one-time sign-in records every minute. Every node may run it at once: the deletes
 * are idempotent, so no cluster-wide lock is needed.
 */
@ApplicationScoped
public class Housekeeping {
  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject HousekeepingTasks tasks;

  private ScheduledFuture<?> purge;

  void start() {
    purge =
        scheduler.scheduleWithFixedDelay(
            () -> {
              try {
                tasks.purgeExpiredSignIns();
              } catch (RuntimeException e) {
                // The next run tries again; a database outage must not end the schedule.
                LOG.log(Level.WARNING, "Purging expired sign-in records failed", e);
              }
            },
            1,
            1,
            TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (purge != null) {
      purge.cancel(false);
    }
  }
}
