package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in to the console without a local account: an LMS administrator's launch asks for a
 * one-minute ticket and the console redeems it once; the session administers that platform only; a
 * learner or an instructor of the same LMS gets no ticket; a ticket is not a console session, a
 * session token is not a ticket, and the audit log names the LMS administrator. Runs in course 108
 * at link 205, which no other test uses.
 */
@ExtendWith(DemoStackExtension.class)
class ConsoleSignInIT {
  private static final String AT = "&link=205&course=108";
  private static DemoStack stack;
  private static LaunchDriver driver;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    driver = new LaunchDriver(running.lms);
    running.lms.addAdministrator("lms-admin-1", "Ines", "Admin");
  }

  private static String token(String user) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith("user=" + user + AT).body());
  }

  private static HttpResponse<String> redeem(String ticket) throws Exception {
    return stack.call(
        "POST",
        "api/admin/session/redeem",
        null,
        JSONObjectUtils.toJSONString(Map.of("ticket", ticket)));
  }

  @Test
  void anLmsAdministratorOpensTheConsoleFromALaunchAndNobodyElseCan() throws Exception {
    HttpResponse<String> asked =
        stack.call("POST", "api/admin/session/ticket", token("lms-admin-1"), null);
    assertEquals(200, asked.statusCode(), asked.body());
    String url = (String) JSONObjectUtils.parse(asked.body()).get("url");
    assertTrue(url.startsWith(stack.tool("admin/").toString() + "#ticket="), url);
    Matcher ticket = Pattern.compile("#ticket=(.+)$").matcher(url);
    assertTrue(ticket.find());

    assertEquals(
        401,
        stack.call("GET", "api/admin/registrations", ticket.group(1), null).statusCode(),
        "a ticket is not a console session");
    HttpResponse<String> redeemed = redeem(ticket.group(1));
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    Map<String, Object> granted = JSONObjectUtils.parse(redeemed.body());
    String console = (String) granted.get("token");
    assertEquals("platform", granted.get("kind"));
    assertEquals(401, redeem(ticket.group(1)).statusCode(), "a ticket opens the console once");
    assertTrue(String.valueOf(granted.get("actor")).startsWith("Ines Admin (LMS administrator"));

    assertEquals(200, stack.call("GET", "api/admin/registrations", console, null).statusCode());
    assertEquals(401, redeem(console).statusCode(), "a console session is not a ticket");
    HttpResponse<String> checked =
        stack.call(
            "POST",
            "api/admin/platforms/check",
            console,
            "{\"issuer\":\"http://nothing.example\",\"clientId\":\"x\",\"deploymentIds\":[]}");
    assertEquals(
        403, checked.statusCode(), "adding registrations is the server's: " + checked.body());
    String platform = String.valueOf(granted.get("platformId"));
    HttpResponse<String> deployment =
        stack.call(
            "POST",
            "api/admin/platforms/" + platform + "/deployments",
            console,
            "{\"deploymentId\":\"console-sign-in\"}");
    assertEquals(200, deployment.statusCode(), deployment.body());
    String audit = stack.call("GET", "api/admin/audit", console, null).body();
    assertTrue(audit.contains("\"actor\":\"Ines Admin (LMS administrator"), audit);
    HttpResponse<String> csv = stack.call("GET", "api/admin/audit.csv", console, null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.body().startsWith("time,actor,action,target,outcome\r\n"), csv.body());
    assertTrue(
        csv.body().contains(",POST api/admin/platforms/" + platform + "/deployments,"), csv.body());
    assertFalse(
        csv.body().contains("api/admin/keys") || csv.body().contains("api/admin/sharepoint"),
        "the platform's own entries only: " + csv.body());

    for (String user : new String[] {"2", "5"}) {
      HttpResponse<String> refused =
          stack.call("POST", "api/admin/session/ticket", token(user), null);
      assertEquals(403, refused.statusCode(), "user " + user + ": " + refused.body());
      assertFalse(refused.body().contains("ticket="));
    }
  }
}
