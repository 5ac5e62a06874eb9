package org.peerloop.notifications;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.settings.Settings;

/**
 * Sends the outbox's due mails every few seconds when a mail server is configured. A mail is marked
 * sent the moment the server accepted it; one it did not take waits longer each time, one it
 * refused for good is never sent again. The server's answer can still be lost between its
 * acceptance and that mark (a crash in those milliseconds): the mail is then sent again, with the
 * same Message-ID.
 */
@ApplicationScoped
public class MailSender {
  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

  static final Duration EVERY = Duration.ofSeconds(10);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Outbox outbox;
  @Inject Settings settings;

  private final ReentrantLock running = new ReentrantLock();
  private ScheduledFuture<?> schedule;
  private MailDelivery delivery;

  public void start() {
    if (settings.smtp().isEmpty()) {
      LOG.info("No mail server (PEERLOOP_SMTP_HOST): notifications stay in the app");
      return;
    }
    delivery = new MailDelivery(settings.smtp().get());
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::sendDue, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  void sendDue() {
    if (!running.tryLock()) {
      return;
    }
    try {
      List<Outbox.Claimed> claimed;
      while (!(claimed = outbox.claimDue()).isEmpty()) {
        claimed.forEach(this::send);
      }
    } catch (RuntimeException e) {
      // The next run tries again; a database outage must not end the schedule.
      LOG.log(Level.WARNING, "The mail sender failed", e);
    } finally {
      running.unlock();
    }
  }

  private void send(Outbox.Claimed claimed) {
    try {
      delivery.send(claimed.mail());
      outbox.sent(claimed.outboxId());
    } catch (MailException e) {
      if (e.permanent()) {
        outbox.refused(claimed.outboxId(), e.getMessage());
      } else {
        outbox.failed(claimed.outboxId(), e.getMessage());
      }
    }
  }
}
