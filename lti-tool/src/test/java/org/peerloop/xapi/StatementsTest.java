package org.peerloop.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.peerloop.activity.ActivityType;

class StatementsTest {
  private static final URI TOOL = URI.create("https://peerloop.example.edu/");
  private static final Instant AT = Instant.parse("2026-11-02T09:30:00Z");

  private static XapiEvent event(long id, ActivityType type, Long post, Long thread) {
    return new XapiEvent(
        id, AT, type, post, thread, 5, 3, 2, "https://moodle.example.edu", "user-42");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  @Test
  void aReplyNamesItsAuthorByLmsAccountItsPostItsThreadAndItsCourse() throws Exception {
    Map<String, Object> s = Statements.of(event(11, ActivityType.REPLY, 70L, 69L), TOOL);
    // Through JSON and back, as a store reads it.
    s = JSONObjectUtils.parse(JSONObjectUtils.toJSONString(s));

    assertEquals(UUID.fromString((String) s.get("id")).toString(), s.get("id"));
    assertEquals(
        Map.of(
            "objectType",
            "Agent",
            "account",
            Map.of("homePage", "https://moodle.example.edu", "name", "user-42")),
        s.get("actor"));
    assertEquals(Statements.REPLIED, map(s.get("verb")).get("id"));
    assertEquals(Map.of("en-US", "replied"), map(s.get("verb")).get("display"));
    assertEquals("https://peerloop.example.edu/xapi/posts/70", map(s.get("object")).get("id"));
    assertEquals(Statements.REPLY, map(map(s.get("object")).get("definition")).get("type"));
    Map<String, Object> activities = map(map(s.get("context")).get("contextActivities"));
    assertEquals(
        "https://peerloop.example.edu/xapi/posts/69",
        list(activities.get("parent")).get(0).get("id"));
    assertEquals(
        List.of(
            "https://peerloop.example.edu/xapi/spaces/3/cohorts/5",
            "https://peerloop.example.edu/xapi/spaces/3",
            "https://peerloop.example.edu/xapi/courses/2"),
        list(activities.get("grouping")).stream().map(a -> a.get("id")).toList());
    assertEquals(
        Statements.COURSE,
        map(list(activities.get("grouping")).get(2).get("definition")).get("type"));
    assertEquals("2026-11-02T09:30:00Z", s.get("timestamp"));
  }

  @Test
  void everyActivityTypeHasItsVerb() {
    Map<ActivityType, String> verbs =
        Map.of(
            ActivityType.VIEW, Statements.VIEWED,
            ActivityType.POST, Statements.ADL_COMMENTED,
            ActivityType.REPLY, Statements.REPLIED,
            ActivityType.RATE, Statements.RATED,
            ActivityType.ENDORSE, Statements.RATED,
            ActivityType.APPLIED, Statements.ADL_SHARED);
    assertEquals(ActivityType.values().length, verbs.size());
    verbs.forEach(
        (type, verb) ->
            assertEquals(
                verb,
                map(Statements.of(event(1, type, type == ActivityType.VIEW ? null : 9L, null), TOOL)
                        .get("verb"))
                    .get("id")));
  }

  @Test
  void aViewIsOfTheCohortsPageWithoutParent() {
    Map<String, Object> s = Statements.of(event(12, ActivityType.VIEW, null, null), TOOL);

    assertEquals(
        "https://peerloop.example.edu/xapi/spaces/3/cohorts/5", map(s.get("object")).get("id"));
    Map<String, Object> activities = map(map(s.get("context")).get("contextActivities"));
    assertNull(activities.get("parent"));
    assertEquals(2, list(activities.get("grouping")).size());
  }

  @Test
  void theSameEventMakesTheSameStatementAnotherEventAnotherId() {
    XapiEvent e = event(13, ActivityType.POST, 71L, null);

    assertEquals(Statements.of(e, TOOL), Statements.of(e, TOOL));
    assertNotEquals(
        Statements.id(e, TOOL), Statements.id(event(14, ActivityType.POST, 71L, null), TOOL));
    assertNotEquals(
        Statements.id(e, TOOL), Statements.id(e, URI.create("https://other.example.com/")));
  }

  @Test
  void carriesNoNameOrEmail() {
    String json =
        JSONObjectUtils.toJSONString(Statements.of(event(15, ActivityType.RATE, 70L, 69L), TOOL));

    assertFalse(json.contains("mbox"));
    // The account's name (the LTI subject) is the statement's only name: no display names.
    assertEquals(1, json.split("\"name\":", -1).length - 1, json);
    assertTrue(json.contains("\"name\":\"user-42\""), json);
    assertTrue(json.contains("\"homePage\":\"https://moodle.example.edu\""));
  }
}
