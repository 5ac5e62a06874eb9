package org.peerloop.moodle.webhook;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerloop.moodle.ws.CompletionRule;

/**
 * A Moodle event the plugin forwards. Its fields, as {@code classes/event_payload.php} builds them:
 * {@code id} (a UUID made when the event was observed, the same on every retry), {@code site}
 * ({@code $CFG->wwwroot}), {@code event} (the event class), {@code courseid}, {@code userid} (the
 * learner: the same id Moodle sends as the LTI {@code sub}), {@code timecreated} and, for an
 * activity, {@code cmid}, {@code completionstate} and, from Moodle 4.0, {@code overallcomplete}.
 */
public record MoodleEvent(
    String id,
    String site,
    Type type,
    long courseId,
    Optional<Long> cmid,
    long userId,
    int completionState,
    Optional<Boolean> overallComplete,
    Instant occurredAt) {

  /** The events the plugin's {@code db/events.php} observes. */
  public enum Type {
    MODULE_COMPLETION("\\core\\event\\course_module_completion_updated"),
    COURSE_COMPLETION("\\core\\event\\course_completed");

    private final String eventName;

    Type(String eventName) {
      this.eventName = eventName;
    }

    public String eventName() {
      return eventName;
    }

    static Optional<Type> of(String eventName) {
      for (Type type : values()) {
        if (type.eventName.equals(eventName)) {
          return Optional.of(type);
        }
      }
      return Optional.empty();
    }
  }

  public static final int MAX_BODY_BYTES = 16 * 1024;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  /** Whether the event says the learner completed what it is about. */
  public boolean isCompletion() {
    return type == Type.COURSE_COMPLETION
        || CompletionRule.isDone(completionState, overallComplete.orElse(null));
  }

  /**
   * Reads a request body.
   *
   * @throws WebhookRefusal {@code malformed-event} or {@code unsupported-event}, naming the field
   */
  public static MoodleEvent parse(byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw malformed("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonObject o;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw malformed("the body must be a JSON object");
      }
      o = value.asJsonObject();
    } catch (JsonException e) {
      throw malformed("the body is not JSON");
    }
    String id = text(o, "id");
    if (!ID.matcher(id).matches()) {
      throw malformed("id must be 8 to 64 letters, digits, '-' or '_'");
    }
    String eventName = text(o, "event");
    Type type =
        Type.of(eventName)
            .orElseThrow(
                () ->
                    new WebhookRefusal(
                        "unsupported-event", "PeerLoop does not take the event " + eventName));
    Optional<Long> cmid = optionalNumber(o, "cmid");
    if (type == Type.MODULE_COMPLETION && cmid.isEmpty()) {
      throw malformed("an activity completion needs cmid");
    }
    JsonValue overall = o.get("overallcomplete");
    return new MoodleEvent(
        id,
        text(o, "site"),
        type,
        number(o, "courseid"),
        cmid,
        number(o, "userid"),
        optionalNumber(o, "completionstate").orElse(0L).intValue(),
        overall == JsonValue.TRUE
            ? Optional.of(true)
            : overall == JsonValue.FALSE ? Optional.of(false) : Optional.empty(),
        Instant.ofEpochSecond(number(o, "timecreated")));
  }

  private static String text(JsonObject o, String name) {
    JsonValue value = o.get(name);
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw malformed(name + " is required text");
    }
    return s.getString();
  }

  private static long number(JsonObject o, String name) {
    return optionalNumber(o, name).orElseThrow(() -> malformed(name + " is required"));
  }

  private static Optional<Long> optionalNumber(JsonObject o, String name) {
    JsonValue value = o.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0) {
      return Optional.of(n.longValue());
    }
    if (value instanceof JsonString s && s.getString().matches("[0-9]{1,18}")) {
      return Optional.of(Long.parseLong(s.getString()));
    }
    throw malformed(name + " must be a whole number");
  }

  private static WebhookRefusal malformed(String detail) {
    return new WebhookRefusal("malformed-event", "The event is malformed: " + detail);
  }
}
