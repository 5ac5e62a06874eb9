package org.peerloop.moodle.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoodleEventTest {

  private static MoodleEvent parse(String json) {
    return MoodleEvent.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(String json) {
    return assertThrows(WebhookRefusal.class, () -> parse(json)).reason();
  }

  @Test
  void readsTheSharedVectorsEvents() {
    SignatureVectors.Vector module = SignatureVectors.load().vectors().get(0);
    MoodleEvent event = parse(module.body());
    assertEquals(MoodleEvent.Type.MODULE_COMPLETION, event.type());
    assertEquals("0b6f3c2e-6a43-4d1e-9d61-2f4f8f1a9c10", event.id());
    assertEquals("https://moodle.northfield.example", event.site());
    assertEquals(42, event.courseId());
    assertEquals(Optional.of(102L), event.cmid());
    assertEquals(5, event.userId());
    assertEquals(Instant.ofEpochSecond(1733219990), event.occurredAt());
    assertTrue(event.isCompletion());

    MoodleEvent course = parse(SignatureVectors.load().vectors().get(1).body());
    assertEquals(MoodleEvent.Type.COURSE_COMPLETION, course.type());
    assertEquals(Optional.empty(), course.cmid());
    assertTrue(course.isCompletion());
  }

  @Test
  void anActivityMarkedIncompleteOrFailedIsNoCompletion() {
    String base =
        "{\"id\":\"abcdefgh12\",\"site\":\"https://m.example\","
            + "\"event\":\"\\\\core\\\\event\\\\course_module_completion_updated\","
            + "\"courseid\":\"42\",\"cmid\":102,\"userid\":5,\"timecreated\":1733219990,";
    assertFalse(parse(base + "\"completionstate\":0}").isCompletion());
    assertFalse(parse(base + "\"completionstate\":3}").isCompletion());
    assertTrue(parse(base + "\"completionstate\":3,\"overallcomplete\":true}").isCompletion());
    assertFalse(parse(base + "\"completionstate\":1,\"overallcomplete\":false}").isCompletion());
    assertEquals(42, parse(base + "\"completionstate\":2}").courseId(), "an id as text is read");
  }

  @Test
  void refusesMalformedBodiesNamingTheProblem() {
    assertEquals("malformed-event", reason("{not json"));
    assertEquals("malformed-event", reason("[1,2]"));
    assertEquals("malformed-event", reason("{}"));
    assertEquals(
        "malformed-event",
        reason(
            "{\"id\":\"short\",\"site\":\"s\",\"event\":\"\\\\core\\\\event\\\\course_completed\","
                + "\"courseid\":1,\"userid\":2,\"timecreated\":3}"));
    assertEquals(
        "malformed-event",
        reason(
            "{\"id\":\"abcdefgh12\",\"site\":\"s\","
                + "\"event\":\"\\\\core\\\\event\\\\course_module_completion_updated\","
                + "\"courseid\":1,\"userid\":2,\"timecreated\":3}"));
    assertEquals(
        "malformed-event",
        reason(
            "{\"id\":\"abcdefgh12\",\"site\":\"s\",\"event\":\"\\\\core\\\\event\\\\course_completed\","
                + "\"courseid\":-1,\"userid\":2,\"timecreated\":3}"));
    assertEquals(
        "malformed-event",
        reason(
            "{\"id\":\"abcdefgh12\",\"site\":\"s\",\"event\":\"\\\\core\\\\event\\\\course_completed\","
                + "\"courseid\":1.5,\"userid\":2,\"timecreated\":3}"));
    assertEquals(
        "malformed-event", reason("{\"id\":\"" + "x".repeat(MoodleEvent.MAX_BODY_BYTES) + "\"}"));
  }

  @Test
  void refusesEventsItDoesNotTake() {
    assertEquals(
        "unsupported-event",
        reason(
            "{\"id\":\"abcdefgh12\",\"site\":\"s\",\"event\":\"\\\\core\\\\event\\\\user_loggedin\","
                + "\"courseid\":1,\"userid\":2,\"timecreated\":3}"));
  }
}
