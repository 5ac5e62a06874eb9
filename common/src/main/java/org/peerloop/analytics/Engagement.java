package org.peerloop.analytics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Engagement over time: per week (Monday to Sunday, UTC) of the period, how many people were active
 * (viewed, posted, replied or rated) and how many posts were written.
 */
public final class Engagement {
  /** The most weeks a chart shows; longer periods show their last weeks. */
  public static final int MAX_WEEKS = 52;

  private Engagement() {}

  public record Week(Instant start, int activePeople, int posts) {}

  public static List<Week> weekly(
      Collection<Continuity.Moment> moments, CohortFacts facts, Instant from, Instant to) {
    Instant first =
        from.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    long weeks = Math.max(1, Duration.between(first, to).toDays() / 7 + 1);
    if (weeks > MAX_WEEKS) {
      first = first.plus(Duration.ofDays(7 * (weeks - MAX_WEEKS)));
      weeks = MAX_WEEKS;
    }
    Map<Long, Set<Long>> active = new HashMap<>();
    Map<Long, Integer> posts = new HashMap<>();
    for (Continuity.Moment m : moments) {
      week(first, m.at(), weeks)
          .ifPresent(w -> active.computeIfAbsent(w, k -> new HashSet<>()).add(m.person()));
    }
    for (CohortFacts.Thread t : facts.threads()) {
      week(first, t.at(), weeks).ifPresent(w -> posts.merge(w, 1, Integer::sum));
    }
    for (CohortFacts.Reply r : facts.replies()) {
      week(first, r.at(), weeks).ifPresent(w -> posts.merge(w, 1, Integer::sum));
    }
    List<Week> series = new ArrayList<>();
    for (long w = 0; w < weeks; w++) {
      Instant start = first.plus(Duration.ofDays(7 * w));
      if (start.isAfter(to)) {
        break;
      }
      series.add(
          new Week(start, active.getOrDefault(w, Set.of()).size(), posts.getOrDefault(w, 0)));
    }
    return series;
  }

  private static Optional<Long> week(Instant first, Instant at, long weeks) {
    if (at.isBefore(first)) {
      return Optional.empty();
    }
    long w = Duration.between(first, at).toDays() / 7;
    return w < weeks ? Optional.of(w) : Optional.empty();
  }
}
