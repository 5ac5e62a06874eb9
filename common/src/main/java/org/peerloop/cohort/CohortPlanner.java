package org.peerloop.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups people into cohorts by shared topics of interest, close to a target size.
 *
 * <ul>
 *   <li><b>First formation</b> (no cohort yet): the number of cohorts is the population divided by
 *       the target, rounded; sizes then differ by at most one, so no cohort is under half the
 *       target unless the whole space is. People are ordered by their topics, the most popular
 *       first, and dealt out in that order, so those who share topics end up together.
 *   <li><b>Late joiners</b> go to the existing cohort whose members share most of their topics,
 *       among those below {@link #growthLimit(int)}; ties go to the smaller cohort, then the older.
 *       Existing members never move. When every cohort is full a new one opens, and it takes the
 *       following joiners first until it reaches half the target.
 * </ul>
 *
 * Deterministic: the same input gives the same cohorts. Runs in O(n log n) for a first formation
 * and O(n · cohorts) for late joiners.
 */
public final class CohortPlanner {
  /** Learners pick up to three topics on their first visit. */
  public static final int MAX_TOPICS = 3;

  public static final int MIN_TARGET = 3;
  public static final int MAX_TARGET = 200;
  public static final int DEFAULT_TARGET = 17;

  private final int target;

  public CohortPlanner(int target) {
    if (target < MIN_TARGET || target > MAX_TARGET) {
      throw new IllegalArgumentException(
          "target cohort size must be between " + MIN_TARGET + " and " + MAX_TARGET);
    }
    this.target = target;
  }

  /**
   * The most a cohort grows to by late joiners before a new cohort opens: half again the target.
   */
  static int growthLimit(int target) {
    return target + (target + 1) / 2;
  }

  /**
   * Places the joiners. Existing cohorts keep their members and order; the result lists them first,
   * in the given order, then any new cohorts (keys 0, 1, … with {@code existing} false).
   */
  public List<PlannedCohort> place(List<PlannedCohort> existing, List<Joiner> joiners) {
    List<Joiner> ordered = new ArrayList<>(joiners);
    ordered.sort(Comparator.comparingLong(Joiner::id));
    if (existing.isEmpty()) {
      return firstFormation(ordered);
    }
    return lateJoiners(existing, ordered);
  }

  private List<PlannedCohort> firstFormation(List<Joiner> joiners) {
    int n = joiners.size();
    if (n == 0) {
      return List.of();
    }
    int cohorts = Math.max(1, Math.round((float) n / target));
    List<Joiner> byTopics = orderedByTopics(joiners);

    List<PlannedCohort> planned = new ArrayList<>(cohorts);
    int from = 0;
    for (int c = 0; c < cohorts; c++) {
      // Sizes differ by at most one: the first (n mod cohorts) cohorts take one more.
      int size = n / cohorts + (c < n % cohorts ? 1 : 0);
      planned.add(new PlannedCohort(c, false, byTopics.subList(from, from + size)));
      from += size;
    }
    return planned;
  }

  /**
   * Orders people by their topics ranked by popularity (most popular first), then by id: people
   * with the same topics become neighbours, and people sharing their main topic stay close. People
   * without topics go last, where they fill the remaining places.
   */
  private static List<Joiner> orderedByTopics(List<Joiner> joiners) {
    Map<String, Integer> popularity = popularity(joiners);
    Comparator<String> topicOrder =
        Comparator.<String>comparingInt(t -> -popularity.getOrDefault(t, 0))
            .thenComparing(Comparator.naturalOrder());
    record Keyed(Joiner joiner, List<String> key) {}
    List<Keyed> keyed = new ArrayList<>(joiners.size());
    for (Joiner joiner : joiners) {
      List<String> key = new ArrayList<>(joiner.topics());
      key.sort(topicOrder);
      keyed.add(new Keyed(joiner, key));
    }
    keyed.sort(
        (a, b) -> {
          for (int i = 0; i < Math.min(a.key().size(), b.key().size()); i++) {
            int c = topicOrder.compare(a.key().get(i), b.key().get(i));
            if (c != 0) {
              return c;
            }
          }
          if (a.key().size() != b.key().size()) {
            return a.key().isEmpty() || b.key().isEmpty()
                ? Integer.compare(b.key().size(), a.key().size())
                : Integer.compare(a.key().size(), b.key().size());
          }
          return Long.compare(a.joiner().id(), b.joiner().id());
        });
    return keyed.stream().map(Keyed::joiner).toList();
  }

  private static Map<String, Integer> popularity(List<Joiner> joiners) {
    Map<String, Integer> counts = new HashMap<>();
    for (Joiner joiner : joiners) {
      for (String topic : joiner.topics()) {
        counts.merge(topic, 1, Integer::sum);
      }
    }
    return counts;
  }

  private List<PlannedCohort> lateJoiners(List<PlannedCohort> existing, List<Joiner> joiners) {
    List<Growing> cohorts = new ArrayList<>();
    for (PlannedCohort cohort : existing) {
      cohorts.add(new Growing(cohort.key(), true, cohort.members()));
    }
    int limit = growthLimit(target);
    long nextKey = 0;
    for (Joiner joiner : joiners) {
      Growing young = youngCohortBelowHalf(cohorts);
      Growing chosen = young != null ? young : bestFit(cohorts, joiner, limit);
      if (chosen == null) {
        chosen = new Growing(nextKey++, false, List.of());
        cohorts.add(chosen);
      }
      chosen.add(joiner);
    }
    return cohorts.stream().map(Growing::toPlanned).toList();
  }

  /** A new cohort below half the target takes joiners first, so it does not stay small. */
  private Growing youngCohortBelowHalf(List<Growing> cohorts) {
    for (Growing cohort : cohorts) {
      if (!cohort.existing && cohort.members.size() * 2 < target) {
        return cohort;
      }
    }
    return null;
  }

  /**
   * The cohort with room whose members share the joiner's topics most, per member (so a large
   * cohort does not win by size alone); ties go to the smaller cohort, then the earlier one.
   */
  private static Growing bestFit(List<Growing> cohorts, Joiner joiner, int limit) {
    Growing best = null;
    long bestShared = 0;
    long bestSize = 1;
    for (Growing cohort : cohorts) {
      int size = cohort.members.size();
      if (size >= limit) {
        continue;
      }
      long shared = cohort.sharedTopics(joiner);
      long perMember = shared * bestSize - bestShared * Math.max(1, size);
      boolean better =
          best == null || perMember > 0 || perMember == 0 && size < best.members.size();
      if (better) {
        best = cohort;
        bestShared = shared;
        bestSize = Math.max(1, size);
      }
    }
    return best;
  }

  /** A cohort being filled, with a count of its members' topics for quick affinity checks. */
  private static final class Growing {
    private final long key;
    private final boolean existing;
    private final List<Joiner> members;
    private final Map<String, Integer> topicCounts = new HashMap<>();

    Growing(long key, boolean existing, List<Joiner> members) {
      this.key = key;
      this.existing = existing;
      this.members = new ArrayList<>();
      members.forEach(this::add);
    }

    void add(Joiner joiner) {
      members.add(joiner);
      joiner.topics().forEach(t -> topicCounts.merge(t, 1, Integer::sum));
    }

    /** How many members share a topic with the joiner, summed over the joiner's topics. */
    int sharedTopics(Joiner joiner) {
      int shared = 0;
      for (String topic : joiner.topics()) {
        shared += topicCounts.getOrDefault(topic, 0);
      }
      return shared;
    }

    PlannedCohort toPlanned() {
      return new PlannedCohort(key, existing, members);
    }
  }
}
