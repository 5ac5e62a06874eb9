package org.peerloop.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Rate limits count per fixed minute: a test that fills one waits until enough of it is left. */
final class LimitWindows {
  private LimitWindows() {}

  /** Returns when at least {@code needed} is left of the current minute (waiting at most that). */
  static void awaitRoomFor(Duration needed) throws InterruptedException {
    Instant now = Instant.now();
    Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Duration left = Duration.between(now, end);
    if (left.compareTo(needed) < 0) {
      Thread.sleep(left.toMillis() + 100);
    }
  }
}
