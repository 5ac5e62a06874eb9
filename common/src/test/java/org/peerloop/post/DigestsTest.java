package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.notify.Digest;
import org.peerloop.notify.Digests;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/** Who gets a digest when, and what it holds. */
class DigestsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-16T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito", "ada@example.edu");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor", "ben@example.edu");
  private final CohortMember carmen = fixture.member("carmen", "Carmen Ruiz");

  @AfterEach
  void close() {
    fixture.close();
  }

  private Post thread(CohortMember author, PostKind kind, String title, String key) {
    return fixture.posts(
        p ->
            p.create(
                author,
                new NewPost(
                    kind,
                    title,
                    "<p>" + title + "</p>",
                    kind == PostKind.APPLIED_STORY ? "Asked first" : null,
                    kind == PostKind.APPLIED_STORY ? "Shorter meetings" : null,
                    null,
                    null,
                    key)));
  }

  private List<Long> due() {
    return fixture.db.inTransaction(em -> new Digests(em, clock).dueMembers());
  }

  private Optional<Digests.Due> take(CohortMember member) {
    return fixture.db.inTransaction(
        em -> new Digests(em, clock).take(member.person().id()).map(d -> d));
  }

  @Test
  void membersWithAnAddressGetAWeeklyDigestOfTheirCohortsNewThreads() {
    Post rated = thread(ben, PostKind.DISCUSSION, "Retro formats", "digest-0001");
    thread(ben, PostKind.QUESTION, "Silent meetings?", "digest-0002");
    thread(ben, PostKind.APPLIED_STORY, "Asked before advising", "digest-0003");
    fixture.ratings(r -> r.rate(fixture.reload(rated), ada, 5));
    clock.advance(Duration.ofMinutes(1));

    assertEquals(List.of(ada.person().id(), ben.person().id()), due(), "Carmen has no address");
    Digests.Due digest = take(ada).orElseThrow();
    Digests.CohortNews news = digest.news().get(0);
    assertEquals(List.of("Retro formats"), news.topRated().stream().map(Post::title).toList());
    assertEquals(List.of("Silent meetings?"), news.unanswered().stream().map(Post::title).toList());
    assertEquals(
        List.of("Asked before advising"), news.stories().stream().map(Post::title).toList());
    assertEquals("2026-W47", digest.key());
    assertEquals(digest.until().minus(Duration.ofDays(7)), digest.since());

    // Taken: not due again for a week; then only what is new since.
    assertEquals(List.of(ben.person().id()), due());
    clock.advance(Duration.ofDays(7));
    assertTrue(due().contains(ada.person().id()));
    assertEquals(Optional.empty(), take(ada), "nothing new: no digest, and the week is done");
    assertEquals(List.of(ben.person().id()), due());
  }

  @Test
  void aDailyDigestComesEachDayAndNoneWhenTurnedOff() {
    thread(ben, PostKind.QUESTION, "Anyone?", "digest-0004");
    fixture.db.inTransaction(
        em ->
            new Notifications(em, clock)
                .choose(em.find(Person.class, ada.person().id()), Digest.DAILY, true));
    fixture.db.inTransaction(
        em ->
            new Notifications(em, clock)
                .choose(em.find(Person.class, ben.person().id()), Digest.OFF, true));

    assertEquals(List.of(ada.person().id()), due());
    clock.advance(Duration.ofMinutes(1));
    assertEquals("2026-11-16", take(ada).orElseThrow().key());
    clock.advance(Duration.ofDays(1));
    thread(ben, PostKind.QUESTION, "Anyone at all?", "digest-0005");
    clock.advance(Duration.ofMinutes(1));
    Digests.Due next = take(ada).orElseThrow();
    assertEquals(
        List.of("Anyone at all?"),
        next.news().get(0).unanswered().stream().map(Post::title).toList());
  }
}
