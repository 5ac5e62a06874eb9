package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.CohortRevision;
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
    return fixture.posts(
        p ->
            p.create(
                author,
                new NewPost(
                    PostKind.DISCUSSION,
                    null,
                    "<p>Tried it #retro</p>",
                    null,
                    null,
                    replyTo,
                    null,
                    key)));
  }

  private long revision() {
    return fixture.db.inTransaction(
        em -> em.find(CohortRevision.class, ada.cohort().id()).revision());
  }

  /** Runs the change and returns by how much the cohort's revision rose. */
  private long rise(Runnable change) {
    long before = revision();
    change.run();
    return revision() - before;
  }

  private void onThread(Consumer<Post> change) {
    fixture.db.inTransaction(
        em -> {
          change.accept(em.find(Post.class, thread.id()));
          return null;
        });
  }

  private Person person(CohortMember member) {
    return fixture.db.em().find(Person.class, member.person().id());
  }

  @Test
  void everyChangeToAPostRaisesIt() {
    assertTrue(rise(() -> post(ben, null, "thread-0002")) > 0, "a new thread");
    assertTrue(
        rise(
                () ->
                    fixture.db.inTransaction(
                        em -> {
                          new Reviews(em, clock)
                              .approve(em.find(Post.class, thread.id()), person(ben));
                          return null;
                        }))
            > 0,
        "a review decision");
    assertTrue(rise(() -> post(ben, thread.id(), "reply-00001")) > 0, "a reply");
    assertTrue(
        rise(
                () ->
                    fixture.ratings(
                        r -> r.rate(fixture.db.em().find(Post.class, thread.id()), ben, 4)))
            > 0,
        "a rating");
    assertTrue(
        rise(
                () ->
                    fixture.posts(
                        p ->
                            p.edit(
                                fixture.db.em().find(Post.class, thread.id()),
                                person(ada),
                                new NewPost(
                                    PostKind.DISCUSSION,
                                    null,
                                    "<p>Edited #team</p>",
                                    null,
                                    null,
                                    null,
                                    null,
                                    "thread-0001"))))
            > 0,
        "an edit");
    assertTrue(
        rise(
                () ->
                    fixture.db.inTransaction(
                        em -> {
                          new Curation(em, clock)
                              .pin(em.find(Post.class, thread.id()), person(ben), true);
                          return null;
                        }))
            > 0,
        "curation");
    assertTrue(
        rise(
                () ->
                    fixture.posts(
                        p -> {
                          p.delete(
                              fixture.db.em().find(Post.class, thread.id()),
                              person(ada),
                              false,
                              null);
                          return null;
                        }))
            > 0,
        "a deletion");
  }

  @Test
  void authorsShownNameAndErasureRaiseItButNotTheirOtherDetails() {
    Platform platform = fixture.platform;
    assertEquals(
        0,
        rise(
            () ->
                fixture.db.inTransaction(
                    em ->
                        new PersonRepository(em, clock)
                            .recordProfile(
                                em.find(Platform.class, platform.id()),
                                "ada",
                                new Profile(
                                    "Ada Ito", null, null, "ada@example.edu", null, "es")))),
        "an e-mail address and a locale are not on the page");
    assertTrue(
        rise(
                () ->
                    fixture.db.inTransaction(
                        em ->
                            new PersonRepository(em, clock)
                                .recordProfile(
                                    em.find(Platform.class, platform.id()),
                                    "ada",
                                    new Profile("Ada Ito-Lund", null, null, null, null, null))))
            > 0,
        "a new name from the LMS");
    assertTrue(
        rise(
                () ->
                    fixture.db.inTransaction(
                        em -> new PersonalData(em, clock).erase(ada.person().id())))
            > 0,
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
