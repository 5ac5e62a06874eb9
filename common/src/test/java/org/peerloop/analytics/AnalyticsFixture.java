package org.peerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds small cohorts whose metrics are worked out by hand in the tests. */
final class AnalyticsFixture {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  final Set<Long> roster = new HashSet<>();
  final Set<Long> viewers = new HashSet<>();
  final List<CohortFacts.Thread> threads = new ArrayList<>();
  final List<CohortFacts.Reply> replies = new ArrayList<>();
  final List<CohortFacts.Rating> ratings = new ArrayList<>();
  private long nextPost = 100;

  AnalyticsFixture roster(long... people) {
    for (long p : people) {
      roster.add(p);
    }
    return this;
  }

  AnalyticsFixture viewed(long... people) {
    for (long p : people) {
      viewers.add(p);
    }
    return this;
  }

  long thread(long author, CohortFacts.Kind kind, String... tags) {
    long id = nextPost++;
    threads.add(new CohortFacts.Thread(id, author, kind, T0, Set.of(tags)));
    return id;
  }

  long thread(long author) {
    return thread(author, CohortFacts.Kind.DISCUSSION);
  }

  long reply(long thread, long author, Duration after) {
    long id = nextPost++;
    replies.add(new CohortFacts.Reply(id, thread, author, T0.plus(after)));
    return id;
  }

  long reply(long thread, long author) {
    return reply(thread, author, Duration.ofHours(1));
  }

  void rate(long post, long giver, long postAuthor, boolean onReply) {
    ratings.add(new CohortFacts.Rating(post, giver, postAuthor, onReply, T0));
  }

  CohortFacts facts() {
    return new CohortFacts(roster, viewers, threads, replies, ratings);
  }
}
