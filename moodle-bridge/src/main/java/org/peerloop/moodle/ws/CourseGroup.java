package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;

/** A group of a course, from {@code core_group_get_course_groups}. */
public record CourseGroup(long id, long courseId, String name, String idNumber) {

  static CourseGroup of(JsonObject o) {
    return new CourseGroup(
        Fields.requiredLong(o, "id"),
        Fields.optionalLong(o, "courseid").orElse(0L),
        Fields.optionalString(o, "name").orElse(""),
        Fields.optionalString(o, "idnumber").orElse(""));
  }
}
