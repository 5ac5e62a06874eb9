package org.peerloop.rostering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.course.Course;
import org.peerloop.lti.roles.Role;
import org.peerloop.lti.roles.RoleMap;
import org.peerloop.lti.services.NamesAndRoles;
import org.peerloop.lti.services.ServicePlatform;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.platform.Platform;
import org.peerloop.roster.RosterEntry;
import org.peerloop.roster.RosterSync;
import org.peerloop.roster.SyncStatus;
import org.peerloop.signin.SessionRevocations;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;

/**
 * The transactions of a roster synchronisation, each short: claiming the course's run, reconciling
 * one page, closing the run. The HTTP calls happen between them, never inside.
 */
@ApplicationScoped
public class RosterSteps {
  /** A run that has not finished after this long was on a node that stopped. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);

  @Inject EntityManager em;
  @Inject PersonRepository people;
  @Inject Cohorts cohorts;
  @Inject Clock clock;
  @Inject RevokedSessions revoked;

  /** What a claimed run needs: where to read and as whom. */
  record Claim(long courseId, long run, ServicePlatform platform, String url, boolean full) {}

  /**
   * Queues a run unless one is queued or running; returns whether the caller should start it.
   *
   * @param maxAge queue only if the last run is older than this; {@code null} for at once
   * @param full read the whole roster, not only the changes since the last run
   */
  @Transactional
  public boolean request(long courseId, Duration maxAge, boolean full) {
    Instant now = clock.instant();
    Course course = em.find(Course.class, courseId);
    if (course == null || course.membershipsUrl() == null) {
      return false;
    }
    RosterSync sync = em.find(RosterSync.class, courseId, LockModeType.PESSIMISTIC_WRITE);
    if (sync == null) {
      em.persist(new RosterSync(courseId, now));
      return true;
    }
    if (sync.isAbandoned(now, ABANDONED_AFTER)) {
      sync.fail("The node running this synchronisation stopped", now);
    }
    if (maxAge != null && !sync.isStale(now, maxAge)) {
      return false;
    }
    return sync.request(now, full);
  }

  @Transactional
  public boolean offersRoster(long courseId) {
    Course course = em.find(Course.class, courseId);
    return course != null && course.membershipsUrl() != null;
  }

  /** Takes a queued run of the course; empty when there is none or another node took it. */
  @Transactional
  public Optional<Claim> claim(long courseId) {
    RosterSync sync = em.find(RosterSync.class, courseId, LockModeType.PESSIMISTIC_WRITE);
    if (sync == null || sync.status() != SyncStatus.QUEUED) {
      return Optional.empty();
    }
    Course course = em.find(Course.class, courseId);
    Instant now = clock.instant();
    long run = sync.start(now);
    if (course.membershipsUrl() == null) {
      sync.fail("The LMS has not offered its Names and Roles service in this course", now);
      return Optional.empty();
    }
    Platform platform = course.platform();
    boolean full = sync.differencesUrl() == null;
    return Optional.of(
        new Claim(
            courseId,
            run,
            new ServicePlatform(platform.id(), platform.clientId(), platform.authTokenUrl()),
            full ? course.membershipsUrl() : sync.differencesUrl(),
            full));
  }

  /** What one page changed. */
  record PageOutcome(int added, int changed) {}

  /**
   * Records a page of the roster: people created or updated, their roster entries, their
   * memberships' status and role, and the run's progress, in one transaction (one commit a page).
   */
  @Transactional
  public void reconcile(Claim claim, List<NamesAndRoles.Member> members) {
    PageOutcome page = members.isEmpty() ? new PageOutcome(0, 0) : record(claim, members);
    em.find(RosterSync.class, claim.courseId())
        .progress(members.size(), page.added(), page.changed());
  }

  private PageOutcome record(Claim claim, List<NamesAndRoles.Member> members) {
    Instant now = clock.instant();
    Course course = em.find(Course.class, claim.courseId());
    Map<String, NamesAndRoles.Member> bySubject = new LinkedHashMap<>();
    members.forEach(m -> bySubject.put(m.userId(), m));
    Map<String, Profile> profiles = new LinkedHashMap<>();
    bySubject.forEach(
        (subject, m) ->
            profiles.put(
                subject,
                new Profile(
                    m.name(), m.givenName(), m.familyName(), m.email(), m.picture(), null)));
    Map<String, Person> persons = people.recordProfiles(course.platform(), profiles);

    Map<Long, RosterEntry> entries = new HashMap<>();
    em.createQuery(
            "select e from RosterEntry e where e.course = :course and e.person in :people",
            RosterEntry.class)
        .setParameter("course", course)
        .setParameter("people", List.copyOf(persons.values()))
        .getResultStream()
        .forEach(e -> entries.put(e.person().id(), e));

    int added = 0;
    int changed = 0;
    Map<Long, Boolean> facilitates = new HashMap<>();
    Map<Long, Boolean> active = new HashMap<>();
    for (Map.Entry<String, NamesAndRoles.Member> e : bySubject.entrySet()) {
      Person person = persons.get(e.getKey());
      Set<Role> roles = RoleMap.map(e.getValue().roles());
      String roleNames = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
      boolean isActive = e.getValue().isActive();
      RosterEntry entry = entries.get(person.id());
      if (entry == null) {
        em.persist(new RosterEntry(course, person, roleNames, claim.run(), now));
        added++;
      }
      boolean facilitator = roles.contains(Role.FACILITATOR) || roles.contains(Role.ADMIN);
      if (entry != null) {
        boolean wasFacilitator =
            entry.roles().contains(Role.FACILITATOR.name())
                || entry.roles().contains(Role.ADMIN.name());
        if (entry.seen(roleNames, isActive, claim.run(), now)) {
          changed++;
          if ((wasFacilitator && !facilitator) || !isActive) {
            // Demoted or gone: the rights their open session carries end with it.
            revoked.revoke(SessionRevocations.person(person.id()));
          }
        }
      }
      facilitates.put(person.id(), facilitator);
      active.put(person.id(), isActive);
    }
    for (CohortMember member : cohorts.membershipsInCourse(course.id(), facilitates.keySet())) {
      member.setActive(active.get(member.person().id()));
      member.followCourseRole(facilitates.get(member.person().id()));
    }
    em.flush();
    return new PageOutcome(added, changed);
  }

  /**
   * Ends a run: after a full roster, whoever it did not list has left the course; the roster's
   * learners are placed in the course's open pre-course spaces, all at once so a first roster forms
   * balanced cohorts.
   */
  @Transactional
  public void finish(Claim claim, String differencesUrl) {
    Instant now = clock.instant();
    Course course = em.find(Course.class, claim.courseId());
    int left = 0;
    if (claim.full()) {
      List<RosterEntry> gone =
          em.createQuery(
                  "select e from RosterEntry e where e.course = :course and e.active = true"
                      + " and e.seenRun < :run",
                  RosterEntry.class)
              .setParameter("course", course)
              .setParameter("run", claim.run())
              .getResultList();
      gone.forEach(e -> e.leave(now));
      left = gone.size();
      List<Long> ids = gone.stream().map(e -> e.person().id()).toList();
      cohorts.membershipsInCourse(course.id(), ids).forEach(m -> m.setActive(false));
    }
    List<Space> spaces = preCourseSpaces(course);
    if (!spaces.isEmpty()) {
      // Everyone on the roster, not only who this run saw: a space made since the last run has
      // none of them yet. People already placed are skipped.
      List<Person> learners =
          em.createQuery(
                  "select e from RosterEntry e join fetch e.person where e.course = :course"
                      + " and e.active = true order by e.id",
                  RosterEntry.class)
              .setParameter("course", course)
              .getResultStream()
              .filter(e -> !e.facilitates())
              .map(RosterEntry::person)
              .toList();
      for (Space space : spaces) {
        cohorts.placeAll(space, learners);
      }
    }
    em.find(RosterSync.class, claim.courseId()).finish(left, differencesUrl, now);
  }

  @Transactional
  public void fail(long courseId, String reason) {
    RosterSync sync = em.find(RosterSync.class, courseId);
    if (sync != null) {
      sync.fail(reason, clock.instant());
    }
  }

  @Transactional
  public Optional<RosterSync> status(long courseId) {
    return Optional.ofNullable(em.find(RosterSync.class, courseId));
  }

  private List<Space> preCourseSpaces(Course course) {
    Instant now = clock.instant();
    return em.createQuery(
            "select s from Space s where s.course = :course and s.phase = :phase", Space.class)
        .setParameter("course", course)
        .setParameter("phase", Phase.PRE_COURSE)
        .getResultStream()
        // A space of one cohort per LMS group is formed by the groups (the Moodle bridge), not by
        // the roster's order.
        .filter(s -> !s.isClosedAt(now) && s.grouping() != GroupingMode.LMS_GROUPS)
        .toList();
  }
}
