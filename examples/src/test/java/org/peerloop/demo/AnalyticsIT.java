package org.peerloop.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Insights from real activity, in course 103's module 203: a question, two answers, a rating and an
 * endorsement; the cohort's metrics worked out by hand, the members' CSV, the learners' view of
 * their go-to people (names only), and who may see what.
 */
@ExtendWith(DemoStackExtension.class)
class AnalyticsIT {
  private static final String LINK = "203&course=103";

  private static DemoStack stack;
  private static LaunchDriver driver;

  @BeforeAll
  static void connect(DemoStack running) {
    stack = running;
    driver = new LaunchDriver(running.lms);
  }

  private static String token(String user) throws Exception {
    return LaunchDriver.sessionToken(driver.launchWith("user=" + user + "&link=" + LINK).body());
  }

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return stack.call(method, path, token, json);
  }

  private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
    assertTrue(response.statusCode() < 300, response.statusCode() + ": " + response.body());
    return JSONObjectUtils.parse(response.body());
  }

  private static long id(HttpResponse<String> response) throws Exception {
    return ((Number) json(response).get("id")).longValue();
  }

  @Test
  void aCohortsMetricsFromItsRealActivity() throws Exception {
    String dana = token("5");
    long space =
        id(
            call(
                "PUT",
                "api/v1/space",
                dana,
                "{\"title\":\"Insights lab\",\"phase\":\"post-course\",\"targetSize\":5,"
                    + "\"topics\":[\"coaching\"]}"));
    String ada = token("2");
    String ben = token("3");
    String carmen = token("4");
    long cohort = 0;
    for (String learner : List.of(ada, ben, carmen)) {
      cohort =
          id(
              call(
                  "POST",
                  "api/v1/spaces/" + space + "/membership",
                  learner,
                  "{\"topics\":[\"coaching\"]}"));
    }
    long question =
        id(
            call(
                "POST",
                "api/v1/cohorts/" + cohort + "/posts",
                ada,
                "{\"kind\":\"question\",\"title\":\"Feedback that lands?\","
                    + "\"body\":\"<p>How do you give feedback that lands? #coaching</p>\","
                    + "\"clientKey\":\"insights-q\"}"));
    long benAnswer =
        id(
            call(
                "POST",
                "api/v1/cohorts/" + cohort + "/posts",
                ben,
                "{\"body\":\"<p>Ask first.</p>\",\"replyTo\":"
                    + question
                    + ",\"clientKey\":\"insights-b\"}"));
    for (String text : List.of("Be specific.", "And kind.")) {
      id(
          call(
              "POST",
              "api/v1/cohorts/" + cohort + "/posts",
              carmen,
              "{\"body\":\"<p>"
                  + text
                  + "</p>\",\"replyTo\":"
                  + question
                  + ",\"clientKey\":\"insights-"
                  + text.length()
                  + "\"}"));
    }
    json(call("PUT", "api/v1/posts/" + benAnswer + "/rating", ada, "{\"stars\":5}"));
    json(call("PUT", "api/v1/posts/" + benAnswer + "/endorsement", dana, null));

    Map<String, Object> report =
        json(call("GET", "api/v1/spaces/" + space + "/analytics?cohortId=" + cohort, dana, null));
    assertEquals(3, ((Number) report.get("roster")).intValue());
    assertEquals(
        Map.of("creators", 1L, "contributors", 2L, "consumers", 0L, "nonParticipants", 0L),
        report.get("segments"));
    assertEquals(1.0, ((Number) report.get("engagementRate")).doubleValue());
    assertEquals(3.0 / 4, ((Number) report.get("replyPostRatio")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) report.get("reciprocity")).doubleValue());
    assertEquals(1.0, ((Number) report.get("questionsAnswered")).doubleValue());
    // Help: Ada's question drew three answers (score 1), Ben's answer a rating and an
    // endorsement (2 of 3); Carmen's answers drew nothing, so she is nobody's go-to person yet.
    List<Object> goTo = JSONObjectUtils.getJSONArray(report, "goToPeople");
    assertEquals(
        List.of("Ada Ito", "Ben Okafor"),
        goTo.stream().map(p -> ((Map<?, ?>) p).get("name")).toList());
    assertEquals(
        List.of(Map.of("topic", "coaching", "names", List.of("Ada Ito", "Ben Okafor"))),
        report.get("goToByTopic"));

    // The network picture's data: who gave whom replies and ratings, the facilitator's
    // endorsement included, named; the go-to people marked.
    Map<String, Object> network = JSONObjectUtils.getJSONObject(report, "network");
    assertEquals(4L, network.get("peopleInNetwork"));
    Map<Object, String> byId = new HashMap<>();
    Map<String, Boolean> marked = new HashMap<>();
    for (Object p : JSONObjectUtils.getJSONArray(network, "people")) {
      Map<?, ?> person = (Map<?, ?>) p;
      byId.put(person.get("personId"), (String) person.get("name"));
      marked.put((String) person.get("name"), (Boolean) person.get("goTo"));
    }
    assertEquals(
        Map.of("Ada Ito", true, "Ben Okafor", true, "Carmen Ruiz", false, "Dana Lee", false),
        marked);
    Set<String> ties = new TreeSet<>();
    for (Object t : JSONObjectUtils.getJSONArray(network, "ties")) {
      Map<?, ?> tie = (Map<?, ?>) t;
      ties.add(
          byId.get(tie.get("from"))
              + ">"
              + byId.get(tie.get("to"))
              + ":"
              + tie.get("replies")
              + "/"
              + tie.get("ratings"));
    }
    assertEquals(
        Set.of(
            "Ben Okafor>Ada Ito:1/0",
            "Carmen Ruiz>Ada Ito:2/0",
            "Ada Ito>Ben Okafor:0/1",
            "Dana Lee>Ben Okafor:0/1"),
        ties);

    HttpResponse<String> csv =
        call(
            "GET",
            "api/v1/spaces/" + space + "/analytics/members.csv?cohortId=" + cohort,
            dana,
            null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertEquals(4, lines.length, csv.body());
    assertTrue(lines[0].startsWith("person_id,name,segment,persona"), lines[0]);
    assertTrue(csv.body().contains(",Ada Ito,CREATOR,"), csv.body());

    // A question nobody answered yet, and a story of applying it at work.
    id(
        call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            carmen,
            "{\"kind\":\"question\",\"title\":\"Silence after feedback?\","
                + "\"body\":\"<p>What do you do when nobody answers?</p>\","
                + "\"clientKey\":\"insights-q2\"}"));
    id(
        call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            ben,
            "{\"kind\":\"applied-story\",\"title\":\"Asked first\","
                + "\"body\":\"<p>I asked before advising. #coaching</p>\","
                + "\"appliedWhat\":\"Asking before advising in one-to-ones\","
                + "\"appliedResult\":\"Shorter meetings, clearer actions\","
                + "\"clientKey\":\"insights-s\"}"));
    Map<String, Object> later =
        json(call("GET", "api/v1/spaces/" + space + "/analytics?cohortId=" + cohort, dana, null));
    List<Object> unanswered = JSONObjectUtils.getJSONArray(later, "unansweredQuestions");
    assertEquals(1, unanswered.size(), later.toString());
    assertEquals("Silence after feedback?", ((Map<?, ?>) unanswered.get(0)).get("title"));
    Map<?, ?> story = (Map<?, ?>) JSONObjectUtils.getJSONArray(later, "appliedStories").get(0);
    assertEquals("Asking before advising in one-to-ones", story.get("appliedWhat"));
    assertEquals("Ben Okafor", story.get("author"));
    assertEquals(List.of(Map.of("tag", "coaching", "threads", 2L)), later.get("tags"));
    List<Object> weeks = JSONObjectUtils.getJSONArray(later, "weeks");
    long posts = weeks.stream().mapToLong(w -> (Long) ((Map<?, ?>) w).get("posts")).sum();
    assertEquals(6, posts, "written in the period's weeks: " + weeks);
    assertEquals(null, later.get("continuity"), "a post-course space without an opening date");

    // The raw events: one line each, the question among them.
    HttpResponse<String> events =
        call("GET", "api/v1/spaces/" + space + "/analytics/events.csv", dana, null);
    assertEquals(200, events.statusCode());
    String[] rows = events.body().split("\r\n");
    assertEquals("occurred_at,person_id,cohort_id,type,post_id", rows[0]);
    assertTrue(events.body().contains(",POST," + question + "\r\n"), events.body());
    assertEquals(
        403,
        call("GET", "api/v1/spaces/" + space + "/analytics/events.csv", ben, null).statusCode());

    // A learner sees the go-to people of their cohort by name, without scores.
    HttpResponse<String> names =
        call("GET", "api/v1/cohorts/" + cohort + "/go-to-people", ben, null);
    assertEquals(Map.of("names", List.of("Ada Ito", "Ben Okafor")), json(names));
    assertFalse(names.body().contains("score"), names.body());

    // … and not the facilitators' analytics; nor may anyone from another course.
    assertEquals(403, call("GET", "api/v1/spaces/" + space + "/analytics", ben, null).statusCode());
    String otherCourse = LaunchDriver.sessionToken(driver.launchWith("user=5&link=201").body());
    assertEquals(
        404, call("GET", "api/v1/spaces/" + space + "/analytics", otherCourse, null).statusCode());
    assertEquals(
        404,
        call("GET", "api/v1/cohorts/" + cohort + "/go-to-people", otherCourse, null).statusCode());

    // A period without activity, and periods that make no sense.
    Map<String, Object> before =
        json(
            call(
                "GET",
                "api/v1/spaces/"
                    + space
                    + "/analytics?cohortId="
                    + cohort
                    + "&from=2020-01-01&to=2020-01-31",
                dana,
                null));
    assertEquals(
        Map.of("creators", 0L, "contributors", 0L, "consumers", 0L, "nonParticipants", 3L),
        before.get("segments"));
    HttpResponse<String> garbage =
        call("GET", "api/v1/spaces/" + space + "/analytics?from=yesterday", dana, null);
    assertEquals(400, garbage.statusCode());
    assertTrue(garbage.body().contains("\"from\""), garbage.body());
    HttpResponse<String> backwards =
        call(
            "GET",
            "api/v1/spaces/" + space + "/analytics?from=2026-02-01&to=2026-01-01",
            dana,
            null);
    assertEquals(400, backwards.statusCode(), backwards.body());
  }

  /**
   * A second space in course 103 with its own creator: the course's report counts the people and
   * posts of every space of the course; a space's report only its own.
   */
  @Test
  void aCoursesReportCoversEverySpace() throws Exception {
    String dana = LaunchDriver.sessionToken(driver.launchWith("user=5&link=204&course=103").body());
    long space =
        id(
            call(
                "PUT",
                "api/v1/space",
                dana,
                "{\"title\":\"Second circle\",\"phase\":\"pre-course\",\"targetSize\":5}"));
    String farid =
        LaunchDriver.sessionToken(driver.launchWith("user=6&link=204&course=103").body());
    long cohort =
        id(call("POST", "api/v1/spaces/" + space + "/membership", farid, "{\"topics\":[]}"));
    id(
        call(
            "POST",
            "api/v1/cohorts/" + cohort + "/posts",
            farid,
            "{\"title\":\"Hello\",\"body\":\"<p>Hi all</p>\",\"clientKey\":\"course-report\"}"));

    Map<String, Object> course = json(call("GET", "api/v1/course/analytics", dana, null));
    Map<String, Object> own =
        json(call("GET", "api/v1/spaces/" + space + "/analytics", dana, null));
    Map<?, ?> segments = (Map<?, ?>) course.get("segments");
    long sum = 0;
    for (Object count : segments.values()) {
      sum += (Long) count;
    }
    assertEquals(course.get("roster"), sum, "segments add up to the course roster");
    assertTrue((Long) course.get("roster") >= (Long) own.get("roster"), course.toString());
    assertTrue(
        (Long) segments.get("creators")
            >= (Long) ((Map<?, ?>) own.get("segments")).get("creators"));
    assertTrue(
        JSONObjectUtils.getJSONArray(course, "members").stream()
            .map(m -> (Map<?, ?>) m)
            .anyMatch(
                m -> "Farid Haddad".equals(m.get("name")) && "CREATOR".equals(m.get("segment"))),
        course.toString());
    HttpResponse<String> csv = call("GET", "api/v1/course/analytics/members.csv", dana, null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("person_id,name,segment"), csv.body());
    assertTrue(csv.body().contains(",Farid Haddad,CREATOR,"), csv.body());

    assertEquals(403, call("GET", "api/v1/course/analytics", farid, null).statusCode());
    assertEquals(403, call("GET", "api/v1/course/analytics/members.csv", farid, null).statusCode());
  }
}
