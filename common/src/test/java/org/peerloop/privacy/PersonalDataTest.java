package org.peerloop.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.activity.ActivityLog;
import org.peerloop.activity.ActivityType;
import org.peerloop.cohort.CohortMember;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.people.Profile;
import org.peerloop.platform.Platform;
import org.peerloop.post.CohortFixture;
import org.peerloop.post.NewPost;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

class PersonalDataTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito", "ada@example.edu");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor", "ben@example.edu");
  private final Post thread;
  private final Post reply;

  PersonalDataTest() {
    thread =
        fixture.posts(
            p ->
                p.create(
                    ada,
                    new NewPost(
                        PostKind.DISCUSSION,
                        "First try",
                        "<p>What I tried</p>",
                        null,
                        null,
                        null,
                        null,
                        "ada-thread-1")));
    fixture.posts(
        p ->
            p.edit(
                p.byClientKey(ada.person(), "ada-thread-1").orElseThrow(),
                ada.person(),
                new NewPost(
                    PostKind.DISCUSSION,
                    "First try",
                    "<p>What I tried, edited</p>",
                    null,
                    null,
                    null,
                    null,
                    "ada-thread-1")));
    reply =
        fixture.posts(
            p ->
                p.create(
                    ben,
                    new NewPost(
                        PostKind.DISCUSSION,
                        null,
                        "<p>Nice</p>",
                        null,
                        null,
                        thread.id(),
                        null,
                        "ben-reply-1")));
    fixture.ratings(r -> r.rate(fixture.reload(reply), ada, 5));
    fixture.db.inTransaction(
        em -> {
          ActivityLog log = new ActivityLog(em, clock);
          Post stored = em.find(Post.class, thread.id());
          log.record(
              stored.cohort(), em.find(Person.class, ada.person().id()), ActivityType.POST, stored);
          log.record(
              stored.cohort(),
              em.find(Person.class, ben.person().id()),
              ActivityType.REPLY,
              stored);
          new Notifications(em, clock).published(em.find(Post.class, reply.id()));
          // The space opening for Ada is e-mailed at once: an outbox row that refers to it.
          new Notifications(em, clock)
              .spaceOpened(
                  em.find(org.peerloop.space.Space.class, fixture.space.id()),
                  em.find(CohortMember.class, ada.id()));
          return null;
        });
  }

  @AfterEach
  void dropDatabase() {
    fixture.close();
  }

  private Map<String, Object> export(long personId) {
    return fixture.db.inTransaction(em -> new PersonalData(em, clock).export(personId));
  }

  private PersonalData.Erasure erase(long personId) {
    return fixture.db.inTransaction(em -> new PersonalData(em, clock).erase(personId));
  }

  private static List<?> section(Map<String, Object> export, String name) {
    return (List<?>) export.get(name);
  }

  @Test
  void theExportHoldsEverythingAboutThePersonAndNothingOfOthers() {
    Map<String, Object> export = export(ada.person().id());

    Map<?, ?> profile = (Map<?, ?>) export.get("profile");
    assertEquals("Ada Ito", profile.get("name"));
    assertEquals("ada@example.edu", profile.get("email"));
    assertEquals("ada", profile.get("subject"));
    assertEquals(1, section(export, "memberships").size());
    assertEquals(1, section(export, "posts").size(), "her thread, not Ben's reply");
    assertTrue(section(export, "posts").toString().contains("What I tried, edited"));
    assertTrue(section(export, "earlierVersions").toString().contains("What I tried</p>"));
    List<?> ratings = section(export, "ratings");
    assertEquals(1, ratings.size());
    Map<?, ?> rating = (Map<?, ?>) ratings.get(0);
    assertEquals(reply.id(), ((Number) rating.get("postId")).longValue());
    assertEquals(5, ((Number) rating.get("stars")).intValue());
    assertEquals(clock.instant().toString(), rating.get("ratedAt"));
    assertEquals(1, section(export, "activity").size());
    assertEquals(2, section(export, "notifications").size(), "Ben replied, her space opened");
    assertFalse(export.toString().contains("ben@example.edu"));
  }

  @Test
  void erasureRemovesThePersonButKeepsTheDiscussionWhole() {
    clock.advance(Duration.ofDays(30));
    PersonalData.Erasure erased = erase(ada.person().id());

    assertEquals(1, erased.postsKept());
    assertEquals(1, erased.deleted().get("activity"));
    assertEquals(2, erased.deleted().get("notifications"), "the reply and the space opening");
    assertEquals(1, erased.deleted().get("mail"), "the opening's e-mail, deleted before it");
    Person person = fixture.db.inTransaction(em -> em.find(Person.class, ada.person().id()));
    assertTrue(person.isErased());
    assertEquals(Person.DELETED_MEMBER, person.displayName());
    assertNull(person.email());
    assertNull(person.name());
    assertTrue(person.subject().startsWith("erased:"));

    Post kept = fixture.db.inTransaction(em -> em.find(Post.class, thread.id()));
    assertEquals(Person.DELETED_MEMBER, kept.author().displayName(), "her thread stays, anonymous");
    Post rated = fixture.db.inTransaction(em -> em.find(Post.class, reply.id()));
    assertEquals(1, rated.ratingCount(), "her rating stays in the aggregate");

    Map<String, Object> after = export(ada.person().id());
    assertNull(((Map<?, ?>) after.get("profile")).get("name"));
    assertNull(((Map<?, ?>) after.get("profile")).get("subject"));
    assertEquals(List.of(), section(after, "activity"));
    assertEquals(List.of(), section(after, "notifications"));
    assertFalse(after.toString().contains("ada@example.edu"));
    assertEquals(1, section(export(ben.person().id()), "activity").size(), "Ben's data is his");

    erase(ada.person().id());
    assertTrue(
        fixture.db.inTransaction(em -> em.find(Person.class, ada.person().id())).isErased(),
        "erasing twice is harmless");
  }

  @Test
  void anErasedPersonLaunchingAgainIsSomeoneNew() {
    erase(ada.person().id());

    Person again =
        fixture.db.inTransaction(
            em ->
                new PersonRepository(em, clock)
                    .recordProfile(
                        em.find(Platform.class, fixture.space.course().platform().id()),
                        "ada",
                        new Profile("Ada Ito", null, null, "ada@example.edu", null, null)));

    assertNotEquals(ada.person().id(), again.id());
    Person erased = fixture.db.inTransaction(em -> em.find(Person.class, ada.person().id()));
    assertNull(erased.email(), "nothing is learned about the erased person again");
  }
}
