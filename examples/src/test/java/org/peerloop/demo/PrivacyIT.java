package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's rights over their data, end to end: Priya downloads everything PeerLoop holds about
 * her; IT finds her by her LMS user id, exports her data and erases her; her thread stays,
 * attributed to a deleted member, the analytics no longer know her, her next launch makes a new
 * person, and the audit log shows both administrative actions. Runs in course 108 at link 204,
 * which no other test uses.
 */
@ExtendWith(DemoStackExtension.class)
class PrivacyIT {
  private static final String AT = "&link=204&course=108";
  private static final String ADMIN = DemoStack.ADMIN_TOKEN;

  private static DemoStack stack;
  private static LaunchDriver driver;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    driver = new LaunchDriver(running.lms);
    // People of their own: erasing one of the demo's people would change them for other suites.
    running.lms.addLearner("privacy-priya", "Priya", "Patel");
    running.lms.addLearner("privacy-omar", "Omar", "Haddad");
  }

  private static String token(String user) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith("user=" + user + AT).body());
  }

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return stack.call(method, path, token, json);
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  @Test
  void aMemberExportsTheirDataAndIsErasedWithoutBreakingTheDiscussion() throws Exception {
    String designer = token("5");
    Object spaceId =
        json(call(
                "PUT",
                "api/v1/space",
                designer,
                "{\"title\":\"Privacy circle\",\"phase\":\"pre-course\",\"targetSize\":20}"))
            .get("id");
    String priya = token("privacy-priya");
    String omar = token("privacy-omar");
    Object cohort = null;
    for (String learner : List.of(priya, omar)) {
      cohort =
          json(call("POST", "api/v1/spaces/" + spaceId + "/membership", learner, "{\"topics\":[]}"))
              .get("id");
    }
    Object thread =
        json(call(
                "POST",
                "api/v1/cohorts/" + cohort + "/posts",
                priya,
                "{\"title\":\"What I changed at work\",\"body\":\"<p>Shorter stand-ups.</p>\","
                    + "\"clientKey\":\"privacy-priya-1\"}"))
            .get("id");
    json(
        call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            omar,
            "{\"body\":\"<p>Trying it too.</p>\",\"replyTo\":"
                + thread
                + ",\"clientKey\":\"privacy-omar-1\"}"));
    String members =
        call("GET", "api/v1/spaces/" + spaceId + "/analytics/members.csv", designer, null).body();
    assertTrue(members.contains("Priya Patel"), members);

    // Her own download.
    HttpResponse<String> mine = call("GET", "api/v1/me/data", priya, null);
    Map<String, Object> own = json(mine);
    assertTrue(mine.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    assertEquals("privacy-priya@example.edu", ((Map<?, ?>) own.get("profile")).get("email"));
    assertTrue(own.get("posts").toString().contains("Shorter stand-ups."), own.toString());
    assertFalse(mine.body().contains("Trying it too."), "Omar's reply is his");

    // IT finds her by her LMS user id, exports and erases her.
    Object platform =
        JSONArrayUtils.parse(call("GET", "api/admin/platforms", ADMIN, null).body()).stream()
            .map(p -> (Map<?, ?>) p)
            .filter(p -> stack.lms.issuer().equals(p.get("issuer")))
            .findFirst()
            .orElseThrow()
            .get("id");
    List<Object> found =
        JSONArrayUtils.parse(
            call(
                    "GET",
                    "api/admin/people?platform=" + platform + "&subject=privacy-priya",
                    ADMIN,
                    null)
                .body());
    assertEquals(1, found.size(), found.toString());
    Object personId = ((Map<?, ?>) found.get(0)).get("id");
    Map<String, Object> exported =
        json(call("GET", "api/admin/people/" + personId + "/export", ADMIN, null));
    assertEquals(own.get("posts"), exported.get("posts"));
    assertEquals(401, call("DELETE", "api/admin/people/" + personId, priya, null).statusCode());
    Map<String, Object> erased = json(call("DELETE", "api/admin/people/" + personId, ADMIN, null));
    assertEquals(1, ((Number) erased.get("postsKept")).intValue(), erased.toString());

    // The discussion is whole, without her.
    String seen = call("GET", "api/v1/posts/" + thread, omar, null).body();
    assertTrue(seen.contains("Shorter stand-ups.") && seen.contains("Deleted member"), seen);
    assertFalse(seen.contains("Priya"), seen);
    String after =
        call("GET", "api/v1/spaces/" + spaceId + "/analytics/members.csv", designer, null).body();
    assertFalse(after.contains("Priya") || after.contains("privacy-priya@"), after);
    String cohorts = call("GET", "api/v1/spaces/" + spaceId + "/cohorts", designer, null).body();
    assertFalse(cohorts.contains("Priya"), cohorts);

    // Launching again, she is someone new.
    String again = token("privacy-priya");
    Object newId = json(call("GET", "api/session", again, null)).get("personId");
    assertNotEquals(String.valueOf(personId), String.valueOf(newId));

    // Both actions are in the audit log, with who and the outcome.
    String audit = call("GET", "api/admin/audit", ADMIN, null).body();
    assertTrue(
        audit.contains("\"action\":\"GET api/admin/people/" + personId + "/export\""), audit);
    assertTrue(audit.contains("\"action\":\"DELETE api/admin/people/" + personId + "\""), audit);
    assertTrue(audit.contains("\"actor\":\"admin token\""), audit);
    assertFalse(audit.contains("\"outcome\":401"), "refused callers are not administrators");
  }
}
