package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits on a node of their own, set low: launches per person and posts per member are refused
 * over the limit with 429 and {@code Retry-After}, as a page in the LMS frame and as problem JSON
 * on the API, and one person or member over its limit holds back nobody else, though all launch
 * from the same address (as a company's people do behind one). (The login limit, counted across two
 * nodes, is tested in {@link ClusterIT}.)
 */
class RateLimitIT {
  private static final int LAUNCHES = 3;
  private static final int POSTS = 3;
  private static final String ADMIN = "rate-limit-test-admin-token-0123456789ab";

  @TempDir static Path folder;
  private static DemoNode node;
  private static URI tool;
  private static URI lms;

  @BeforeAll
  static void startNode() throws Exception {
    int port = DemoStack.freePort();
    int lmsPort = DemoStack.freePort();
    tool = URI.create("http://127.0.0.1:" + port + "/");
    lms = URI.create("http://localhost:" + lmsPort + "/");
    node =
        DemoNode.start(
            Map.of(
                "PEERLOOP_HTTP_PORT", String.valueOf(port),
                "PEERLOOP_DEMO_LMS_PORT", String.valueOf(lmsPort),
                "PEERLOOP_DATA_DIR", folder.resolve("node").toString(),
                "PEERLOOP_ADMIN_TOKEN", ADMIN,
                "PEERLOOP_LIMIT_LAUNCHES_PER_MINUTE", String.valueOf(LAUNCHES),
                "PEERLOOP_LIMIT_POSTS_PER_MINUTE", String.valueOf(POSTS)),
            folder.resolve("node.log"));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.kill();
    }
  }

  private static HttpResponse<String> post(long cohort, String token, int n) throws Exception {
    return DemoNode.call(
        tool,
        "POST",
        "api/v1/cohorts/" + cohort + "/posts",
        token,
        "{\"title\":\"Post "
            + n
            + "\",\"body\":\"<p>Body "
            + n
            + "</p>\",\"clientKey\":\"rate-limit-post-"
            + n
            + "\"}");
  }

  @Test
  void overTheLimitLaunchesAndPostsWaitAndNobodyElseIsHeldBack() throws Exception {
    LaunchDriver driver = new LaunchDriver(lms);
    LimitWindows.awaitRoomFor(Duration.ofSeconds(40));
    String designer = LaunchDriver.sessionToken(driver.launch("5", "202").body());
    HttpResponse<String> space =
        DemoNode.call(
            tool,
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Limited circle\",\"phase\":\"pre-course\",\"targetSize\":50}");
    assertEquals(200, space.statusCode(), space.body());
    long spaceId = ((Number) JSONObjectUtils.parse(space.body()).get("id")).longValue();
    String ben = LaunchDriver.sessionToken(driver.launch("3", "202").body());
    String carmen = LaunchDriver.sessionToken(driver.launch("4", "202").body());
    long cohort = 0;
    for (String learner : new String[] {ben, carmen}) {
      HttpResponse<String> joined =
          DemoNode.call(
              tool, "POST", "api/v1/spaces/" + spaceId + "/membership", learner, "{\"topics\":[]}");
      assertEquals(200, joined.statusCode(), joined.body());
      cohort = ((Number) JSONObjectUtils.parse(joined.body()).get("id")).longValue();
    }

    for (int n = 1; n <= POSTS; n++) {
      HttpResponse<String> allowed = post(cohort, ben, n);
      assertEquals(201, allowed.statusCode(), allowed.body());
    }
    HttpResponse<String> flood = post(cohort, ben, POSTS + 1);
    assertEquals(429, flood.statusCode(), flood.body());
    assertEquals("rate-limited", JSONObjectUtils.parse(flood.body()).get("reason"));
    assertTrue(flood.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    int wait = Integer.parseInt(flood.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(wait >= 1 && wait <= 60, "until the minute ends: " + wait);
    String threads =
        DemoNode.call(tool, "GET", "api/v1/cohorts/" + cohort + "/threads", ben, null).body();
    assertFalse(threads.contains("Post " + (POSTS + 1)), "the refused post was not written");
    assertEquals(201, post(cohort, carmen, 100).statusCode(), "another member still posts");

    // Ben launched once so far; the rest of his minute's allowance, then a refusal page.
    for (int n = 2; n <= LAUNCHES; n++) {
      assertEquals(200, driver.launch("3", "202").statusCode(), "launch " + n);
    }
    HttpResponse<String> refused = driver.launch("3", "202");
    assertEquals(429, refused.statusCode(), refused.body());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    assertTrue(refused.body().contains("too-many-requests"), refused.body());
    assertTrue(refused.body().contains("Open the activity again in a minute"), refused.body());
    assertFalse(refused.body().contains("\"token\""), "no session over the limit");
    // From the same address, the others launch as often as their own allowance says.
    for (int n = 2; n <= LAUNCHES; n++) {
      assertEquals(200, driver.launch("4", "202").statusCode(), "Carmen's launch " + n);
    }
    assertEquals(200, driver.launch("6", "202").statusCode(), "Farid's first launch");
  }
}
