package org.peerloop.moodlebridge;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.community.SpaceConfigured;
import org.peerloop.moodle.ws.CourseGroup;
import org.peerloop.moodle.ws.MoodleSite;

/**
 * Cohorts from Moodle groups: a space set to one cohort per LMS group forms them as soon as its
 * facilitator saves it (in the background, once the save committed), and the hourly backstop keeps
 * them up to date as people join the course.
 */
@ApplicationScoped
public class GroupSeeding {
  private static final Logger LOG = Logger.getLogger(GroupSeeding.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject BackstopSteps steps;
  @Inject MoodleSites sites;

  void configured(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpaceConfigured event) {
    executor.submit(() -> seedQuietly(event.spaceId()));
  }

  private void seedQuietly(long spaceId) {
    try {
      steps
          .groupTarget(spaceId)
          .ifPresent(t -> seed(sites.of(t.platformId()), t.moodleCourseId(), List.of(spaceId)));
    } catch (RuntimeException e) {
      // The hourly backstop tries again.
      LOG.log(Level.INFO, "Cohorts from Moodle groups for space " + spaceId + " wait: " + e);
    }
  }

  /**
   * Places the spaces' people by the course's groups.
   *
   * @return how many were placed
   */
  int seed(MoodleSite site, long moodleCourseId, List<Long> spaceIds) {
    if (spaceIds.isEmpty()) {
      return 0;
    }
    List<CourseGroup> groups = site.courseGroups(moodleCourseId);
    Map<Long, List<Long>> members =
        site.groupMembers(groups.stream().map(CourseGroup::id).toList());
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (CourseGroup group : groups) {
      byGroup.put(
          String.valueOf(group.id()),
          members.getOrDefault(group.id(), List.of()).stream().map(String::valueOf).toList());
    }
    int placed = 0;
    for (long spaceId : spaceIds) {
      placed += steps.seedGroups(spaceId, byGroup);
    }
    return placed;
  }
}
