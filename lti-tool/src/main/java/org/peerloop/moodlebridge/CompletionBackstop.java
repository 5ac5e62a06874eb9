package org.peerloop.moodlebridge;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.completion.LearnerCompletion;
import org.peerloop.moodle.ws.ActivityCompletion;
import org.peerloop.moodle.ws.EnrolledUser;
import org.peerloop.moodle.ws.MoodleException;
import org.peerloop.moodle.ws.MoodleSite;

/**
 * Asks each bridged Moodle site, every hour, who completed the modules that open its courses'
 * post-course spaces, and seeds cohorts from Moodle groups. It is the backstop for the plugin's
 * events, which Moodle does not fire for completions set in bulk (e.g. by a grade import). Only
 * learners not yet known to have completed are asked about, one call per learner. One node at a
 * time works on a platform (a lease in the database); a run that runs out of time resumes after the
 * last course it finished.
 */
@ApplicationScoped
public class CompletionBackstop {
  private static final Logger LOG = Logger.getLogger(CompletionBackstop.class.getName());

  static final Duration EVERY = Duration.ofHours(1);
  static final Duration FIRST_RUN = Duration.ofMinutes(5);

  /** One run's time per platform: a large site is covered over several runs. */
  static final Duration RUN_TIME = Duration.ofMinutes(10);

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject MoodleBridges bridges;
  @Inject MoodleSites sites;
  @Inject BackstopSteps steps;
  @Inject GroupSeeding groups;
  @Inject Clock clock;

  private final ReentrantLock running = new ReentrantLock();
  private ScheduledFuture<?> schedule;

  /** What a run did, for IT. */
  public record Run(
      long platformId,
      boolean ran,
      boolean finished,
      int courses,
      int learnersAsked,
      int completionsFound,
      int spacesOpened,
      int placedByGroup,
      String error) {}

  public void start() {
    schedule =
        scheduler.scheduleWithFixedDelay(
            this::runAll, FIRST_RUN.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  void runAll() {
    try {
      bridges.bridgedPlatforms().forEach(this::runNow);
    } catch (RuntimeException e) {
      // The next run tries again; a database outage must not end the schedule.
      LOG.log(Level.WARNING, "The completion backstop failed", e);
    }
  }

  /** Runs the backstop for one platform now; answers what it did. */
  public Run runNow(long platformId) {
    running.lock();
    try {
      boolean claimed;
      try {
        claimed = steps.claim(platformId, RUN_TIME);
      } catch (RuntimeException e) {
        // Another node claimed the lease in the same moment: its commit won, ours conflicted.
        claimed = false;
      }
      if (!claimed) {
        return new Run(platformId, false, false, 0, 0, 0, 0, 0, "another run is in progress");
      }
      return run(platformId);
    } finally {
      running.unlock();
    }
  }

  private Run run(long platformId) {
    Instant deadline = clock.instant().plus(RUN_TIME);
    Tally tally = new Tally();
    try {
      MoodleSite site = sites.of(platformId);
      for (BackstopSteps.CourseWork course : steps.pending(platformId, steps.cursor(platformId))) {
        if (clock.instant().isAfter(deadline)) {
          steps.stopped(platformId, null);
          return tally.run(platformId, false, null);
        }
        Long moodleCourse = MoodleIds.of(course.contextId()).orElse(null);
        if (moodleCourse != null) {
          reconcile(site, course, moodleCourse, tally);
          tally.placedByGroup += groups.seed(site, moodleCourse, course.groupSpaces());
        }
        tally.courses++;
        steps.progressed(platformId, course.courseId());
      }
      steps.finished(platformId);
      return tally.run(platformId, true, null);
    } catch (MoodleException e) {
      steps.stopped(platformId, e.errorcode() + ": " + e.getMessage());
      return tally.run(platformId, false, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The completion backstop of platform " + platformId + " failed", e);
      steps.stopped(platformId, e.toString());
      return tally.run(platformId, false, e.toString());
    }
  }

  private void reconcile(
      MoodleSite site, BackstopSteps.CourseWork course, long moodleCourse, Tally tally) {
    if (course.completedByModule().isEmpty()) {
      return;
    }
    for (EnrolledUser user : site.enrolledUsers(moodleCourse)) {
      String subject = String.valueOf(user.id());
      List<Long> open = new ArrayList<>();
      course
          .completedByModule()
          .forEach(
              (module, done) -> {
                if (!done.contains(subject)) {
                  open.add(module);
                }
              });
      if (open.isEmpty()) {
        continue;
      }
      tally.learnersAsked++;
      Map<Long, Instant> found = new LinkedHashMap<>();
      try {
        if (open.stream().anyMatch(m -> m != LearnerCompletion.COURSE)) {
          for (ActivityCompletion activity : site.activitiesCompletion(moodleCourse, user.id())) {
            if (open.contains(activity.cmid()) && activity.isDone()) {
              found.put(activity.cmid(), activity.timeCompleted().orElse(clock.instant()));
            }
          }
        }
        if (open.contains(LearnerCompletion.COURSE)
            && site.courseCompleted(moodleCourse, user.id())) {
          found.put(LearnerCompletion.COURSE, clock.instant());
        }
      } catch (MoodleException e) {
        if (e.kind() != MoodleException.Kind.INVALID_REQUEST) {
          throw e;
        }
        // A user Moodle does not track (not a student, or gone since the list): next one.
        continue;
      }
      for (Map.Entry<Long, Instant> done : found.entrySet()) {
        tally.completionsFound++;
        tally.spacesOpened +=
            steps.completed(course.courseId(), subject, done.getKey(), done.getValue()).size();
      }
    }
  }

  private static final class Tally {
    int courses;
    int learnersAsked;
    int completionsFound;
    int spacesOpened;
    int placedByGroup;

    Run run(long platformId, boolean finished, String error) {
      return new Run(
          platformId,
          true,
          finished,
          courses,
          learnersAsked,
          completionsFound,
          spacesOpened,
          placedByGroup,
          error);
    }
  }
}
