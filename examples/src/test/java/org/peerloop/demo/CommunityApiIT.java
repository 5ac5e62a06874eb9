package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.peerloop.demo.lms.DemoLms;

/**
 * The community API with real session tokens from real launches: a facilitator sets up the module's
 * space, learners join and are placed in cohorts, post, reply and rate; and nobody reads what is
 * not theirs (another cohort, another course on another platform).
 */
@ExtendWith(DemoStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityApiIT {

  /** The module this test owns; other tests launch into 201. */
  private static final String LINK = "202";

  private static DemoStack stack;
  private static LaunchDriver driver;
  private static final Map<String, String> tokens = new LinkedHashMap<>();
  private static long spaceId;
  private static long firstCohort;

  @BeforeAll
  static void connect(DemoStack running) throws Exception {
    stack = running;
    driver = new LaunchDriver(running.lms);
    for (String user : List.of("5", "2", "3", "4", "6", "7", "8")) {
      tokens.put(user, LaunchDriver.sessionToken(driver.launch(user, LINK).body()));
    }
  }

  private static HttpResponse<String> call(String method, String path, String user, String json)
      throws Exception {
    return stack.call(method, path, user == null ? null : tokens.getOrDefault(user, user), json);
  }

  private static long number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return Long.parseLong(m.group(1));
  }

  /** The membership id of a person in the space, as a facilitator reads it. */
  private static String memberId(String name) throws Exception {
    String cohorts = call("GET", "api/v1/spaces/" + spaceId + "/cohorts", "5", null).body();
    Matcher member =
        Pattern.compile("\"id\":(\\d+),\"person\":\\{\"id\":\\d+,\"name\":\"" + name + "\"")
            .matcher(cohorts);
    assertTrue(member.find(), cohorts);
    return member.group(1);
  }

  /** A post's own id (its author's id comes first in the alphabetically ordered JSON). */
  private static long postId(String json) {
    Matcher m = Pattern.compile("\"id\":(\\d+),\"kind\"").matcher(json);
    assertTrue(m.find(), "post id in " + json);
    return Long.parseLong(m.group(1));
  }

  @Test
  @Order(1)
  void onlyAFacilitatorSetsUpTheModulesSpace() throws Exception {
    assertEquals(404, call("GET", "api/v1/space", "2", null).statusCode(), "not set up yet");
    String settings =
        "{\"title\":\"After the course: applying change\",\"phase\":\"post-course\",\"targetSize\":3,"
            + "\"topics\":[\"coaching\",\"data\",\"ethics\"],"
            + "\"prompts\":[{\"text\":\"What will you try first at work?\",\"dueOn\":\"2026-12-01\"}]}";

    HttpResponse<String> learner = call("PUT", "api/v1/space", "2", settings);
    assertEquals(403, learner.statusCode(), learner.body());
    assertTrue(learner.body().contains("facilitators-only"), learner.body());

    HttpResponse<String> invalid =
        call("PUT", "api/v1/space", "5", settings.replace("\"targetSize\":3", "\"targetSize\":2"));
    assertEquals(400, invalid.statusCode(), invalid.body());
    assertTrue(invalid.body().contains("targetSize"), invalid.body());

    HttpResponse<String> created = call("PUT", "api/v1/space", "5", settings);
    assertEquals(200, created.statusCode(), created.body());
    spaceId = number(created.body(), "id");
    assertTrue(created.body().contains("\"phase\":\"POST_COURSE\""), created.body());

    HttpResponse<String> seen = call("GET", "api/v1/space", "2", null);
    assertEquals(200, seen.statusCode());
    assertTrue(seen.body().contains("What will you try first at work?"), seen.body());
  }

  @Test
  @Order(2)
  void learnersChooseTopicsAndArePlacedInCohorts() throws Exception {
    HttpResponse<String> wrongTopic =
        call(
            "POST",
            "api/v1/spaces/" + spaceId + "/membership",
            "2",
            "{\"topics\":[\"astrology\"]}");
    assertEquals(400, wrongTopic.statusCode(), wrongTopic.body());

    for (String user : List.of("2", "3", "4", "6", "7", "8")) {
      HttpResponse<String> joined =
          call(
              "POST",
              "api/v1/spaces/" + spaceId + "/membership",
              user,
              "{\"topics\":[\"coaching\"]}");
      assertEquals(200, joined.statusCode(), joined.body());
    }
    HttpResponse<String> mine = call("GET", "api/v1/spaces/" + spaceId + "/my-cohort", "2", null);
    firstCohort = number(mine.body(), "id");
    assertTrue(mine.body().contains("\"name\":\"Ada Ito\""), mine.body());

    HttpResponse<String> all = call("GET", "api/v1/spaces/" + spaceId + "/cohorts", "5", null);
    assertEquals(200, all.statusCode(), all.body());
    assertTrue(all.body().contains("\"number\":2"), "a second cohort opened: " + all.body());
    assertEquals(403, call("GET", "api/v1/spaces/" + spaceId + "/cohorts", "2", null).statusCode());

    // Cohorts come in pages by number, each with its members.
    String first = call("GET", "api/v1/spaces/" + spaceId + "/cohorts?limit=1", "5", null).body();
    assertTrue(first.contains("\"number\":1,") && !first.contains("\"number\":2,"), first);
    assertTrue(first.contains("\"name\":\"Ada Ito\""), first);
    String second =
        call("GET", "api/v1/spaces/" + spaceId + "/cohorts?after=1&limit=1", "5", null).body();
    assertTrue(second.contains("\"number\":2,") && !second.contains("\"number\":1,"), second);
    HttpResponse<String> tooMany =
        call("GET", "api/v1/spaces/" + spaceId + "/cohorts?limit=500", "5", null);
    assertEquals(400, tooMany.statusCode(), tooMany.body());
  }

  @Test
  @Order(3)
  void membersPostReplyAndRateAndARetryNeverDuplicates() throws Exception {
    String thread =
        "{\"kind\":\"question\",\"title\":\"Retros that work?\",\"body\":\"<p>How do you run #retros? <img src=x onerror=alert(1)></p>\",\"clientKey\":\"ada-thread-0001\"}";
    HttpResponse<String> created =
        call("POST", "api/v1/cohorts/" + firstCohort + "/posts", "2", thread);
    assertEquals(201, created.statusCode(), created.body());
    long postId = postId(created.body());
    assertTrue(!created.body().contains("onerror"), created.body());

    HttpResponse<String> retried =
        call("POST", "api/v1/cohorts/" + firstCohort + "/posts", "2", thread);
    assertEquals(postId, postId(retried.body()));

    HttpResponse<String> reply =
        call(
            "POST",
            "api/v1/cohorts/" + firstCohort + "/posts",
            "3",
            "{\"body\":\"<p>Short and weekly.</p>\",\"replyTo\":"
                + postId
                + ",\"clientKey\":\"ben-reply-0001\"}");
    assertEquals(201, reply.statusCode(), reply.body());

    // Pages read now are kept by the server; the rating below must show on them all the same.
    String topRated = "api/v1/cohorts/" + firstCohort + "/threads?sort=top-rated&tag=retros";
    assertTrue(call("GET", topRated, "4", null).body().contains("\"count\":0"));
    assertFalse(call("GET", topRated, "3", null).body().contains("\"mine\""));

    HttpResponse<String> rated =
        call("PUT", "api/v1/posts/" + postId + "/rating", "3", "{\"stars\":5}");
    assertEquals(200, rated.statusCode(), rated.body());
    assertTrue(rated.body().contains("\"count\":1"), rated.body());
    HttpResponse<String> own =
        call("PUT", "api/v1/posts/" + postId + "/rating", "2", "{\"stars\":5}");
    assertEquals(409, own.statusCode(), own.body());
    assertEquals(
        400, call("PUT", "api/v1/posts/" + postId + "/rating", "3", "{\"stars\":9}").statusCode());

    HttpResponse<String> page =
        call(
            "GET",
            "api/v1/cohorts/" + firstCohort + "/threads?sort=top-rated&tag=retros",
            "4",
            null);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("\"title\":\"Retros that work?\""), page.body());
    assertTrue(page.body().contains("\"replyCount\":1"), page.body());

    assertTrue(page.body().contains("\"count\":1"), page.body());
    assertTrue(call("GET", topRated, "3", null).body().contains("\"mine\":5"), "the rater's own");

    HttpResponse<String> withReplies = call("GET", "api/v1/posts/" + postId, "4", null);
    assertTrue(withReplies.body().contains("Short and weekly."), withReplies.body());
  }

  @Test
  @Order(4)
  void nobodyReadsAnotherCohortsOrAnotherCoursesPosts() throws Exception {
    long otherCohortMember = 8;
    HttpResponse<String> theirs = call("GET", "api/v1/spaces/" + spaceId + "/my-cohort", "8", null);
    long theirCohort = number(theirs.body(), "id");
    assertNotEquals(firstCohort, theirCohort, "Hugo is in the second cohort");

    assertEquals(
        404,
        call(
                "GET",
                "api/v1/cohorts/" + firstCohort + "/threads",
                String.valueOf(otherCohortMember),
                null)
            .statusCode());
    HttpResponse<String> firstPage =
        call("GET", "api/v1/cohorts/" + firstCohort + "/threads", "2", null);
    long postId = postId(firstPage.body());
    assertEquals(404, call("GET", "api/v1/posts/" + postId, "8", null).statusCode());
    assertEquals(
        404, call("PUT", "api/v1/posts/" + postId + "/rating", "8", "{\"stars\":1}").statusCode());
    assertEquals(
        404,
        call(
                "POST",
                "api/v1/cohorts/" + firstCohort + "/posts",
                "8",
                "{\"body\":\"<p>intruding</p>\",\"clientKey\":\"hugo-0000001\"}")
            .statusCode());

    // The facilitator of the course reads every cohort.
    assertEquals(
        200, call("GET", "api/v1/cohorts/" + firstCohort + "/threads", "5", null).statusCode());

    assertEquals(401, call("GET", "api/v1/space", null, null).statusCode());
  }

  @Test
  @Order(5)
  void aLearnerOfAnotherPlatformFindsNothing() throws Exception {
    DemoLms other = DemoLms.start(0, "localhost", null);
    try {
      other.offerPlatformStorage(false);
      assertEquals(200, other.registerWith(stack.tool("lti/register")));
      LaunchDriver otherDriver = new LaunchDriver(other);
      String stranger = LaunchDriver.sessionToken(otherDriver.launch("2", LINK).body());
      tokens.put("stranger", stranger);

      assertEquals(404, call("GET", "api/v1/spaces/" + spaceId, "stranger", null).statusCode());
      assertEquals(
          404,
          call("GET", "api/v1/cohorts/" + firstCohort + "/threads", "stranger", null).statusCode());
      assertEquals(404, call("GET", "api/v1/space", "stranger", null).statusCode());
    } finally {
      other.stop();
    }
  }

  @Test
  @Order(6)
  void inARegulatedSpacePostsWaitForAnExpertAndARejectionSaysWhy() throws Exception {
    for (String user : List.of("5", "9", "10")) {
      tokens.put(user + "@201", LaunchDriver.sessionToken(driver.launch(user, "201").body()));
    }
    HttpResponse<String> space =
        call(
            "PUT",
            "api/v1/space",
            "5@201",
            "{\"title\":\"Clinical practice cohort\",\"phase\":\"pre-course\",\"moderation\":\"expert-review\"}");
    assertEquals(200, space.statusCode(), space.body());
    long regulated = number(space.body(), "id");
    for (String user : List.of("9@201", "10@201")) {
      assertEquals(
          200,
          call("POST", "api/v1/spaces/" + regulated + "/membership", user, "{\"topics\":[]}")
              .statusCode());
    }
    long cohort =
        number(
            call("GET", "api/v1/spaces/" + regulated + "/my-cohort", "9@201", null).body(), "id");

    HttpResponse<String> held =
        call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            "9@201",
            "{\"title\":\"Dosage\",\"body\":\"<p>Double it.</p>\",\"clientKey\":\"ines-held-001\"}");
    assertEquals(201, held.statusCode(), held.body());
    assertTrue(held.body().contains("\"status\":\"HELD\""), held.body());
    long postId = postId(held.body());
    assertTrue(
        !call("GET", "api/v1/cohorts/" + cohort + "/threads", "10@201", null)
            .body()
            .contains("Dosage"),
        "peers do not see it yet");
    assertEquals(
        403,
        call("GET", "api/v1/spaces/" + regulated + "/review-queue", "10@201", null).statusCode());
    assertTrue(
        call("GET", "api/v1/spaces/" + regulated + "/review-queue", "5@201", null)
            .body()
            .contains("Dosage"));

    assertEquals(
        400,
        call("POST", "api/v1/posts/" + postId + "/review", "5@201", "{\"decision\":\"reject\"}")
            .statusCode());
    HttpResponse<String> rejected =
        call(
            "POST",
            "api/v1/posts/" + postId + "/review",
            "5@201",
            "{\"decision\":\"reject\",\"reason\":\"Cite the guideline.\"}");
    assertEquals(200, rejected.statusCode(), rejected.body());
    HttpResponse<String> authorView = call("GET", "api/v1/posts/" + postId, "9@201", null);
    assertTrue(authorView.body().contains("\"reason\":\"Cite the guideline.\""), authorView.body());

    HttpResponse<String> revised =
        call(
            "PUT",
            "api/v1/posts/" + postId,
            "9@201",
            "{\"title\":\"Dosage\",\"body\":\"<p>Per guideline X.</p>\",\"clientKey\":\"ines-held-001\"}");
    assertTrue(revised.body().contains("\"status\":\"HELD\""), revised.body());
    assertEquals(
        200,
        call("POST", "api/v1/posts/" + postId + "/review", "5@201", "{\"decision\":\"approve\"}")
            .statusCode());
    assertTrue(
        call("GET", "api/v1/cohorts/" + cohort + "/threads", "10@201", null)
            .body()
            .contains("Per guideline X."));
  }

  @Test
  @Order(7)
  void facilitatorsCurateAndAnswerFlagsAndTheBestOfIsExported() throws Exception {
    HttpResponse<String> page =
        call("GET", "api/v1/cohorts/" + firstCohort + "/threads", "2", null);
    long postId = postId(page.body());

    assertEquals(
        403, call("PUT", "api/v1/posts/" + postId + "/endorsement", "3", null).statusCode());
    HttpResponse<String> endorsed =
        call("PUT", "api/v1/posts/" + postId + "/endorsement", "5", null);
    assertTrue(endorsed.body().contains("\"endorsed\":true"), endorsed.body());
    assertTrue(
        call("PUT", "api/v1/posts/" + postId + "/pin", "5", null)
            .body()
            .contains("\"pinned\":true"));
    assertTrue(
        call("PUT", "api/v1/posts/" + postId + "/best-of", "5", null)
            .body()
            .contains("\"bestOf\":true"));

    assertEquals(
        204,
        call("POST", "api/v1/posts/" + postId + "/flags", "4", "{\"reason\":\"<b>spam</b>\"}")
            .statusCode());
    assertEquals(
        409,
        call("POST", "api/v1/posts/" + postId + "/flags", "2", "{}").statusCode(),
        "not your own post");
    HttpResponse<String> flags = call("GET", "api/v1/spaces/" + spaceId + "/flags", "5", null);
    assertTrue(flags.body().contains("\"postId\":" + postId), flags.body());
    assertEquals(403, call("GET", "api/v1/spaces/" + spaceId + "/flags", "4", null).statusCode());
    assertEquals(
        204, call("POST", "api/v1/posts/" + postId + "/flags/resolution", "5", null).statusCode());
    assertEquals("[]", call("GET", "api/v1/spaces/" + spaceId + "/flags", "5", null).body());

    HttpResponse<String> bestOf = call("GET", "api/v1/spaces/" + spaceId + "/best-of", "2", null);
    assertTrue(bestOf.body().contains("Retros that work?"), bestOf.body());
    HttpResponse<String> html =
        call("GET", "api/v1/spaces/" + spaceId + "/best-of.html", "5", null);
    assertEquals(200, html.statusCode());
    assertTrue(html.body().contains("<h2>Retros that work?</h2>"), html.body());
    assertTrue(html.body().contains("Ada Ito"), html.body());
    assertTrue(!html.body().contains("onerror"), html.body());
  }

  @Test
  @Order(8)
  void theOpenApiDocumentIsServed() throws Exception {
    HttpResponse<String> document = call("GET", "api/openapi.yaml", null, null);

    assertEquals(200, document.statusCode());
    assertTrue(document.body().startsWith("openapi: 3.1.0"), document.body());
    assertTrue(document.body().contains("/api/v1/cohorts/{cohortId}/threads:"));
  }

  @Test
  @Order(9)
  void aFacilitatorMovesAMemberAndALearnerCannot() throws Exception {
    String hugo = memberId("Hugo Martin");
    String move = "{\"cohortId\":" + firstCohort + ",\"reason\":\"works with Ada\"}";

    assertEquals(403, call("POST", "api/v1/members/" + hugo + "/move", "2", move).statusCode());
    HttpResponse<String> moved = call("POST", "api/v1/members/" + hugo + "/move", "5", move);
    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(
        firstCohort,
        number(call("GET", "api/v1/spaces/" + spaceId + "/my-cohort", "8", null).body(), "id"));
  }

  @Test
  @Order(10)
  void facilitatorsTakePartInTheirCohortsToo() throws Exception {
    HttpResponse<String> post =
        call(
            "POST",
            "api/v1/cohorts/" + firstCohort + "/posts",
            "5",
            "{\"kind\":\"applied-story\",\"title\":\"My week\",\"body\":\"<p>I tried the feedback model.</p>\","
                + "\"appliedWhat\":\"the feedback model\",\"appliedResult\":\"clearer 1:1s\",\"clientKey\":\"dana-story-01\"}");
    assertEquals(201, post.statusCode(), post.body());
    HttpResponse<String> rated =
        call("PUT", "api/v1/posts/" + postId(post.body()) + "/rating", "2", "{\"stars\":4}");
    assertEquals(200, rated.statusCode(), rated.body());
  }

  @Test
  @Order(11)
  void aFacilitatorNamesAnExpertReviewerWhoMayThenReview() throws Exception {
    String path = "api/v1/members/" + memberId("Grace Kim") + "/role";
    assertEquals(
        403, call("GET", "api/v1/spaces/" + spaceId + "/review-queue", "7", null).statusCode());

    assertEquals(403, call("PUT", path, "7", "{\"role\":\"expert-reviewer\"}").statusCode());
    HttpResponse<String> bad = call("PUT", path, "5", "{\"role\":\"facilitator\"}");
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("\"field\":\"role\""), bad.body());
    HttpResponse<String> named = call("PUT", path, "5", "{\"role\":\"expert-reviewer\"}");
    assertEquals(200, named.statusCode(), named.body());
    assertTrue(named.body().contains("\"role\":\"EXPERT_REVIEWER\""), named.body());

    assertEquals(
        200, call("GET", "api/v1/spaces/" + spaceId + "/review-queue", "7", null).statusCode());
    assertEquals(
        404, call("PUT", "api/v1/members/999999/role", "5", "{\"role\":\"learner\"}").statusCode());
  }

  @Test
  @Order(12)
  void everyReadOfAPageIsRecordedAsAViewSecondsLater() throws Exception {
    long settled = settledViews();
    String page = "api/v1/cohorts/" + firstCohort + "/threads";
    assertEquals(200, call("GET", page, "3", null).statusCode());
    assertEquals(200, call("GET", page, "3", null).statusCode(), "a kept page is a view too");

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (views() < settled + 2 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertEquals(settled + 2, views());
  }

  /** The cohort's views once the writer of buffered views has nothing more to write. */
  private static long settledViews() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    long before = views();
    while (System.nanoTime() < deadline) {
      Thread.sleep(2_500);
      long now = views();
      if (now == before) {
        return now;
      }
      before = now;
    }
    throw new AssertionError("views still being written after 15 s");
  }

  private static long views() throws Exception {
    HttpResponse<String> csv =
        call("GET", "api/v1/spaces/" + spaceId + "/analytics/events.csv", "5", null);
    assertEquals(200, csv.statusCode(), csv.body());
    String cohortView = "," + firstCohort + ",VIEW,";
    return csv.body().lines().filter(line -> line.contains(cohortView)).count();
  }
}
