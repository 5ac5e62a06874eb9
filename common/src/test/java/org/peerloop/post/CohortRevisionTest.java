package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.CohortRevision;
import org.peerloop.cohort.Cohorts;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.platform.Platform;
import org.peerloop.privacy.PersonalData;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/**
 * A cohort's revision rises at every change to what its thread pages show, and at no other: pages
 * kept by a node are served again exactly as long as the revision they were read at is current.
 */
class CohortRevisionTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.EXPERT_REVIEW, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor");
  private final Post thread = post(ada, null, "thread-0001");

  @AfterEach
  void close() {
    fixture.close();
  }

  private Post post(CohortMember author, Long replyTo, String key) {
    return fixture.posts(p -> p.create(author, request("<p>Tried it #retro</p>", replyTo, key)));
  }

  private static NewPost request(String body, Long replyTo, String key) {
    return new NewPost(PostKind.DISCUSSION, null, body, null, null, replyTo, null, key);
  }

  private long revision() {
    return fixture.db.inTransaction(
        em -> em.find(CohortRevision.class, ada.cohort().id()).revision());
  }

  /** How much the cohort's revision rose while the change ran. */
  private long rise(Runnable change) {
    long before = revision();
    change.run();
    return revision() - before;
  }

  /** A change in a transaction of its own. */
  private Runnable inTransaction(Consumer<EntityManager> change) {
    return () ->
        fixture.db.inTransaction(
            em -> {
              change.accept(em);
              return null;
            });
  }

  private Posts posts(EntityManager em) {
    return new Posts(em, clock, new Cohorts(em, clock));
  }

  private Post thread(EntityManager em) {
    return em.find(Post.class, thread.id());
  }

  private static Person person(EntityManager em, CohortMember member) {
    return em.find(Person.class, member.person().id());
  }

  private void profile(EntityManager em, String name, String email, String locale) {
    new PersonRepository(em, clock)
        .recordProfile(
            em.find(Platform.class, fixture.platform.id()),
            "ada",
            new Profile(name, null, null, email, null, locale));
  }

  @Test
  void everyChangeToAPostRaisesIt() {
    assertTrue(rise(() -> post(ben, null, "thread-0002")) > 0, "a new thread");
    assertTrue(
        rise(inTransaction(em -> new Reviews(em, clock).approve(thread(em), person(em, ben)))) > 0,
        "a review decision");
    assertTrue(rise(() -> post(ben, thread.id(), "reply-00001")) > 0, "a reply");
    assertTrue(
        rise(inTransaction(em -> new Ratings(em, clock).rate(thread(em), ben, 4))) > 0, "a rating");
    assertTrue(
        rise(
                inTransaction(
                    em ->
                        posts(em)
                            .edit(
                                thread(em),
                                person(em, ada),
                                request("<p>Edited #team</p>", null, "thread-0001"))))
            > 0,
        "an edit");
    assertTrue(
        rise(inTransaction(em -> new Curation(em, clock).pin(thread(em), person(em, ben), true)))
            > 0,
        "curation");
    assertTrue(
        rise(inTransaction(em -> posts(em).delete(thread(em), person(em, ada), false, null))) > 0,
        "a deletion");
  }

  @Test
  void authorsShownNameAndErasureRaiseItButNotTheirOtherDetails() {
    assertEquals(
        0,
        rise(inTransaction(em -> profile(em, "Ada Ito", "ada@example.edu", "es"))),
        "an e-mail address and a locale are not on the page");
    assertTrue(
        rise(inTransaction(em -> profile(em, "Ada Ito-Lund", null, null))) > 0,
        "a new name from the LMS");
    assertTrue(
        rise(inTransaction(em -> new PersonalData(em, clock).erase(ada.person().id()))) > 0,
        "erasure");
  }

  @Test
  void aNewMemberWithoutPostsLeavesItAlone() {
    assertEquals(0, rise(() -> fixture.member("carmen", "Carmen Ruiz")));
  }

  @Test
  void everyCohortHasOneFromItsStart() {
    long cohorts =
        fixture.db.inTransaction(
            em -> em.createQuery("select count(c) from Cohort c", Long.class).getSingleResult());
    long revisions =
        fixture.db.inTransaction(
            em ->
                em.createQuery("select count(r) from CohortRevision r", Long.class)
                    .getSingleResult());
    assertTrue(cohorts > 0);
    assertEquals(cohorts, revisions);
  }
}
