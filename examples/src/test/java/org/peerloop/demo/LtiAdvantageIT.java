package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import org.peerloop.demo.lms.DemoFaults;
import org.peerloop.demo.lms.DemoGradebook;
import org.peerloop.demo.lms.DemoLms;

/**
 * LTI Advantage end to end against the demo platform, in course 103 and its copy 104: a designer
 * places a space with Deep Linking (the response's signature checked against the tool's JWKS), the
 * placed link lands in it, a copied course gets a copy of its settings; the roster comes from Names
 * and Roles over several pages, then as differences, through rate limits and server errors;
 * participation scores reach the gradebook once per change, and a user the gradebook refuses is
 * recorded and not retried.
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LtiAdvantageIT {
  private static final String COURSE = "103";
  private static final String COPY = "104";
  private static final String DESIGNER = "5";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static DemoStack stack;
  private static DemoLms lms;
  private static LaunchDriver driver;
  private static String designerToken;
  private static String placedLinkId;
  private static long spaceId;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    lms = running.lms;
    driver = new LaunchDriver(lms);
  }

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return stack.call(method, path, token, json);
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    return JSONObjectUtils.parse(response.body());
  }

  private static String launchToken(String query) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith(query).body());
  }

  /** The deep linking ticket a picker page holds. */
  private static String ticketIn(String page) {
    Matcher ticket = Pattern.compile("\"deepLinking\":\"([^\"]+)\"").matcher(page);
    assertTrue(ticket.find(), "a deep linking ticket in the page");
    return ticket.group(1);
  }

  private static final String NEW_SPACE =
      "{\"title\":\"Coaching circle\",\"phase\":\"pre-course\",\"targetSize\":4,"
          + "\"topics\":[\"feedback\",\"listening\"],"
          + "\"grading\":{\"enabled\":true,\"maximum\":10,\"thread\":3,\"reply\":2,\"rating\":1,"
          + "\"story\":5,\"fullMarks\":6}}";

  @Test
  @Order(1)
  void aDesignerPlacesANewSpaceAndTheLmsVerifiesTheSignedResponse() throws Exception {
    HttpResponse<String> page = driver.launchWith("user=" + DESIGNER + "&deep&course=" + COURSE);
    assertEquals(200, page.statusCode());
    String ticket = ticketIn(page.body());
    designerToken = LaunchDriver.sessionToken(page.body());

    HttpResponse<String> placed =
        call(
            "POST",
            "api/v1/placements",
            designerToken,
            "{\"ticket\":\"" + ticket + "\",\"settings\":" + NEW_SPACE + "}");
    assertEquals(200, placed.statusCode(), placed.body());
    Map<String, Object> answer = json(placed);
    String returnUrl = (String) answer.get("returnUrl");
    String jwt = (String) answer.get("jwt");
    assertTrue(returnUrl.startsWith(lms.issuer() + "/deep-return?course=" + COURSE), returnUrl);

    // The response is signed by a key the tool publishes, with the claims Deep Linking 2.0 asks.
    SignedJWT response = SignedJWT.parse(jwt);
    JWKSet keys = JWKSet.parse(driver.get(stack.tool("lti/jwks")).body());
    RSAKey key = (RSAKey) keys.getKeyByKeyId(response.getHeader().getKeyID());
    assertNotNull(key, "the signing key is in the tool's JWKS");
    assertTrue(response.verify(new RSASSAVerifier(key)));
    JWTClaimsSet claims = response.getJWTClaimsSet();
    assertEquals(lms.registration().clientId(), claims.getIssuer());
    assertEquals(List.of(lms.issuer()), claims.getAudience());
    assertEquals(
        "LtiDeepLinkingResponse",
        claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"));
    assertEquals(
        lms.registration().deploymentId(),
        claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"));
    assertTrue(
        String.valueOf(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"))
            .startsWith("demo-"),
        "the request's data is echoed");
    assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
    List<Object> items =
        JSONObjectUtils.getJSONArray(
            claims.toJSONObject(), "https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
    assertEquals(1, items.size());
    Map<?, ?> item = (Map<?, ?>) items.get(0);
    assertEquals("ltiResourceLink", item.get("type"));
    assertEquals("Coaching circle", item.get("title"));
    assertEquals(stack.tool("lti/launch").toString(), item.get("url"));
    assertTrue(((Map<?, ?>) item.get("custom")).containsKey("peerloop_space"));
    Map<?, ?> lineItem = (Map<?, ?>) item.get("lineItem");
    assertEquals(10.0, ((Number) lineItem.get("scoreMaximum")).doubleValue());
    assertEquals("peerloop-participation", lineItem.get("tag"));

    // The page posts the JWT to the return URL unchanged, query string included.
    HttpResponse<String> returned =
        driver.submit(new LaunchDriver.Form(URI.create(returnUrl), Map.of("JWT", jwt)));
    assertEquals(200, returned.statusCode(), returned.body());
    assertTrue(returned.body().contains("Coaching circle"), returned.body());
    placedLinkId =
        lms.placedLinks().values().stream()
            .filter(l -> l.title().equals("Coaching circle"))
            .findFirst()
            .orElseThrow()
            .id();
    assertEquals(
        1,
        lms.gradebook().items().stream()
            .filter(i -> i.resourceLinkId().equals(placedLinkId))
            .count(),
        "the LMS made a grade column for the link");
  }

  @Test
  @Order(2)
  void onlyTheDesignerOfThatLaunchCanUseItsTicket() throws Exception {
    HttpResponse<String> page = driver.launchWith("user=" + DESIGNER + "&deep&course=" + COURSE);
    String ticket = ticketIn(page.body());
    String learner = launchToken("user=2&link=201&course=" + COURSE);

    HttpResponse<String> byLearner =
        call("POST", "api/v1/placements", learner, "{\"ticket\":\"" + ticket + "\",\"spaceId\":1}");
    assertEquals(403, byLearner.statusCode(), byLearner.body());
    assertTrue(byLearner.body().contains("facilitators-only"), byLearner.body());

    String forged = ticket.substring(0, ticket.length() - 4) + "AAAA";
    HttpResponse<String> tampered =
        call(
            "POST",
            "api/v1/placements",
            designerToken,
            "{\"ticket\":\"" + forged + "\",\"settings\":" + NEW_SPACE + "}");
    assertEquals(403, tampered.statusCode(), tampered.body());
    assertTrue(tampered.body().contains("deep-linking-expired"), tampered.body());

    // A designer in another course cannot place this course's space with their own ticket.
    String otherCourse = launchToken("user=" + DESIGNER + "&deep&course=" + COPY);
    HttpResponse<String> crossCourse =
        call(
            "POST",
            "api/v1/placements",
            otherCourse,
            "{\"ticket\":\"" + ticket + "\",\"settings\":" + NEW_SPACE + "}");
    assertEquals(403, crossCourse.statusCode(), crossCourse.body());
    assertTrue(crossCourse.body().contains("deep-linking-not-yours"), crossCourse.body());

    HttpResponse<String> neither =
        call("POST", "api/v1/placements", designerToken, "{\"ticket\":\"" + ticket + "\"}");
    assertEquals(400, neither.statusCode(), neither.body());
  }

  @Test
  @Order(3)
  void thePlacedLinkLandsInItsSpaceAndACopiedCourseGetsItsOwnCopy() throws Exception {
    String learner = launchToken("user=2&link=" + placedLinkId + "&course=" + COURSE);
    HttpResponse<String> space = call("GET", "api/v1/space", learner, null);
    assertEquals(200, space.statusCode(), space.body());
    assertEquals("Coaching circle", json(space).get("title"));
    spaceId = ((Number) json(space).get("id")).longValue();

    HttpResponse<String> courseSpaces = call("GET", "api/v1/course/spaces", designerToken, null);
    assertTrue(courseSpaces.body().contains("\"id\":" + spaceId), courseSpaces.body());
    // The picker pages through a course's spaces and finds them by title, however many there are.
    List<Object> all = JSONArrayUtils.parse(courseSpaces.body());
    List<Object> first =
        JSONArrayUtils.parse(
            call("GET", "api/v1/course/spaces?limit=1", designerToken, null).body());
    assertEquals(1, first.size());
    Object firstId = ((Map<?, ?>) first.get(0)).get("id");
    List<Object> rest =
        JSONArrayUtils.parse(
            call("GET", "api/v1/course/spaces?limit=200&after=" + firstId, designerToken, null)
                .body());
    assertEquals(all.size() - 1, rest.size(), "the next page starts after the last one shown");
    assertTrue(
        call("GET", "api/v1/course/spaces?q=COACHING%20circ", designerToken, null)
            .body()
            .contains("\"id\":" + spaceId));
    assertEquals(
        "[]", call("GET", "api/v1/course/spaces?q=%25_nothing", designerToken, null).body());
    assertEquals(
        400, call("GET", "api/v1/course/spaces?limit=500", designerToken, null).statusCode());

    String copyDesigner =
        launchToken("user=" + DESIGNER + "&link=" + placedLinkId + "&course=" + COPY);
    HttpResponse<String> copied = call("GET", "api/v1/space", copyDesigner, null);
    assertEquals(200, copied.statusCode(), copied.body());
    Map<String, Object> copy = json(copied);
    assertEquals("Coaching circle", copy.get("title"));
    assertNotEquals(spaceId, ((Number) copy.get("id")).longValue(), "its own space");
    assertEquals(List.of("feedback", "listening"), copy.get("topics"));

    // Launching the copied link again finds the same copy.
    String again = launchToken("user=" + DESIGNER + "&link=" + placedLinkId + "&course=" + COPY);
    assertEquals(copy.get("id"), json(call("GET", "api/v1/space", again, null)).get("id"));
  }

  private static Map<String, Object> rosterSyncDone(String token) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> status = call("GET", "api/v1/course/roster-sync", token, null);
      if (status.statusCode() == 200) {
        Map<String, Object> sync = json(status);
        if ("DONE".equals(sync.get("status")) || "FAILED".equals(sync.get("status"))) {
          return sync;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the roster synchronisation did not finish in " + WAIT);
  }

  private static Map<String, Object> syncRoster(String mode) throws Exception {
    HttpResponse<String> started =
        call("POST", "api/v1/course/roster-sync?mode=" + mode, designerToken, null);
    assertEquals(202, started.statusCode(), started.body());
    return rosterSyncDone(designerToken);
  }

  private static String cohorts() throws Exception {
    return call("GET", "api/v1/spaces/" + spaceId + "/cohorts", designerToken, null).body();
  }

  @Test
  @Order(4)
  void theRosterArrivesOverEveryPageAndFormsPreCourseCohorts() throws Exception {
    lms.membershipsPageSize(4);
    designerToken = launchToken("user=" + DESIGNER + "&link=" + placedLinkId + "&course=" + COURSE);
    HttpResponse<String> learnerAsks =
        call(
            "POST",
            "api/v1/course/roster-sync",
            launchToken("user=3&link=" + placedLinkId + "&course=" + COURSE),
            null);
    assertEquals(403, learnerAsks.statusCode());

    Map<String, Object> sync = syncRoster("full");
    assertEquals("DONE", sync.get("status"), sync.toString());
    assertEquals(3, ((Number) sync.get("pages")).intValue(), "10 people in pages of 4");
    assertEquals(10, ((Number) sync.get("membersSeen")).intValue());
    assertEquals(true, sync.get("incrementalNext"));

    // Nine learners placed in cohorts of about four before they launched; the instructor is not.
    String cohorts = cohorts();
    for (String name : List.of("Ben Okafor", "Carmen Ruiz", "Kemi Adeyemi", "Jonas Weber")) {
      assertTrue(cohorts.contains(name), name + " in " + cohorts);
    }
    assertFalse(cohorts.contains("Dana Lee"), cohorts);
    Matcher cohort = Pattern.compile("\"number\":(\\d+)").matcher(cohorts);
    int count = 0;
    while (cohort.find()) {
      count++;
    }
    assertEquals(2, count, "9 learners at a target of 4 make 2 cohorts: " + cohorts);

    // Placed before they came, they are asked for their topics on the first visit, once.
    String ben = launchToken("user=3&link=" + placedLinkId + "&course=" + COURSE);
    String mine = "api/v1/spaces/" + spaceId + "/my-cohort";
    assertEquals(true, json(call("GET", mine, ben, null)).get("chooseTopics"));
    Map<String, Object> chosen =
        json(
            call(
                "POST",
                "api/v1/spaces/" + spaceId + "/membership",
                ben,
                "{\"topics\":[\"listening\"]}"));
    assertEquals(false, chosen.get("chooseTopics"), chosen.toString());
    assertEquals(false, json(call("GET", mine, ben, null)).get("chooseTopics"));
    assertTrue(
        call("GET", mine, ben, null)
            .body()
            .matches("(?s).*\"name\":\"Ben Okafor\".*\"listening\".*"),
        "Ben's topics are kept");
  }

  @Test
  @Order(5)
  void differencesBringNewLearnersAndMarkThoseWhoLeft() throws Exception {
    lms.roster().enrolLearners(500, 2);
    lms.roster().unenrol("11");
    int tokensBefore = lms.tokenRequests();

    Map<String, Object> sync = syncRoster("changes");
    assertEquals("DONE", sync.get("status"), sync.toString());
    assertEquals(1, ((Number) sync.get("pages")).intValue(), "only the changes: " + sync);
    assertEquals(3, ((Number) sync.get("membersSeen")).intValue(), sync.toString());
    assertEquals(tokensBefore, lms.tokenRequests(), "the cached access token was reused");

    String cohorts = cohorts();
    assertTrue(cohorts.contains("Learner 500") && cohorts.contains("Learner 501"), cohorts);
    // Members are written with their properties in alphabetical order: active comes first.
    Matcher kemi =
        Pattern.compile(
                "\"active\":(true|false),\"id\":\\d+,\"person\":\\{\"id\":\\d+,\"name\":\"Kemi Adeyemi\"")
            .matcher(cohorts);
    assertTrue(kemi.find(), cohorts);
    assertEquals("false", kemi.group(1), "Kemi left the course; her membership stays, inactive");
  }

  @Test
  @Order(6)
  void rateLimitsAndServerErrorsAreRetriedAndPersistentFailureIsReported() throws Exception {
    lms.faults().failNext(DemoFaults.Service.MEMBERSHIPS, 1, 429, 1);
    long started = System.nanoTime();
    Map<String, Object> limited = syncRoster("changes");
    assertEquals("DONE", limited.get("status"), limited.toString());
    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(1)) >= 0,
        "waited for Retry-After");

    lms.faults().failNext(DemoFaults.Service.MEMBERSHIPS, 2, 503, null);
    assertEquals("DONE", syncRoster("changes").get("status"));

    lms.faults().failNext(DemoFaults.Service.MEMBERSHIPS, 10, 500, null);
    Map<String, Object> failed = syncRoster("full");
    assertEquals("FAILED", failed.get("status"), failed.toString());
    assertTrue(String.valueOf(failed.get("error")).startsWith("platform-error"), failed.toString());
    assertEquals(false, failed.get("incrementalNext"), "a failed run reads the whole roster next");

    lms.faults().clear();
    assertEquals("DONE", syncRoster("changes").get("status"), "and the next run recovers");
  }

  @Test
  @Order(7)
  void aPlatformDownOrSlowHoldsUpNoLaunchAndItsServiceCallsAreRetriedInTheBackground()
      throws Exception {
    String learnerLaunch = "user=3&link=" + placedLinkId + "&course=" + COURSE;
    try {
      lms.faults().failNext(DemoFaults.Service.KEYS, 100, 503, null);
      assertEquals(200, driver.launchWith(learnerLaunch).statusCode(), "cached keys still verify");

      // The access token is refused once, and the new one takes longer than the tool waits.
      lms.faults().failNext(DemoFaults.Service.MEMBERSHIPS, 1, 401, null);
      lms.faults().slowNext(DemoFaults.Service.TOKEN, 1, Duration.ofSeconds(40));
      long asked = System.nanoTime();
      HttpResponse<String> started =
          call("POST", "api/v1/course/roster-sync?mode=changes", designerToken, null);
      assertEquals(202, started.statusCode(), started.body());
      assertTrue(
          Duration.ofNanos(System.nanoTime() - asked).compareTo(Duration.ofSeconds(5)) < 0,
          "the request thread does not wait for the platform");

      Thread.sleep(2_000);
      HttpResponse<String> running = call("GET", "api/v1/course/roster-sync", designerToken, null);
      assertTrue(running.body().contains("\"RUNNING\""), "waiting on the token: " + running.body());
      assertEquals(200, driver.launchWith(learnerLaunch).statusCode(), "launches go on meanwhile");

      Map<String, Object> done = rosterSyncDone(designerToken);
      assertEquals("DONE", done.get("status"), "the timed-out call was tried again: " + done);
    } finally {
      lms.faults().clear();
    }
  }

  private static Map<String, Object> gradesWhenSettled() throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      Map<String, Object> grades =
          json(call("GET", "api/v1/spaces/" + spaceId + "/grades", designerToken, null));
      List<Object> scores = JSONObjectUtils.getJSONArray(grades, "scores");
      if (!scores.isEmpty()
          && scores.stream().noneMatch(s -> "PENDING".equals(((Map<?, ?>) s).get("status")))) {
        return grades;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("grades did not settle in " + WAIT);
  }

  @Test
  @Order(7)
  void participationScoresReachTheGradebookOncePerChange() throws Exception {
    String ada = launchToken("user=2&link=" + placedLinkId + "&course=" + COURSE);
    String adaCohort =
        String.valueOf(
            json(call("GET", "api/v1/spaces/" + spaceId + "/my-cohort", ada, null)).get("id"));
    HttpResponse<String> post =
        call(
            "POST",
            "api/v1/cohorts/" + adaCohort + "/posts",
            ada,
            "{\"title\":\"Listening first\",\"body\":\"<p>What helps you listen?</p>\","
                + "\"clientKey\":\"advantage-ada-1\"}");
    assertEquals(201, post.statusCode(), post.body());
    lms.gradebook().refuseScoresFor("3");

    HttpResponse<String> sync =
        call("POST", "api/v1/spaces/" + spaceId + "/grades/sync", designerToken, null);
    assertEquals(202, sync.statusCode(), sync.body());
    Map<String, Object> grades = gradesWhenSettled();

    DemoGradebook.LineItem item =
        lms.gradebook().items().stream()
            .filter(i -> i.resourceLinkId().equals(placedLinkId))
            .findFirst()
            .orElseThrow();
    Map<String, DemoGradebook.Score> stored = lms.gradebook().scores(item.id());
    assertEquals(5.0, stored.get("2").scoreGiven(), "a thread is 3 of 6 points: half of 10");
    assertEquals(10.0, stored.get("2").scoreMaximum());
    assertEquals("FullyGraded", stored.get("2").gradingProgress());
    assertEquals(0.0, stored.get("4").scoreGiven());
    assertFalse(stored.containsKey("3"), "Ben is not gradable in the LMS");
    String all = call("GET", "api/v1/spaces/" + spaceId + "/grades", designerToken, null).body();
    assertTrue(all.contains("\"name\":\"Ben Okafor\""), all);
    assertTrue(all.matches(".*\"name\":\"Ben Okafor\"[^}]*\"status\":\"REFUSED\".*"), all);
    assertTrue(all.contains("\"outcome\":\"REFUSED\""), "the log says so: " + all);

    // Nothing changed: a second synchronisation sends nothing, and Ben is not retried.
    int posts = lms.gradebook().scorePosts();
    call("POST", "api/v1/spaces/" + spaceId + "/grades/sync", designerToken, null);
    Thread.sleep(1000);
    gradesWhenSettled();
    assertEquals(posts, lms.gradebook().scorePosts(), "no duplicate scores");

    // Ada replies to herself: her score changes and only hers is sent again.
    call(
        "POST",
        "api/v1/cohorts/" + adaCohort + "/posts",
        ada,
        "{\"body\":\"<p>Summarising back.</p>\",\"replyTo\":"
            + ((Number) json(post).get("id")).longValue()
            + ",\"clientKey\":\"advantage-ada-2\"}");
    call("POST", "api/v1/spaces/" + spaceId + "/grades/sync", designerToken, null);
    Instant deadline = Instant.now().plus(WAIT);
    while (lms.gradebook().scores(item.id()).get("2").scoreGiven() < 8.3
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertEquals(8.33, lms.gradebook().scores(item.id()).get("2").scoreGiven(), "5 of 6 points");
    assertEquals(posts + 1, lms.gradebook().scorePosts());
  }

  @Test
  @Order(8)
  void aLinkWithoutAGradeColumnGetsOneCreatedThroughTheLineItemsService() throws Exception {
    String copyDesigner =
        launchToken("user=" + DESIGNER + "&link=" + placedLinkId + "&course=" + COPY);
    long copySpace =
        ((Number) json(call("GET", "api/v1/space", copyDesigner, null)).get("id")).longValue();
    HttpResponse<String> roster = call("POST", "api/v1/course/roster-sync", copyDesigner, null);
    assertEquals(202, roster.statusCode(), roster.body());
    assertEquals("DONE", rosterSyncDone(copyDesigner).get("status"));

    lms.faults().failNext(DemoFaults.Service.SCORES, 1, 502, null);
    call("POST", "api/v1/spaces/" + copySpace + "/grades/sync", copyDesigner, null);
    Instant deadline = Instant.now().plus(WAIT);
    String copyLinkId = COPY + "-" + placedLinkId;
    while (Instant.now().isBefore(deadline)
        && lms.gradebook().items().stream().noneMatch(i -> copyLinkId.equals(i.resourceLinkId()))) {
      Thread.sleep(100);
    }
    DemoGradebook.LineItem created =
        lms.gradebook().items().stream()
            .filter(i -> copyLinkId.equals(i.resourceLinkId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line item created"));
    assertEquals("peerloop-participation", created.tag());
    assertEquals(10.0, created.scoreMaximum());
    while (Instant.now().isBefore(deadline) && lms.gradebook().scores(created.id()).size() < 9) {
      Thread.sleep(100);
    }
    assertEquals(
        9,
        lms.gradebook().scores(created.id()).size(),
        "every gradable learner of the copy's roster got a score, the one after a 502 too");
  }

  @Test
  @Order(9)
  void facilitatorsOnlyAndClearErrorsWhereTheLmsOffersNoService() throws Exception {
    String learner = launchToken("user=2&link=" + placedLinkId + "&course=" + COURSE);
    assertEquals(
        403, call("GET", "api/v1/spaces/" + spaceId + "/grades", learner, null).statusCode());
    assertEquals(403, call("GET", "api/v1/course/roster-sync", learner, null).statusCode());

    // The first course does not offer Names and Roles in the tests (see DemoStack).
    String firstCourse = launchToken("user=" + DESIGNER + "&link=201");
    HttpResponse<String> none = call("POST", "api/v1/course/roster-sync", firstCourse, null);
    assertEquals(409, none.statusCode(), none.body());
    assertTrue(none.body().contains("roster-service-unavailable"), none.body());
    assertFalse(none.body().contains("Exception"), none.body());
  }
}
