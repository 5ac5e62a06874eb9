package org.peerloop.analytics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Engagement over time: per week (Monday to Sunday, UTC) of the period, how many people were active
 * (viewed, posted, replied or rated) and how many posts were written.
 */
public final class Engagement {
  /** The most weeks a chart shows; longer periods show their last weeks. */
  public static final int MAX_WEEKS = 52;

  static final Duration WEEK = Duration.ofDays(7);

  private Engagement() {}

  public record Week(Instant start, int activePeople, int posts) {}

  /** The Mondays (00:00 UTC) starting the weeks of the period, at most {@link #MAX_WEEKS}. */
  public static List<Instant> weekStarts(Instant from, Instant to) {
    Instant first =
        from.atZone(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    List<Instant> starts = new ArrayList<>();
    for (Instant start = first; start.isBefore(to); start = start.plus(WEEK)) {
      starts.add(start);
    }
    return starts.size() > MAX_WEEKS
        ? List.copyOf(starts.subList(starts.size() - MAX_WEEKS, starts.size()))
        : starts;
  }

  /**
   * The series: active people per week as counted by {@code activeBetween} (the database counts
   * them, so events are never loaded one by one), posts per week from the facts.
   */
  public static List<Week> weekly(
      List<Instant> weekStarts,
      CohortFacts facts,
      BiFunction<Instant, Instant, Integer> activeBetween) {
    List<Week> series = new ArrayList<>(weekStarts.size());
    for (Instant start : weekStarts) {
      Instant end = start.plus(WEEK);
      int posts = 0;
      for (CohortFacts.Thread t : facts.threads()) {
        posts += within(t.at(), start, end) ? 1 : 0;
      }
      for (CohortFacts.Reply r : facts.replies()) {
        posts += within(r.at(), start, end) ? 1 : 0;
      }
      series.add(new Week(start, activeBetween.apply(start, end), posts));
    }
    return series;
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
