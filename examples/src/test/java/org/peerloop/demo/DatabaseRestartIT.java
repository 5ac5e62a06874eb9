package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database restarted under a steady write load: while it is down the API answers 503 with
 * {@code Retry-After} (never 500) and {@code /health} says so; afterwards the node serves again by
 * itself, and every post acknowledged with a 2xx is there exactly once, however often its writer
 * retried it with its idempotency key. A real PostgreSQL, stopped and started on its data folder;
 * one node in its own process.
 */
class DatabaseRestartIT {

  @TempDir Path folder;
  private DemoNode node;
  private EmbeddedPostgres postgres;

  @AfterEach
  void stop() throws IOException {
    if (node != null) {
      node.kill();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  @Test
  void writesSurviveADatabaseRestartExactlyOnce() throws Exception {
    Path data = folder.resolve("pg");
    int pgPort = freePort();
    postgres = startPostgres(data, pgPort);
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE peerloop");
    }
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setUrl("jdbc:postgresql://localhost:" + pgPort + "/peerloop");
    database.setUser("postgres");

    int port = freePort();
    int lmsPort = freePort();
    URI tool = URI.create("http://127.0.0.1:" + port + "/");
    node = startNode(port, lmsPort, database.getUrl());

    LaunchDriver driver = new LaunchDriver(URI.create("http://localhost:" + lmsPort + "/"));
    String designer = LaunchDriver.sessionToken(driver.launch("5", "201").body());
    long space =
        id(
            call(
                tool,
                "PUT",
                "api/v1/space",
                designer,
                "{\"title\":\"Restart circle\",\"phase\":\"pre-course\",\"targetSize\":50}"));
    String learner = LaunchDriver.sessionToken(driver.launch("3", "201").body());
    long cohort =
        id(
            call(
                tool,
                "POST",
                "api/v1/spaces/" + space + "/membership",
                learner,
                "{\"topics\":[]}"));

    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    List<String> retryAfter = new ArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      Thread thread =
          new Thread(
              () -> {
                for (int n = 0; writing.get(); n++) {
                  String key = "restart-" + writer + "-" + n;
                  // A client retries the same post with the same key until it is acknowledged.
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                  while (System.nanoTime() < deadline) {
                    int status = post(tool, learner, cohort, key, retryAfter);
                    statuses.merge(status, 1, Integer::sum);
                    if (status / 100 == 2) {
                      acknowledged.add(key);
                      break;
                    }
                    sleep(200);
                  }
                }
              });
      thread.start();
      writers.add(thread);
    }

    sleep(3000);
    postgres.close();
    postgres = null;
    List<Integer> healthWhileDown = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      healthWhileDown.add(call(tool, "GET", "health", null, null).statusCode());
      sleep(400);
    }
    postgres = startPostgres(data, pgPort);
    sleep(5000);
    writing.set(false);
    for (Thread thread : writers) {
      thread.join(TimeUnit.SECONDS.toMillis(120));
    }

    assertEquals(null, statuses.get(500), "no 500 at any time: " + statuses);
    assertTrue(statuses.getOrDefault(503, 0) > 0, "the outage was answered 503: " + statuses);
    assertTrue(
        !retryAfter.isEmpty() && retryAfter.stream().allMatch("5"::equals), retryAfter.toString());
    assertTrue(healthWhileDown.contains(503), "health reported the outage: " + healthWhileDown);
    assertEquals(200, call(tool, "GET", "health", null, null).statusCode(), "and the recovery");

    Map<String, Integer> stored = new HashMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT client_key, COUNT(*) FROM post WHERE client_key LIKE 'restart-%'"
                    + " GROUP BY client_key")) {
      while (rows.next()) {
        stored.put(rows.getString(1), rows.getInt(2));
      }
    }
    assertTrue(acknowledged.size() > 10, "a steady load: " + acknowledged.size());
    for (String key : acknowledged) {
      assertEquals(1, stored.getOrDefault(key, 0), key + " is stored exactly once");
    }
    assertTrue(stored.values().stream().allMatch(n -> n == 1), "no duplicates: " + stored);
  }

  private static int post(
      URI tool, String token, long cohort, String key, List<String> retryAfter) {
    try {
      HttpResponse<String> answer =
          call(
              tool,
              "POST",
              "api/v1/cohorts/" + cohort + "/posts",
              token,
              "{\"body\":\"<p>Still here.</p>\",\"clientKey\":\"" + key + "\"}");
      if (answer.statusCode() == 503) {
        synchronized (retryAfter) {
          retryAfter.add(answer.headers().firstValue("Retry-After").orElse("missing"));
        }
        assertTrue(answer.body().contains("database-unavailable"), answer.body());
      }
      return answer.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private DemoNode startNode(int port, int lmsPort, String jdbcUrl) throws Exception {
    // Kept in target/artifacts: the node's own account of the outage, one line per 503.
    Path log =
        Files.createDirectories(Path.of("target", "artifacts"))
            .resolve("database-restart-node.log");
    Files.deleteIfExists(log);
    return DemoNode.start(
        Map.of(
            "PEERLOOP_HTTP_PORT",
            String.valueOf(port),
            "PEERLOOP_DEMO_LMS_PORT",
            String.valueOf(lmsPort),
            "PEERLOOP_DATA_DIR",
            folder.resolve("node").toString(),
            "PEERLOOP_JDBC_URL",
            jdbcUrl,
            "PEERLOOP_JDBC_USER",
            "postgres",
            "PEERLOOP_JDBC_PASSWORD",
            "test-only-password",
            // The steady write load posts far faster than any person: no posting limit here.
            "PEERLOOP_LIMIT_POSTS_PER_MINUTE",
            "0"),
        Files.createDirectories(Path.of("target", "artifacts"))
            .resolve("database-restart-node.log"));
  }

  private static HttpResponse<String> call(
      URI base, String method, String path, String bearer, String json)
      throws IOException, InterruptedException {
    return DemoNode.call(base, method, path, bearer, json);
  }

  private static long id(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + ": " + response.body());
    return ((Number) JSONObjectUtils.parse(response.body()).get("id")).longValue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
