package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;

/**
 * An activity or resource of a course, keyed by its course-module id ({@code cmid}): positions
 * change when a teacher reorders the course, the id does not.
 *
 * @param instance the id in the module's own table (for {@code lti}, the LTI {@code
 *     resource_link.id})
 * @param completion the tracking: 0 none, 1 manual, 2 automatic
 */
public record CourseModule(
    long id,
    String name,
    String modname,
    long instance,
    boolean visible,
    String url,
    int completion) {

  public static final String SUBSECTION = "subsection";

  public boolean tracksCompletion() {
    return completion != 0;
  }

  /** A Moodle 4.5+ subsection: a module whose content is a section of its own. */
  public boolean isSubsection() {
    return SUBSECTION.equals(modname);
  }

  static CourseModule of(JsonObject o) {
    return new CourseModule(
        Fields.requiredLong(o, "id"),
        Fields.optionalString(o, "name").orElse(""),
        Fields.requiredString(o, "modname"),
        Fields.optionalLong(o, "instance").orElse(0L),
        Fields.booleanOr(o, "visible", true),
        Fields.optionalString(o, "url").orElse(null),
        Fields.intOr(o, "completion", 0));
  }
}
