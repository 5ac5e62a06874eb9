package org.peerloop.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peerloop.demo.lms.DemoLms;

/**
 * The server's heap with a large database: 100,000 members in cohorts of 17 and 1,000,000 posts.
 * The people, cohorts and posts are written straight into the embedded database while the server is
 * stopped (the API would take hours to create them); then the server runs with {@code -Xmx512m}
 * under a mix of reads by members and by a facilitator going through cohorts, and its GC log tells
 * the heap it needed. The target is met when the server never runs out of memory and answers every
 * request. Numbers go to {@code BENCHMARKS.md}.
 */
public final class MemoryBenchmark {
  static final int MEMBERS = Integer.getInteger("peerloop.bench.members", 100_000);
  static final int POSTS = Integer.getInteger("peerloop.bench.posts", 1_000_000);
  static final int COHORT_SIZE = 17;
  static final String HEAP = "-Xmx512m";
  static final Duration LOAD = Duration.ofSeconds(Long.getLong("peerloop.bench.loadSeconds", 90));
  private static final int CONCURRENCY = 8;

  private static final Pattern HEAP_AFTER_GC =
      Pattern.compile("GC\\(\\d+\\) Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    Path data = Files.createTempDirectory("peerloop-bench-");
    int port = LaunchBenchmark.freePort();
    URI tool = URI.create("http://127.0.0.1:" + port + "/");
    DemoLms platform = DemoLms.start(0, "localhost", null);
    platform.offerPlatformStorage(false);
    ServerProcess server = ServerProcess.start(port, data);
    try {
      if (platform.registerWith(tool.resolve("lti/register")) != 200) {
        throw new IllegalStateException("registration failed");
      }
      BenchClient client = new BenchClient(tool, platform);
      BenchClient.Space setUp =
          client.setUpSpace(
              "201",
              "{\"title\":\"Large space\",\"phase\":\"post-course\",\"targetSize\":"
                  + COHORT_SIZE
                  + "}");
      BenchClient.Members joined = client.join(setUp, "201", COHORT_SIZE, "[]");
      String teacher = setUp.facilitatorToken();
      long spaceId = setUp.id();
      List<String> members = joined.tokens();
      long cohortId = joined.lastCohortId();
      server.stop();

      Instant seedStart = Instant.now();
      long[] cohortRange = seed(data.resolve("peerloop"), spaceId, cohortId);
      Duration seeding = Duration.between(seedStart, Instant.now());
      System.out.println("seeded in " + seeding.toSeconds() + " s");

      Path gcLog = data.resolve("gc.log");
      server = ServerProcess.start(port, data, List.of(HEAP, "-Xlog:gc:file=" + gcLog + ":uptime"));
      long first = cohortRange[0];
      long count = cohortRange[1] - cohortRange[0] + 1;
      long mine = cohortId;
      long space = spaceId;
      LoadRun.Result load =
          LoadRun.run(
              CONCURRENCY,
              LOAD,
              server,
              n -> {
                String path =
                    switch (n % 4) {
                      case 0 -> "api/v1/cohorts/" + (first + (n * 7919L) % count) + "/threads";
                      case 1 -> "api/v1/cohorts/" + mine + "/threads?sort=top-rated";
                      case 2 -> "api/v1/spaces/" + space;
                      default -> "api/v1/cohorts/" + mine + "/threads";
                    };
                String token = n % 4 == 0 ? teacher : members.get(n % members.size());
                try {
                  return client.api("GET", path, token, null).statusCode() == 200;
                } catch (Exception e) {
                  return false;
                }
              });
      boolean outOfMemory =
          Files.readString(data.resolve("server.log")).contains("OutOfMemoryError");
      report(output, seeding, load, gcLog, outOfMemory);
    } finally {
      platform.stop();
      server.stop();
    }
  }

  /**
   * Writes the people, their memberships in new cohorts of the space, and their posts, in batches.
   * Returns the first and last id of the new cohorts.
   */
  private static long[] seed(Path database, long spaceId, long realCohort) throws SQLException {
    try (Connection db = BulkDatabase.open(database)) {
      BulkDatabase.Members bulk = BulkDatabase.members(db, spaceId, MEMBERS, COHORT_SIZE, "bulk");
      long firstPerson = bulk.firstPerson();
      long firstCohort = bulk.firstCohort();
      int cohorts = (MEMBERS + COHORT_SIZE - 1) / COHORT_SIZE;
      // One post in a thousand goes to the cohort the benchmark's members read, so its pages
      // stand on a thousand threads.
      try (PreparedStatement post =
          db.prepareStatement(
              "insert into post (space_id, cohort_id, author_id, kind, title, body_html, status,"
                  + " client_key, version, created_at, reply_count, rating_count, rating_sum)"
                  + " values (?, ?, ?, 'DISCUSSION', ?, ?, 'PUBLISHED', ?, 1, ?, 0, ?, ?)")) {
        Instant start = Instant.parse(LocalDate.now().minusDays(60) + "T00:00:00Z");
        for (int n = 0; n < POSTS; n++) {
          int author = n % MEMBERS;
          long cohortOfAuthor = firstCohort + author / COHORT_SIZE;
          post.setLong(1, spaceId);
          post.setLong(2, n % 1000 == 0 ? realCohort : cohortOfAuthor);
          post.setLong(3, firstPerson + author);
          post.setString(4, "Thread " + n + ": what worked for me this week");
          post.setString(
              5,
              "<p>A story from work about feedback, retros and #coaching, number " + n + ".</p>");
          post.setString(6, "bulk-" + n);
          post.setTimestamp(7, Timestamp.from(start.plusSeconds(n * 5L)));
          post.setInt(8, n % 7);
          post.setInt(9, (n % 7) * 4);
          post.addBatch();
          BulkDatabase.flush(db, post, n);
        }
        post.executeBatch();
        db.commit();
      }
      return new long[] {firstCohort, firstCohort + cohorts - 1};
    } finally {
      BulkDatabase.close(database);
    }
  }

  private static void report(
      Path output, Duration seeding, LoadRun.Result load, Path gcLog, boolean outOfMemory)
      throws IOException {
    long maxAfter = 0;
    long maxBefore = 0;
    int collections = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = HEAP_AFTER_GC.matcher(line);
      if (m.find()) {
        collections++;
        maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
        maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
      }
    }
    String md =
        MEMBERS
            + " members in cohorts of "
            + COHORT_SIZE
            + " and "
            + POSTS
            + " posts, written into the embedded database while the server was stopped (in "
            + seeding.toSeconds()
            + " s); then the server ran with `"
            + HEAP
            + "` for "
            + LOAD.toSeconds()
            + " s under reads at concurrency "
            + CONCURRENCY
            + ": a facilitator reading the first page of cohorts spread over the space, members"
            + " reading their cohort's pages (newest and top-rated over a thousand threads) and"
            + " the space. Measured "
            + LocalDate.now()
            + ", 2 cores, Java "
            + System.getProperty("java.version")
            + ".\n\n"
            + "| requests | failures | per second | p99 ms | collections | heap after GC, max | heap"
            + " before GC, max | out of memory |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---|\n"
            + "| "
            + load.operations()
            + " | "
            + load.failures()
            + " | "
            + Math.round(load.perSecond())
            + " | "
            + String.format(java.util.Locale.ROOT, "%.1f", load.p99())
            + " | "
            + collections
            + " | "
            + maxAfter
            + " MB | "
            + maxBefore
            + " MB | "
            + (outOfMemory ? "**yes**" : "no")
            + " |\n\n"
            + "Reproduce: `mvn -B -DskipTests package && java -cp examples/target/peerloop-demo.jar"
            + " org.peerloop.demo.bench.MemoryBenchmark`\n";
    Report.writeSection(output, "memory-benchmark", md);
    System.out.println(md);
  }
}
