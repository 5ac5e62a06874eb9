package org.peerloop.moodle.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerloop.moodle.ws.FakeMoodleSite.Answer;
import org.peerloop.moodle.ws.MoodleException.Kind;

class MoodleSiteTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  private FakeMoodleSite moodle;
  private MoodleSite site;

  @BeforeEach
  void start() throws IOException {
    moodle = new FakeMoodleSite();
    site = new MoodleSite(new MoodleClient(MoodleClient.newHttpClient(), moodle.siteUrl(), TOKEN));
  }

  @AfterEach
  void stop() {
    moodle.close();
  }

  @Test
  void postsTheFormWithTheTokenInTheBodyAndAsksForJson() {
    moodle.answerFile(MoodleSite.SITE_INFO, "site-info.json");
    site.siteInfo();
    FakeMoodleSite.Request request = moodle.requests.get(0);
    assertEquals("POST", request.method());
    assertEquals("/moodle/webservice/rest/server.php", request.path());
    assertNull(request.query(), "nothing, least of all the token, travels in the URL");
    assertEquals("application/x-www-form-urlencoded", request.contentType());
    assertEquals(TOKEN, request.form().get("wstoken"));
    assertEquals("core_webservice_get_site_info", request.form().get("wsfunction"));
    assertEquals("json", request.form().get("moodlewsrestformat"));
  }

  @Test
  void readsSiteInfoAndTheFunctionsTheTokenMayCall() {
    moodle.answerFile(MoodleSite.SITE_INFO, "site-info.json");
    SiteInfo info = site.siteInfo();
    assertEquals("Northfield Learning", info.siteName());
    assertEquals("4.5.1 (Build: 20241209)", info.release());
    assertEquals(2024100701L, info.version(), "version arrives as text");
    assertEquals(7, info.userId());
    assertTrue(info.allows(MoodleSite.COURSE_CONTENTS));
    assertFalse(info.allows(MoodleSite.COURSE_GROUPS));
  }

  @Test
  void keysTheCourseByModuleIdAndNestsSubsectionsOfMoodle45() {
    moodle.answerFile(MoodleSite.COURSE_CONTENTS, "course-contents-4.5.json");
    CourseStructure course = site.courseContents(42);

    assertEquals(
        List.of(21L, 22L, 23L), course.topSections().stream().map(CourseSection::id).toList());
    List<String> outline =
        course.outline().stream()
            .map(e -> "  ".repeat(e.depth()) + e.module().id() + " " + e.module().name())
            .toList();
    assertEquals(
        List.of(
            "101 Announcements",
            "102 Safe handling quiz",
            "103 Hands-on practice",
            "  105 Practice log",
            "104 Post-course cohort"),
        outline,
        "the subsection's own section sits under it, not after the course's last section");
    CourseModule practice = course.module(105).orElseThrow();
    assertEquals("assign", practice.modname());
    assertTrue(practice.tracksCompletion());
    assertTrue(course.module(103).orElseThrow().isSubsection());
    assertEquals(
        Optional.of(24L),
        course.delegatedSection(course.module(103).orElseThrow()).map(CourseSection::id));

    Map<String, String> form = moodle.requests.get(0).form();
    assertEquals("42", form.get("courseid"));
    assertEquals("excludecontents", form.get("options[0][name]"));
    assertEquals("1", form.get("options[0][value]"));
  }

  @Test
  void readsACourseOfMoodle41WithoutTheFieldsOfLaterReleases() {
    moodle.answerFile(MoodleSite.COURSE_CONTENTS, "course-contents-4.1.json");
    CourseStructure course = site.courseContents(7);
    assertEquals(2, course.topSections().size());
    CourseModule reading = course.module(52).orElseThrow();
    assertTrue(reading.visible(), "\"1\" as text is visible");
    assertEquals(2, reading.completion(), "\"2\" as text is automatic tracking");
    assertFalse(course.sections().get(1).isDelegated());
  }

  @Test
  void mapsAnLtiInstanceToItsCourseModule() {
    moodle.answerFile(MoodleSite.MODULE_BY_INSTANCE, "module-by-instance.json");
    ModuleOfInstance cm = site.moduleByInstance("lti", 5);
    assertEquals(104, cm.cmid());
    assertEquals(42, cm.courseId());
    assertEquals(23, cm.sectionId());
    Map<String, String> form = moodle.requests.get(0).form();
    assertEquals("lti", form.get("module"));
    assertEquals("5", form.get("instance"));
  }

  @Test
  void completionFollowsIsOverallCompleteWhereGivenElseStateOneOrTwo() {
    moodle.answerFile(MoodleSite.ACTIVITIES_COMPLETION, "activities-completion-4.5.json");
    Map<Long, ActivityCompletion> newer = byCmid(site.activitiesCompletion(42, 5));
    assertEquals(3, newer.get(102L).state());
    assertTrue(newer.get(102L).isDone(), "a failed grade that still completes the rules counts");
    assertFalse(newer.get(105L).isDone());
    assertEquals(Optional.empty(), newer.get(105L).timeCompleted());

    moodle.answerFile(MoodleSite.ACTIVITIES_COMPLETION, "activities-completion-4.1.json");
    Map<Long, ActivityCompletion> older = byCmid(site.activitiesCompletion(7, 5));
    assertTrue(older.get(52L).isDone(), "state 1: complete");
    assertFalse(older.get(53L).isDone(), "state 3 without Moodle's verdict: a fail");
    assertTrue(older.get(54L).isDone(), "state 2: complete with a pass");
    assertEquals(Optional.of(Instant.ofEpochSecond(1700000000)), older.get(52L).timeCompleted());
  }

  @Test
  void readsEnrolledUsersPageByPage() {
    List<String> all =
        IntStream.rangeClosed(1, 450)
            .mapToObj(
                i ->
                    "{\"id\":"
                        + i
                        + ",\"fullname\":\"Learner "
                        + i
                        + "\",\"email\":\"l"
                        + i
                        + "@example.edu\",\"firstaccess\":0,\"groups\":[{\"id\":31,\"name\":\"Night\","
                        + "\"description\":\"\",\"descriptionformat\":1}],\"roles\":[{\"roleid\":5,"
                        + "\"name\":\"\",\"shortname\":\"student\",\"sortorder\":0}]}")
            .toList();
    moodle.answer(
        MoodleSite.ENROLLED_USERS,
        form -> {
          int from = Integer.parseInt(form.get("options[0][value]"));
          int limit = Integer.parseInt(form.get("options[1][value]"));
          return Answer.json(
              "["
                  + String.join(",", all.subList(Math.min(from, 450), Math.min(from + limit, 450)))
                  + "]");
        });

    List<EnrolledUser> users = site.enrolledUsers(42);

    assertEquals(450, users.size());
    assertEquals(Optional.of("l450@example.edu"), users.get(449).email());
    assertEquals(List.of(31L), users.get(0).groupIds());
    assertEquals(List.of("student"), users.get(0).roles());
    assertEquals(
        List.of("0", "200", "400"),
        moodle.requests.stream().map(r -> r.form().get("options[0][value]")).toList());
    assertEquals("limitfrom", moodle.requests.get(0).form().get("options[0][name]"));
    assertEquals("limitnumber", moodle.requests.get(0).form().get("options[1][name]"));
  }

  @Test
  void readsGroupsAndTheirMembers() {
    moodle.answerFile(MoodleSite.COURSE_GROUPS, "course-groups.json");
    moodle.answerFile(MoodleSite.GROUP_MEMBERS, "group-members.json");
    List<CourseGroup> groups = site.courseGroups(42);
    assertEquals(
        List.of("Night shift", "Day shift"), groups.stream().map(CourseGroup::name).toList());
    Map<Long, List<Long>> members = site.groupMembers(List.of(31L, 32L));
    assertEquals(List.of(3L, 4L, 5L), members.get(31L));
    assertEquals(List.of(6L, 7L), members.get(32L), "an id as text is an id");
    Map<String, String> form = moodle.requests.get(1).form();
    assertEquals("31", form.get("groupids[0]"));
    assertEquals("32", form.get("groupids[1]"));
  }

  @Test
  void errorBodiesWithHttp200AreTypedExceptions() {
    Map<String, Kind> cases =
        Map.of(
            "error-invalid-token.json", Kind.INVALID_TOKEN,
            "error-access-exception.json", Kind.ACCESS_DENIED,
            "error-invalid-parameter.json", Kind.INVALID_REQUEST,
            "error-missing-record.json", Kind.INVALID_REQUEST);
    cases.forEach(
        (file, kind) -> {
          moodle.answerFile(MoodleSite.SITE_INFO, file);
          MoodleException e = assertThrows(MoodleException.class, site::siteInfo, file);
          assertEquals(kind, e.kind(), file);
          assertFalse(e.getMessage().contains(TOKEN), "the token is never in a message");
        });
    moodle.answerFile(MoodleSite.SITE_INFO, "error-invalid-token.json");
    assertEquals("invalidtoken", assertThrows(MoodleException.class, site::siteInfo).errorcode());
  }

  @Test
  void aFunctionMissingFromTheServiceIsAccessDenied() {
    moodle.answerFile(MoodleSite.COURSE_GROUPS, "error-access-exception.json");
    MoodleException e = assertThrows(MoodleException.class, () -> site.courseGroups(42));
    assertEquals(Kind.ACCESS_DENIED, e.kind());
    assertTrue(e.getMessage().startsWith("core_group_get_course_groups: Access control exception"));
  }

  @Test
  void transportProblemsAreUnavailableOrSiteErrors() {
    moodle.answer(MoodleSite.SITE_INFO, new Answer(403, "text/html", ""));
    MoodleException disabled = assertThrows(MoodleException.class, site::siteInfo);
    assertEquals(Kind.ACCESS_DENIED, disabled.kind());
    assertEquals("rest-disabled", disabled.errorcode());

    moodle.answer(MoodleSite.SITE_INFO, new Answer(503, "text/html", "<h1>Maintenance</h1>"));
    assertEquals(Kind.UNAVAILABLE, assertThrows(MoodleException.class, site::siteInfo).kind());

    moodle.answer(
        MoodleSite.SITE_INFO,
        new Answer(200, "text/html", "<!DOCTYPE html><html><body>Log in</body></html>"));
    MoodleException html = assertThrows(MoodleException.class, site::siteInfo);
    assertEquals("not-json", html.errorcode());

    moodle.answer(MoodleSite.SITE_INFO, Answer.json("{\"sitename\":\"no user id\"}"));
    assertEquals(
        "unexpected-answer", assertThrows(MoodleException.class, site::siteInfo).errorcode());
  }

  @Test
  void aSiteThatIsDownIsUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    MoodleSite down =
        new MoodleSite(
            new MoodleClient(
                MoodleClient.newHttpClient(), URI.create("http://127.0.0.1:" + closed), TOKEN));
    MoodleException e = assertThrows(MoodleException.class, down::siteInfo);
    assertEquals(Kind.UNAVAILABLE, e.kind());
    assertEquals("unreachable", e.errorcode());
  }

  @Test
  void aCourseWithoutCompletionCriteriaIsNotCompleted() {
    moodle.answer(
        MoodleSite.COURSE_COMPLETION,
        Answer.json(
            "{\"exception\":\"moodle_exception\",\"errorcode\":\"nocriteriaset\","
                + "\"message\":\"No criteria set for this course\"}"));
    assertFalse(site.courseCompleted(42, 5));
    moodle.answer(
        MoodleSite.COURSE_COMPLETION,
        Answer.json(
            "{\"completionstatus\":{\"completed\":true,\"aggregation\":1,\"completions\":[]},"
                + "\"warnings\":[]}"));
    assertTrue(site.courseCompleted(42, 5));
  }

  @Test
  void theEndpointKeepsTheSitePath() {
    assertEquals(
        URI.create("https://example.edu/moodle/webservice/rest/server.php"),
        MoodleClient.endpointOf(URI.create("https://example.edu/moodle/")));
    assertEquals(
        URI.create("https://example.edu/webservice/rest/server.php"),
        MoodleClient.endpointOf(URI.create("https://example.edu")));
  }

  private static Map<Long, ActivityCompletion> byCmid(List<ActivityCompletion> list) {
    return list.stream().collect(Collectors.toMap(ActivityCompletion::cmid, a -> a));
  }
}
