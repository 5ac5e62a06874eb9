package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.lms.DemoLms;

/**
 * Revocation that bites: a session token stays valid for minutes and refreshes for hours without
 * the database, so each way of ending access is tried against an open session — the person erased,
 * their platform disabled, their platform's console entry closed, a local administrator deleted —
 * and the session, and its refresh, must be refused at once on the node that did it (the other
 * nodes read revocations every 10 s; ClusterIT's nodes share them the same way). On a platform of
 * its own, so that disabling it touches no other suite.
 */
@ExtendWith(DemoStackExtension.class)
class RevocationIT {
  private static final String AT = "&link=201&course=109";
  private static DemoStack stack;
  private static DemoLms platform;
  private static LaunchDriver driver;
  private static String platformId;

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    stack = running;
    platform =
        DemoLms.start(
            DemoStack.freePort(), "localhost", Files.createTempDirectory("peerloop-revoke-lms-"));
    assertEquals(200, platform.registerWith(stack.tool("lti/register")));
    driver = new LaunchDriver(platform);
    platform.addLearner("revoke-rita", "Rita", "Ramos");
    platform.addLearner("revoke-sam", "Sam", "Sato");
    platform.addAdministrator("revoke-admin", "Ari", "Admin");
    for (Object p :
        JSONArrayUtils.parse(
            stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body())) {
      if (platform.issuer().equals(((Map<?, ?>) p).get("issuer"))) {
        platformId = String.valueOf(((Map<?, ?>) p).get("id"));
      }
    }
    assertTrue(platformId != null, "the platform registered");
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.stop();
    }
  }

  private static String launch(String user) throws Exception {
    HttpResponse<String> page = driver.launchWith("user=" + user + AT);
    assertEquals(200, page.statusCode(), page.body());
    return LaunchDriver.sessionToken(page.body());
  }

  private static long personId(String session) throws Exception {
    HttpResponse<String> me = stack.call("GET", "api/session", session, null);
    assertEquals(200, me.statusCode(), me.body());
    return ((Number) JSONObjectUtils.parse(me.body()).get("personId")).longValue();
  }

  private static void assertEnded(String session, String what) throws Exception {
    HttpResponse<String> read = stack.call("GET", "api/session", session, null);
    assertEquals(401, read.statusCode(), what + ": " + read.body());
    assertTrue(read.body().contains("session-revoked"), what + ": " + read.body());
    HttpResponse<String> refreshed = stack.call("POST", "api/session/refresh", session, null);
    assertEquals(401, refreshed.statusCode(), what + ", refresh: " + refreshed.body());
  }

  @Test
  void anErasedPersonsOpenSessionEndsAndCannotWriteAgain() throws Exception {
    String rita = launch("revoke-rita");
    String sam = launch("revoke-sam");
    long person = personId(rita);
    assertEquals(
        200,
        stack
            .call("DELETE", "api/admin/people/" + person, DemoStack.ADMIN_TOKEN, null)
            .statusCode());

    assertEnded(rita, "an erased person's session");
    assertEquals(
        401,
        stack.call("PUT", "api/v1/notifications/mail", rita, "{\"digest\":\"DAILY\"}").statusCode(),
        "no new personal data after erasure");
    assertEquals(200, stack.call("GET", "api/session", sam, null).statusCode(), "others go on");
  }

  @Test
  void aDisabledPlatformsSessionsAndConsoleEndAndAReturningOneStartsAfresh() throws Exception {
    String status = "api/admin/platforms/" + platformId + "/status";
    String entry = "api/admin/platforms/" + platformId + "/console-entry";
    assertEquals(
        200, stack.call("PUT", entry, DemoStack.ADMIN_TOKEN, "{\"allowed\":true}").statusCode());
    String sam = launch("revoke-sam");
    String console = console(launch("revoke-admin"));
    assertEquals(200, stack.call("GET", "api/admin/registrations", console, null).statusCode());

    assertEquals(
        200,
        stack.call("PUT", status, DemoStack.ADMIN_TOKEN, "{\"status\":\"DISABLED\"}").statusCode());
    assertEnded(sam, "a disabled platform's session");
    assertEquals(
        401,
        stack.call("GET", "api/admin/registrations", console, null).statusCode(),
        "its administrators' console too");

    assertEquals(
        200,
        stack.call("PUT", status, DemoStack.ADMIN_TOKEN, "{\"status\":\"ACTIVE\"}").statusCode());
    assertEquals(
        401, stack.call("GET", "api/session", sam, null).statusCode(), "enabling brings none back");
    assertEquals(200, stack.call("GET", "api/session", launch("revoke-sam"), null).statusCode());

    String again = console(launch("revoke-admin"));
    assertEquals(
        200, stack.call("PUT", entry, DemoStack.ADMIN_TOKEN, "{\"allowed\":false}").statusCode());
    assertEquals(
        401,
        stack.call("GET", "api/admin/registrations", again, null).statusCode(),
        "closing the console entry ends its administrators' sessions");
    assertEquals(401, stack.call("POST", "api/admin/session/refresh", again, null).statusCode());
  }

  @Test
  void aDeletedAdministratorsConsoleSessionEnds() throws Exception {
    String name = "revoke-it-" + System.nanoTime();
    String password = "correct horse battery staple";
    assertEquals(
        200,
        stack
            .call(
                "POST",
                "api/admin/session/accounts",
                DemoStack.ADMIN_TOKEN,
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")
            .statusCode());
    HttpResponse<String> signedIn =
        stack.call(
            "POST",
            "api/admin/session",
            null,
            "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
    assertEquals(200, signedIn.statusCode(), signedIn.body());
    String session = (String) JSONObjectUtils.parse(signedIn.body()).get("token");
    assertEquals("local", JSONObjectUtils.parse(signedIn.body()).get("kind"));
    assertEquals(200, stack.call("GET", "api/admin/keys", session, null).statusCode());

    assertEquals(
        204,
        stack
            .call("DELETE", "api/admin/session/accounts/" + name, DemoStack.ADMIN_TOKEN, null)
            .statusCode());
    assertEquals(401, stack.call("GET", "api/admin/keys", session, null).statusCode());
    assertEquals(401, stack.call("POST", "api/admin/session/refresh", session, null).statusCode());
  }

  /** A console session from a launch's ticket. */
  private static String console(String launch) throws Exception {
    HttpResponse<String> asked = stack.call("POST", "api/admin/session/ticket", launch, null);
    assertEquals(200, asked.statusCode(), asked.body());
    String url = (String) JSONObjectUtils.parse(asked.body()).get("url");
    HttpResponse<String> redeemed =
        stack.call(
            "POST",
            "api/admin/session/redeem",
            null,
            "{\"ticket\":\"" + url.substring(url.indexOf("#ticket=") + 8) + "\"}");
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    return (String) JSONObjectUtils.parse(redeemed.body()).get("token");
  }
}
