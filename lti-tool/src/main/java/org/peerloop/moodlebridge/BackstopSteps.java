package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.peerloop.bridge.MoodleBridge;
import org.peerloop.cohort.Cohorts;
import org.peerloop.completion.CompletionSource;
import org.peerloop.completion.Completions;
import org.peerloop.course.Course;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.roster.RosterEntry;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;

/** The completion backstop's database steps, each its own transaction. */
@ApplicationScoped
public class BackstopSteps {
  @Inject EntityManager em;
  @Inject Completions completions;
  @Inject SpaceOpenings openings;
  @Inject Cohorts cohorts;
  @Inject PersonRepository people;
  @Inject Clock clock;

  /**
   * A course the backstop works on: the modules whose completion opens its spaces (with who is
   * known to have completed each), and its spaces that form cohorts from Moodle groups.
   */
  record CourseWork(
      long courseId,
      String contextId,
      Map<Long, Set<String>> completedByModule,
      List<Long> groupSpaces) {}

  /** Takes the platform's backstop lease for a run's time, unless another node holds it. */
  @Transactional
  public boolean claim(long platformId, Duration runTime) {
    Instant now = clock.instant();
    MoodleBridge bridge = em.find(MoodleBridge.class, platformId);
    if (bridge == null || !bridge.claimReconciliation(now, now.plus(runTime).plusSeconds(60))) {
      return false;
    }
    // The entity's version makes two nodes claiming at once conflict at commit: one wins.
    em.flush();
    return true;
  }

  /** Where the last run stopped: the id of the last course it finished, 0 for none. */
  @Transactional
  public long cursor(long platformId) {
    return em.find(MoodleBridge.class, platformId).reconcileCursor();
  }

  /** The platform's courses after {@code afterCourseId} that have something to reconcile. */
  @Transactional
  public List<CourseWork> pending(long platformId, long afterCourseId) {
    Instant now = clock.instant();
    List<Space> spaces =
        em.createQuery(
                "select s from Space s where s.course.platform.id = :platform"
                    + " and s.course.id > :after order by s.course.id, s.id",
                Space.class)
            .setParameter("platform", platformId)
            .setParameter("after", afterCourseId)
            .getResultList();
    Map<Long, List<Space>> byCourse = new TreeMap<>();
    for (Space space : spaces) {
      boolean awaits = space.phase() == Phase.POST_COURSE && space.opensOnCompletion();
      boolean groups = space.grouping() == GroupingMode.LMS_GROUPS;
      if (!space.isClosedAt(now) && (awaits || groups)) {
        byCourse.computeIfAbsent(space.course().id(), id -> new ArrayList<>()).add(space);
      }
    }
    List<CourseWork> work = new ArrayList<>();
    for (Map.Entry<Long, List<Space>> entry : byCourse.entrySet()) {
      Course course = entry.getValue().get(0).course();
      Map<Long, Set<String>> completed = new LinkedHashMap<>();
      List<Long> groupSpaces = new ArrayList<>();
      for (Space space : entry.getValue()) {
        if (space.phase() == Phase.POST_COURSE && space.opensOnCompletion()) {
          completed.computeIfAbsent(
              space.completionModuleId(),
              module -> new TreeSet<>(completions.completedBy(course, module)));
        }
        if (space.grouping() == GroupingMode.LMS_GROUPS) {
          groupSpaces.add(space.id());
        }
      }
      work.add(new CourseWork(course.id(), course.contextId(), completed, groupSpaces));
    }
    return work;
  }

  /** A course of the platform and the learners PeerLoop's roster has in it. */
  record KnownLearners(long moodleCourseId, String courseTitle, Set<String> subjects) {}

  /**
   * The bridged course whose learners PeerLoop knows best (active, not erased, as the LMS's roster
   * or launches gave them), to compare with the learners the web service token can see.
   */
  @Transactional
  public Optional<KnownLearners> knownLearners(long platformId) {
    Map<Course, Set<String>> byCourse = new LinkedHashMap<>();
    em.createQuery(
            "select e from RosterEntry e join fetch e.person join fetch e.course"
                + " where e.course.platform.id = :platform and e.active = true"
                + " order by e.course.id desc",
            RosterEntry.class)
        .setParameter("platform", platformId)
        .setMaxResults(5_000)
        .getResultStream()
        .filter(e -> !e.facilitates() && !e.person().isErased())
        .filter(e -> MoodleIds.of(e.course().contextId()).isPresent())
        .forEach(
            e ->
                byCourse
                    .computeIfAbsent(e.course(), c -> new TreeSet<>())
                    .add(e.person().subject()));
    return byCourse.entrySet().stream()
        .max(Comparator.comparingInt(e -> e.getValue().size()))
        .map(
            e ->
                new KnownLearners(
                    MoodleIds.of(e.getKey().contextId()).orElseThrow(),
                    e.getKey().title(),
                    e.getValue()));
  }

  /** Where a space's groups come from: its platform's bridge and the Moodle course id. */
  record GroupTarget(long platformId, long moodleCourseId) {}

  /**
   * The space's bridge and course, if the space forms one cohort per LMS group, is open, and its
   * platform has a Moodle bridge.
   */
  @Transactional
  public Optional<GroupTarget> groupTarget(long spaceId) {
    Space space = em.find(Space.class, spaceId);
    if (space == null
        || space.grouping() != GroupingMode.LMS_GROUPS
        || space.isClosedAt(clock.instant())) {
      return Optional.empty();
    }
    long platformId = space.course().platform().id();
    if (em.find(MoodleBridge.class, platformId) == null) {
      return Optional.empty();
    }
    return MoodleIds.of(space.course().contextId()).map(id -> new GroupTarget(platformId, id));
  }

  /** A completion the LMS reported when asked; the spaces it opened. */
  @Transactional
  public List<Long> completed(long courseId, String subject, long moduleId, Instant at) {
    return openings.completed(
        em.find(Course.class, courseId), subject, moduleId, at, CompletionSource.RECONCILED);
  }

  /**
   * Places the space's people by their LMS groups (people PeerLoop has not met yet are placed on a
   * later run, once they launched or the roster named them).
   *
   * @param members LMS user ids by group id, in the LMS's order
   * @return how many were placed now
   */
  @Transactional
  public int seedGroups(long spaceId, Map<String, List<String>> members) {
    Space space = em.find(Space.class, spaceId);
    Map<String, List<Person>> groups = new LinkedHashMap<>();
    members.forEach(
        (group, subjects) ->
            groups.put(
                group,
                subjects.stream()
                    .map(s -> people.findBySubject(space.course().platform(), s))
                    .flatMap(Optional::stream)
                    // A space that opens on completion takes only who completed, groups or not.
                    .filter(p -> completions.isOpenFor(space, p))
                    .toList()));
    return cohorts.placeInGroups(space, groups).size();
  }

  /** A course is done: the next run starts after it. */
  @Transactional
  public void progressed(long platformId, long courseId) {
    em.find(MoodleBridge.class, platformId).advanceTo(courseId);
  }

  /** The run went through every course: the next starts from the first again. */
  @Transactional
  public void finished(long platformId) {
    em.find(MoodleBridge.class, platformId).reconciled(clock.instant());
  }

  /** The run stopped early, out of time or on an error: its lease ends, the cursor stays. */
  @Transactional
  public void stopped(long platformId, String error) {
    MoodleBridge bridge = em.find(MoodleBridge.class, platformId);
    if (error == null) {
      bridge.release();
    } else {
      bridge.failed(error, clock.instant());
    }
  }
}
