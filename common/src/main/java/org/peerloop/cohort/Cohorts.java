package org.peerloop.cohort;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;
import org.peerloop.people.Person;
import org.peerloop.roster.LmsGroupMembership;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Space;

/**
 * Places learners in the cohorts of a space and keeps the memberships. Joins to one space are
 * serialized by a lock on the space's row, so two first visits at once on two nodes cannot both
 * open "cohort 2". Callers own the transaction.
 */
@Dependent
public class Cohorts {
  /** Stands for the joiner being placed; stored members use their own (positive) ids. */
  private static final long NEWCOMER = -1;

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public Cohorts(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public Optional<CohortMember> membership(Space space, Person person) {
    return em.createQuery(
            "select m from CohortMember m where m.space = :space and m.person = :person",
            CohortMember.class)
        .setParameter("space", space)
        .setParameter("person", person)
        .getResultStream()
        .findFirst();
  }

  /**
   * Places a learner on their first visit, with the topics they chose (up to {@link
   * CohortPlanner#MAX_TOPICS}, from the space's list). A second call returns the same membership.
   * In a space of one cohort per LMS group, someone the LMS names in a group joins that group's
   * cohort (made on first need, as {@link #placeInGroups} makes it); someone in no group, or whose
   * groups are not known, joins by topics among the cohorts that stand for no group, never one of a
   * group's.
   */
  public CohortMember join(Space space, Person person, List<String> chosenTopics) {
    List<String> topics = checkedTopics(space, chosenTopics);
    Optional<CohortMember> existing = membership(space, person);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (space.isClosedAt(clock.instant())) {
      throw new ConflictException("space-closed", "This space has closed; it is read-only now");
    }
    Space locked = em.find(Space.class, space.id(), LockModeType.PESSIMISTIC_WRITE);
    Optional<CohortMember> raced = membership(locked, person);
    if (raced.isPresent()) {
      return raced.get();
    }

    Instant now = clock.instant();
    boolean byGroups = locked.grouping() == GroupingMode.LMS_GROUPS;
    if (byGroups) {
      Optional<String> group = lmsGroups(locked, person).stream().findFirst();
      if (group.isPresent()) {
        return join(groupCohort(locked, group.get(), now), person, topics, now);
      }
    }
    Map<Long, Cohort> cohorts = new LinkedHashMap<>();
    List<Cohort> all = cohortsOf(locked);
    all.stream()
        .filter(c -> !byGroups || c.lmsGroupId() == null)
        .forEach(c -> cohorts.put(c.id(), c));
    List<PlannedCohort> planned = plannedCohorts(locked, cohorts.keySet());
    List<PlannedCohort> placed =
        new CohortPlanner(locked.targetSize())
            .place(planned, List.of(new Joiner(NEWCOMER, topics)));
    PlannedCohort home =
        placed.stream()
            .filter(c -> c.members().stream().anyMatch(j -> j.id() == NEWCOMER))
            .findFirst()
            .orElseThrow();
    Cohort cohort =
        home.existing() ? cohorts.get(home.key()) : newCohort(locked, all.size() + 1, now);
    return join(cohort, person, topics, now);
  }

  private CohortMember join(Cohort cohort, Person person, List<String> topics, Instant now) {
    CohortMember member = new CohortMember(cohort, person, MemberRole.LEARNER, topics, now);
    em.persist(member);
    em.flush();
    return member;
  }

  /** The cohort of an LMS group in the space, made if the group has none yet. */
  private Cohort groupCohort(Space space, String groupId, Instant now) {
    List<Cohort> all = cohortsOf(space);
    return all.stream()
        .filter(c -> groupId.equals(c.lmsGroupId()))
        .findFirst()
        .orElseGet(() -> newCohort(space, all.size() + 1, groupId, now));
  }

  /** The person's LMS groups in the space's course, as their last launch named them. */
  private List<String> lmsGroups(Space space, Person person) {
    return em.createQuery(
            "select g from LmsGroupMembership g where g.course = :course and g.person = :person",
            LmsGroupMembership.class)
        .setParameter("course", space.course())
        .setParameter("person", person)
        .getResultStream()
        .findFirst()
        .map(LmsGroupMembership::groups)
        .orElse(List.of());
  }

  /**
   * A member the roster placed chooses their topics on their first visit. While their cohort holds
   * nothing of theirs ({@code moveable}), they move to the cohort the planner would have chosen for
   * them with those topics, as if they had joined now; otherwise they keep their cohort and their
   * topics are noted. Either way they are not asked again.
   *
   * @return the membership, in its cohort now
   */
  public CohortMember chooseTopics(
      CohortMember member, List<String> chosenTopics, boolean moveable) {
    List<String> topics = checkedTopics(member.space(), chosenTopics);
    Space locked = em.find(Space.class, member.space().id(), LockModeType.PESSIMISTIC_WRITE);
    member.chose(topics);
    if (moveable && !topics.isEmpty() && locked.grouping() != GroupingMode.LMS_GROUPS) {
      Map<Long, Cohort> cohorts = new LinkedHashMap<>();
      cohortsOf(locked).forEach(c -> cohorts.put(c.id(), c));
      List<PlannedCohort> planned =
          plannedCohorts(locked, cohorts.keySet()).stream()
              .map(c -> c.without(member.id()))
              .toList();
      PlannedCohort home =
          new CohortPlanner(locked.targetSize())
              .place(planned, List.of(new Joiner(NEWCOMER, topics))).stream()
                  .filter(c -> c.members().stream().anyMatch(j -> j.id() == NEWCOMER))
                  .findFirst()
                  .orElseThrow();
      if (home.existing() && home.key() != member.cohort().id()) {
        move(member, cohorts.get(home.key()), member.person(), "chose topics on the first visit");
      }
    }
    em.flush();
    return member;
  }

  /**
   * Places people the course roster names, before they visit: a pre-course space forms its cohorts
   * from the LMS roster, so learners meet their cohort on their first click. They join without
   * topics; people already in the space stay where they are. Placed all at once, a space's first
   * roster forms balanced cohorts close to the target (see {@link CohortPlanner}).
   *
   * @return the new memberships
   */
  public List<CohortMember> placeAll(Space space, Collection<Person> people) {
    if (people.isEmpty() || space.isClosedAt(clock.instant())) {
      return List.of();
    }
    Space locked = em.find(Space.class, space.id(), LockModeType.PESSIMISTIC_WRITE);
    Set<Long> placed = placedPeople(locked);
    // Newcomers are keyed by their negated person id: stored members use positive member ids.
    Map<Long, Person> newcomers = new LinkedHashMap<>();
    people.stream().filter(p -> !placed.contains(p.id())).forEach(p -> newcomers.put(-p.id(), p));
    if (newcomers.isEmpty()) {
      return List.of();
    }
    Map<Long, Cohort> cohorts = new LinkedHashMap<>();
    cohortsOf(locked).forEach(c -> cohorts.put(c.id(), c));
    List<PlannedCohort> plan =
        new CohortPlanner(locked.targetSize())
            .place(
                plannedCohorts(locked, cohorts.keySet()),
                newcomers.keySet().stream().map(key -> new Joiner(key, List.of())).toList());
    Instant now = clock.instant();
    int number = cohorts.size();
    List<CohortMember> created = new ArrayList<>();
    for (PlannedCohort planned : plan) {
      Cohort cohort = planned.existing() ? cohorts.get(planned.key()) : null;
      for (Joiner joiner : planned.members()) {
        Person person = newcomers.get(joiner.id());
        if (person == null) {
          continue;
        }
        if (cohort == null) {
          cohort = newCohort(locked, ++number, now);
        }
        CohortMember member = CohortMember.placedByRoster(cohort, person, now);
        em.persist(member);
        created.add(member);
      }
    }
    em.flush();
    return created;
  }

  /**
   * Places people by their LMS groups, for a space that forms one cohort per group: each group's
   * cohort is made on first need and found by the group's id afterwards; someone in several groups
   * goes to the first that names them; people already in the space stay where they are.
   *
   * @param groups people by LMS group id, in the LMS's order
   * @return the new memberships
   */
  public List<CohortMember> placeInGroups(Space space, Map<String, List<Person>> groups) {
    if (groups.isEmpty() || space.isClosedAt(clock.instant())) {
      return List.of();
    }
    Space locked = em.find(Space.class, space.id(), LockModeType.PESSIMISTIC_WRITE);
    Set<Long> placed = placedPeople(locked);
    List<Cohort> existing = cohortsOf(locked);
    Map<String, Cohort> byGroup = new HashMap<>();
    existing.stream()
        .filter(c -> c.lmsGroupId() != null)
        .forEach(c -> byGroup.put(c.lmsGroupId(), c));
    int number = existing.size();
    Instant now = clock.instant();
    List<CohortMember> created = new ArrayList<>();
    for (Map.Entry<String, List<Person>> group : groups.entrySet()) {
      for (Person person : group.getValue()) {
        if (!placed.add(person.id())) {
          continue;
        }
        Cohort cohort = byGroup.get(group.getKey());
        if (cohort == null) {
          cohort = newCohort(locked, ++number, group.getKey(), now);
          byGroup.put(group.getKey(), cohort);
        }
        CohortMember member = new CohortMember(cohort, person, MemberRole.LEARNER, List.of(), now);
        em.persist(member);
        created.add(member);
      }
    }
    em.flush();
    return created;
  }

  /** The memberships of these people in the spaces of a course, for roster changes. */
  public List<CohortMember> membershipsInCourse(long courseId, Collection<Long> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select m from CohortMember m where m.space.course.id = :course"
                + " and m.person.id in :people",
            CohortMember.class)
        .setParameter("course", courseId)
        .setParameter("people", List.copyOf(personIds))
        .getResultList();
  }

  /**
   * The space's cohorts with their members' topics, read in one query (not one per member), in
   * cohort order and joining order.
   */
  private List<PlannedCohort> plannedCohorts(Space space, Set<Long> cohortIds) {
    Map<Long, Map<Long, List<String>>> topicsByCohort = new LinkedHashMap<>();
    cohortIds.forEach(id -> topicsByCohort.put(id, new LinkedHashMap<>()));
    List<Object[]> rows =
        em.createQuery(
                "select m.cohort.id, m.id, t from CohortMember m left join m.topics t"
                    + " where m.space = :space order by m.joinedAt, m.id",
                Object[].class)
            .setParameter("space", space)
            .getResultList();
    for (Object[] row : rows) {
      Map<Long, List<String>> members = topicsByCohort.get((Long) row[0]);
      if (members == null) {
        // A cohort the placement leaves out (a group's, for someone of no group).
        continue;
      }
      List<String> topics = members.computeIfAbsent((Long) row[1], id -> new ArrayList<>());
      if (row[2] != null) {
        topics.add((String) row[2]);
      }
    }
    List<PlannedCohort> planned = new ArrayList<>();
    topicsByCohort.forEach(
        (cohortId, members) ->
            planned.add(
                new PlannedCohort(
                    cohortId,
                    true,
                    members.entrySet().stream()
                        .map(e -> new Joiner(e.getKey(), e.getValue()))
                        .toList())));
    return planned;
  }

  /** Moves a member to another cohort of the same space, with an audit entry. */
  public CohortMove move(CohortMember member, Cohort target, Person movedBy, String reason) {
    if (!target.space().id().equals(member.space().id())) {
      throw new InvalidValueException("cohortId", "the target cohort is in another space");
    }
    Cohort from = member.cohort();
    if (from.id().equals(target.id())) {
      throw new InvalidValueException("cohortId", "the member is already in that cohort");
    }
    String why = Require.optionalText("reason", reason, 500);
    member.moveTo(target);
    CohortMove move = new CohortMove(member, from, target, movedBy, why, clock.instant());
    em.persist(move);
    em.flush();
    return move;
  }

  /**
   * Gives a learner the expert-reviewer role of a regulated space, or takes it back; audited.
   * Facilitators hold their role from the LMS, so it is not changed here.
   */
  public CohortMember assignRole(CohortMember member, MemberRole role, Person changedBy) {
    if (role == MemberRole.FACILITATOR || member.role() == MemberRole.FACILITATOR) {
      throw new InvalidValueException(
          "role",
          "only learners and expert reviewers can be assigned; facilitators come from the LMS");
    }
    if (member.role() != role) {
      MemberRole from = member.role();
      member.changeRole(role);
      em.persist(new MemberRoleChange(member, from, role, changedBy, clock.instant()));
      em.flush();
    }
    return member;
  }

  public List<MemberRoleChange> roleChangesOf(CohortMember member) {
    return em.createQuery(
            "select c from MemberRoleChange c where c.member = :member order by c.changedAt, c.id",
            MemberRoleChange.class)
        .setParameter("member", member)
        .getResultList();
  }

  public List<Cohort> cohortsOf(Space space) {
    return em.createQuery(
            "select c from Cohort c where c.space = :space order by c.number", Cohort.class)
        .setParameter("space", space)
        .getResultList();
  }

  /** A page of a space's cohorts by number: those numbered after {@code afterNumber}. */
  public List<Cohort> cohortsOf(Space space, int afterNumber, int limit) {
    return em.createQuery(
            "select c from Cohort c where c.space = :space and c.number > :after"
                + " order by c.number",
            Cohort.class)
        .setParameter("space", space)
        .setParameter("after", afterNumber)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The members of several cohorts, in one query, grouped by cohort in join order. */
  public Map<Long, List<CohortMember>> membersOf(List<Cohort> page) {
    Map<Long, List<CohortMember>> byCohort = new LinkedHashMap<>();
    page.forEach(c -> byCohort.put(c.id(), new ArrayList<>()));
    if (page.isEmpty()) {
      return byCohort;
    }
    em.createQuery(
            "select m from CohortMember m where m.cohort in :cohorts order by m.joinedAt, m.id",
            CohortMember.class)
        .setParameter("cohorts", page)
        .setHint("eclipselink.batch.type", "IN")
        .setHint("eclipselink.batch", "m.person")
        .getResultList()
        .forEach(m -> byCohort.get(m.cohort().id()).add(m));
    return byCohort;
  }

  /** The names members of a cohort are shown by, by person id, in join order. */
  public Map<Long, String> memberNames(Cohort cohort) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(
                "select p.id, p.name, p.givenName, p.familyName, p.erasedAt"
                    + " from CohortMember m join m.person p where m.cohort = :cohort"
                    + " order by m.joinedAt, m.id",
                Object[].class)
            .setParameter("cohort", cohort)
            .getResultList()) {
      long id = (Long) row[0];
      names.put(
          id,
          Person.displayName(
              id, (String) row[1], (String) row[2], (String) row[3], row[4] != null));
    }
    return names;
  }

  public List<CohortMember> membersOf(Cohort cohort) {
    return em.createQuery(
            "select m from CohortMember m where m.cohort = :cohort order by m.joinedAt, m.id",
            CohortMember.class)
        .setParameter("cohort", cohort)
        .getResultList();
  }

  public List<CohortMove> movesOf(CohortMember member) {
    return em.createQuery(
            "select m from CohortMove m where m.member = :member order by m.movedAt",
            CohortMove.class)
        .setParameter("member", member)
        .getResultList();
  }

  /** The people already in a space, by person id. */
  private Set<Long> placedPeople(Space space) {
    return new HashSet<>(
        em.createQuery("select m.person.id from CohortMember m where m.space = :space", Long.class)
            .setParameter("space", space)
            .getResultList());
  }

  private Cohort newCohort(Space space, int number, Instant now) {
    return newCohort(space, number, null, now);
  }

  private Cohort newCohort(Space space, int number, String lmsGroupId, Instant now) {
    Cohort cohort = new Cohort(space, number, lmsGroupId, now);
    em.persist(cohort);
    new CohortRevisions(em).start(cohort);
    return cohort;
  }

  private static List<String> checkedTopics(Space space, List<String> chosen) {
    List<String> topics = chosen == null ? List.of() : chosen;
    if (topics.size() > CohortPlanner.MAX_TOPICS) {
      throw new InvalidValueException(
          "topics", "choose at most " + CohortPlanner.MAX_TOPICS + " topics");
    }
    Set<String> seen = new HashSet<>();
    for (String topic : topics) {
      if (!space.topics().contains(topic)) {
        throw new InvalidValueException("topics", "'" + topic + "' is not a topic of this space");
      }
      if (!seen.add(topic)) {
        throw new InvalidValueException("topics", "'" + topic + "' is chosen twice");
      }
    }
    return List.copyOf(topics);
  }
}
