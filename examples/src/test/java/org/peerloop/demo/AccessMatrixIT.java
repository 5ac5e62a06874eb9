package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.sharepoint.DemoSharePoint;

/**
 * Every endpoint of the API (as the served OpenAPI document lists them, which a unit test keeps
 * complete) called by everyone who must not reach a cohort's data: no token, a made-up one, the
 * victim's own token tampered with or re-signed with {@code alg: none}, tokens meant for something
 * else (the platform's id_token, the tool's deep linking ticket), a learner of another cohort of
 * the same space, a facilitator of another course, a facilitator on another platform, and learners
 * and facilitators on the admin API. Each is refused with 401, 403 or 404, and no answer holds the
 * victim's post or address. The admin API is also called by an administrator of another platform,
 * acting on the victim's platform (refused, or lists without it) and on their own (only the
 * operations the document marks {@code x-platform-administrators}), and by a local administrator,
 * who reaches every one. The console's sign-in operations, open to anyone by design ({@code
 * security: []}), are left out; ConsoleSignInIT and AdminConsoleIT test them. Runs in course 108 at
 * link 203, which no other test uses.
 */
@ExtendWith(DemoStackExtension.class)
class AccessMatrixIT {
  private static final String COURSE = "108";
  private static final String LINK = "203";
  private static final Pattern PATH = Pattern.compile("^  (/\\S+):$");
  private static final Pattern METHOD = Pattern.compile("^    (get|put|post|delete|patch):$");

  /** An operation open to anyone by design: the console's sign-in and its setup. */
  private static final Pattern PUBLIC = Pattern.compile("^      security: \\[\\]$");

  /** An admin operation an LMS's administrator may call too, for their own platform. */
  private static final Pattern FOR_PLATFORM_ADMINISTRATORS =
      Pattern.compile("^      x-platform-administrators: true$");

  private static final Set<Integer> REFUSED = Set.of(401, 403, 404);

  private static DemoStack stack;
  private static DemoLms otherPlatform;
  private static final String MARKER = "victim-" + UUID.randomUUID();

  /** The victim's ids, by the path parameter that names them. */
  private static final Map<String, String> ids = new LinkedHashMap<>();

  private static String victim;
  private static String victimIdToken;
  private static String cohortmate;
  private static String otherCohort;
  private static String designer;
  private static String otherCourseFacilitator;
  private static String otherPlatformFacilitator;
  private static String deepLinkingTicket;

  /**
   * The other platform's ids: its own, a learner of it, and server-wide things that do not exist.
   */
  private static final Map<String, String> ownIds = new LinkedHashMap<>();

  /** A console session of an administrator of the other platform. */
  private static String platformAdministrator;

  record Endpoint(String method, String template, boolean forPlatformAdministrators) {
    String path() {
      return path(ids);
    }

    String path(Map<String, String> with) {
      String path = template;
      for (Map.Entry<String, String> id : with.entrySet()) {
        path = path.replace("{" + id.getKey() + "}", id.getValue());
      }
      if (template.equals("/api/admin/people")) {
        path += "?platform=" + with.get("id") + "&subject=2";
      } else if (template.equals("/api/admin/launches/refused")) {
        path += "?platform=" + with.get("id");
      }
      return path.substring(1);
    }

    /** An operation of the admin API proper (not the launch's ticket, not the sign-in). */
    boolean administration() {
      return admin() && !template.equals("/api/admin/session/ticket");
    }

    boolean namesTheVictimsData() {
      return template.contains("{");
    }

    boolean admin() {
      return template.startsWith("/api/admin/");
    }

    /** What the victim's cohort holds and a learner of another cohort must not reach. */
    boolean ofTheCohort() {
      return template.contains("{cohortId}")
          || template.contains("{postId}")
          || template.contains("{memberId}");
    }
  }

  @BeforeAll
  static void setUp(DemoStack running) throws Exception {
    stack = running;
    LaunchDriver driver = new LaunchDriver(running.lms);
    String at = "&link=" + LINK + "&course=" + COURSE;
    designer = token(driver.launchWith("user=5" + at));
    HttpResponse<String> space =
        stack.call(
            "PUT",
            "api/v1/space",
            designer,
            "{\"title\":\"Matrix " + MARKER + "\",\"phase\":\"pre-course\",\"targetSize\":3}");
    assertEquals(200, space.statusCode(), space.body());
    ids.put("spaceId", String.valueOf(JSONObjectUtils.parse(space.body()).get("id")));

    // Six learners in cohorts of three; the victim is Ada (user 2).
    Map<String, String> cohortOf = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String user : List.of("2", "3", "4", "6", "7", "8")) {
      HttpResponse<String> page = driver.launchWith("user=" + user + at);
      if (user.equals("2")) {
        victimIdToken = driver.lastIdToken();
      }
      tokens.put(user, token(page));
      HttpResponse<String> joined =
          stack.call(
              "POST",
              "api/v1/spaces/" + ids.get("spaceId") + "/membership",
              tokens.get(user),
              "{\"topics\":[]}");
      assertEquals(200, joined.statusCode(), joined.body());
      Map<String, Object> cohort = JSONObjectUtils.parse(joined.body());
      cohortOf.put(user, String.valueOf(cohort.get("id")));
      if (user.equals("2")) {
        for (Object member : JSONObjectUtils.getJSONArray(cohort, "members")) {
          Map<?, ?> m = (Map<?, ?>) member;
          if (String.valueOf(((Map<?, ?>) m.get("person")).get("name")).startsWith("Ada")) {
            ids.put("memberId", String.valueOf(m.get("id")));
          }
        }
      }
    }
    victim = tokens.get("2");
    ids.put(
        "personId",
        String.valueOf(
            JSONObjectUtils.parse(stack.call("GET", "api/session", victim, null).body())
                .get("personId")));
    ids.put("cohortId", cohortOf.get("2"));
    for (Map.Entry<String, String> learner : cohortOf.entrySet()) {
      if (learner.getValue().equals(cohortOf.get("2")) && !learner.getKey().equals("2")) {
        cohortmate = tokens.get(learner.getKey());
      } else if (!learner.getValue().equals(cohortOf.get("2"))) {
        otherCohort = tokens.get(learner.getKey());
      }
    }
    assertTrue(ids.containsKey("memberId") && cohortmate != null && otherCohort != null, ids + "");

    HttpResponse<String> post =
        stack.call(
            "POST",
            "api/v1/cohorts/" + ids.get("cohortId") + "/posts",
            victim,
            "{\"title\":\""
                + MARKER
                + "\",\"body\":\"<p>"
                + MARKER
                + "</p>\",\"clientKey\":\"matrix-"
                + MARKER
                + "\"}");
    assertEquals(201, post.statusCode(), post.body());
    ids.put("postId", String.valueOf(JSONObjectUtils.parse(post.body()).get("id")));
    ids.put("id", platformId(stack.lms.issuer()));
    // Admin calls are refused before the key is looked up; any id shows that.
    ids.put("kid", "any-key-id");
    ids.put("username", "no-such-administrator");
    // The demo's SharePoint tenant, site and page: bound or not, admin calls are refused first.
    ids.put("tenantId", DemoSharePoint.TENANT_ID);
    ids.put("siteId", DemoSharePoint.SITE_ID);
    ids.put("pageId", DemoSharePoint.PAGE_ID);

    otherCourseFacilitator = token(driver.launchWith("user=5&link=203&course=103"));
    HttpResponse<String> deep = driver.launchWith("user=5&deep&course=" + COURSE);
    Matcher ticket = Pattern.compile("\"deepLinking\":\"([^\"]+)\"").matcher(deep.body());
    assertTrue(ticket.find());
    deepLinkingTicket = ticket.group(1);

    otherPlatform =
        DemoLms.start(
            DemoStack.freePort(), "localhost", Files.createTempDirectory("peerloop-other-lms-"));
    assertEquals(200, otherPlatform.registerWith(stack.tool("lti/register")));
    LaunchDriver onOther = new LaunchDriver(otherPlatform);
    otherPlatformFacilitator =
        token(onOther.launchWith("user=5&link=" + LINK + "&course=" + COURSE));
    ownIds.put("id", platformId(otherPlatform.issuer()));
    String ownLearner = token(onOther.launchWith("user=3&link=" + LINK + "&course=" + COURSE));
    ownIds.put(
        "personId",
        String.valueOf(
            JSONObjectUtils.parse(stack.call("GET", "api/session", ownLearner, null).body())
                .get("personId")));
    ownIds.put("kid", "no-such-key");
    ownIds.put("tenantId", "00000000-0000-0000-0000-00000000dead");
    ownIds.put("siteId", "00000000-0000-0000-0000-00000000beef");
    ownIds.put("pageId", "no-such-page");
    ids.forEach(ownIds::putIfAbsent);
    platformAdministrator = platformAdministratorSession(onOther);
  }

  /**
   * The other platform's administrator opens the console from a launch: refused until a local
   * administrator lets that platform's administrators in, then once per ticket.
   */
  private static String platformAdministratorSession(LaunchDriver onOther) throws Exception {
    otherPlatform.addAdministrator("matrix-admin", "Mia", "Admin");
    String launch =
        token(onOther.launchWith("user=matrix-admin&link=" + LINK + "&course=" + COURSE));
    HttpResponse<String> closed = stack.call("POST", "api/admin/session/ticket", launch, null);
    assertEquals(
        403, closed.statusCode(), "entry from the LMS is off by default: " + closed.body());
    assertTrue(closed.body().contains("console-entry-off"), closed.body());
    HttpResponse<String> opened =
        stack.call(
            "PUT",
            "api/admin/platforms/" + ownIds.get("id") + "/console-entry",
            DemoStack.ADMIN_TOKEN,
            "{\"allowed\":true}");
    assertEquals(200, opened.statusCode(), opened.body());
    HttpResponse<String> asked = stack.call("POST", "api/admin/session/ticket", launch, null);
    assertEquals(200, asked.statusCode(), asked.body());
    String url = (String) JSONObjectUtils.parse(asked.body()).get("url");
    String ticket = "{\"ticket\":\"" + url.substring(url.indexOf("#ticket=") + 8) + "\"}";
    HttpResponse<String> redeemed = stack.call("POST", "api/admin/session/redeem", null, ticket);
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    Map<String, Object> granted = JSONObjectUtils.parse(redeemed.body());
    assertEquals("platform", granted.get("kind"));
    assertEquals(ownIds.get("id"), String.valueOf(granted.get("platformId")));
    assertEquals(
        401,
        stack.call("POST", "api/admin/session/redeem", null, ticket).statusCode(),
        "a ticket opens the console once");
    return (String) granted.get("token");
  }

  @AfterAll
  static void stopOtherPlatform() {
    if (otherPlatform != null) {
      otherPlatform.stop();
    }
  }

  private static String token(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    return LaunchDriver.sessionToken(page.body());
  }

  private static String platformId(String issuer) throws Exception {
    HttpResponse<String> platforms =
        stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null);
    for (Object p : com.nimbusds.jose.util.JSONArrayUtils.parse(platforms.body())) {
      Map<?, ?> platform = (Map<?, ?>) p;
      if (issuer.equals(platform.get("issuer"))) {
        return String.valueOf(platform.get("id"));
      }
    }
    throw new AssertionError(issuer + " is not registered: " + platforms.body());
  }

  static List<Endpoint> endpoints() throws Exception {
    HttpResponse<String> document = stack.call("GET", "api/openapi.yaml", null, null);
    assertEquals(200, document.statusCode());
    List<Endpoint> found = new ArrayList<>();
    String path = null;
    for (String line : document.body().split("\n")) {
      Matcher p = PATH.matcher(line);
      Matcher m = METHOD.matcher(line);
      if (p.matches()) {
        path = p.group(1);
      } else if (m.matches() && path != null) {
        found.add(new Endpoint(m.group(1).toUpperCase(), path, false));
      } else if (PUBLIC.matcher(line).matches() && !found.isEmpty()) {
        found.remove(found.size() - 1);
      } else if (FOR_PLATFORM_ADMINISTRATORS.matcher(line).matches() && !found.isEmpty()) {
        Endpoint last = found.remove(found.size() - 1);
        found.add(new Endpoint(last.method(), last.template(), true));
      }
    }
    return found;
  }

  /** A body that passes validation, so refusals come from authorization, not from the schema. */
  private static String body(Endpoint endpoint) {
    String t = endpoint.template();
    if (!Set.of("POST", "PUT", "PATCH").contains(endpoint.method())) {
      return null;
    }
    if (t.endsWith("/posts")) {
      return "{\"title\":\"x\",\"body\":\"<p>x</p>\",\"clientKey\":\"" + UUID.randomUUID() + "\"}";
    }
    if (t.endsWith("/rating")) {
      return "{\"stars\":4}";
    }
    if (t.endsWith("/review")) {
      return "{\"decision\":\"approve\"}";
    }
    if (t.endsWith("/move")) {
      return "{\"cohortId\":" + ids.get("cohortId") + "}";
    }
    if (t.endsWith("/role")) {
      return "{\"role\":\"EXPERT_REVIEWER\"}";
    }
    if (t.endsWith("/membership")) {
      return "{\"topics\":[]}";
    }
    if (t.endsWith("/sharepoint-pages")) {
      return "{\"tenantId\":\""
          + DemoSharePoint.TENANT_ID
          + "\",\"siteId\":\""
          + DemoSharePoint.SITE_ID
          + "\",\"pageId\":\""
          + DemoSharePoint.PAGE_ID
          + "\",\"audience\":\"ORGANISATION\"}";
    }
    if (t.equals("/api/v1/posts/{postId}")) {
      return "{\"body\":\"<p>changed</p>\",\"clientKey\":\"" + UUID.randomUUID() + "\"}";
    }
    return "{}";
  }

  private static void assertRefused(Endpoint endpoint, String who, String bearer) throws Exception {
    HttpResponse<String> answer =
        stack.call(endpoint.method(), endpoint.path(), bearer, body(endpoint));
    String what = endpoint.method() + " " + endpoint.template() + " as " + who;
    assertTrue(
        REFUSED.contains(answer.statusCode()),
        what + " answered " + answer.statusCode() + ": " + answer.body());
    assertFalse(
        answer.body().contains(MARKER), what + " leaked the victim's data: " + answer.body());
    assertFalse(answer.body().contains("ada.ito@"), what + " leaked an address: " + answer.body());
  }

  private static String tampered(String token) throws Exception {
    String[] parts = token.split("\\.");
    Map<String, Object> claims = JSONObjectUtils.parse(Base64URL.from(parts[1]).decodeToString());
    claims.put("roles", List.of("ADMIN"));
    return parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(claims)) + "." + parts[2];
  }

  private static String unsigned(String token) throws Exception {
    String[] parts = token.split("\\.");
    String header =
        Base64URL.encode(
                "{\"alg\":\"none\",\"typ\":\"peerloop-session+jwt\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    return header + "." + parts[1] + ".";
  }

  @Test
  void theMatrixCoversTheWholeApi() throws Exception {
    List<Endpoint> all = endpoints();
    assertTrue(all.size() >= 60, all.size() + " endpoints");
    for (Endpoint endpoint : all) {
      assertFalse(
          endpoint.path().contains("{"), "every path parameter has a victim id: " + endpoint);
    }
    // The victim reaches their own post: the ids are real, so refusals below mean something.
    HttpResponse<String> own = stack.call("GET", "api/v1/posts/" + ids.get("postId"), victim, null);
    assertEquals(200, own.statusCode(), own.body());
    assertTrue(own.body().contains(MARKER));
    assertEquals(
        200, stack.call("GET", "api/v1/posts/" + ids.get("postId"), cohortmate, null).statusCode());
    assertNotEquals(otherCohort, cohortmate);
  }

  @Test
  void withoutAValidSessionTokenNothingAnswers() throws Exception {
    Map<String, String> bearers = new LinkedHashMap<>();
    bearers.put("no token", null);
    bearers.put("a made-up token", "not-a-token");
    bearers.put("the victim's token with its claims changed", tampered(victim));
    bearers.put("the victim's claims with alg none", unsigned(victim));
    bearers.put("the platform's id_token", victimIdToken);
    bearers.put("the tool's deep linking ticket", deepLinkingTicket);
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.template().equals("/api/openapi.yaml")) {
        continue;
      }
      for (Map.Entry<String, String> bearer : bearers.entrySet()) {
        HttpResponse<String> answer =
            stack.call(endpoint.method(), endpoint.path(), bearer.getValue(), body(endpoint));
        String what = endpoint.method() + " " + endpoint.template() + " with " + bearer.getKey();
        assertEquals(401, answer.statusCode(), what + ": " + answer.body());
        assertFalse(answer.body().contains(MARKER), what);
      }
    }
  }

  @Test
  void nobodyOutsideTheCohortReachesItsData() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      if (!endpoint.namesTheVictimsData() || endpoint.admin()) {
        continue;
      }
      if (endpoint.ofTheCohort()) {
        assertRefused(endpoint, "a learner of another cohort", otherCohort);
      }
      assertRefused(endpoint, "a facilitator of another course", otherCourseFacilitator);
      assertRefused(endpoint, "a facilitator on another platform", otherPlatformFacilitator);
    }
  }

  @Test
  void anAdministratorOfAnotherPlatformReachesNothingOfThisOneNorTheServer() throws Exception {
    String victimPlatform = "\"issuer\":\"" + stack.lms.issuer() + "\"";
    int lists = 0;
    for (Endpoint endpoint : endpoints()) {
      if (!endpoint.administration()) {
        continue;
      }
      HttpResponse<String> answer =
          stack.call(endpoint.method(), endpoint.path(), platformAdministrator, body(endpoint));
      String what = endpoint.method() + " " + endpoint.template() + " by another platform's admin";
      boolean confinedList =
          endpoint.forPlatformAdministrators()
              && !endpoint.namesTheVictimsData()
              && endpoint.method().equals("GET")
              && !endpoint.template().equals("/api/admin/people")
              && !endpoint.template().equals("/api/admin/launches/refused");
      if (confinedList) {
        lists++;
        assertEquals(200, answer.statusCode(), what + ": " + answer.body());
        assertFalse(answer.body().contains(victimPlatform), what + " listed the victim's platform");
        assertFalse(answer.body().contains("/platforms/" + ids.get("id") + "/"), what);
      } else if (endpoint.template().equals("/api/admin/session/refresh")) {
        assertEquals(200, answer.statusCode(), "their own session: " + answer.body());
      } else {
        assertEquals(403, answer.statusCode(), what + ": " + answer.body());
      }
      assertFalse(answer.body().contains(MARKER), what + " leaked the victim's data");
      assertFalse(answer.body().contains("ada.ito@"), what + " leaked an address");
    }
    assertTrue(lists >= 4, lists + " lists checked");
  }

  @Test
  void anAdministratorOfAPlatformManagesItsOwnAndNothingOfTheServer() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      if (!endpoint.administration()) {
        continue;
      }
      HttpResponse<String> answer =
          stack.call(
              endpoint.method(), endpoint.path(ownIds), platformAdministrator, body(endpoint));
      String what = endpoint.method() + " " + endpoint.template() + " on their own platform";
      if (endpoint.forPlatformAdministrators()) {
        assertFalse(Set.of(401, 403).contains(answer.statusCode()), what + ": " + answer.body());
      } else {
        assertEquals(403, answer.statusCode(), what + " is the server's: " + answer.body());
        assertTrue(answer.body().contains("local-administrators-only"), what + answer.body());
      }
    }
  }

  @Test
  void aLocalAdministratorReachesEveryAdminOperation() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      if (!endpoint.administration()) {
        continue;
      }
      HttpResponse<String> answer =
          stack.call(
              endpoint.method(), endpoint.path(ownIds), DemoStack.ADMIN_TOKEN, body(endpoint));
      assertFalse(
          Set.of(401, 403).contains(answer.statusCode()),
          endpoint.method() + " " + endpoint.template() + ": " + answer.body());
    }
  }

  @Test
  void learnersAndFacilitatorsCannotUseTheAdminApi() throws Exception {
    for (Endpoint endpoint : endpoints()) {
      if (endpoint.admin()) {
        assertRefused(endpoint, "a learner", victim);
        assertRefused(endpoint, "the course's facilitator", designer);
      }
    }
  }
}
