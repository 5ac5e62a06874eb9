package org.peerloop.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What happened in a group of people over a period, as the metrics read it. Replies nest one level
 * in PeerLoop, so a reply answers its thread's author.
 *
 * @param roster everyone who counts (from the LMS roster when the platform offers it, otherwise the
 *     members): people with no activity at all are non-participants
 * @param viewers people who opened the space in the period
 */
public record CohortFacts(
    Set<Long> roster,
    Set<Long> viewers,
    List<Thread> threads,
    List<Reply> replies,
    List<Rating> ratings) {

  public CohortFacts {
    roster = Set.copyOf(roster);
    viewers = Set.copyOf(viewers);
    threads = List.copyOf(threads);
    replies = List.copyOf(replies);
    ratings = List.copyOf(ratings);
  }

  /** A thread start; {@code tags} are its #tags and prompt topic, for per-topic metrics. */
  public record Thread(long id, long author, Kind kind, Instant at, Set<String> tags) {
    public Thread {
      tags = Set.copyOf(tags);
    }
  }

  /** What a thread is. */
  public enum Kind {
    DISCUSSION,
    QUESTION,
    APPLIED_STORY
  }

  public record Reply(long id, long thread, long author, Instant at) {}

  /**
   * A rating or an endorsement given to a post. {@code onReply} tells an answer (a reply) from a
   * thread start.
   */
  public record Rating(long post, long giver, long postAuthor, boolean onReply, Instant at) {}
}
