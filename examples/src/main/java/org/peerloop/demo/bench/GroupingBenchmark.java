package org.peerloop.demo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.peerloop.cohort.CohortPlanner;
import org.peerloop.cohort.Joiner;
import org.peerloop.cohort.PlannedCohort;

/**
 * Times the cohort grouping on synthetic populations (first formation of everyone at once, and the
 * same population joining one by one) and writes the numbers to {@code BENCHMARKS.md}. Target:
 * 10,000 learners grouped in under 2 s.
 */
public final class GroupingBenchmark {
  static final int[] POPULATIONS = {1_000, 10_000, 50_000};
  static final int TARGET = CohortPlanner.DEFAULT_TARGET;
  static final int RUNS = 7;
  static final List<String> TOPICS =
      List.of(
          "coaching",
          "feedback",
          "hybrid-teams",
          "change",
          "data",
          "ethics",
          "hiring",
          "budget",
          "safety",
          "customers",
          "quality",
          "innovation");

  public static void main(String[] args) throws IOException {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    StringBuilder md = new StringBuilder();
    md.append("Cohort grouping (`CohortPlanner`, target size ")
        .append(TARGET)
        .append(") on synthetic populations: each person has a main topic of ")
        .append(TOPICS.size())
        .append(
            " and up to two more, mostly neighbouring ones. *All at once* is a first formation;")
        .append(
            " *one by one* places each person as a late joiner, as first visits do, and is the total")
        .append(" of all those placements (each one is a single visit's work). Median of ")
        .append(RUNS)
        .append(" runs after warm-up. Measured ")
        .append(LocalDate.now())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(
            ".\n\n| learners | all at once ms | one by one, total ms | cohorts | sizes | pairs sharing a topic (grouped / random) |\n")
        .append("|---:|---:|---:|---:|---|---|\n");
    for (int n : POPULATIONS) {
      List<Joiner> people = population(n, n);
      CohortPlanner planner = new CohortPlanner(TARGET);
      for (int i = 0; i < 3; i++) {
        planner.place(List.of(), people);
      }
      long[] batch = new long[RUNS];
      List<PlannedCohort> cohorts = null;
      for (int r = 0; r < RUNS; r++) {
        long t0 = System.nanoTime();
        cohorts = planner.place(List.of(), people);
        batch[r] = System.nanoTime() - t0;
      }
      long oneByOne = n <= 10_000 ? timeOneByOne(planner, people) : -1;
      int min = cohorts.stream().mapToInt(PlannedCohort::size).min().orElse(0);
      int max = cohorts.stream().mapToInt(PlannedCohort::size).max().orElse(0);
      String row =
          String.format(
              Locale.ROOT,
              "| %,d | %.1f | %s | %d | %d–%d | %.2f / %.2f |",
              n,
              median(batch) / 1e6,
              oneByOne < 0 ? "–" : String.format(Locale.ROOT, "%.1f", oneByOne / 1e6),
              cohorts.size(),
              min,
              max,
              sharingRate(cohorts),
              sharingRate(randomCohorts(people)));
      System.out.println(row);
      md.append(row).append('\n');
    }
    md.append(
            "\nReproduce: `mvn -B -DskipTests package && java -cp examples/target/peerloop-demo.jar")
        .append(" org.peerloop.demo.bench.GroupingBenchmark`\n");
    Report.writeSection(output, "grouping-benchmark", md.toString());
    System.out.println("Results written to " + output.toAbsolutePath());
  }

  /** Every person joins alone, after the ones before, as on first visits. */
  private static long timeOneByOne(CohortPlanner planner, List<Joiner> people) {
    long t0 = System.nanoTime();
    List<PlannedCohort> cohorts = new ArrayList<>();
    for (Joiner person : people) {
      List<PlannedCohort> placed = planner.place(cohorts, List.of(person));
      cohorts = new ArrayList<>();
      long key = 0;
      for (PlannedCohort c : placed) {
        cohorts.add(
            new PlannedCohort(c.existing() ? c.key() : 1_000_000 + key++, true, c.members()));
      }
    }
    return System.nanoTime() - t0;
  }

  static List<Joiner> population(int n, long seed) {
    Random random = new Random(seed);
    List<Joiner> people = new ArrayList<>(n);
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

  private static List<PlannedCohort> randomCohorts(List<Joiner> people) {
    List<Joiner> shuffled = new ArrayList<>(people);
    Collections.shuffle(shuffled, new Random(1));
    List<PlannedCohort> cohorts = new ArrayList<>();
    for (int from = 0, key = 0; from < shuffled.size(); from += TARGET, key++) {
      cohorts.add(
          new PlannedCohort(
              key, false, shuffled.subList(from, Math.min(from + TARGET, shuffled.size()))));
    }
    return cohorts;
  }

  /** Of all pairs of cohort-mates, the share with at least one topic in common. */
  private static double sharingRate(List<PlannedCohort> cohorts) {
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

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
