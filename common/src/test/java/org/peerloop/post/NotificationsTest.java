package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.notify.Digest;
import org.peerloop.notify.MailOutbox;
import org.peerloop.notify.MailStatus;
import org.peerloop.notify.Notification;
import org.peerloop.notify.NotificationKind;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/** Who is told what, as posts are written, reviewed and endorsed; and which of it is e-mailed. */
class NotificationsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito", "ada@example.edu");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor", "ben@example.edu");
  private final CohortMember carmen = fixture.member("carmen", "Carmen Ruiz");

  @AfterEach
  void close() {
    fixture.close();
  }

  private Post write(CohortMember author, Long replyTo, String body, String key) {
    Post post =
        fixture.posts(
            p ->
                p.create(
                    author,
                    new NewPost(
                        replyTo == null ? PostKind.DISCUSSION : null,
                        replyTo == null ? "A thread" : null,
                        body,
                        null,
                        null,
                        replyTo,
                        null,
                        key)));
    notify(n -> n.published(fixture.db.em().find(Post.class, post.id())));
    return post;
  }

  private void notify(Consumer<Notifications> work) {
    fixture.db.inTransaction(
        em -> {
          work.accept(new Notifications(em, clock));
          return null;
        });
  }

  private List<NotificationKind> kinds(CohortMember member) {
    return fixture.db.inTransaction(
        em ->
            new Notifications(em, clock)
                .of(em.find(Person.class, member.person().id())).stream()
                    .map(Notification::kind)
                    .toList());
  }

  private List<MailOutbox> outbox() {
    return fixture
        .db
        .em()
        .createQuery("select m from MailOutbox m order by m.id", MailOutbox.class)
        .getResultList();
  }

  @Test
  void aReplyTellsTheThreadsAuthorAndAMentionTheMentionedButNobodyThemselves() {
    Post thread = write(ada, null, "<p>Ideas? @Ada Ito</p>", "thread-0001");
    write(ben, thread.id(), "<p>Ask @Carmen Ruiz</p>", "reply-00001");
    write(ada, thread.id(), "<p>Thanks</p>", "reply-00002");

    assertEquals(List.of(NotificationKind.REPLY), kinds(ada));
    assertEquals(List.of(NotificationKind.MENTION), kinds(carmen));
    assertEquals(List.of(), kinds(ben), "nobody replied to Ben's thread or named him");
    // Mentions are e-mailed at once, to members with an address: Carmen has none.
    assertEquals(List.of(), outbox());
  }

  @Test
  void aMentionOfTheThreadsAuthorInAReplyTellsThemOnceAndIsEmailed() {
    Post thread = write(ada, null, "<p>Ideas?</p>", "thread-0002");
    write(ben, thread.id(), "<p>@Ada Ito try this</p>", "reply-00003");

    assertEquals(List.of(NotificationKind.MENTION), kinds(ada));
    List<MailOutbox> mails = outbox();
    assertEquals(1, mails.size());
    assertEquals("ada@example.edu", mails.get(0).toAddress());
    assertEquals(MailStatus.PENDING, mails.get(0).status());
  }

  @Test
  void reviewOutcomesAndEndorsementsTellTheAuthorWithTheReason() {
    Post post = write(ada, null, "<p>Dosage</p>", "thread-0003");
    notify(
        n -> {
          Post p = fixture.db.em().find(Post.class, post.id());
          Person reviewer = fixture.db.em().find(Person.class, ben.person().id());
          n.reviewed(p, reviewer, false, "Cite the guideline");
          n.endorsed(p, reviewer);
          n.endorsed(p, fixture.db.em().find(Person.class, ada.person().id()));
        });

    assertEquals(
        Set.of(NotificationKind.ENDORSED, NotificationKind.POST_REJECTED), Set.copyOf(kinds(ada)));
    assertEquals(2, kinds(ada).size(), "the author endorsing their own post is no news");
    Notification rejected =
        fixture
            .db
            .em()
            .createQuery("select n from Notification n where n.kind = :kind", Notification.class)
            .setParameter("kind", NotificationKind.POST_REJECTED)
            .getSingleResult();
    assertEquals("Cite the guideline", rejected.detail());
    assertEquals(1, outbox().size(), "the rejection is e-mailed at once; the endorsement waits");
  }

  @Test
  void aMemberMarksNotificationsReadOneOrAll() {
    Post thread = write(ada, null, "<p>Ideas?</p>", "thread-0004");
    write(ben, thread.id(), "<p>One</p>", "reply-00004");
    write(carmen, thread.id(), "<p>Two</p>", "reply-00005");
    Person adaPerson = fixture.db.em().find(Person.class, ada.person().id());
    long first =
        fixture.db.inTransaction(em -> new Notifications(em, clock).of(adaPerson)).get(1).id();

    assertEquals(
        2L, (long) fixture.db.inTransaction(em -> new Notifications(em, clock).unread(adaPerson)));
    assertEquals(
        1,
        (int)
            fixture.db.inTransaction(
                em -> new Notifications(em, clock).markRead(adaPerson, List.of(first))));
    assertEquals(
        1,
        (int)
            fixture.db.inTransaction(
                em -> new Notifications(em, clock).markRead(adaPerson, List.of())));
    assertEquals(
        0L, (long) fixture.db.inTransaction(em -> new Notifications(em, clock).unread(adaPerson)));
    Person benPerson = fixture.db.em().find(Person.class, ben.person().id());
    assertEquals(
        0,
        (int)
            fixture.db.inTransaction(
                em -> new Notifications(em, clock).markRead(benPerson, List.of(first))),
        "nobody marks another's notifications");
  }

  @Test
  void aMemberWhoTurnedMailsOffIsToldInTheAppOnly() {
    fixture.db.inTransaction(
        em ->
            new Notifications(em, clock)
                .choose(em.find(Person.class, ada.person().id()), Digest.WEEKLY, false));
    Post thread = write(ben, null, "<p>Ideas?</p>", "thread-0005");
    write(carmen, thread.id(), "<p>@Ada Ito look</p>", "reply-00006");

    assertEquals(List.of(NotificationKind.MENTION), kinds(ada));
    assertEquals(List.of(), outbox());
  }

  @Test
  void newPromptsTellEveryActiveMemberOnceInTheAppOnly() {
    notify(
        n ->
            n.newPrompts(
                fixture.db.em().find(org.peerloop.space.Space.class, fixture.space.id()),
                List.of("What did you try this week?", "What surprised you?")));

    for (CohortMember member : List.of(ada, ben, carmen)) {
      assertEquals(List.of(NotificationKind.NEW_PROMPT), kinds(member));
    }
    Notification one =
        fixture
            .db
            .em()
            .createQuery("select n from Notification n where n.kind = :kind", Notification.class)
            .setParameter("kind", NotificationKind.NEW_PROMPT)
            .setMaxResults(1)
            .getSingleResult();
    assertEquals("What did you try this week?\nWhat surprised you?", one.detail());
    assertEquals(List.of(), outbox());
  }
}
