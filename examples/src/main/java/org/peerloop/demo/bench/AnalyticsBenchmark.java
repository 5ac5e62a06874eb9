package org.peerloop.demo.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the insights of a large space: 10,000 members in cohorts of 17 and 1,000,000 activity
 * events (700,000 views, 30,000 threads, 120,000 replies and 150,000 ratings, each with its event),
 * written straight into the stopped server's database; then every metric of the space, and of one
 * cohort, through the API. Target: under 5 s for the whole space. Writes to {@code BENCHMARKS.md}.
 */
public final class AnalyticsBenchmark {
  static final int MEMBERS = 10_000;
  static final int COHORT = 17;
  static final int THREADS = 30_000;
  static final int REPLIES = 120_000;
  static final int RATINGS = 150_000;
  static final int VIEWS = 700_000;
  static final int RUNS = 5;
  static final Duration SPREAD = Duration.ofDays(60);

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
    try (BenchStack stack = BenchStack.start()) {
      BenchClient client = stack.client();
      BenchClient.Space space =
          client.setUpSpace(
              "201",
              "{\"title\":\"Large space\",\"phase\":\"post-course\",\"targetSize\":"
                  + COHORT
                  + ",\"topics\":[\"coaching\"]}");
      String teacher = space.facilitatorToken();
      stack.server.stop();
      Path database = stack.database();
      Instant seedStart = Instant.now();
      long firstCohort = seed(database, space.id());
      Duration seeding = Duration.between(seedStart, Instant.now());
      System.out.println("seeded in " + seeding.toSeconds() + " s");
      stack.restartServer();

      long[] whole = time(client, teacher, "api/v1/spaces/" + space.id() + "/analytics");
      long[] one =
          time(
              client,
              teacher,
              "api/v1/spaces/" + space.id() + "/analytics?cohortId=" + (firstCohort + 7));
      String md =
          String.format(
              Locale.ROOT,
              "Every metric of one space with %,d members in cohorts of %d and %,d activity events"
                  + " (%,d views, %,d threads, %,d replies, %,d ratings, each with its event, over"
                  + " %d days), written straight into the server's embedded Derby database with"
                  + " its index statistics brought up to date (seeding took %d s), then asked through the API by a facilitator: segments over the"
                  + " roster, inequality, conversation, active people per week, the interaction"
                  + " graph with betweenness and go-to people (overall and per topic), personas,"
                  + " lists and the members. %d requests each, the first on a freshly started"
                  + " server. Measured %s, %d cores, Java %s. Target: under 5 s for the space.\n\n"
                  + "| scope | first request s | median of the others s |\n|---|---:|---:|\n"
                  + "| the whole space | %.2f | %.2f |\n| one cohort | %.2f | %.2f |\n\n"
                  + "Reproduce: `mvn -B -DskipTests package && java -cp examples/target/peerloop-demo.jar"
                  + " org.peerloop.demo.bench.AnalyticsBenchmark`\n",
              MEMBERS,
              COHORT,
              VIEWS + THREADS + REPLIES + RATINGS,
              VIEWS,
              THREADS,
              REPLIES,
              RATINGS,
              SPREAD.toDays(),
              seeding.toSeconds(),
              RUNS,
              LocalDate.now(),
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"),
              whole[0] / 1e9,
              median(whole) / 1e9,
              one[0] / 1e9,
              median(one) / 1e9);
      System.out.println(md);
      Report.writeSection(output, "analytics-benchmark", md);
    }
  }

  private static long[] time(BenchClient client, String token, String path) throws Exception {
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> answer = client.api("GET", path, token, null);
      nanos[i] = System.nanoTime() - t0;
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + answer.body());
      }
    }
    return nanos;
  }

  private static long median(long[] runs) {
    long[] rest = Arrays.copyOfRange(runs, 1, runs.length);
    Arrays.sort(rest);
    return rest[rest.length / 2];
  }

  /** Writes members, cohorts, posts, ratings and events; returns the first new cohort's id. */
  private static long seed(Path database, long spaceId) throws SQLException {
    try (Connection db = BulkDatabase.open(database)) {
      BulkDatabase.Members bulk = BulkDatabase.members(db, spaceId, MEMBERS, COHORT, "analytics");
      long firstPerson = bulk.firstPerson();
      long firstCohort = bulk.firstCohort();
      Instant start = Instant.now().minus(SPREAD);
      Events events = new Events(db, spaceId);
      // Threads: each member starts three; a question in three, tagged #coaching in five.
      try (PreparedStatement post = posts(db)) {
        for (int n = 0; n < THREADS; n++) {
          int author = n % MEMBERS;
          Instant at = start.plusSeconds((long) n * SPREAD.toSeconds() / THREADS);
          post(
              post,
              spaceId,
              firstCohort + author / COHORT,
              firstPerson + author,
              null,
              n % 3 == 0 ? "QUESTION" : "DISCUSSION",
              "t-" + n,
              at);
          BulkDatabase.flush(db, post, n);
        }
        post.executeBatch();
      }
      db.commit();
      long firstThread =
          BulkDatabase.single(db, "select id from post where client_key = 'bulk-t-0'");
      for (int n = 0; n < THREADS; n++) {
        int author = n % MEMBERS;
        events.add(
            firstCohort + author / COHORT,
            firstPerson + author,
            "POST",
            firstThread + n,
            start.plusSeconds((long) n * SPREAD.toSeconds() / THREADS));
      }
      // Replies: by the next members of the thread author's cohort, an hour or more later.
      try (PreparedStatement post = posts(db)) {
        for (int r = 0; r < REPLIES; r++) {
          int thread = r % THREADS;
          int author = thread % MEMBERS;
          int replier = cohortMate(author, 1 + r / THREADS);
          Instant at =
              start.plusSeconds(
                  (long) thread * SPREAD.toSeconds() / THREADS + 3600L * (1 + r / THREADS));
          post(
              post,
              spaceId,
              firstCohort + author / COHORT,
              firstPerson + replier,
              firstThread + thread,
              "DISCUSSION",
              "r-" + r,
              at);
          BulkDatabase.flush(db, post, r);
        }
        post.executeBatch();
      }
      db.commit();
      long firstReply =
          BulkDatabase.single(db, "select id from post where client_key = 'bulk-r-0'");
      for (int r = 0; r < REPLIES; r++) {
        int thread = r % THREADS;
        int author = thread % MEMBERS;
        events.add(
            firstCohort + author / COHORT,
            firstPerson + cohortMate(author, 1 + r / THREADS),
            "REPLY",
            firstReply + r,
            start.plusSeconds(
                (long) thread * SPREAD.toSeconds() / THREADS + 3600L * (1 + r / THREADS)));
      }
      // Ratings: every reply by the thread's author, the first 30,000 threads by a cohort-mate.
      try (PreparedStatement rating =
          db.prepareStatement(
              "insert into post_rating (post_id, person_id, stars, rated_at) values (?, ?, ?, ?)")) {
        for (int k = 0; k < RATINGS; k++) {
          boolean onReply = k < REPLIES;
          int thread = onReply ? k % THREADS : k - REPLIES;
          int author = thread % MEMBERS;
          int rater = onReply ? author : cohortMate(author, 5);
          long postId = onReply ? firstReply + k : firstThread + thread;
          Instant at = start.plusSeconds((long) thread * SPREAD.toSeconds() / THREADS + 7200);
          rating.setLong(1, postId);
          rating.setLong(2, firstPerson + rater);
          rating.setInt(3, 1 + k % 5);
          rating.setTimestamp(4, Timestamp.from(at));
          rating.addBatch();
          BulkDatabase.flush(db, rating, k);
          events.add(firstCohort + author / COHORT, firstPerson + rater, "RATE", postId, at);
        }
        rating.executeBatch();
      }
      for (int v = 0; v < VIEWS; v++) {
        int viewer = (int) ((v * 7919L) % MEMBERS);
        events.add(
            firstCohort + viewer / COHORT,
            firstPerson + viewer,
            "VIEW",
            null,
            start.plusSeconds((long) v * SPREAD.toSeconds() / VIEWS));
      }
      events.finish();
      db.commit();
      BulkDatabase.updateStatistics(
          db, "PERSON", "COHORT_MEMBER", "POST", "POST_TAG", "POST_RATING", "ACTIVITY_EVENT");
      return firstCohort;
    } finally {
      BulkDatabase.close(database);
    }
  }

  /** Another member of the same cohort, {@code step} places on (never the member themself). */
  private static int cohortMate(int member, int step) {
    int base = member / COHORT * COHORT;
    int size = Math.min(COHORT, MEMBERS - base);
    return base + (member - base + step % (size - 1) + 1) % size;
  }

  private static PreparedStatement posts(Connection db) throws SQLException {
    return db.prepareStatement(
        "insert into post (space_id, cohort_id, author_id, thread_id, kind, title, body_html,"
            + " status, client_key, version, created_at, reply_count, rating_count, rating_sum)"
            + " values (?, ?, ?, ?, ?, ?, '<p>Bulk</p>', 'PUBLISHED', ?, 1, ?, 0, 0, 0)");
  }

  private static void post(
      PreparedStatement post,
      long space,
      long cohort,
      long author,
      Long thread,
      String kind,
      String key,
      Instant at)
      throws SQLException {
    post.setLong(1, space);
    post.setLong(2, cohort);
    post.setLong(3, author);
    if (thread == null) {
      post.setNull(4, java.sql.Types.BIGINT);
    } else {
      post.setLong(4, thread);
    }
    post.setString(5, kind);
    post.setString(6, thread == null ? "Thread " + key : null);
    post.setString(7, "bulk-" + key);
    post.setTimestamp(8, Timestamp.from(at));
    post.addBatch();
  }

  /** Activity events, in batches. */
  private static final class Events {
    private final Connection db;
    private final PreparedStatement insert;
    private final long space;
    private int n;

    Events(Connection db, long space) throws SQLException {
      this.db = db;
      this.space = space;
      this.insert =
          db.prepareStatement(
              "insert into activity_event (space_id, cohort_id, person_id, event_type, post_id,"
                  + " occurred_at) values (?, ?, ?, ?, ?, ?)");
    }

    void add(long cohort, long person, String type, Long post, Instant at) throws SQLException {
      insert.setLong(1, space);
      insert.setLong(2, cohort);
      insert.setLong(3, person);
      insert.setString(4, type);
      if (post == null) {
        insert.setNull(5, java.sql.Types.BIGINT);
      } else {
        insert.setLong(5, post);
      }
      insert.setTimestamp(6, Timestamp.from(at));
      insert.addBatch();
      BulkDatabase.flush(db, insert, n++);
    }

    void finish() throws SQLException {
      insert.executeBatch();
      insert.close();
    }
  }
}
