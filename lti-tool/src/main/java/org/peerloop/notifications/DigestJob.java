package org.peerloop.notifications;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.notify.Digests;
import org.peerloop.runtime.Transactions;
import org.peerloop.settings.Settings;

/**
 * Makes the due digests every hour, one member per transaction: the digest goes to the outbox and
 * the member's last digest moves with it, so a crash makes it again or not at all; the mail sender
 * delivers it.
 */
@ApplicationScoped
public class DigestJob {
  private static final Logger LOG = Logger.getLogger(DigestJob.class.getName());

  static final Duration EVERY = Duration.ofHours(1);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Digests digests;
  @Inject MailChoices choices;
  @Inject Settings settings;
  @Inject DigestJob self;

  private ScheduledFuture<?> schedule;

  public void start() {
    if (settings.smtp().isEmpty()) {
      return;
    }
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::runLogged, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  private void runLogged() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Making digests failed", e);
    }
  }

  /** Makes every due digest now; answers how many went to the outbox. */
  public int run() {
    int made = 0;
    for (long person : self.dueMembers()) {
      // Two nodes may make the same member's digest at once; the loser's unique key fails.
      try {
        made += Transactions.retryOnConflict(() -> self.make(person)) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Digest of person " + person + " not made here", e);
      }
    }
    return made;
  }

  @Transactional
  public List<Long> dueMembers() {
    return digests.dueMembers();
  }

  @Transactional
  public boolean make(long personId) {
    return digests
        .take(personId)
        .map(
            due -> {
              DigestComposer.Words words =
                  DigestComposer.compose(
                      due,
                      news -> LmsLinks.to(news.cohort().space()),
                      choices.unsubscribeUrl(personId));
              digests.queue(due, words.language(), words.subject(), words.text(), words.html());
              return true;
            })
        .orElse(false);
  }
}
