package org.peerloop.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Participation inequality (PRODUCT.md): the share of posts written by the top 10% of members, and
 * the Gini coefficient of posts per member. Posts are thread starts and replies; every roster
 * member counts, with zero when they wrote nothing.
 */
public record Inequality(double topTenPercentShare, double gini) {

  public static Inequality of(CohortFacts facts) {
    Map<Long, Long> posts = new HashMap<>();
    facts.roster().forEach(p -> posts.put(p, 0L));
    facts.threads().forEach(t -> posts.computeIfPresent(t.author(), (k, v) -> v + 1));
    facts.replies().forEach(r -> posts.computeIfPresent(r.author(), (k, v) -> v + 1));
    long[] counts = posts.values().stream().mapToLong(Long::longValue).toArray();
    return new Inequality(topShare(counts, 0.10), gini(counts));
  }

  /**
   * The share of the total held by the top {@code fraction} of members (at least one member when
   * there are any: in a cohort of 17, the top 10% is its most active member).
   */
  static double topShare(long[] counts, double fraction) {
    long total = Arrays.stream(counts).sum();
    if (total == 0) {
      return 0;
    }
    long[] sorted = counts.clone();
    Arrays.sort(sorted);
    int top = Math.max(1, (int) Math.ceil(sorted.length * fraction - 1e-9));
    long held = 0;
    for (int i = sorted.length - top; i < sorted.length; i++) {
      held += sorted[i];
    }
    return (double) held / total;
  }

  /**
   * The Gini coefficient: 0 when everyone wrote as much, (n - 1) / n when one person wrote
   * everything. Computed on the sorted values: G = Σ (2i - n - 1) x_i / (n Σ x_i), i from 1.
   */
  static double gini(long[] counts) {
    int n = counts.length;
    long total = Arrays.stream(counts).sum();
    if (n == 0 || total == 0) {
      return 0;
    }
    long[] sorted = counts.clone();
    Arrays.sort(sorted);
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
    }
    return weighted / ((double) n * total);
  }
}
