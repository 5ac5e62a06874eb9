package org.peerloop.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.Cohorts;
import org.peerloop.cohort.MemberRole;
import org.peerloop.completion.Completions;
import org.peerloop.course.ResourceLink;
import org.peerloop.errors.NotFoundException;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.space.Prompt;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceLink;
import org.peerloop.space.SpaceSettings;

/** Spaces and cohorts for the caller of a session. */
@ApplicationScoped
public class SpaceService {

  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject Cohorts cohorts;
  @Inject Clock clock;
  @Inject Notifications notifications;
  @Inject Completions completions;
  @Inject Event<SpaceConfigured> configured;

  /** The space attached to the module the caller launched from. */
  @Transactional
  public Views.SpaceView current(Caller caller) {
    return view(caller, attached(caller).orElseThrow(SpaceService::notConfigured));
  }

  /** A facilitator sets up (or changes) the space of the module they launched from. */
  @Transactional
  public Views.SpaceView configure(Caller caller, SpaceSettings settings) {
    scope.requireFacilitator(caller);
    Optional<Space> existing = attached(caller);
    if (existing.isPresent()) {
      Space space = existing.get();
      List<String> before = space.prompts().stream().map(Prompt::text).toList();
      space.apply(settings, clock.instant());
      notifications.newPrompts(
          space,
          settings.prompts().stream()
              .map(SpaceSettings.PromptText::text)
              .filter(text -> !before.contains(text))
              .toList());
      em.flush();
      configured.fire(new SpaceConfigured(space.id()));
      return Views.SpaceView.of(existing.get(), clock.instant());
    }
    if (caller.resourceLinkId() == null) {
      throw new NotFoundException("resource-link-missing", "Launch from a course module first");
    }
    ResourceLink link = em.find(ResourceLink.class, caller.resourceLinkId());
    Space space = new Space(link.course(), link, settings, clock.instant());
    em.persist(space);
    em.persist(new SpaceLink(link, space, clock.instant()));
    em.flush();
    configured.fire(new SpaceConfigured(space.id()));
    return Views.SpaceView.of(space, clock.instant());
  }

  @Transactional
  public Views.SpaceView space(Caller caller, long spaceId) {
    return view(caller, scope.space(caller, spaceId));
  }

  /**
   * First visit: the learner chooses topics and is placed in a cohort; later visits find it. A
   * space that opens on completion takes a learner only once they completed its module. Someone the
   * roster placed before they came chooses now, and moves to the cohort that matches their topics
   * best while theirs holds nothing of theirs yet.
   */
  @Transactional
  public Views.CohortView join(Caller caller, long spaceId, List<String> topics) {
    Space space = scope.space(caller, spaceId);
    Person person = scope.person(caller);
    Optional<CohortMember> placed = cohorts.membership(space, person);
    if (!caller.facilitator() && placed.isEmpty()) {
      completions.requireOpenFor(space, person);
    }
    CohortMember member =
        placed.isPresent() && placed.get().choosesTopics()
            ? cohorts.chooseTopics(placed.get(), topics, holdsNothingOf(placed.get()))
            : cohorts.join(space, person, topics);
    return Views.CohortView.of(member.cohort(), cohorts.membersOf(member.cohort()));
  }

  /** Whether the member's cohort has no post or rating of theirs. */
  private boolean holdsNothingOf(CohortMember member) {
    long posts =
        em.createQuery(
                "select count(p) from Post p where p.cohort = :cohort and p.author = :person",
                Long.class)
            .setParameter("cohort", member.cohort())
            .setParameter("person", member.person())
            .getSingleResult();
    long ratings =
        em.createQuery(
                "select count(r) from PostRating r, Post p where r.postId = p.id"
                    + " and p.cohort = :cohort and r.personId = :person",
                Long.class)
            .setParameter("cohort", member.cohort())
            .setParameter("person", member.person().id())
            .getSingleResult();
    return posts == 0 && ratings == 0;
  }

  @Transactional
  public Views.CohortView myCohort(Caller caller, long spaceId) {
    Space space = scope.space(caller, spaceId);
    CohortMember member =
        cohorts
            .membership(space, scope.person(caller))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "not-joined", "Choose your topics to join a cohort first"));
    return Views.CohortView.of(
        member.cohort(),
        cohorts.membersOf(member.cohort()),
        member.choosesTopics() && !member.space().topics().isEmpty());
  }

  /**
   * A page of a space's cohorts with their members, for its facilitators: a space of a hundred
   * thousand learners has thousands of cohorts, never read at once.
   */
  @Transactional
  public List<Views.CohortView> cohorts(Caller caller, long spaceId, int afterNumber, int limit) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    List<Cohort> page = cohorts.cohortsOf(space, afterNumber, limit);
    Map<Long, List<CohortMember>> members = cohorts.membersOf(page);
    return page.stream().map(c -> Views.CohortView.of(c, members.get(c.id()))).toList();
  }

  /** A facilitator moves a member to another cohort of the same space; the move is audited. */
  @Transactional
  public Views.CohortView move(Caller caller, long memberId, long targetCohortId, String reason) {
    scope.requireFacilitator(caller);
    CohortMember member = memberOfCourse(caller, memberId);
    Cohort target = scope.cohort(caller, targetCohortId);
    cohorts.move(member, target, scope.person(caller), reason);
    return Views.CohortView.of(target, cohorts.membersOf(target));
  }

  /** A facilitator names a member expert reviewer, or makes them a learner again; audited. */
  @Transactional
  public Views.CohortView assignRole(Caller caller, long memberId, MemberRole role) {
    scope.requireFacilitator(caller);
    CohortMember member = memberOfCourse(caller, memberId);
    cohorts.assignRole(member, role, scope.person(caller));
    return Views.CohortView.of(member.cohort(), cohorts.membersOf(member.cohort()));
  }

  /** The space as the caller sees it: a learner learns whether it waits for their completion. */
  private Views.SpaceView view(Caller caller, Space space) {
    boolean waiting = false;
    if (!caller.facilitator() && space.opensOnCompletion()) {
      Person person = scope.person(caller);
      waiting =
          cohorts.membership(space, person).isEmpty() && !completions.isOpenFor(space, person);
    }
    return Views.SpaceView.of(space, clock.instant(), waiting);
  }

  private CohortMember memberOfCourse(Caller caller, long memberId) {
    CohortMember member = em.find(CohortMember.class, memberId);
    if (member == null || member.space().course().id() != caller.courseId()) {
      throw new NotFoundException("member-not-found", "No such member in your course");
    }
    return member;
  }

  private Optional<Space> attached(Caller caller) {
    if (caller.resourceLinkId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(SpaceLink.class, caller.resourceLinkId()))
        .map(SpaceLink::space);
  }

  private static NotFoundException notConfigured() {
    return new NotFoundException(
        "space-not-configured", "No cohort space is set up for this module yet");
  }
}
