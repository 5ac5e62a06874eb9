package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.lms.DemoLrs;

/**
 * xAPI out of real activity in course 105: the facilitator's export file, and the push to the demo
 * institution's learning record store, which checks every statement against xAPI 1.0.3 as a strict
 * store does. Also what the push does when the store is down, loses an answer or refuses the
 * credentials, and who may do what. The platform is one of its own: the store's count of events
 * waiting is the platform's, and no other test's activity (views are written seconds after the
 * read) may land in it mid-test.
 */
@ExtendWith(DemoStackExtension.class)
class XapiIT {
  private static final String LINK = "203&course=105";

  private static DemoStack stack;
  private static DemoLms lms;
  private static LaunchDriver driver;
  private static long platformId;

  @BeforeAll
  static void connect(DemoStack running) throws Exception {
    stack = running;
    lms =
        DemoLms.start(
            DemoStack.freePort(), "localhost", Files.createTempDirectory("peerloop-xapi-lms-"));
    assertEquals(200, lms.registerWith(stack.tool("lti/register")));
    driver = new LaunchDriver(lms);
    for (Object item : JSONArrayUtils.parse(admin("GET", "api/admin/platforms", null).body())) {
      Map<?, ?> platform = (Map<?, ?>) item;
      if (lms.issuer().equals(platform.get("issuer"))) {
        platformId = ((Number) platform.get("id")).longValue();
      }
    }
    assertTrue(platformId > 0, "the demo platform is registered");
  }

  @AfterAll
  static void stopPushing() throws Exception {
    if (lms != null) {
      admin("DELETE", lrs(), null);
      lms.stop();
    }
  }

  private static String lrs() {
    return "api/admin/platforms/" + platformId + "/lrs";
  }

  private static HttpResponse<String> admin(String method, String path, String json)
      throws Exception {
    return stack.call(method, path, DemoStack.ADMIN_TOKEN, json);
  }

  private static String token(String user) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith("user=" + user + "&link=" + LINK).body());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + ": " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  private static long number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).longValue();
  }

  private static String configure(String password) {
    return "{\"endpoint\":\""
        + lms.lrsEndpoint()
        + "\",\"username\":\"peerloop\",\"password\":\""
        + password
        + "\"}";
  }

  /** A space in course 105 with a thread, a reply and a rating; answers the space's id. */
  private static long activity() throws Exception {
    String dana = token("5");
    long space =
        number(
            json(
                stack.call(
                    "PUT",
                    "api/v1/space",
                    dana,
                    "{\"title\":\"Data stories\",\"phase\":\"post-course\",\"targetSize\":5}")),
            "id");
    String ada = token("2");
    String ben = token("3");
    long cohort = 0;
    for (String learner : List.of(ada, ben)) {
      cohort =
          number(
              json(
                  stack.call(
                      "POST",
                      "api/v1/spaces/" + space + "/membership",
                      learner,
                      "{\"topics\":[]}")),
              "id");
    }
    long thread =
        number(
            json(
                stack.call(
                    "POST",
                    "api/v1/cohorts/" + cohort + "/posts",
                    ada,
                    "{\"title\":\"A chart that lied\",\"body\":\"<p>Axis from 90.</p>\","
                        + "\"clientKey\":\"xapi-thread\"}")),
            "id");
    long reply =
        number(
            json(
                stack.call(
                    "POST",
                    "api/v1/cohorts/" + cohort + "/posts",
                    ben,
                    "{\"body\":\"<p>Start at zero.</p>\",\"replyTo\":"
                        + thread
                        + ",\"clientKey\":\"xapi-reply\"}")),
            "id");
    json(stack.call("PUT", "api/v1/posts/" + reply + "/rating", ada, "{\"stars\":4}"));
    return space;
  }

  @Test
  void exportsPushesAndRecoversWithoutDuplicates() throws Exception {
    long space = activity();
    String dana = token("5");

    // The export file: a JSON array of statements a strict store accepts, one per event.
    HttpResponse<String> file =
        stack.call("GET", "api/v1/spaces/" + space + "/analytics/xapi.json", dana, null);
    assertEquals(200, file.statusCode(), file.body());
    assertTrue(
        file.headers().firstValue("Content-Disposition").orElseThrow().contains("xapi.json"));
    List<Object> exported = JSONArrayUtils.parse(file.body());
    HttpResponse<String> csv =
        stack.call("GET", "api/v1/spaces/" + space + "/analytics/events.csv", dana, null);
    long events = csv.body().lines().count() - 1;
    assertEquals(events, exported.size());
    Set<String> verbs = new HashSet<>();
    for (Object item : exported) {
      @SuppressWarnings("unchecked")
      Map<String, Object> statement = (Map<String, Object>) item;
      assertEquals(List.of(), DemoLrs.check(statement), statement.toString());
      verbs.add((String) ((Map<?, ?>) statement.get("verb")).get("id"));
      Map<?, ?> account = (Map<?, ?>) ((Map<?, ?>) statement.get("actor")).get("account");
      assertEquals(lms.issuer(), account.get("homePage"));
    }
    assertTrue(
        verbs.containsAll(
            List.of(
                "http://adlnet.gov/expapi/verbs/commented",
                "http://id.tincanapi.com/verb/replied",
                "http://id.tincanapi.com/verb/rated")),
        verbs.toString());
    // Learners cannot export.
    assertEquals(
        403,
        stack
            .call("GET", "api/v1/spaces/" + space + "/analytics/xapi.json", token("2"), null)
            .statusCode());

    // The push: everything the platform did, in batches, each statement stored once.
    DemoLrs store = lms.lrs();
    store.clear();
    Map<String, Object> status = json(admin("PUT", lrs(), configure(store.password())));
    assertTrue(number(status, "eventsWaiting") >= events, status.toString());
    assertTrue(!status.toString().contains(store.password()));
    status = json(admin("POST", lrs() + "/push", null));
    assertEquals(0, number(status, "eventsWaiting"), status.toString());
    assertEquals(0, number(status, "failures"));
    assertEquals(number(status, "statementsSent"), store.statements().size());
    Set<Object> pushedIds = new HashSet<>();
    store.statements().forEach(s -> pushedIds.add(s.get("id")));
    exported.forEach(s -> assertTrue(pushedIds.contains(((Map<?, ?>) s).get("id"))));

    // The store down: the push retries, then waits and keeps its place; nothing is skipped.
    // Down before the new event exists: the minutely background push cannot store it either.
    store.failNext(503, 503, 503, 503);
    int stored = store.statements().size();
    json(
        stack.call(
            "PUT", "api/v1/posts/" + firstPost(exported) + "/rating", token("3"), "{\"stars\":5}"));
    status = json(admin("POST", lrs() + "/push", null));
    assertEquals(1, number(status, "failures"), status.toString());
    assertTrue(String.valueOf(status.get("lastError")).contains("503"), status.toString());
    assertTrue(status.get("nextAttemptAt") != null);
    assertEquals(1, number(status, "eventsWaiting"));
    assertEquals(stored, store.statements().size());

    // Back, but the answer to the first try is lost: the batch goes again and is stored once.
    store.loseNextAnswer();
    int postsBefore = store.posts();
    status = json(admin("POST", lrs() + "/push", null));
    assertEquals(0, number(status, "failures"), status.toString());
    assertEquals(0, number(status, "eventsWaiting"));
    assertEquals(postsBefore + 2, store.posts());
    assertEquals(stored + 1, store.statements().size());

    // Wrong credentials: refused and reported, the place kept.
    json(admin("PUT", lrs(), configure("not-the-password")));
    json(
        stack.call(
            "PUT", "api/v1/posts/" + firstPost(exported) + "/rating", token("3"), "{\"stars\":3}"));
    status = json(admin("POST", lrs() + "/push", null));
    assertTrue(String.valueOf(status.get("lastError")).contains("401"), status.toString());
    assertEquals(1, number(status, "eventsWaiting"));
    assertEquals(stored + 1, store.statements().size());
  }

  private static long firstPost(List<Object> statements) {
    for (Object item : statements) {
      String id = (String) ((Map<?, ?>) ((Map<?, ?>) item).get("object")).get("id");
      if (id.contains("/xapi/posts/")) {
        return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
      }
    }
    throw new AssertionError("no post in " + statements);
  }

  @Test
  void onlyAnAdministratorSetsAStoreAndOnlyARealOne() throws Exception {
    String body = configure(lms.lrs().password());
    assertEquals(401, stack.call("PUT", lrs(), null, body).statusCode());
    assertEquals(
        401, stack.call("PUT", lrs(), "wrong-token-0123456789-0123456789", body).statusCode());

    HttpResponse<String> notHttps =
        admin(
            "PUT",
            lrs(),
            "{\"endpoint\":\"http://lrs.example.com/xapi/\",\"username\":\"u\",\"password\":\"p\"}");
    assertEquals(400, notHttps.statusCode(), notHttps.body());
    assertTrue(notHttps.body().contains("endpoint"), notHttps.body());

    HttpResponse<String> notAStore =
        admin(
            "PUT",
            lrs(),
            "{\"endpoint\":\"" + lms.url() + "course\",\"username\":\"u\",\"password\":\"p\"}");
    assertEquals(400, notAStore.statusCode(), notAStore.body());
    assertTrue(notAStore.body().contains("xAPI"), notAStore.body());

    HttpResponse<String> missing =
        admin("PUT", lrs(), "{\"endpoint\":\"" + lms.lrsEndpoint() + "\"}");
    assertEquals(400, missing.statusCode(), missing.body());

    assertEquals(404, admin("GET", "api/admin/platforms/999999/lrs", null).statusCode());
    assertEquals(404, admin("PUT", "api/admin/platforms/999999/lrs", body).statusCode());
  }
}
