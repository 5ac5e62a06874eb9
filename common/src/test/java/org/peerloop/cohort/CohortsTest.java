package org.peerloop.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.persistence.TestDatabase;
import org.peerloop.platform.Platform;
import org.peerloop.roster.LmsGroupMembership;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;
import org.peerloop.space.SpaceSettings;
import org.peerloop.testing.MutableClock;

/** Cohort placement on a real (in-memory Derby) database. */
class CohortsTest {
  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final Platform platform = db.addPlatform("https://moodle.example.edu");
  private final Space space = newSpace(10, null);

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private Space newSpace(int target, Instant closesAt) {
    return newSpace(target, closesAt, null);
  }

  private Space newSpace(int target, Instant closesAt, GroupingMode grouping) {
    return db.inTransaction(
        em -> {
          Course course =
              new CourseRepository(em, clock)
                  .recordContext(
                      em.find(Platform.class, platform.id()), "c-" + target, "Lead", null);
          Space created =
              new Space(
                  course,
                  null,
                  new SpaceSettings(
                      "Post-course cohorts",
                      Phase.POST_COURSE,
                      null,
                      closesAt,
                      false,
                      target,
                      grouping,
                      null,
                      true,
                      List.of("coaching", "data", "ethics"),
                      List.of(),
                      null),
                  clock.instant());
          em.persist(created);
          return created;
        });
  }

  private Person person(String subject) {
    return db.inTransaction(
        em ->
            new PersonRepository(em, clock)
                .recordProfile(em.find(Platform.class, platform.id()), subject, Profile.empty()));
  }

  private CohortMember join(Space into, Person who, List<String> topics) {
    return db.inTransaction(
        em ->
            new Cohorts(em, clock)
                .join(em.find(Space.class, into.id()), em.find(Person.class, who.id()), topics));
  }

  @Test
  void placesLearnersAndOpensCohortsAsTheSpaceFills() {
    for (int i = 0; i < 40; i++) {
      join(space, person("p" + i), List.of(i % 2 == 0 ? "coaching" : "data"));
    }

    Cohorts cohorts = new Cohorts(db.em(), clock);
    List<Cohort> formed = cohorts.cohortsOf(db.em().find(Space.class, space.id()));
    // Target 10: a cohort grows to 15 before the next opens; the new one fills first.
    assertEquals(List.of(1, 2, 3), formed.stream().map(Cohort::number).toList());
    assertEquals(
        List.of(15, 15, 10), formed.stream().map(c -> cohorts.membersOf(c).size()).toList());
  }

  /** What a launch's {@code moodle_group_ids} recorded for the person in the space's course. */
  private void inGroups(Space of, Person who, List<String> groups) {
    db.inTransaction(
        em -> {
          em.persist(
              new LmsGroupMembership(
                  em.find(Space.class, of.id()).course(),
                  em.find(Person.class, who.id()),
                  groups,
                  clock.instant()));
          return null;
        });
  }

  /**
   * A space of one cohort per LMS group places each learner by the groups their launch named,
   * however the space was made: a learner of no group never lands in a group's cohort, the second
   * of a group finds the first, and the bridge's later placement finds the same cohort.
   */
  @Test
  void aGroupSpacePlacesEachLearnerByTheirLmsGroup() {
    Space groups = newSpace(10, null, GroupingMode.LMS_GROUPS);
    Person ada = person("g-ada");
    Person ben = person("g-ben");
    Person cy = person("g-cy");
    Person dee = person("g-dee");
    inGroups(groups, ada, List.of("41"));
    inGroups(groups, ben, List.of());
    inGroups(groups, cy, List.of("41", "42"));

    Cohort groupA = join(groups, ada, List.of()).cohort();
    assertEquals("41", groupA.lmsGroupId());
    Cohort none = join(groups, ben, List.of()).cohort();
    assertNotEquals(groupA.id(), none.id(), "no group is not group 41");
    assertEquals(null, none.lmsGroupId());
    assertEquals(groupA.id(), join(groups, cy, List.of()).cohort().id(), "the first group named");
    // Groups unknown (no launch named them yet): by topics, among the cohorts of no group.
    assertEquals(none.id(), join(groups, dee, List.of()).cohort().id());

    Person eve = person("g-eve");
    List<CohortMember> placed =
        db.inTransaction(
            em ->
                new Cohorts(em, clock)
                    .placeInGroups(
                        em.find(Space.class, groups.id()),
                        Map.of("41", List.of(em.find(Person.class, eve.id())))));
    assertEquals(groupA.id(), placed.get(0).cohort().id());
  }

  /**
   * The roster places people before they come, without topics; each then chooses on the first visit
   * and, while their cohort holds nothing of theirs, moves to the cohort of their topics.
   */
  @Test
  void someoneTheRosterPlacedChoosesTopicsAndMovesToTheirMatch() {
    Space small = newSpace(4, null);
    for (int i = 0; i < 4; i++) {
      join(small, person("c" + i), List.of("coaching"));
    }
    Person pat = person("pat");
    Person quin = person("quin");
    List<CohortMember> placed =
        db.inTransaction(
            em ->
                new Cohorts(em, clock)
                    .placeAll(
                        em.find(Space.class, small.id()),
                        List.of(
                            em.find(Person.class, pat.id()), em.find(Person.class, quin.id()))));
    assertTrue(placed.stream().allMatch(CohortMember::choosesTopics));
    for (int i = 0; i < 4; i++) {
      join(small, person("d" + i), List.of("data"));
    }
    Cohorts read = new Cohorts(db.em(), clock);
    Long placedIn = placed.get(0).cohort().id();
    assertTrue(
        read.membersOf(db.em().find(Cohort.class, placedIn)).stream()
            .anyMatch(m -> m.topics().equals(List.of("coaching"))),
        "the roster put Pat among the coaching people");

    CohortMember patChose = choose(small, pat, List.of("data"), true);
    assertNotEquals(placedIn, patChose.cohort().id(), "moved to the cohort of their topic");
    assertTrue(
        read.membersOf(db.em().find(Cohort.class, patChose.cohort().id())).stream()
            .filter(m -> !m.person().id().equals(pat.id()))
            .allMatch(m -> m.topics().equals(List.of("data"))),
        "among the data people");
    assertFalse(patChose.choosesTopics());
    assertEquals(List.of("data"), patChose.topics());
    assertEquals(1, read.movesOf(patChose).size(), "the move is on record");

    CohortMember quinStays = choose(small, quin, List.of("data"), false);
    assertEquals(placedIn, quinStays.cohort().id(), "something of theirs is there: they stay");
    assertFalse(quinStays.choosesTopics());
  }

  private CohortMember choose(Space in, Person who, List<String> topics, boolean moveable) {
    return db.inTransaction(
        em -> {
          Cohorts cohorts = new Cohorts(em, clock);
          CohortMember member =
              cohorts
                  .membership(em.find(Space.class, in.id()), em.find(Person.class, who.id()))
                  .orElseThrow();
          return cohorts.chooseTopics(member, topics, moveable);
        });
  }

  @Test
  void aSecondVisitFindsTheSameCohort() {
    Person ada = person("ada");

    CohortMember first = join(space, ada, List.of("ethics"));
    CohortMember again = join(space, ada, List.of());

    assertEquals(first.id(), again.id());
    assertEquals(List.of("ethics"), again.topics());
  }

  @Test
  void refusesTopicsTheSpaceDoesNotOfferOrTooMany() {
    Person ben = person("ben");

    assertThrows(InvalidValueException.class, () -> join(space, ben, List.of("astrology")));
    assertThrows(
        InvalidValueException.class, () -> join(space, ben, List.of("coaching", "coaching")));
    assertThrows(
        InvalidValueException.class,
        () -> join(space, ben, List.of("coaching", "data", "ethics", "coaching")));
  }

  @Test
  void aClosedSpaceTakesNoNewMembers() {
    Space closing = newSpace(5, clock.instant().plus(Duration.ofDays(1)));
    clock.advance(Duration.ofDays(2));

    assertThrows(ConflictException.class, () -> join(closing, person("late"), List.of()));
  }

  @Test
  void aFacilitatorMoveIsAuditedAndKeepsEveryoneElseInPlace() {
    for (int i = 0; i < CohortPlanner.growthLimit(10) + 1; i++) {
      join(space, person("m" + i), List.of("data"));
    }
    Person facilitator = person("facilitator");
    CohortMember moved = join(space, person("mover"), List.of("data"));

    CohortMove move =
        db.inTransaction(
            em -> {
              Cohorts cohorts = new Cohorts(em, clock);
              CohortMember member = em.find(CohortMember.class, moved.id());
              Cohort target =
                  cohorts.cohortsOf(member.space()).stream()
                      .filter(c -> !c.id().equals(member.cohort().id()))
                      .findFirst()
                      .orElseThrow();
              return cohorts.move(
                  member,
                  target,
                  em.find(Person.class, facilitator.id()),
                  "  asked to join a colleague ");
            });

    CohortMember after = db.em().find(CohortMember.class, moved.id());
    assertEquals(move.to().id(), after.cohort().id());
    List<CohortMove> audit = new Cohorts(db.em(), clock).movesOf(after);
    assertEquals(1, audit.size());
    assertEquals("asked to join a colleague", audit.get(0).reason());
    assertEquals(facilitator.id(), audit.get(0).movedBy().id());
  }

  @Test
  void namingAnExpertReviewerIsAuditedAndFacilitatorsAreNotAssigned() {
    CohortMember member = join(space, person("expert"), List.of("ethics"));
    Person facilitator = person("facilitator");

    db.inTransaction(
        em ->
            new Cohorts(em, clock)
                .assignRole(
                    em.find(CohortMember.class, member.id()),
                    MemberRole.EXPERT_REVIEWER,
                    em.find(Person.class, facilitator.id())));
    // The same role again changes nothing and writes no audit entry.
    db.inTransaction(
        em ->
            new Cohorts(em, clock)
                .assignRole(
                    em.find(CohortMember.class, member.id()),
                    MemberRole.EXPERT_REVIEWER,
                    em.find(Person.class, facilitator.id())));

    CohortMember after = db.em().find(CohortMember.class, member.id());
    assertEquals(MemberRole.EXPERT_REVIEWER, after.role());
    List<MemberRoleChange> audit = new Cohorts(db.em(), clock).roleChangesOf(after);
    assertEquals(1, audit.size());
    assertEquals(MemberRole.LEARNER, audit.get(0).from());
    assertEquals(MemberRole.EXPERT_REVIEWER, audit.get(0).to());
    assertEquals(facilitator.id(), audit.get(0).changedBy().id());

    assertThrows(
        InvalidValueException.class,
        () ->
            db.inTransaction(
                em ->
                    new Cohorts(em, clock)
                        .assignRole(
                            em.find(CohortMember.class, member.id()),
                            MemberRole.FACILITATOR,
                            em.find(Person.class, facilitator.id()))));
  }

  @Test
  void aMoveToTheSameCohortOrAnotherSpaceIsRefused() {
    CohortMember member = join(space, person("x"), List.of());
    Space other = newSpace(4, null);
    CohortMember elsewhere = join(other, person("y"), List.of());

    assertThrows(
        InvalidValueException.class,
        () ->
            db.inTransaction(
                em ->
                    new Cohorts(em, clock)
                        .move(
                            em.find(CohortMember.class, member.id()),
                            em.find(Cohort.class, elsewhere.cohort().id()),
                            em.find(Person.class, member.person().id()),
                            null)));
    assertThrows(
        InvalidValueException.class,
        () ->
            db.inTransaction(
                em ->
                    new Cohorts(em, clock)
                        .move(
                            em.find(CohortMember.class, member.id()),
                            em.find(Cohort.class, member.cohort().id()),
                            em.find(Person.class, member.person().id()),
                            null)));
  }
}
