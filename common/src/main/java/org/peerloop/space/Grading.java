package org.peerloop.space;

import org.peerloop.errors.InvalidValueException;

/**
 * Whether a space sends a participation grade to the LMS gradebook, and how it is worked out.
 *
 * <p>The formula: each thread started is worth {@code thread} points, each reply {@code reply},
 * each rating given {@code rating}, each applied-at-work story {@code story} (a story is also a
 * thread, and earns both). {@code fullMarks} points earn the maximum; fewer earn their share of it:
 * {@code score = maximum × min(1, points / fullMarks)}, rounded to two decimals. Held and rejected
 * posts do not count; deleted ones neither.
 */
public record Grading(
    boolean enabled, int maximum, int thread, int reply, int rating, int story, int fullMarks) {

  public static final int MAXIMUM_LIMIT = 1000;
  public static final int POINTS_LIMIT = 100;

  /** No grade; the formula's defaults, for when a designer turns it on. */
  public static final Grading OFF = new Grading(false, 100, 3, 2, 1, 5, 20);

  public Grading {
    if (maximum < 1 || maximum > MAXIMUM_LIMIT) {
      throw new InvalidValueException(
          "grading.maximum", "the maximum grade must be between 1 and " + MAXIMUM_LIMIT);
    }
    for (int points : new int[] {thread, reply, rating, story}) {
      if (points < 0 || points > POINTS_LIMIT) {
        throw new InvalidValueException(
            "grading", "points per contribution must be between 0 and " + POINTS_LIMIT);
      }
    }
    if (fullMarks < 1 || fullMarks > POINTS_LIMIT * 100) {
      throw new InvalidValueException(
          "grading.fullMarks", "the points for full marks must be between 1 and 10000");
    }
  }

  /** What one person did in the space, as the formula counts it. */
  public record Contributions(long threads, long replies, long ratings, long stories) {}

  public double score(Contributions c) {
    long points =
        c.threads() * thread + c.replies() * reply + c.ratings() * rating + c.stories() * story;
    double share = Math.min(1.0, (double) points / fullMarks);
    return Math.round(maximum * share * 100.0) / 100.0;
  }
}
