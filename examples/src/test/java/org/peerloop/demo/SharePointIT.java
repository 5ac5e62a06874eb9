package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.sharepoint.DemoSharePoint;
import org.peerloop.demo.sharepoint.DemoSharePoint.DirectoryUser;

/**
 * One cohort, two doors: a space set up in the LMS and bound to a SharePoint page is entered with
 * an Entra access token (signed by the demo's stand-in for Entra, in the exact v2.0 shape) and
 * shows the same posts to people from both sides. Also: each refusal end to end, the CORS grant
 * that only SharePoint's origin gets, and a site open only to its Microsoft 365 group, read from
 * the stand-in Graph. Runs in courses 109 and 110, which no other suite uses.
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharePointIT {
  private static final String AT = "&link=201&course=109";
  private static final String PAGE = "11";

  /** A second site of the organisation, open only to the group. */
  private static final String GROUP_SITE = DemoSharePoint.GROUP_SITE_ID;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static DemoStack stack;
  private static String designer;
  private static String ada;
  private static String ben;
  private static long spaceId;
  private static long cohortId;
  private static String code;

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    stack = running;
    LaunchDriver driver = new LaunchDriver(running.lms);
    designer = LaunchDriver.sessionToken(driver.launchWith("user=5" + AT).body());
    ada = LaunchDriver.sessionToken(driver.launchWith("user=2" + AT).body());
    ben = LaunchDriver.sessionToken(driver.launchWith("user=3" + AT).body());
    HttpResponse<String> space =
        stack.call(
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Intranet practice circle\",\"phase\":\"pre-course\",\"targetSize\":17}");
    assertEquals(200, space.statusCode(), space.body());
    spaceId = number(space.body(), "id");
    HttpResponse<String> joined =
        stack.call("POST", "api/v1/spaces/" + spaceId + "/membership", ada, "{\"topics\":[]}");
    assertEquals(200, joined.statusCode(), joined.body());
    cohortId = number(joined.body(), "id");
    HttpResponse<String> post =
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohortId + "/posts",
            ada,
            "{\"kind\":\"discussion\",\"title\":\"Posted from the LMS\",\"body\":\"<p>Hello from Moodle</p>\",\"clientKey\":\"sp-it-lms-0001\"}");
    assertEquals(201, post.statusCode(), post.body());
  }

  private static long number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return Long.parseLong(m.group(1));
  }

  private static DirectoryUser user(String upn) {
    return DemoSharePoint.user(upn).orElseThrow();
  }

  private static HttpResponse<String> exchange(String entraToken, String siteId, String pageId)
      throws Exception {
    return stack.call(
        "POST",
        "api/sharepoint/session",
        entraToken,
        "{\"siteId\":\"" + siteId + "\",\"pageId\":\"" + pageId + "\"}");
  }

  /**
   * IT links the demo tenant to these platforms (ids, comma-separated; empty for none); answers the
   * ones it served before.
   */
  private static String linkTenantTo(String platformIds) throws Exception {
    String tenants =
        stack.call("GET", "api/admin/sharepoint/tenants", DemoStack.ADMIN_TOKEN, null).body();
    Matcher before = Pattern.compile("\"platformIds\":\\[([0-9,]*)\\]").matcher(tenants);
    assertTrue(before.find(), tenants);
    String tenant = "api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID + "/platforms";
    assertEquals(
        200,
        stack
            .call("PUT", tenant, DemoStack.ADMIN_TOKEN, "{\"platformIds\":[" + platformIds + "]}")
            .statusCode());
    return before.group(1);
  }

  /** The web part's request when its settings hold a confirmation code. */
  private static HttpResponse<String> confirming(String entraToken, String pageId, String code)
      throws Exception {
    return stack.call(
        "POST",
        "api/sharepoint/session",
        entraToken,
        "{\"siteId\":\""
            + DemoSharePoint.SITE_ID
            + "\",\"pageId\":\""
            + pageId
            + "\",\"webUrl\":\""
            + DemoSharePoint.WEB_URLS.get(DemoSharePoint.SITE_ID)
            + "\",\"listId\":\""
            + DemoSharePoint.PAGES_LISTS.get(DemoSharePoint.SITE_ID)
            + "\",\"confirmationCode\":\""
            + code
            + "\"}");
  }

  private static String session(DirectoryUser user, String siteId, String pageId) throws Exception {
    HttpResponse<String> granted = exchange(stack.sharePoint.accessToken(user), siteId, pageId);
    assertEquals(200, granted.statusCode(), granted.body());
    Map<String, Object> body = JSONObjectUtils.parse(granted.body());
    assertEquals(spaceId, ((Number) body.get("spaceId")).longValue());
    assertEquals(stack.tool("sharepoint/frame").toString(), body.get("frameUrl"));
    return (String) body.get("token");
  }

  @Test
  @Order(1)
  void aPageOpensNothingUntilItIsBound() throws Exception {
    HttpResponse<String> answer =
        exchange(
            stack.sharePoint.accessToken(user("ada.ito@example.edu")),
            DemoSharePoint.SITE_ID,
            PAGE);
    assertEquals(404, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("page-not-bound"), answer.body());
  }

  @Test
  @Order(2)
  void onlyTheCoursesFacilitatorBindsAPageToTheSpace() throws Exception {
    String binding =
        "{\"tenantId\":\""
            + DemoSharePoint.TENANT_ID
            + "\",\"siteId\":\""
            + DemoSharePoint.SITE_ID
            + "\",\"pageId\":\""
            + PAGE
            + "\",\"audience\":\"ORGANISATION\"}";
    HttpResponse<String> learner =
        stack.call("PUT", "api/v1/spaces/" + spaceId + "/sharepoint-pages", ada, binding);
    assertEquals(403, learner.statusCode(), learner.body());

    HttpResponse<String> bad =
        stack.call(
            "PUT",
            "api/v1/spaces/" + spaceId + "/sharepoint-pages",
            designer,
            binding.replace("\"pageId\":\"" + PAGE + "\"", "\"pageId\":\"../1\""));
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("pageId"), bad.body());

    // A tenant IT has not linked to this LMS is not the facilitator's to use.
    String linked = linkTenantTo("");
    HttpResponse<String> unlinked =
        stack.call("PUT", "api/v1/spaces/" + spaceId + "/sharepoint-pages", designer, binding);
    assertEquals(403, unlinked.statusCode(), unlinked.body());
    assertTrue(unlinked.body().contains("tenant-not-linked"), unlinked.body());
    linkTenantTo(linked);

    // A group audience must be the site's own group: any other would be read into the course.
    int graphCalls = stack.sharePoint.graphCalls();
    HttpResponse<String> foreignGroup =
        stack.call(
            "PUT",
            "api/v1/spaces/" + spaceId + "/sharepoint-pages",
            designer,
            binding.replace(
                "\"audience\":\"ORGANISATION\"",
                "\"audience\":\"GROUP\",\"groupId\":\"" + DemoSharePoint.GROUP_ID + "\""));
    assertEquals(409, foreignGroup.statusCode(), foreignGroup.body());
    assertTrue(foreignGroup.body().contains("group-not-of-site"), foreignGroup.body());
    assertEquals(
        graphCalls + 1, stack.sharePoint.graphCalls(), "Graph was asked which site, not who");

    HttpResponse<String> asked =
        stack.call("PUT", "api/v1/spaces/" + spaceId + "/sharepoint-pages", designer, binding);
    assertEquals(202, asked.statusCode(), asked.body());
    code = (String) JSONObjectUtils.parse(asked.body()).get("code");
    assertTrue(code.matches("PLB(-[0-9A-HJKMNP-TV-Z]{4}){4}"), code);
    HttpResponse<String> listed =
        stack.call("GET", "api/v1/spaces/" + spaceId + "/sharepoint-pages", designer, null);
    assertTrue(listed.body().contains("\"awaiting\":[{"), listed.body());
    assertFalse(listed.body().contains(code), "the code is shown once: " + listed.body());
  }

  /**
   * The request binds nothing until the page carries its code: a facilitator who sends the code
   * themselves, as if from the page, is refused, and the site stays free for its owner.
   */
  @Test
  @Order(3)
  void onlyThePageItselfConfirmsTheRequest() throws Exception {
    String adaToken = stack.sharePoint.accessToken(user("ada.ito@example.edu"));
    HttpResponse<String> unbound = exchange(adaToken, DemoSharePoint.SITE_ID, PAGE);
    assertEquals(404, unbound.statusCode(), unbound.body());
    String sites =
        stack.call("GET", "api/admin/sharepoint/sites", DemoStack.ADMIN_TOKEN, null).body();
    assertFalse(sites.contains("\"pageId\":\"" + PAGE + "\""), "a request binds nothing: " + sites);

    // The code sent from anywhere but a page that carries it confirms nothing.
    HttpResponse<String> forged = confirming(adaToken, PAGE, code);
    assertEquals(409, forged.statusCode(), forged.body());
    assertTrue(forged.body().contains("binding-unconfirmed"), forged.body());
    // Another page of the site carrying the code does not confirm this one's request.
    stack.sharePoint.publishWebPartCode(DemoSharePoint.SITE_ID, "12", code);
    assertEquals(409, confirming(adaToken, PAGE, code).statusCode());
    // A code no request waits for changes nothing: the page is simply not bound.
    HttpResponse<String> stale = confirming(adaToken, PAGE, "PLB-0000-0000-0000-0000");
    assertEquals(404, stale.statusCode(), stale.body());
    assertTrue(stale.body().contains("page-not-bound"), stale.body());
    // Hints that would lead Graph elsewhere are refused before Graph is asked.
    int graphCalls = stack.sharePoint.graphCalls();
    HttpResponse<String> offSharePoint =
        stack.call(
            "POST",
            "api/sharepoint/session",
            adaToken,
            "{\"siteId\":\""
                + DemoSharePoint.SITE_ID
                + "\",\"pageId\":\""
                + PAGE
                + "\",\"webUrl\":\"https://example.sharepoint.com/sites/../../users\",\"listId\":\""
                + DemoSharePoint.PAGES_LISTS.get(DemoSharePoint.SITE_ID)
                + "\",\"confirmationCode\":\""
                + code
                + "\"}");
    assertEquals(400, offSharePoint.statusCode(), offSharePoint.body());
    assertTrue(offSharePoint.body().contains("webUrl"), offSharePoint.body());
    assertEquals(graphCalls, stack.sharePoint.graphCalls());

    // The page's editor enters the code in the web part and publishes: the next view binds it,
    // unless IT has meanwhile unlinked the tenant from the LMS.
    stack.sharePoint.publishWebPartCode(DemoSharePoint.SITE_ID, PAGE, code.toLowerCase());
    String linked = linkTenantTo("");
    HttpResponse<String> unlinked = confirming(adaToken, PAGE, code);
    assertEquals(403, unlinked.statusCode(), unlinked.body());
    assertTrue(unlinked.body().contains("tenant-not-linked"), unlinked.body());
    linkTenantTo(linked);
    HttpResponse<String> confirmed = confirming(adaToken, PAGE, code.toLowerCase());
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    HttpResponse<String> listed =
        stack.call("GET", "api/v1/spaces/" + spaceId + "/sharepoint-pages", designer, null);
    assertTrue(listed.body().contains("Intranet practice circle"), listed.body());
    assertTrue(listed.body().contains("\"awaiting\":[]"), listed.body());
    // The code is used up; the web part keeps sending it, which changes nothing.
    assertEquals(200, confirming(adaToken, PAGE, code).statusCode());
    String audit = stack.call("GET", "api/admin/audit", DemoStack.ADMIN_TOKEN, null).body();
    assertTrue(audit.contains("CONFIRM SharePoint page"), audit);
  }

  @Test
  @Order(4)
  void theSamePersonSeesTheSameCohortThroughThePage() throws Exception {
    // The tenant matches accounts to LMS people by e-mail: Ada on the page is Ada of the course.
    String adaOnThePage = session(user("ada.ito@example.edu"), DemoSharePoint.SITE_ID, PAGE);
    HttpResponse<String> me = stack.call("GET", "api/session", adaOnThePage, null);
    HttpResponse<String> meInLms = stack.call("GET", "api/session", ada, null);
    assertEquals(number(meInLms.body(), "personId"), number(me.body(), "personId"));
    HttpResponse<String> space = stack.call("GET", "api/v1/space", adaOnThePage, null);
    assertEquals(200, space.statusCode(), space.body());
    assertEquals(spaceId, number(space.body(), "id"));
    HttpResponse<String> mine =
        stack.call("GET", "api/v1/spaces/" + spaceId + "/my-cohort", adaOnThePage, null);
    assertEquals(cohortId, number(mine.body(), "id"));
    HttpResponse<String> threads =
        stack.call("GET", "api/v1/cohorts/" + cohortId + "/threads", adaOnThePage, null);
    assertTrue(threads.body().contains("Posted from the LMS"), threads.body());
  }

  @Test
  @Order(5)
  void someoneOnlyInTheOrganisationJoinsAndTheLmsLearnerSeesTheirPost() throws Exception {
    String lena = session(user("lena.novak@example.edu"), DemoSharePoint.SITE_ID, PAGE);
    HttpResponse<String> joined =
        stack.call("POST", "api/v1/spaces/" + spaceId + "/membership", lena, "{\"topics\":[]}");
    assertEquals(200, joined.statusCode(), joined.body());
    assertEquals(cohortId, number(joined.body(), "id"));
    HttpResponse<String> post =
        stack.call(
            "POST",
            "api/v1/cohorts/" + cohortId + "/posts",
            lena,
            "{\"kind\":\"discussion\",\"title\":\"Posted from SharePoint\",\"body\":\"<p>Hello from the intranet</p>\",\"clientKey\":\"sp-it-page-0001\"}");
    assertEquals(201, post.statusCode(), post.body());

    assertEquals(
        200,
        stack
            .call("POST", "api/v1/spaces/" + spaceId + "/membership", ben, "{\"topics\":[]}")
            .statusCode());
    HttpResponse<String> threads =
        stack.call("GET", "api/v1/cohorts/" + cohortId + "/threads", ben, null);
    assertTrue(threads.body().contains("Posted from SharePoint"), threads.body());
    assertTrue(threads.body().contains("Lena Novak"), "the author's real name: " + threads.body());
  }

  @Test
  @Order(6)
  void everyBrokenTokenIsRefusedEndToEnd() throws Exception {
    DirectoryUser lena = user("lena.novak@example.edu");
    Instant now = Instant.now();
    Map<String, String> broken =
        Map.of(
            "entra-token-audience",
            stack.sharePoint.sign(
                DemoSharePoint.claims(lena, now).audience("00000003-0000-0000-c000-000000000000")),
            "entra-token-expired",
            stack.sharePoint.sign(
                DemoSharePoint.claims(lena, now).expirationTime(Date.from(now.minusSeconds(600)))),
            "entra-token-scope",
            stack.sharePoint.sign(DemoSharePoint.claims(lena, now).claim("scp", "User.Read")),
            "entra-token-client-app",
            stack.sharePoint.sign(
                DemoSharePoint.claims(lena, now)
                    .claim("azp", "11111111-2222-3333-4444-555555555555")),
            "entra-tenant-unknown",
            stack.sharePoint.sign(
                DemoSharePoint.claims(lena, now)
                    .claim("tid", "f8cdef31-a31e-4b4a-93e4-5f571e91255a")),
            "entra-token-malformed",
            "not-a-token");
    for (Map.Entry<String, String> token : broken.entrySet()) {
      HttpResponse<String> answer = exchange(token.getValue(), DemoSharePoint.SITE_ID, PAGE);
      assertEquals(401, answer.statusCode(), token.getKey() + ": " + answer.body());
      assertTrue(answer.body().contains(token.getKey()), token.getKey() + ": " + answer.body());
      assertFalse(answer.body().contains("token\":\"ey"), "no session in a refusal");
    }
    HttpResponse<String> none = exchange(null, DemoSharePoint.SITE_ID, PAGE);
    assertEquals(401, none.statusCode());
    // A session token of PeerLoop's own is not an Entra token.
    assertEquals(401, exchange(ada, DemoSharePoint.SITE_ID, PAGE).statusCode());
  }

  @Test
  @Order(7)
  void aDisabledTenantLetsNobodyIn() throws Exception {
    String path = "api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID + "/status";
    assertEquals(
        200,
        stack.call("POST", path, DemoStack.ADMIN_TOKEN, "{\"status\":\"DISABLED\"}").statusCode());
    try {
      HttpResponse<String> answer =
          exchange(
              stack.sharePoint.accessToken(user("ada.ito@example.edu")),
              DemoSharePoint.SITE_ID,
              PAGE);
      assertEquals(401, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("entra-tenant-unknown"), answer.body());
    } finally {
      assertEquals(
          200,
          stack.call("POST", path, DemoStack.ADMIN_TOKEN, "{\"status\":\"ACTIVE\"}").statusCode());
    }
  }

  @Test
  @Order(8)
  void onlySharePointsOriginMayCallTheSessionEndpointFromAScript() throws Exception {
    for (String origin : List.of(stack.sharePoint.origin(), "https://contoso.sharepoint.com")) {
      HttpResponse<String> preflight = preflight(origin);
      assertEquals(204, preflight.statusCode());
      assertEquals(
          origin, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
      assertTrue(
          preflight
              .headers()
              .firstValue("Access-Control-Allow-Headers")
              .orElse("")
              .contains("Authorization"));
    }
    for (String origin :
        List.of("https://attacker.example", "https://sharepoint.com.attacker.example")) {
      HttpResponse<String> preflight = preflight(origin);
      assertTrue(
          preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
          origin + ": " + preflight.headers().map());
    }
  }

  private static HttpResponse<String> preflight(String origin) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(stack.tool("api/sharepoint/session"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(9)
  void aGroupSiteAdmitsOnlyItsGroupAsGraphListsIt() throws Exception {
    String site =
        "api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID + "/sites/" + GROUP_SITE;
    HttpResponse<String> course = stack.call("GET", "api/session", designer, null);
    long courseId = number(course.body(), "courseId");
    HttpResponse<String> bound =
        stack.call(
            "PUT",
            site,
            DemoStack.ADMIN_TOKEN,
            "{\"courseId\":"
                + courseId
                + ",\"audience\":\"GROUP\",\"groupId\":\""
                + DemoSharePoint.GROUP_ID
                + "\",\"nestedGroups\":false}");
    assertEquals(200, bound.statusCode(), bound.body());
    assertEquals(
        200,
        stack
            .call("PUT", site + "/pages/3", DemoStack.ADMIN_TOKEN, "{\"spaceId\":" + spaceId + "}")
            .statusCode());

    // The roster is read in the background once the site is bound.
    String sites = "";
    for (int i = 0;
        i < 100
            && !sites.matches(
                "(?s).*\"siteId\":\"" + GROUP_SITE + "\"[^}]*\"syncedAt\":\"[^\"]+\".*");
        i++) {
      Thread.sleep(200);
      sites = stack.call("GET", "api/admin/sharepoint/sites", DemoStack.ADMIN_TOKEN, null).body();
    }
    assertTrue(sites.contains("\"membersSeen\":4"), sites);
    assertTrue(stack.sharePoint.graphCalls() > 0);

    HttpResponse<String> omar =
        exchange(stack.sharePoint.accessToken(user("omar.farouk@example.edu")), GROUP_SITE, "3");
    assertEquals(403, omar.statusCode(), omar.body());
    assertTrue(omar.body().contains("not-in-site-group"), omar.body());
    // Omar is in the organisation: on the site open to it, he gets in.
    assertEquals(
        200,
        exchange(
                stack.sharePoint.accessToken(user("omar.farouk@example.edu")),
                DemoSharePoint.SITE_ID,
                PAGE)
            .statusCode());
    session(user("lena.novak@example.edu"), GROUP_SITE, "3");
  }

  @Test
  @Order(10)
  void aSiteStandsForOneCourse() throws Exception {
    // Another course's facilitator cannot take the site over for their course.
    LaunchDriver driver = new LaunchDriver(stack.lms);
    String other =
        LaunchDriver.sessionToken(driver.launchWith("user=5&link=201&course=110").body());
    HttpResponse<String> space =
        stack.call(
            "PUT", "api/v1/space", other, "{\"title\":\"Data circle\",\"phase\":\"pre-course\"}");
    long otherSpace = number(space.body(), "id");
    HttpResponse<String> taken =
        stack.call(
            "PUT",
            "api/v1/spaces/" + otherSpace + "/sharepoint-pages",
            other,
            "{\"tenantId\":\""
                + DemoSharePoint.TENANT_ID
                + "\",\"siteId\":\""
                + DemoSharePoint.SITE_ID
                + "\",\"pageId\":\"99\",\"audience\":\"ORGANISATION\"}");
    assertEquals(409, taken.statusCode(), taken.body());
    assertTrue(taken.body().contains("site-bound-elsewhere"), taken.body());
    // Nor can IT point a page of this course's site at that course's space.
    HttpResponse<String> pointed =
        stack.call(
            "PUT",
            "api/admin/sharepoint/tenants/"
                + DemoSharePoint.TENANT_ID
                + "/sites/"
                + DemoSharePoint.SITE_ID
                + "/pages/99",
            DemoStack.ADMIN_TOKEN,
            "{\"spaceId\":" + otherSpace + "}");
    assertEquals(409, pointed.statusCode(), pointed.body());
    assertTrue(pointed.body().contains("space-of-another-course"), pointed.body());
    // Nor reach this course's space by its id.
    assertEquals(
        404,
        stack
            .call("GET", "api/v1/spaces/" + spaceId + "/sharepoint-pages", other, null)
            .statusCode());
  }

  @Test
  @Order(11)
  void aFacilitatorTakesTheirSpaceOffThePage() throws Exception {
    String page =
        "api/v1/spaces/"
            + spaceId
            + "/sharepoint-pages/"
            + DemoSharePoint.TENANT_ID
            + "/"
            + DemoSharePoint.SITE_ID
            + "/";
    assertEquals(400, stack.call("DELETE", page + "x1", designer, null).statusCode());
    assertEquals(404, stack.call("DELETE", page + "12", designer, null).statusCode());
    assertEquals(403, stack.call("DELETE", page + PAGE, ada, null).statusCode());
    assertEquals(204, stack.call("DELETE", page + PAGE, designer, null).statusCode());

    HttpResponse<String> gone =
        exchange(
            stack.sharePoint.accessToken(user("ada.ito@example.edu")),
            DemoSharePoint.SITE_ID,
            PAGE);
    assertEquals(404, gone.statusCode(), gone.body());
    assertTrue(gone.body().contains("page-not-bound"), gone.body());
    // The space and what its cohort wrote stay.
    HttpResponse<String> threads =
        stack.call("GET", "api/v1/cohorts/" + cohortId + "/threads", ada, null);
    assertEquals(200, threads.statusCode(), threads.body());
    assertTrue(threads.body().contains("Posted from the LMS"), threads.body());
  }

  @Test
  @Order(12)
  void itTakesASiteOffItsCourse() throws Exception {
    String site =
        "api/admin/sharepoint/tenants/" + DemoSharePoint.TENANT_ID + "/sites/" + GROUP_SITE;
    String lena = stack.sharePoint.accessToken(user("lena.novak@example.edu"));
    assertEquals(200, exchange(lena, GROUP_SITE, "3").statusCode());
    assertEquals(401, stack.call("DELETE", site, designer, null).statusCode(), "not an admin");
    assertEquals(204, stack.call("DELETE", site, DemoStack.ADMIN_TOKEN, null).statusCode());
    HttpResponse<String> gone = exchange(lena, GROUP_SITE, "3");
    assertEquals(404, gone.statusCode(), gone.body());
    assertTrue(gone.body().contains("page-not-bound"), gone.body());
    assertEquals(404, stack.call("DELETE", site, DemoStack.ADMIN_TOKEN, null).statusCode());
    String sites =
        stack.call("GET", "api/admin/sharepoint/sites", DemoStack.ADMIN_TOKEN, null).body();
    assertFalse(sites.contains(GROUP_SITE), sites);
    // The spaces and their posts stay.
    assertEquals(
        200, stack.call("GET", "api/v1/cohorts/" + cohortId + "/threads", ada, null).statusCode());
  }
}
