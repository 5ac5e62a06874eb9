package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;

/**
 * What {@code core_course_get_course_module_by_instance} tells of a module instance: its
 * course-module id, course and section. For an LTI activity the instance is the launch's {@code
 * resource_link.id}.
 */
public record ModuleOfInstance(
    long cmid, long courseId, String modname, long instance, String name, long sectionId) {

  static ModuleOfInstance of(JsonObject answer) {
    JsonObject cm = Fields.object(answer.get("cm"), "cm");
    return new ModuleOfInstance(
        Fields.requiredLong(cm, "id"),
        Fields.requiredLong(cm, "course"),
        Fields.optionalString(cm, "modname").orElse(""),
        Fields.requiredLong(cm, "instance"),
        Fields.optionalString(cm, "name").orElse(""),
        Fields.optionalLong(cm, "section").orElse(0L));
  }
}
