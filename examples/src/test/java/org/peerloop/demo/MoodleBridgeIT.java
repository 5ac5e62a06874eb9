package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerloop.demo.lms.DemoLms;
import org.peerloop.demo.lms.DemoMoodle;

/**
 * The Moodle bridge end to end in course 106, against the demo LMS acting as a Moodle 4.5 site (its
 * web services and its completion plugin): a facilitator attaches a post-course space to the
 * course's quiz from the live outline; the space stays shut to a learner until the plugin reports
 * their completion, which opens it at once (a cohort, a notice, an e-mail); repeats, forgeries and
 * unknown courses change nothing; the hourly backstop finds a completion no event reported; Moodle
 * groups seed cohorts.
 */
@ExtendWith(DemoStackExtension.class)
class MoodleBridgeIT {
  private static final String COURSE = "106";

  private static DemoStack stack;
  private static LaunchDriver driver;
  private static DemoMoodle moodle;
  private static long platformId;

  @BeforeAll
  static void connect(DemoStack running) throws Exception {
    stack = running;
    driver = new LaunchDriver(running.lms);
    moodle = running.lms.moodle();
    for (Object item :
        JSONArrayUtils.parse(
            stack.call("GET", "api/admin/platforms", DemoStack.ADMIN_TOKEN, null).body())) {
      Map<?, ?> platform = (Map<?, ?>) item;
      if (running.lms.issuer().equals(platform.get("issuer"))) {
        platformId = ((Number) platform.get("id")).longValue();
      }
    }
    assertTrue(platformId > 0);
  }

  private static String token(String user, String link) throws Exception {
    return LaunchDriver.sessionToken(
        driver.launchWith("user=" + user + "&link=" + link + "&course=" + COURSE).body());
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + ": " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  private static String reason(HttpResponse<String> response) throws Exception {
    return (String) JSONObjectUtils.parse(response.body()).get("reason");
  }

  private static String reason(DemoMoodle.Sent sent) throws Exception {
    return (String) JSONObjectUtils.parse(sent.answer()).get("reason");
  }

  /** A post-course space that opens on completion, set up by the course's instructor. */
  private static long postCourseSpace(String link, String title) throws Exception {
    String designer = token("5", link);
    return ((Number)
            json(stack.call(
                    "PUT",
                    "api/v1/space",
                    designer,
                    "{\"title\":\""
                        + title
                        + "\",\"phase\":\"post-course\",\"opensOnCompletion\":true,"
                        + "\"topics\":[\"Lifting\",\"Storage\"]}"))
                .get("id"))
        .longValue();
  }

  private static HttpResponse<String> attach(String link, long space, Object moduleId)
      throws Exception {
    return stack.call(
        "PUT",
        "api/v1/spaces/" + space + "/lms-module",
        token("5", link),
        "{\"moduleId\":" + moduleId + "}");
  }

  /** A member's notices of a kind about one space (the course's other tests tell them more). */
  private static List<Map<?, ?>> notices(String token, String kind, long space) throws Exception {
    return JSONObjectUtils.getJSONArray(
            json(stack.call("GET", "api/v1/notifications", token, null)), "items")
        .stream()
        .<Map<?, ?>>map(n -> (Map<?, ?>) n)
        .filter(n -> kind.equals(n.get("kind")))
        .filter(n -> ((Number) n.get("spaceId")).longValue() == space)
        .toList();
  }

  private static Map<String, Object> reconcile() throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      Map<String, Object> run =
          json(
              stack.call(
                  "POST",
                  "api/admin/platforms/" + platformId + "/moodle/reconcile",
                  DemoStack.ADMIN_TOKEN,
                  null));
      // The hourly run may hold the lease; a bounded wait, then ours.
      if (Boolean.TRUE.equals(run.get("ran")) || System.nanoTime() > deadline) {
        return run;
      }
      Thread.sleep(500);
    }
  }

  @Test
  void theFacilitatorAttachesTheSpaceToAModuleOfTheLiveCourse() throws Exception {
    long space = postCourseSpace("201", "Outline circle");
    String designer = token("5", "201");
    Map<String, Object> outline =
        json(stack.call("GET", "api/v1/spaces/" + space + "/lms-outline", designer, null));
    List<Map<?, ?>> modules =
        JSONObjectUtils.getJSONArray(outline, "modules").stream()
            .<Map<?, ?>>map(m -> (Map<?, ?>) m)
            .toList();
    Map<?, ?> quiz =
        modules.stream()
            .filter(m -> "Change model quiz".equals(m.get("name")))
            .findFirst()
            .orElseThrow();
    assertEquals(DemoMoodle.quiz(COURSE), ((Number) quiz.get("id")).longValue());
    assertEquals(Boolean.TRUE, quiz.get("tracksCompletion"));
    Map<?, ?> plan =
        modules.stream().filter(m -> "Action plan".equals(m.get("name"))).findFirst().orElseThrow();
    assertEquals(1, ((Number) plan.get("depth")).intValue(), "inside the 4.5 subsection");
    Map<?, ?> practice =
        modules.stream()
            .filter(m -> "subsection".equals(m.get("modname")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        modules.indexOf(practice) + 1, modules.indexOf(plan), "right under its subsection");

    Map<String, Object> attached = json(attach("201", space, DemoMoodle.quiz(COURSE)));
    assertEquals("Change model quiz", attached.get("lmsModuleName"));
    assertEquals(
        DemoMoodle.quiz(COURSE),
        ((Number)
                json(stack.call("GET", "api/v1/spaces/" + space + "/lms-outline", designer, null))
                    .get("attachedModuleId"))
            .longValue());

    HttpResponse<String> missing = attach("201", space, 999_999);
    assertEquals(400, missing.statusCode(), missing.body());
    HttpResponse<String> subsection = attach("201", space, Long.parseLong(COURSE) * 100 + 3);
    assertEquals(400, subsection.statusCode(), "a subsection has no completion");

    String learner = token("8", "201");
    assertEquals(
        403,
        stack.call("GET", "api/v1/spaces/" + space + "/lms-outline", learner, null).statusCode());
    assertEquals(
        403,
        stack
            .call("PUT", "api/v1/spaces/" + space + "/lms-module", learner, "{\"moduleId\":null}")
            .statusCode());
  }

  @Test
  void theOutlineMarksTheActivityTheSpaceWasSetUpFrom() throws Exception {
    // Course 101's links carry Moodle's numeric lti instance ids, which the bridge maps to their
    // course-module ids (core_course_get_course_module_by_instance).
    String designer = LaunchDriver.sessionToken(driver.launchWith("user=5&link=205").body());
    long space =
        ((Number)
                json(stack.call(
                        "PUT",
                        "api/v1/space",
                        designer,
                        "{\"title\":\"After the shifts\",\"phase\":\"post-course\"}"))
                    .get("id"))
            .longValue();
    List<Map<?, ?>> self =
        JSONObjectUtils.getJSONArray(
                json(stack.call("GET", "api/v1/spaces/" + space + "/lms-outline", designer, null)),
                "modules")
            .stream()
            .<Map<?, ?>>map(m -> (Map<?, ?>) m)
            .filter(m -> Boolean.TRUE.equals(m.get("thisActivity")))
            .toList();
    assertEquals(1, self.size(), self.toString());
    assertEquals("Shift circles", self.get(0).get("name"));
    assertEquals("lti", self.get(0).get("modname"));
  }

  @Test
  void aCompletionEventOpensThePostCourseSpaceForThatLearnerOnce() throws Exception {
    long space = postCourseSpace("202", "After the quiz");
    json(attach("202", space, DemoMoodle.quiz(COURSE)));
    String jonas = token("10", "202");
    String path = "api/v1/spaces/" + space;

    assertEquals(
        Boolean.TRUE, json(stack.call("GET", path, jonas, null)).get("waitingForCompletion"));
    HttpResponse<String> early =
        stack.call("POST", path + "/membership", jonas, "{\"topics\":[\"Lifting\"]}");
    assertEquals(409, early.statusCode());
    assertEquals("space-not-open-for-you", reason(early));

    List<DemoMoodle.Sent> sent = moodle.complete(COURSE, "10", DemoMoodle.quiz(COURSE), true);
    assertEquals(1, sent.size(), "the quiz alone does not complete the course");
    Map<String, Object> outcome = JSONObjectUtils.parse(sent.get(0).answer());
    assertEquals(200, sent.get(0).status(), sent.get(0).answer());
    assertEquals("processed", outcome.get("status"));
    assertTrue(longs(outcome.get("opened")).contains(space), outcome.toString());

    Map<String, Object> cohort = json(stack.call("GET", path + "/my-cohort", jonas, null));
    assertTrue(cohort.get("id") instanceof Number);
    assertEquals(
        Boolean.FALSE, json(stack.call("GET", path, jonas, null)).get("waitingForCompletion"));
    List<Map<?, ?>> opened = notices(jonas, "SPACE_OPENED", space);
    assertEquals(1, opened.size());
    assertEquals("Change model quiz", opened.get(0).get("detail"));

    // Delivered again (the plugin's retry after a lost answer): taken once.
    DemoMoodle.Sent again = sent.get(0);
    DemoMoodle.Sent replay = moodle.send(again.body(), again.timestamp(), again.signature());
    assertEquals(200, replay.status(), replay.answer());
    assertEquals("duplicate", JSONObjectUtils.parse(replay.answer()).get("status"));
    assertEquals(1, notices(jonas, "SPACE_OPENED", space).size());

    MimeMessage mail = mailTo("jonas.weber@example.edu", "After the quiz");
    assertTrue(mail.getSubject().contains("is open"), mail.getSubject());
  }

  @Test
  void forgedStaleMalformedAndUnknownEventsAreRefusedAndChangeNothing() throws Exception {
    long space = postCourseSpace("203", "Refusals circle");
    json(attach("203", space, DemoMoodle.actionPlan(COURSE)));
    String ines = token("9", "203");
    String body =
        "{\"id\":\"forged-event-0001\",\"site\":\""
            + stack.lms.issuer()
            + "\",\"event\":\"\\\\core\\\\event\\\\course_module_completion_updated\","
            + "\"courseid\":106,\"cmid\":"
            + DemoMoodle.actionPlan(COURSE)
            + ",\"userid\":9,\"completionstate\":1,\"timecreated\":"
            + Instant.now().getEpochSecond()
            + "}";
    long now = Instant.now().getEpochSecond();

    DemoMoodle.Sent forged = moodle.send(body, now, "sha256=" + "0".repeat(64));
    assertEquals(401, forged.status());
    assertEquals("signature-invalid", reason(forged));
    DemoMoodle.Sent unsigned = moodle.send(body, now, "");
    assertEquals(401, unsigned.status());
    DemoMoodle.Sent stale = moodle.sendSignedAt(body, now - 600);
    assertEquals(401, stale.status());
    assertEquals("timestamp-stale", reason(stale));
    DemoMoodle.Sent malformed = moodle.send("{\"id\":");
    assertEquals(400, malformed.status());
    assertEquals("malformed-event", reason(malformed));
    DemoMoodle.Sent otherCourse = moodle.send(body.replace("\"courseid\":106", "\"courseid\":999"));
    assertEquals(404, otherCourse.status());
    assertEquals("course-unknown", reason(otherCourse));
    DemoMoodle.Sent otherSite =
        moodle.send(body.replace(stack.lms.issuer(), "https://moodle.elsewhere.example"));
    // A site without a bridge is answered as a forged signature: nobody learns which are bridged.
    assertEquals(401, otherSite.status());
    assertEquals("signature-invalid", reason(otherSite));
    DemoMoodle.Sent unsupported =
        moodle.send(body.replace("course_module_completion_updated", "user_loggedin"));
    assertEquals(422, unsupported.status());

    for (DemoMoodle.Sent refused : List.of(forged, stale, malformed, otherCourse, otherSite)) {
      assertFalse(refused.answer().contains("Exception"), "no stack trace: " + refused.answer());
    }
    assertEquals(
        Boolean.TRUE,
        json(stack.call("GET", "api/v1/spaces/" + space, ines, null)).get("waitingForCompletion"));
    assertEquals(List.of(), notices(ines, "SPACE_OPENED", space));

    // The same event, signed: taken, and the earlier refusals did not claim its id.
    DemoMoodle.Sent good = moodle.send(body);
    assertEquals(200, good.status(), good.answer());
    assertEquals("processed", JSONObjectUtils.parse(good.answer()).get("status"));
  }

  @Test
  void theSameEventDeliveredFourTimesAtOnceIsTakenOnce() throws Exception {
    String body =
        "{\"id\":\"concurrent-"
            + System.nanoTime()
            + "\",\"site\":\""
            + stack.lms.issuer()
            + "\",\"event\":\"\\\\core\\\\event\\\\course_module_completion_updated\","
            + "\"courseid\":106,\"cmid\":10601,\"userid\":7,\"completionstate\":1,"
            + "\"timecreated\":"
            + Instant.now().getEpochSecond()
            + "}";
    long timestamp = Instant.now().getEpochSecond();
    List<java.util.concurrent.CompletableFuture<DemoMoodle.Sent>> deliveries =
        java.util.stream.IntStream.range(0, 4)
            .mapToObj(
                i ->
                    java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> moodle.sendSignedAt(body, timestamp)))
            .toList();
    List<String> statuses = new java.util.ArrayList<>();
    for (var delivery : deliveries) {
      DemoMoodle.Sent sent = delivery.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, sent.status(), sent.answer());
      statuses.add((String) JSONObjectUtils.parse(sent.answer()).get("status"));
    }
    assertEquals(1, statuses.stream().filter("processed"::equals).count(), statuses.toString());
    assertEquals(3, statuses.stream().filter("duplicate"::equals).count(), statuses.toString());
  }

  @Test
  void theBackstopFindsACompletionNoEventReported() throws Exception {
    long space = postCourseSpace("204", "Bulk graded circle");
    json(attach("204", space, DemoMoodle.actionPlan(COURSE)));
    String kemi = token("11", "204");
    assertEquals(
        404, stack.call("GET", "api/v1/spaces/" + space + "/my-cohort", kemi, null).statusCode());

    assertEquals(List.of(), moodle.complete(COURSE, "11", DemoMoodle.actionPlan(COURSE), false));
    Map<String, Object> run = reconcile();
    assertEquals(Boolean.TRUE, run.get("ran"), run.toString());
    assertEquals(null, run.get("error"), run.toString());

    assertEquals(
        200, stack.call("GET", "api/v1/spaces/" + space + "/my-cohort", kemi, null).statusCode());
    assertEquals(1, notices(kemi, "SPACE_OPENED", space).size());
    // Asked again, Moodle's answer changes nothing.
    reconcile();
    assertEquals(1, notices(kemi, "SPACE_OPENED", space).size());
  }

  @Test
  void moodleGroupsSeedOneCohortPerGroup() throws Exception {
    String designer = token("5", "205");
    long space =
        ((Number)
                json(stack.call(
                        "PUT",
                        "api/v1/space",
                        designer,
                        "{\"title\":\"Shift circles\",\"phase\":\"pre-course\","
                            + "\"grouping\":\"lms-groups\"}"))
                    .get("id"))
            .longValue();
    for (String user : List.of("3", "4", "7", "8")) {
      token(user, "205");
    }
    Map<String, Object> run = reconcile();
    assertEquals(null, run.get("error"), run.toString());

    List<Map<?, ?>> cohorts = cohorts(space, designer);
    assertEquals(2, cohorts.size(), cohorts.toString());
    long ben = cohortOf(cohorts, "Ben Okafor");
    assertEquals(ben, cohortOf(cohorts, "Carmen Ruiz"), "both on the night shift");
    assertEquals(cohortOf(cohorts, "Grace Kim"), cohortOf(cohorts, "Hugo Martin"));
    assertNotEquals(ben, cohortOf(cohorts, "Grace Kim"));

    // Saving such a space in another course forms its group cohorts at once, without the backstop.
    String evening =
        LaunchDriver.sessionToken(driver.launchWith("user=5&link=205&course=107").body());
    long next =
        ((Number)
                json(stack.call(
                        "PUT",
                        "api/v1/space",
                        evening,
                        "{\"title\":\"Evening shift circles\",\"phase\":\"pre-course\","
                            + "\"grouping\":\"lms-groups\"}"))
                    .get("id"))
            .longValue();
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<Map<?, ?>> formed = List.of();
    while (formed.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      formed = cohorts(next, evening);
    }
    assertEquals(2, formed.size(), formed.toString());
    assertNotEquals(cohortOf(formed, "Ben Okafor"), cohortOf(formed, "Grace Kim"));
  }

  /**
   * Without a bridge, a group space places each learner by the groups their own launch names
   * ({@code moodle_group_ids}, which Moodle fills with {@code $Moodle.Person.userGroupIds}): the
   * first of a shift and the next meet in one cohort, the other shift has its own.
   */
  @Test
  void withoutABridgeTheLaunchsGroupsPlaceTheLearner() throws Exception {
    DemoLms other =
        DemoLms.start(
            DemoStack.freePort(),
            "localhost",
            java.nio.file.Files.createTempDirectory("peerloop-groups-lms-"));
    try {
      assertEquals(200, other.registerWith(stack.tool("lti/register")));
      LaunchDriver there = new LaunchDriver(other);
      String at = "&link=205&course=" + COURSE;
      String designer = LaunchDriver.sessionToken(there.launchWith("user=5" + at).body());
      long space =
          ((Number)
                  json(stack.call(
                          "PUT",
                          "api/v1/space",
                          designer,
                          "{\"title\":\"Shift circles, launch groups\",\"phase\":\"pre-course\","
                              + "\"grouping\":\"lms-groups\"}"))
                      .get("id"))
              .longValue();
      for (String user : List.of("3", "7", "4")) {
        String learner = LaunchDriver.sessionToken(there.launchWith("user=" + user + at).body());
        json(
            stack.call(
                "POST", "api/v1/spaces/" + space + "/membership", learner, "{\"topics\":[]}"));
      }
      List<Map<?, ?>> cohorts = cohorts(space, designer);
      assertEquals(2, cohorts.size(), cohorts.toString());
      assertEquals(
          cohortOf(cohorts, "Ben Okafor"), cohortOf(cohorts, "Carmen Ruiz"), "the night shift");
      assertNotEquals(cohortOf(cohorts, "Ben Okafor"), cohortOf(cohorts, "Grace Kim"));
    } finally {
      other.stop();
    }
  }

  @Test
  void itTestsTheBridgeAndOnlyItMayManageIt() throws Exception {
    String base = "api/admin/platforms/" + platformId + "/moodle";
    Map<String, Object> report =
        json(stack.call("POST", base + "/test", DemoStack.ADMIN_TOKEN, null));
    assertEquals(Boolean.TRUE, report.get("connected"));
    assertEquals("4.5.1 (Build: 20241209)", report.get("release"));
    List<Object> functions = JSONObjectUtils.getJSONArray(report, "functions");
    assertEquals(8, functions.size());
    assertTrue(
        functions.stream().allMatch(f -> Boolean.TRUE.equals(((Map<?, ?>) f).get("allowed"))));

    Map<String, Object> status = json(stack.call("GET", base, DemoStack.ADMIN_TOKEN, null));
    assertEquals(stack.lms.issuer(), status.get("siteUrl"));
    assertEquals(stack.tool("moodle/events").toString(), status.get("webhookUrl"));
    assertFalse(
        stack.call("GET", base, DemoStack.ADMIN_TOKEN, null).body().contains(moodle.token()));

    HttpResponse<String> wrongToken =
        stack.call(
            "PUT",
            base,
            DemoStack.ADMIN_TOKEN,
            "{\"siteUrl\":\"" + stack.lms.issuer() + "\",\"token\":\"not-the-token\"}");
    assertEquals(400, wrongToken.statusCode());
    assertTrue(wrongToken.body().contains("token is not valid"), wrongToken.body());

    String learner = token("8", "201");
    for (String[] call :
        new String[][] {
          {"GET", base},
          {"POST", base + "/test"},
          {"POST", base + "/webhook-secret"},
          {"POST", base + "/reconcile"},
          {"DELETE", base}
        }) {
      assertEquals(401, stack.call(call[0], call[1], null, null).statusCode(), call[1]);
      assertEquals(401, stack.call(call[0], call[1], learner, null).statusCode(), call[1]);
    }
  }

  /** The space's cohorts with their members, as its facilitator reads them. */
  private static List<Map<?, ?>> cohorts(long space, String facilitator) throws Exception {
    return JSONArrayUtils.parse(
            stack.call("GET", "api/v1/spaces/" + space + "/cohorts", facilitator, null).body())
        .stream()
        .<Map<?, ?>>map(c -> (Map<?, ?>) c)
        .toList();
  }

  private static long cohortOf(List<Map<?, ?>> cohorts, String name) {
    for (Map<?, ?> cohort : cohorts) {
      for (Object m : (List<?>) cohort.get("members")) {
        if (name.equals(((Map<?, ?>) ((Map<?, ?>) m).get("person")).get("name"))) {
          return ((Number) cohort.get("id")).longValue();
        }
      }
    }
    throw new AssertionError(name + " is in no cohort: " + cohorts);
  }

  private static List<Long> longs(Object list) {
    return ((List<?>) list).stream().map(n -> ((Number) n).longValue()).toList();
  }

  private static MimeMessage mailTo(String address, String space) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (MimeMessage m : stack.mail.getReceivedMessages()) {
        if (Arrays.toString(m.getAllRecipients()).contains(address)
            && m.getSubject().contains(space)) {
          return m;
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no mail to " + address + " about " + space);
  }
}
