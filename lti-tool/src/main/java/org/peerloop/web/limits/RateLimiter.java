package org.peerloop.web.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import org.peerloop.runtime.DatabaseFailures;
import org.peerloop.settings.Settings;

/**
 * Fixed one-minute windows per limit and subject. A fixed window lets a client make up to twice the
 * limit across a window boundary; for limits meant to stop floods, not to meter, that is enough,
 * and it costs one row per subject and minute.
 */
@ApplicationScoped
public class RateLimiter {
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** Two nodes making a window's row at once: the loser counts again and finds it. */
  private static final int ATTEMPTS = 3;

  @Inject RateCounter counter;
  @Inject Settings settings;
  @Inject Clock clock;

  /**
   * Counts the request: empty when it is within the limit, else the seconds until the client may
   * try again ({@code Retry-After}, RFC 9110 §10.2.3).
   */
  public OptionalLong check(Limit limit, String subject) {
    int allowed = limit.perMinute(settings.limits());
    if (allowed == 0) {
      return OptionalLong.empty();
    }
    Instant now = clock.instant();
    Instant window = now.truncatedTo(ChronoUnit.MINUTES);
    int hits = count(limit.name() + ":" + subject, window);
    if (hits <= allowed) {
      return OptionalLong.empty();
    }
    long left = Duration.between(now, window.plus(WINDOW)).toMillis();
    return OptionalLong.of(Math.max(1, (left + 999) / 1000));
  }

  private int count(String bucket, Instant window) {
    for (int attempt = 1; ; attempt++) {
      try {
        return counter.hit(bucket, window);
      } catch (PersistenceException | TransactionalException e) {
        if (attempt == ATTEMPTS || DatabaseFailures.isUnavailable(e)) {
          throw e;
        }
      }
    }
  }

  /** Housekeeping: windows that ended are of no use. */
  public int purgeEnded() {
    return counter.purgeBefore(clock.instant().truncatedTo(ChronoUnit.MINUTES));
  }
}
