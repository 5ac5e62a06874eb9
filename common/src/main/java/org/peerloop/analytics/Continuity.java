package org.peerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Whether a post-course cohort lives on (PRODUCT.md): the share of its members active in the week
 * that ends 4 weeks, and the one that ends 8 weeks, after the course's end. Active means any view,
 * post, reply or rating in that week.
 */
public record Continuity(double fourWeeks, double eightWeeks) {

  /**
   * @param activeBetween the people active in [start, end), as the database finds them
   */
  public static Continuity of(
      Set<Long> members, Instant courseEnd, BiFunction<Instant, Instant, Set<Long>> activeBetween) {
    return new Continuity(
        activeShare(members, courseEnd.plus(Duration.ofDays(28)), activeBetween),
        activeShare(members, courseEnd.plus(Duration.ofDays(56)), activeBetween));
  }

  private static double activeShare(
      Set<Long> members, Instant weekEnd, BiFunction<Instant, Instant, Set<Long>> activeBetween) {
    if (members.isEmpty()) {
      return 0;
    }
    Set<Long> active = activeBetween.apply(weekEnd.minus(Duration.ofDays(7)), weekEnd);
    return (double) active.stream().filter(members::contains).count() / members.size();
  }
}
