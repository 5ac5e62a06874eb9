package org.peerloop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Each metric on a cohort small enough to work out by hand. */
class MetricsTest {
  private static final double EPS = 1e-9;

  @Test
  void segmentsEngagementAndReach() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    f.viewed(1, 2, 3, 4, 5, 6);
    long t = f.thread(1); // 1 creates
    f.reply(t, 2); // 2 contributes by replying
    f.rate(t, 3, 1, false); // 3 contributes by rating
    // 4, 5, 6 only viewed: consumers; 7 to 10 never came: non-participants.
    Segments s = Segments.of(f.facts());
    assertEquals(new Segments(4, 3, 2, 1), s);
    assertEquals(0.3, s.engagementRate(), EPS);
    assertEquals(0.6, s.reach(), EPS);
  }

  @RepeatedTest(20)
  void segmentsAlwaysAddUpToTheRoster(org.junit.jupiter.api.RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    AnalyticsFixture f = new AnalyticsFixture();
    int n = 1 + random.nextInt(40);
    for (long p = 1; p <= n; p++) {
      f.roster(p);
      if (random.nextBoolean()) {
        f.viewed(p);
      }
    }
    for (int i = 0; i < random.nextInt(30); i++) {
      long author = 1 + random.nextInt(n + 5); // some authors left the roster
      long thread = f.thread(author);
      for (int r = 0; r < random.nextInt(4); r++) {
        f.reply(thread, 1 + random.nextInt(n));
      }
    }
    Segments s = Segments.of(f.facts());
    assertEquals(n, s.nonParticipants() + s.consumers() + s.contributors() + s.creators());
    assertEquals(n, CohortReport.of(f.facts()).members().size());
  }

  @Test
  void giniOnKnownVectors() {
    assertEquals(0, Inequality.gini(new long[] {5, 5, 5, 5}), EPS);
    assertEquals(0.75, Inequality.gini(new long[] {0, 0, 0, 8}), EPS, "(n - 1) / n");
    // Sorted 1, 2, 3: Σ(2i - n - 1)x = -2·1 + 0·2 + 2·3 = 4; n·Σx = 18.
    assertEquals(4.0 / 18, Inequality.gini(new long[] {3, 1, 2}), EPS);
    assertEquals(0, Inequality.gini(new long[] {0, 0}), EPS);
    assertEquals(0, Inequality.gini(new long[] {}), EPS);
  }

  @Test
  void theTopTenPercentShare() {
    // 20 members: the top 10% is two people, who wrote 10 + 6 of 20 posts.
    long[] counts = new long[20];
    counts[0] = 10;
    counts[1] = 6;
    for (int i = 2; i < 6; i++) {
      counts[i] = 1;
    }
    assertEquals(0.8, Inequality.topShare(counts, 0.10), EPS);
    // 17 members: the top 10% rounds up to two people.
    long[] cohort = new long[17];
    cohort[3] = 3;
    cohort[9] = 1;
    cohort[11] = 1;
    assertEquals(0.8, Inequality.topShare(cohort, 0.10), EPS);
    assertEquals(0, Inequality.topShare(new long[5], 0.10), EPS);
  }

  @Test
  void inequalityCountsEveryRosterMemberAndThreadsAndReplies() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3, 4);
    long t = f.thread(1);
    f.reply(t, 1);
    f.reply(t, 2);
    f.thread(1);
    // Posts: 1 → 3, 2 → 1, 3 → 0, 4 → 0. Sorted 0, 0, 1, 3: Σ = -3·0 - 1·0 + 1·1 + 3·3 = 10;
    // n·Σx = 16.
    Inequality inequality = Inequality.of(f.facts());
    assertEquals(10.0 / 16, inequality.gini(), EPS);
    assertEquals(0.75, inequality.topTenPercentShare(), EPS);
  }

  @Test
  void conversationReciprocityQuestionsAndFirstReply() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long q1 = f.thread(1, CohortFacts.Kind.QUESTION);
    f.reply(q1, 1, Duration.ofMinutes(5)); // the author's own reply answers nothing
    f.reply(q1, 2, Duration.ofMinutes(30));
    f.reply(q1, 3, Duration.ofMinutes(10));
    long q2 = f.thread(2, CohortFacts.Kind.QUESTION);
    f.reply(q2, 3, Duration.ofHours(2));
    f.thread(3, CohortFacts.Kind.QUESTION); // unanswered
    long d = f.thread(1);
    f.reply(d, 1);
    Conversation c = Conversation.of(f.facts());
    // Threads 4, replies 5: 5 / 9 posts are replies.
    assertEquals(5.0 / 9, c.replyPostRatio(), EPS);
    assertEquals(0.5, c.reciprocity(), EPS, "q1 and q2 of four threads");
    assertEquals(3, c.questions());
    assertEquals(2.0 / 3, c.questionsAnswered(), EPS);
    // First replies by others: q1 after 10 min, q2 after 2 h: the median is their mean, 65 min.
    assertEquals(Optional.of(Duration.ofMinutes(65)), c.medianFirstReply());
  }

  @Test
  void personasAtTheirThresholds() {
    assertEquals(Persona.OBSERVER, Persona.of(0, 0, 0));
    assertEquals(Persona.OBSERVER, Persona.of(0, 0, 3), "rated by others, never gave");
    assertEquals(Persona.BROADCASTER, Persona.of(2, 0, 5));
    assertEquals(Persona.RESPONDER, Persona.of(0, 4, 0));
    assertEquals(Persona.CATALYST, Persona.of(1, 2, 4), "received exactly twice what they gave");
    assertEquals(Persona.ENGAGER, Persona.of(1, 2, 3));
    assertEquals(Persona.ENGAGER, Persona.of(1, 4, 2), "exactly one half");
    assertEquals(Persona.RESPONDER, Persona.of(1, 5, 2), "received less than half");
  }

  /** People active at moments, asked the way the database is asked: who was active in [a, b). */
  private static java.util.function.BiFunction<
          java.time.Instant, java.time.Instant, java.util.Set<Long>>
      activity(Object[][] moments) {
    return (a, b) -> {
      java.util.Set<Long> active = new java.util.HashSet<>();
      for (Object[] m : moments) {
        java.time.Instant at = (java.time.Instant) m[1];
        if (!at.isBefore(a) && at.isBefore(b)) {
          active.add((Long) m[0]);
        }
      }
      return active;
    };
  }

  @Test
  void continuityAtFourAndEightWeeks() {
    var end = AnalyticsFixture.T0;
    Object[][] moments = {
      {1L, end.plus(Duration.ofDays(22))}, // in the week ending day 28
      {2L, end.plus(Duration.ofDays(27))},
      {2L, end.plus(Duration.ofDays(50))}, // in the week ending day 56
      {3L, end.plus(Duration.ofDays(28))}, // day 28 belongs to the next week
      {9L, end.plus(Duration.ofDays(25))} // not a member
    };
    Continuity c = Continuity.of(java.util.Set.of(1L, 2L, 3L, 4L), end, activity(moments));
    assertEquals(0.5, c.fourWeeks(), EPS);
    assertEquals(0.25, c.eightWeeks(), EPS);
  }

  @Test
  void engagementWeekByWeek() {
    // T0 is Monday 2 November 2026, 09:00 UTC: weeks start on the 2nd, 9th and 16th.
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long t = f.thread(1);
    f.reply(t, 2, Duration.ofDays(8));
    f.thread(2, CohortFacts.Kind.APPLIED_STORY, "coaching");
    f.thread(3, CohortFacts.Kind.DISCUSSION, "coaching", "data");
    Object[][] moments = {
      {1L, AnalyticsFixture.T0},
      {2L, AnalyticsFixture.T0.plus(Duration.ofDays(1))},
      {2L, AnalyticsFixture.T0.plus(Duration.ofDays(8))},
      {2L, AnalyticsFixture.T0.plus(Duration.ofDays(9))},
      {3L, AnalyticsFixture.T0.plus(Duration.ofDays(30))}
    };
    var starts =
        Engagement.weekStarts(
            AnalyticsFixture.T0.plus(Duration.ofDays(2)),
            AnalyticsFixture.T0.plus(Duration.ofDays(15)));
    assertEquals(
        List.of(
            java.time.Instant.parse("2026-11-02T00:00:00Z"),
            java.time.Instant.parse("2026-11-09T00:00:00Z"),
            java.time.Instant.parse("2026-11-16T00:00:00Z")),
        starts);
    var weeks =
        Engagement.weekly(starts, f.facts(), (a, b) -> activity(moments).apply(a, b).size());
    assertEquals(List.of(2, 1, 0), weeks.stream().map(Engagement.Week::activePeople).toList());
    assertEquals(List.of(3, 1, 0), weeks.stream().map(Engagement.Week::posts).toList());
    assertEquals(List.of(1, 0, 0), weeks.stream().map(Engagement.Week::stories).toList());
    assertEquals(List.of(2, 0, 0), weeks.stream().map(Engagement.Week::tagged).toList());
  }

  @Test
  void aLongPeriodShowsItsLastFiftyTwoWeeks() {
    var starts =
        Engagement.weekStarts(
            java.time.Instant.parse("2024-01-01T00:00:00Z"),
            java.time.Instant.parse("2026-01-01T00:00:00Z"));
    assertEquals(Engagement.MAX_WEEKS, starts.size());
    assertEquals(java.time.Instant.parse("2025-12-29T00:00:00Z"), starts.get(starts.size() - 1));
  }
}
