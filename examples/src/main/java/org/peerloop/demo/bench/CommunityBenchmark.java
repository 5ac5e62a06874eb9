package org.peerloop.demo.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.peerloop.demo.lms.DemoCourse;

/**
 * The community API under load on the embedded demo server: a cohort of 17 with 200 threads
 * (replies and ratings included), then its first page of threads read at concurrency 16 (each read
 * also records a view event), then posts created at concurrency 16. Numbers go to {@code
 * BENCHMARKS.md}.
 */
public final class CommunityBenchmark {
  static final int CONCURRENCY = 16;
  static final int MEMBERS = 17;
  static final int THREADS = 200;
  static final Duration WARM_UP =
      Duration.ofSeconds(Long.getLong("peerloop.bench.warmUpSeconds", 90));
  static final Duration MEASURE =
      Duration.ofSeconds(Long.getLong("peerloop.bench.measureSeconds", 30));

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    try (BenchStack stack = BenchStack.start()) {
      // Cohorts of exactly the members launched here; no roster placing the demo's people too.
      stack.platform.offerNamesAndRoles(DemoCourse.CONTEXT_ID, false);
      ServerProcess server = stack.server;
      BenchClient client = stack.client();
      BenchClient.Space space =
          client.setUpSpace(
              "201",
              "{\"title\":\"Benchmark cohort\",\"phase\":\"pre-course\",\"topics\":[\"coaching\",\"data\"]}");
      BenchClient.Members joined = client.join(space, "201", MEMBERS, "[\"coaching\"]");
      List<String> members = joined.tokens();
      long cohortId = joined.lastCohortId();
      seed(client, members, cohortId);

      long cohort = cohortId;
      LoadRun.run(CONCURRENCY, WARM_UP, server, n -> read(client, members, cohort, n));
      LoadRun.Result reads =
          LoadRun.run(CONCURRENCY, MEASURE, server, n -> read(client, members, cohort, n));
      System.out.println("reads  " + reads.row());
      AtomicLong keys = new AtomicLong();
      LoadRun.run(
          CONCURRENCY, Duration.ofSeconds(10), server, n -> write(client, members, cohort, keys));
      LoadRun.Result writes =
          LoadRun.run(CONCURRENCY, MEASURE, server, n -> write(client, members, cohort, keys));
      System.out.println("writes " + writes.row());
      report(output, reads, writes);
    }
  }

  /** 200 threads by the members in turn, each with a reply and a rating by the next member. */
  private static void seed(BenchClient client, List<String> members, long cohortId)
      throws Exception {
    for (int t = 0; t < THREADS; t++) {
      String author = members.get(t % MEMBERS);
      String peer = members.get((t + 1) % MEMBERS);
      long thread =
          id(
              client.api(
                  "POST",
                  "api/v1/cohorts/" + cohortId + "/posts",
                  author,
                  "{\"kind\":\"question\",\"title\":\"Question "
                      + t
                      + "\",\"body\":\"<p>How do you handle #case"
                      + (t % 10)
                      + "? Some context about real work.</p>\",\"clientKey\":\"seed-thread-"
                      + t
                      + "\"}"),
              "\"id\":(\\d+),\"kind\"");
      client.api(
          "POST",
          "api/v1/cohorts/" + cohortId + "/posts",
          peer,
          "{\"body\":\"<p>We tried this and it helped.</p>\",\"replyTo\":"
              + thread
              + ",\"clientKey\":\"seed-reply-"
              + t
              + "\"}");
      client.api(
          "PUT", "api/v1/posts/" + thread + "/rating", peer, "{\"stars\":" + (1 + t % 5) + "}");
    }
  }

  private static boolean read(BenchClient client, List<String> members, long cohortId, int n) {
    try {
      HttpResponse<String> page =
          client.api(
              "GET", "api/v1/cohorts/" + cohortId + "/threads", members.get(n % MEMBERS), null);
      return page.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean write(
      BenchClient client, List<String> members, long cohortId, AtomicLong keys) {
    long key = keys.incrementAndGet();
    try {
      HttpResponse<String> created =
          client.api(
              "POST",
              "api/v1/cohorts/" + cohortId + "/posts",
              members.get((int) (key % MEMBERS)),
              "{\"body\":\"<p>Applied it this week: <strong>shorter</strong> retros.</p>\",\"clientKey\":\"bench-post-"
                  + key
                  + "\"}");
      return created.statusCode() == 201;
    } catch (Exception e) {
      return false;
    }
  }

  private static long id(HttpResponse<String> response, String pattern) {
    return BenchClient.number(response, Pattern.compile(pattern));
  }

  private static void report(Path output, LoadRun.Result reads, LoadRun.Result writes)
      throws IOException {
    String md =
        "A cohort of "
            + MEMBERS
            + " with "
            + THREADS
            + " threads (each with a reply and a rating) on the embedded demo server; requests carry"
            + " real session tokens from launches. *Read*: the cohort's first page of threads (20,"
            + " with authors, rating aggregates and reply counts; each read also records a view,"
            + " buffered and written in batches). *Write*: a new durable post (sanitized, tags and mentions extracted,"
            + " idempotency key checked). Concurrency "
            + CONCURRENCY
            + "; "
            + WARM_UP.toSeconds()
            + " s of read warm-up, then "
            + MEASURE.toSeconds()
            + " s per measurement. Measured "
            + LocalDate.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + "; the benchmark client shares the cores.\n\n"
            + "| operation | concurrency | operations | failures | per second | p50 ms | p95 ms | p99 ms | server CPU ms/op |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            + "| read first page "
            + reads.row()
            + "\n"
            + "| create post "
            + writes.row()
            + "\n\n"
            + "Reproduce: `mvn -B -DskipTests package && java -cp examples/target/peerloop-demo.jar"
            + " org.peerloop.demo.bench.CommunityBenchmark`\n";
    Report.writeSection(output, "community-benchmark", md);
    System.out.println("Results written to " + output.toAbsolutePath());
  }
}
