package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.peerloop.persistence.TestPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two PeerLoop nodes (two demo jars, two processes) on one real PostgreSQL behind a round-robin
 * proxy with no stickiness: a login on one node and its launch on the other succeed, the launch
 * replayed on the other node is refused, a key rotated on one node is published by both, and what
 * one node writes the other reads at once, and a login limit holds for the cluster, not per node; a
 * node killed under load loses no acknowledged write, and clients retrying with their idempotency
 * key make no duplicate (this one runs last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");
  private static final String ADMIN = "cluster-test-admin-token-0123456789abcdef";
  private static final int LOGINS_PER_MINUTE = 30;

  @TempDir static Path folder;
  private static final List<DemoNode> nodes = new ArrayList<>();
  private static final List<URI> nodeUrls = new ArrayList<>();
  private static RoundRobinProxy proxy;
  private static URI lms;
  private static PGSimpleDataSource database;

  @BeforeAll
  static void startCluster() throws Exception {
    database = (PGSimpleDataSource) TestPostgres.newDatabase();
    int[] ports = {freePort(), freePort()};
    for (int port : ports) {
      nodeUrls.add(URI.create("http://127.0.0.1:" + port + "/"));
    }
    proxy = new RoundRobinProxy(nodeUrls);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secretKey = Base64.getEncoder().encodeToString(key);
    for (int i = 0; i < ports.length; i++) {
      int lmsPort = freePort();
      nodes.add(
          DemoNode.start(
              settings(ports[i], lmsPort, secretKey, i), folder.resolve("node-" + i + ".log")));
      if (i == 0) {
        lms = URI.create("http://localhost:" + lmsPort + "/");
      }
    }
  }

  @AfterAll
  static void stopCluster() {
    nodes.forEach(DemoNode::kill);
    if (proxy != null) {
      proxy.close();
    }
  }

  private static Map<String, String> settings(int port, int lmsPort, String secretKey, int index) {
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PEERLOOP_HTTP_PORT", String.valueOf(port));
    env.put("PEERLOOP_DEMO_LMS_PORT", String.valueOf(lmsPort));
    env.put("PEERLOOP_DATA_DIR", folder.resolve("node-" + index).toString());
    // Every node advertises the balancer's address and shares the database and the secrets.
    env.put("PEERLOOP_BASE_URL", proxy.url().toString());
    env.put("PEERLOOP_JDBC_URL", database.getUrl());
    env.put("PEERLOOP_JDBC_USER", database.getUser());
    env.put("PEERLOOP_JDBC_PASSWORD", "test-only-password");
    env.put("PEERLOOP_SECRET_KEY", secretKey);
    env.put("PEERLOOP_ADMIN_TOKEN", ADMIN);
    // The test's own client plays a further balancer in front of the round-robin proxy.
    env.put("PEERLOOP_TRUSTED_PROXIES", "127.0.0.1");
    env.put("PEERLOOP_LIMIT_LOGINS_PER_MINUTE", String.valueOf(LOGINS_PER_MINUTE));
    // The load of the node-kill test posts far faster than people do.
    env.put("PEERLOOP_LIMIT_POSTS_PER_MINUTE", "0");
    return env;
  }

  private static HttpResponse<String> call(
      URI base, String method, String path, String bearer, String json) throws Exception {
    return DemoNode.call(base, method, path, bearer, json);
  }

  private static List<String> kids(URI node) throws Exception {
    List<String> kids = new ArrayList<>();
    Matcher m = KID.matcher(call(node, "GET", "lti/jwks", null, null).body());
    while (m.find()) {
      kids.add(m.group(1));
    }
    return kids;
  }

  @Test
  void aLoginOnOneNodeLaunchesOnTheOtherAndItsReplayIsRefusedThere() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    LaunchDriver.Form login = driver.loginForm("2", "201", false);
    assertEquals(proxy.url().resolve("lti/login"), login.action(), "the LMS knows the balancer");
    int before = proxy.served.size();
    LaunchDriver.Form idToken = driver.authenticate(driver.submit(login));
    HttpResponse<String> page = driver.submit(idToken);
    assertEquals(200, page.statusCode(), page.body());
    String token = LaunchDriver.sessionToken(page.body());
    List<String> flow = List.copyOf(proxy.served.subList(before, proxy.served.size()));
    assertEquals(2, flow.size(), flow.toString());
    assertNotEquals(
        flow.get(0).charAt(0), flow.get(1).charAt(0), "login and launch on two nodes: " + flow);

    // The same id_token and state again, now on the node that served the login: refused.
    int replayAt = proxy.served.size();
    HttpResponse<String> replay = driver.submit(idToken);
    assertEquals(401, replay.statusCode(), replay.body());
    assertTrue(replay.body().contains("nonce-replayed"), replay.body());
    assertTrue(!replay.body().contains("\"token\""), "no session for a replay");
    assertNotEquals(
        flow.get(1).charAt(0),
        proxy.served.get(replayAt).charAt(0),
        "replayed on the node that did not take the launch");
    for (URI node : nodeUrls) {
      assertEquals(
          200, call(node, "GET", "api/session", token, null).statusCode(), "valid on " + node);
    }
  }

  @Test
  void loginsAreCountedOnceForTheClusterAndOverTheLimitWaitForRetryAfter() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    LaunchDriver.Form login = driver.loginForm("2", "201", false);
    LimitWindows.awaitRoomFor(java.time.Duration.ofSeconds(20));
    int before = proxy.served.size();
    for (int i = 0; i < LOGINS_PER_MINUTE; i++) {
      HttpResponse<String> allowed = driver.submitFrom(login, "198.51.100.20");
      assertEquals(302, allowed.statusCode(), "login " + (i + 1) + ": " + allowed.body());
    }
    long nodesServing =
        proxy.served.subList(before, proxy.served.size()).stream()
            .map(line -> line.charAt(0))
            .distinct()
            .count();
    assertEquals(2, nodesServing, "both nodes took logins, yet one limit applies");

    HttpResponse<String> over = driver.submitFrom(login, "198.51.100.20");
    assertEquals(429, over.statusCode(), over.body());
    int retryAfter = Integer.parseInt(over.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "until the minute ends: " + retryAfter);
    assertTrue(over.body().contains("too-many-requests"), over.body());
    assertTrue(over.headers().firstValue("Location").isEmpty(), "no redirect to the LMS");

    assertEquals(
        302,
        driver.submitFrom(login, "198.51.100.21").statusCode(),
        "another client is not held back");
  }

  @Test
  void aKeyRotatedOnOneNodeIsPublishedByBoth() throws Exception {
    List<String> before = kids(nodeUrls.get(0));
    assertEquals(before, kids(nodeUrls.get(1)), "one key set for the cluster");
    HttpResponse<String> rotated =
        call(nodeUrls.get(0), "POST", "api/admin/keys/rotate", ADMIN, null);
    assertEquals(200, rotated.statusCode(), rotated.body());
    String kid = (String) JSONObjectUtils.parse(rotated.body()).get("kid");
    assertTrue(kids(nodeUrls.get(0)).contains(kid));
    assertTrue(kids(nodeUrls.get(1)).contains(kid), "the other node publishes it at once");
  }

  @Test
  void whatOneNodeWritesTheOtherReadsAtOnce() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    String designer = LaunchDriver.sessionToken(driver.launch("5", "202").body());
    URI a = nodeUrls.get(0);
    URI b = nodeUrls.get(1);
    HttpResponse<String> space =
        call(
            a,
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Cluster circle\",\"phase\":\"pre-course\",\"targetSize\":50}");
    assertEquals(200, space.statusCode(), space.body());
    long spaceId = ((Number) JSONObjectUtils.parse(space.body()).get("id")).longValue();
    assertEquals(
        "Cluster circle",
        JSONObjectUtils.parse(call(b, "GET", "api/v1/spaces/" + spaceId, designer, null).body())
            .get("title"));

    String learner = LaunchDriver.sessionToken(driver.launch("3", "202").body());
    HttpResponse<String> joined =
        call(b, "POST", "api/v1/spaces/" + spaceId + "/membership", learner, "{\"topics\":[]}");
    assertEquals(200, joined.statusCode(), joined.body());
    long cohort = ((Number) JSONObjectUtils.parse(joined.body()).get("id")).longValue();
    // B builds and keeps the cohort's (empty) page first: what A writes next must replace it.
    assertFalse(
        call(b, "GET", "api/v1/cohorts/" + cohort + "/threads", learner, null)
            .body()
            .contains("Written on A"));
    HttpResponse<String> posted =
        call(
            a,
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            learner,
            "{\"title\":\"Written on A\",\"body\":\"<p>Read on B.</p>\",\"clientKey\":\"cluster-post-1\"}");
    assertEquals(201, posted.statusCode(), posted.body());
    HttpResponse<String> threads =
        call(b, "GET", "api/v1/cohorts/" + cohort + "/threads", learner, null);
    assertEquals(200, threads.statusCode(), threads.body());
    assertTrue(threads.body().contains("Written on A"), threads.body());

    // A retry of the same post on the other node finds the first one.
    HttpResponse<String> retried =
        call(
            b,
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            learner,
            "{\"title\":\"Written on A\",\"body\":\"<p>Read on B.</p>\",\"clientKey\":\"cluster-post-1\"}");
    assertEquals(
        JSONObjectUtils.parse(posted.body()).get("id"),
        JSONObjectUtils.parse(retried.body()).get("id"));

    // An edit on A shows at once on B, whose page of a moment ago is stale now.
    HttpResponse<String> edited =
        call(
            a,
            "PUT",
            "api/v1/posts/" + JSONObjectUtils.parse(posted.body()).get("id"),
            learner,
            "{\"title\":\"Edited on A\",\"body\":\"<p>Read on B.</p>\",\"clientKey\":\"cluster-post-1\"}");
    assertEquals(200, edited.statusCode(), edited.body());
    String page = call(b, "GET", "api/v1/cohorts/" + cohort + "/threads", learner, null).body();
    assertTrue(page.contains("Edited on A") && !page.contains("Written on A"), page);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aNodeKilledUnderLoadLosesNoAcknowledgedWriteAndRetriesMakeNoDuplicate() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    String designer = LaunchDriver.sessionToken(driver.launch("5", "203").body());
    URI balancer = proxy.url();
    HttpResponse<String> space =
        call(
            balancer,
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Kill circle\",\"phase\":\"pre-course\",\"targetSize\":50}");
    long spaceId = ((Number) JSONObjectUtils.parse(space.body()).get("id")).longValue();
    String learner = LaunchDriver.sessionToken(driver.launch("4", "203").body());
    HttpResponse<String> joined =
        call(
            balancer,
            "POST",
            "api/v1/spaces/" + spaceId + "/membership",
            learner,
            "{\"topics\":[]}");
    long cohort = ((Number) JSONObjectUtils.parse(joined.body()).get("id")).longValue();

    java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.Map<String, Object> idsByKey = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean writing =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int writer = w;
      Thread thread =
          new Thread(
              () -> {
                for (int n = 0; writing.get(); n++) {
                  String key = "kill-" + writer + "-" + n;
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                  while (System.nanoTime() < deadline) {
                    try {
                      HttpResponse<String> answer =
                          call(
                              balancer,
                              "POST",
                              "api/v1/cohorts/" + cohort + "/posts",
                              learner,
                              "{\"body\":\"<p>Under load.</p>\",\"clientKey\":\"" + key + "\"}");
                      if (answer.statusCode() / 100 == 2) {
                        acknowledged.add(key);
                        idsByKey.merge(
                            key,
                            JSONObjectUtils.parse(answer.body()).get("id"),
                            (a, b) -> {
                              assertEquals(a, b, "a retry finds the first post of " + key);
                              return a;
                            });
                        break;
                      }
                    } catch (Exception e) {
                      // The node died with the request: the client tries again, same key.
                    }
                    try {
                      Thread.sleep(100);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                }
              });
      thread.start();
      writers.add(thread);
    }
    Thread.sleep(2000);
    nodes.get(1).kill();
    Thread.sleep(4000);
    writing.set(false);
    for (Thread thread : writers) {
      thread.join(TimeUnit.SECONDS.toMillis(90));
    }

    assertTrue(acknowledged.size() > 10, "a steady load: " + acknowledged.size());
    java.util.Map<String, Integer> stored = new java.util.HashMap<>();
    try (java.sql.Connection c = database.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rows =
            st.executeQuery(
                "SELECT client_key, COUNT(*) FROM post WHERE client_key LIKE 'kill-%'"
                    + " GROUP BY client_key")) {
      while (rows.next()) {
        stored.put(rows.getString(1), rows.getInt(2));
      }
    }
    for (String key : acknowledged) {
      assertEquals(1, stored.getOrDefault(key, 0), key + " is stored exactly once");
    }
    assertTrue(stored.values().stream().allMatch(n -> n == 1), "no duplicates: " + stored);
    // The surviving node still answers through the balancer.
    assertEquals(200, call(balancer, "GET", "health", null, null).statusCode());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
