package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.peerloop.bridge.MoodleBridge;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.community.Views;
import org.peerloop.errors.NotFoundException;
import org.peerloop.space.Space;

/** The course outline's database steps, each its own transaction, for facilitators only. */
@ApplicationScoped
public class OutlineSteps {
  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject Clock clock;

  /**
   * A space as the outline needs it.
   *
   * @param launchedFrom the LTI {@code resource_link.id} the space was set up from (in Moodle, the
   *     LTI activity's instance id), if any
   */
  record Target(
      long platformId,
      String contextId,
      String launchedFrom,
      Long attachedModuleId,
      String attachedModuleName) {}

  @Transactional
  public Target target(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    long platformId = space.course().platform().id();
    if (em.find(MoodleBridge.class, platformId) == null) {
      throw new NotFoundException(
          "bridge-not-configured",
          "The course outline needs the Moodle bridge: ask IT to set it up for this site");
    }
    return new Target(
        platformId,
        space.course().contextId(),
        space.resourceLink() == null ? null : space.resourceLink().linkId(),
        space.lmsModuleId(),
        space.lmsModuleName());
  }

  @Transactional
  public Views.SpaceView attach(Caller caller, long spaceId, Long moduleId, String moduleName) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    space.attachToModule(moduleId, moduleName, clock.instant());
    em.flush();
    return Views.SpaceView.of(space, clock.instant());
  }
}
