package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A section of a course as {@code core_course_get_contents} lists it.
 *
 * @param number the section's number in the course (0 is the general section)
 * @param component for a delegated section (Moodle 4.5 subsections), the plugin that owns it,
 *     {@code mod_subsection}; empty for an ordinary section
 * @param itemId for a delegated section, the owning module's instance id
 */
public record CourseSection(
    long id,
    int number,
    String name,
    boolean visible,
    Optional<String> component,
    Optional<Long> itemId,
    List<CourseModule> modules) {

  public CourseSection {
    modules = List.copyOf(modules);
  }

  /** Whether a module (a 4.5 subsection) owns this section rather than the course. */
  public boolean isDelegated() {
    return component.isPresent();
  }

  static CourseSection of(JsonObject o) {
    return new CourseSection(
        Fields.requiredLong(o, "id"),
        Fields.intOr(o, "section", -1),
        Fields.optionalString(o, "name").orElse(""),
        Fields.booleanOr(o, "visible", true),
        Fields.optionalString(o, "component").filter(c -> !c.isEmpty()),
        Fields.optionalLong(o, "itemid"),
        Fields.optionalObjects(o, "modules").stream().map(CourseModule::of).toList());
  }
}
