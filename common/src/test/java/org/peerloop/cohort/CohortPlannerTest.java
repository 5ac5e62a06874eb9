package org.peerloop.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CohortPlannerTest {
  private static final List<String> TOPICS =
      List.of(
          "coaching", "feedback", "hybrid-teams", "change", "data", "ethics", "hiring", "budget");

  /**
   * A synthetic population with real structure: each person has a main interest and picks up to two
   * more topics, mostly near it (people interested in coaching often pick feedback too).
   */
  static List<Joiner> population(int n, long seed) {
    Random random = new Random(seed);
    List<Joiner> people = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int main = random.nextInt(TOPICS.size());
      Set<String> topics = new HashSet<>();
      topics.add(TOPICS.get(main));
      int extra = random.nextInt(3);
      for (int e = 0; e < extra; e++) {
        int near = Math.floorMod(main + (random.nextBoolean() ? 1 : -1), TOPICS.size());
        topics.add(TOPICS.get(random.nextInt(10) < 8 ? near : random.nextInt(TOPICS.size())));
      }
      people.add(new Joiner(i + 1, new ArrayList<>(topics)));
    }
    return people;
  }

  private static List<Integer> sizes(List<PlannedCohort> cohorts) {
    return cohorts.stream().map(PlannedCohort::size).toList();
  }

  @Test
  void firstFormationMakesBalancedCohortsCloseToTheTarget() {
    List<PlannedCohort> cohorts = new CohortPlanner(17).place(List.of(), population(100, 1));

    assertEquals(List.of(17, 17, 17, 17, 16, 16), sizes(cohorts));
  }

  @Test
  void noCohortIsUnderHalfTheTargetUnlessTheSpaceIsThatSmall() {
    for (int target = CohortPlanner.MIN_TARGET; target <= 60; target += 7) {
      for (int n = 1; n <= 400; n += 13) {
        List<Integer> sizes = sizes(new CohortPlanner(target).place(List.of(), population(n, n)));
        int min = Collections.min(sizes);
        int max = Collections.max(sizes);
        assertEquals(n, sizes.stream().mapToInt(Integer::intValue).sum(), "everyone placed");
        assertTrue(max - min <= 1, "balanced: " + sizes);
        boolean spaceIsThatSmall = sizes.size() == 1 && n * 2 < target;
        assertTrue(min * 2 >= target || spaceIsThatSmall, n + "/" + target + ": " + sizes);
      }
    }
  }

  @Test
  void theSameInputInAnyOrderGivesTheSameCohorts() {
    List<Joiner> people = population(300, 7);
    List<Joiner> shuffled = new ArrayList<>(people);
    Collections.shuffle(shuffled, new Random(99));

    assertEquals(
        new CohortPlanner(17).place(List.of(), people),
        new CohortPlanner(17).place(List.of(), shuffled));
  }

  @Test
  void peopleSharingTopicsLandTogetherFarMoreOftenThanByChance() {
    List<Joiner> people = population(1000, 3);
    List<PlannedCohort> planned = new CohortPlanner(17).place(List.of(), people);

    List<Joiner> shuffled = new ArrayList<>(people);
    Collections.shuffle(shuffled, new Random(5));
    List<PlannedCohort> random = new ArrayList<>();
    for (int from = 0, key = 0; from < shuffled.size(); from += 17, key++) {
      random.add(
          new PlannedCohort(
              key, false, shuffled.subList(from, Math.min(from + 17, shuffled.size()))));
    }

    double byTopics = sharingRate(planned);
    double byChance = sharingRate(random);
    assertTrue(byTopics > byChance + 0.4, "planned " + byTopics + " vs random " + byChance);
  }

  /** Of all pairs of cohort-mates, the share who have at least one topic in common. */
  static double sharingRate(List<PlannedCohort> cohorts) {
    long pairs = 0;
    long sharing = 0;
    for (PlannedCohort cohort : cohorts) {
      List<Joiner> m = cohort.members();
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          pairs++;
          if (!Collections.disjoint(m.get(i).topics(), m.get(j).topics())) {
            sharing++;
          }
        }
      }
    }
    return pairs == 0 ? 0 : (double) sharing / pairs;
  }

  @Test
  void lateJoinersNeverMoveExistingMembersAndFindTheirTopic() {
    CohortPlanner planner = new CohortPlanner(10);
    List<PlannedCohort> first =
        List.of(
            new PlannedCohort(41, true, people(1, 8, "coaching")),
            new PlannedCohort(42, true, people(101, 8, "data")));

    List<PlannedCohort> after =
        planner.place(
            first, List.of(new Joiner(500, List.of("data")), new Joiner(501, List.of("coaching"))));

    assertEquals(first.get(0).members(), after.get(0).members().subList(0, 8));
    assertEquals(first.get(1).members(), after.get(1).members().subList(0, 8));
    assertEquals(501, after.get(0).members().get(8).id());
    assertEquals(500, after.get(1).members().get(8).id());
    assertEquals(2, after.size(), "no new cohort while there is room");
  }

  @Test
  void whenEveryCohortIsFullANewOneOpensAndFillsToHalfFirst() {
    CohortPlanner planner = new CohortPlanner(10);
    int full = CohortPlanner.growthLimit(10);
    List<PlannedCohort> existing = List.of(new PlannedCohort(7, true, people(1, full, "change")));
    List<Joiner> late = people(1000, 6, "change");

    List<PlannedCohort> after = planner.place(existing, late);

    assertEquals(full, after.get(0).size(), "the full cohort takes no one");
    assertEquals(2, after.size());
    assertEquals(6, after.get(1).size(), "the new cohort takes everyone until half the target");
  }

  @Test
  void refusesATargetOutsideTheAllowedRange() {
    assertThrows(IllegalArgumentException.class, () -> new CohortPlanner(2));
    assertThrows(IllegalArgumentException.class, () -> new CohortPlanner(201));
  }

  @Test
  void noOneIsNoCohort() {
    assertEquals(List.of(), new CohortPlanner(17).place(List.of(), List.of()));
  }

  private static List<Joiner> people(long firstId, int count, String topic) {
    List<Joiner> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      people.add(new Joiner(firstId + i, List.of(topic)));
    }
    return people;
  }
}
