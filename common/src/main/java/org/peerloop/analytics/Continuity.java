package org.peerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a post-course cohort lives on (PRODUCT.md): the share of its members active in the week
 * that ends 4 weeks, and the one that ends 8 weeks, after the course's end. Active means any view,
 * post, reply or rating in that week.
 */
public record Continuity(double fourWeeks, double eightWeeks) {

  /** Something a person did, when. */
  public record Moment(long person, Instant at) {}

  public static Continuity of(Set<Long> members, Collection<Moment> moments, Instant courseEnd) {
    return new Continuity(
        activeShare(members, moments, courseEnd.plus(Duration.ofDays(28))),
        activeShare(members, moments, courseEnd.plus(Duration.ofDays(56))));
  }

  /** Members active in the seven days before {@code weekEnd}. */
  static double activeShare(Set<Long> members, Collection<Moment> moments, Instant weekEnd) {
    if (members.isEmpty()) {
      return 0;
    }
    Instant weekStart = weekEnd.minus(Duration.ofDays(7));
    Set<Long> active =
        moments.stream()
            .filter(m -> members.contains(m.person()))
            .filter(m -> !m.at().isBefore(weekStart) && m.at().isBefore(weekEnd))
            .map(Moment::person)
            .collect(Collectors.toSet());
    return (double) active.size() / members.size();
  }
}
