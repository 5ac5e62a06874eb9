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
 * (viewed, posted, replied or rated), how many posts were written, and how many of the new threads
 * were applied-at-work stories or carried a #tag.
 */
public final class Engagement {
  /** The most weeks a chart shows; longer periods show their last weeks. */
  public static final int MAX_WEEKS = 52;

  static final Duration WEEK = Duration.ofDays(7);

  private Engagement() {}

  public record Week(Instant start, int activePeople, int posts, int stories, int tagged) {}

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
      int stories = 0;
      int tagged = 0;
      for (CohortFacts.Thread t : facts.threads()) {
        if (within(t.at(), start, end)) {
          posts++;
          stories += t.kind() == CohortFacts.Kind.APPLIED_STORY ? 1 : 0;
          tagged += t.tags().isEmpty() ? 0 : 1;
        }
      }
      for (CohortFacts.Reply r : facts.replies()) {
        posts += within(r.at(), start, end) ? 1 : 0;
      }
      series.add(new Week(start, activeBetween.apply(start, end), posts, stories, tagged));
    }
    return series;
  }

  private static boolean within(Instant at, Instant start, Instant end) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
