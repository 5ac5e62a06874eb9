package org.peerloop.demo.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peerloop.demo.lms.DemoCourse;
import org.peerloop.demo.lms.DemoLms;

/**
 * Times a roster synchronisation of 10,000 members, read from the demo platform's Names and Roles
 * service in pages of 100, into the cohorts of a pre-course space (target: under 30 s); then the
 * same roster again, and a run of only the changes. Writes the numbers to {@code BENCHMARKS.md}.
 */
public final class RosterBenchmark {
  static final int MEMBERS = 10_000;
  static final int PAGE = 100;
  static final int CHANGES = 100;
  static final Duration LIMIT = Duration.ofMinutes(5);

  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
  private static final Pattern PAGES = Pattern.compile("\"pages\":(\\d+)");

  /** When the last page was reconciled, in nanoseconds from the run's request (0: not seen). */
  private static long allPagesAt;

  private static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    try (BenchStack stack = BenchStack.start()) {
      DemoLms platform = stack.platform;
      int demoPeople = DemoCourse.USERS.size();
      platform.roster().enrolLearners(100_000, MEMBERS - demoPeople);
      platform.membershipsPageSize(PAGE);
      // The space is set up before the course offers its roster, so the first run below is timed
      // from its start.
      platform.offerNamesAndRoles(DemoCourse.CONTEXT_ID, false);
      BenchClient client = stack.client();
      BenchClient.Space space =
          client.setUpSpace(
              "201", "{\"title\":\"Roster benchmark\",\"phase\":\"pre-course\",\"targetSize\":17}");
      platform.offerNamesAndRoles(DemoCourse.CONTEXT_ID, true);
      String teacher =
          BenchClient.sessionToken(
              client.launch(BenchClient.person("teacher", "Instructor"), "201"));

      long first = timeRun(client, teacher, "full");
      long firstPages = allPagesAt;
      String firstStatus = status(client, teacher);
      int cohorts = countCohorts(client, teacher, space.id());
      long again = timeRun(client, teacher, "full");
      for (int i = 0; i < CHANGES; i++) {
        platform.roster().unenrol(String.valueOf(100_000 + i));
      }
      long changes = timeRun(client, teacher, "changes");
      String changesStatus = status(client, teacher);
      String md =
          String.format(
              Locale.ROOT,
              "Roster synchronisation from the demo platform's Names and Roles service: %,d members"
                  + " in pages of %d into a pre-course space (target size 17), the server with the"
                  + " embedded Derby database, the platform in the benchmark's JVM on loopback."
                  + " Measured %s, %d cores, Java %s. Target: under 30 s for the first run.\n\n"
                  + "| run | time s | outcome |\n|---|---:|---|\n"
                  + "| first: every member placed (%d cohorts formed) | %.1f | %s; all pages reconciled"
                  + " at %.1f s, then the placement |\n"
                  + "| again: the same %,d members, nobody new | %.1f | full roster read |\n"
                  + "| changes only: %d members left | %.1f | %s |\n\n"
                  + "Reproduce: `mvn -B -DskipTests package && java -cp examples/target/peerloop-demo.jar"
                  + " org.peerloop.demo.bench.RosterBenchmark`\n",
              MEMBERS,
              PAGE,
              LocalDate.now(),
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              cohorts,
              first / 1e9,
              firstStatus,
              firstPages / 1e9,
              MEMBERS,
              again / 1e9,
              CHANGES,
              changes / 1e9,
              changesStatus);
      System.out.println(md);
      Report.writeSection(output, "roster-benchmark", md);
    }
  }

  /** Starts a run (or joins the one a launch started) and waits until it ends; nanoseconds. */
  private static long timeRun(BenchClient client, String teacher, String mode) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> started =
        client.api("POST", "api/v1/course/roster-sync?mode=" + mode, teacher, null);
    if (started.statusCode() != 202) {
      throw new IllegalStateException("HTTP " + started.statusCode() + ": " + started.body());
    }
    long deadline = t0 + LIMIT.toNanos();
    allPagesAt = 0;
    while (System.nanoTime() < deadline) {
      String body = client.api("GET", "api/v1/course/roster-sync", teacher, null).body();
      Matcher status = STATUS.matcher(body);
      Matcher pages = PAGES.matcher(body);
      if (allPagesAt == 0 && pages.find() && Integer.parseInt(pages.group(1)) >= MEMBERS / PAGE) {
        allPagesAt = System.nanoTime() - t0;
      }
      String now = status.find() ? status.group(1) : "NONE";
      if (now.equals("DONE") || now.equals("FAILED")) {
        return System.nanoTime() - t0;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the roster run did not end within " + LIMIT);
  }

  private static String status(BenchClient client, String teacher) throws Exception {
    Matcher m =
        STATUS.matcher(client.api("GET", "api/v1/course/roster-sync", teacher, null).body());
    return m.find() ? m.group(1) : "NONE";
  }

  private static int countCohorts(BenchClient client, String teacher, long spaceId)
      throws Exception {
    int count = 0;
    int last = 0;
    while (true) {
      String page =
          client
              .api(
                  "GET",
                  "api/v1/spaces/" + spaceId + "/cohorts?limit=200&after=" + last,
                  teacher,
                  null)
              .body();
      Matcher m = NUMBER.matcher(page);
      int before = count;
      while (m.find()) {
        count++;
        last = Math.max(last, Integer.parseInt(m.group(1)));
      }
      if (count == before) {
        return count;
      }
    }
  }
}
