package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One activity's completion for one user, from {@code
 * core_completion_get_activities_completion_status}.
 *
 * @param timeCompleted when the state last changed; empty for never
 * @param overallComplete {@code isoverallcomplete}, where the site gives it (Moodle 4.0+)
 */
public record ActivityCompletion(
    long cmid,
    String modname,
    long instance,
    int state,
    Optional<Instant> timeCompleted,
    int tracking,
    Optional<Boolean> overallComplete) {

  public boolean isDone() {
    return CompletionRule.isDone(state, overallComplete.orElse(null));
  }

  static ActivityCompletion of(JsonObject o) {
    long time = Fields.optionalLong(o, "timecompleted").orElse(0L);
    return new ActivityCompletion(
        Fields.requiredLong(o, "cmid"),
        Fields.optionalString(o, "modname").orElse(""),
        Fields.optionalLong(o, "instance").orElse(0L),
        Fields.intOr(o, "state", CompletionRule.INCOMPLETE),
        time > 0 ? Optional.of(Instant.ofEpochSecond(time)) : Optional.empty(),
        Fields.intOr(o, "tracking", 0),
        Fields.optionalBoolean(o, "isoverallcomplete"));
  }
}
