package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.peerloop.community.Caller;
import org.peerloop.community.Views;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.moodle.ws.CourseModule;
import org.peerloop.moodle.ws.CourseStructure;
import org.peerloop.moodle.ws.MoodleException;
import org.peerloop.moodle.ws.MoodleSite;

/**
 * The real course, for a facilitator attaching a space to a module: the Moodle course's sections
 * and modules as its teachers see them (4.5 subsections nested), read live from the site. The
 * module the space is attached to is checked against the same outline.
 */
@ApplicationScoped
public class CourseOutline {
  @Inject OutlineSteps steps;
  @Inject MoodleSites sites;

  /** One module in course order. */
  public record ModuleView(
      long id,
      String name,
      String modname,
      String section,
      int depth,
      boolean visible,
      boolean tracksCompletion,
      boolean thisActivity) {}

  public record OutlineView(
      Long attachedModuleId, String attachedModuleName, List<ModuleView> modules) {}

  /**
   * @throws MoodleException when the site does not list the course
   */
  public OutlineView outline(Caller caller, long spaceId) {
    OutlineSteps.Target target = steps.target(caller, spaceId);
    MoodleSite site = sites.of(target.platformId());
    CourseStructure course = read(site, target);
    Long self = launchedFromModule(site, target);
    List<ModuleView> modules =
        course.outline().stream()
            .map(
                e -> {
                  CourseModule m = e.module();
                  return new ModuleView(
                      m.id(),
                      m.name(),
                      m.modname(),
                      e.section().name(),
                      e.depth(),
                      m.visible(),
                      m.tracksCompletion(),
                      self != null && self == m.id());
                })
            .toList();
    return new OutlineView(target.attachedModuleId(), target.attachedModuleName(), modules);
  }

  /**
   * The course module of the LTI activity the space was set up from: in Moodle the launch's {@code
   * resource_link.id} is the {@code lti} instance id, which {@code
   * core_course_get_course_module_by_instance} maps to its course-module id. Empty when the link is
   * not a Moodle activity's.
   */
  private static Long launchedFromModule(MoodleSite site, OutlineSteps.Target target) {
    Optional<Long> instance = MoodleIds.of(target.launchedFrom());
    if (instance.isEmpty()) {
      return null;
    }
    try {
      return site.moduleByInstance("lti", instance.get()).cmid();
    } catch (MoodleException e) {
      if (e.kind() == MoodleException.Kind.INVALID_REQUEST
          || e.kind() == MoodleException.Kind.ACCESS_DENIED) {
        return null;
      }
      throw e;
    }
  }

  /** Attaches the space to a module of its course, or to none ({@code null}). */
  public Views.SpaceView attach(Caller caller, long spaceId, Long moduleId) {
    OutlineSteps.Target target = steps.target(caller, spaceId);
    if (moduleId == null) {
      return steps.attach(caller, spaceId, null, null);
    }
    CourseModule module =
        read(sites.of(target.platformId()), target)
            .module(moduleId)
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "moduleId", "The course has no module " + moduleId + " (any more)"));
    if (module.isSubsection()) {
      throw new InvalidValueException(
          "moduleId", "Choose an activity, not a subsection: a subsection has no completion");
    }
    return steps.attach(caller, spaceId, module.id(), module.name());
  }

  private static CourseStructure read(MoodleSite site, OutlineSteps.Target target) {
    long course =
        MoodleIds.of(target.contextId())
            .orElseThrow(
                () -> new InvalidValueException("course", "This course is not a Moodle course"));
    return site.courseContents(course);
  }
}
