package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.notify.MailOutbox;
import org.peerloop.notify.MailQueue;
import org.peerloop.notify.MailStatus;
import org.peerloop.notify.Notifications;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/**
 * Senders and the outbox: a mail is claimed by one sender only; a sender that crashed holding it
 * leaves it to the next once the claim expires, and it is sent once; a sent mail is never claimed
 * again; an old one is given up.
 */
class MailQueueTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito", "ada@example.edu");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor", "ben@example.edu");

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Ben mentions Ada: one mail in the outbox. */
  private void mention(String key) {
    Post post =
        fixture.posts(
            p ->
                p.create(
                    ben,
                    new NewPost(
                        PostKind.DISCUSSION,
                        "Hi",
                        "<p>@Ada Ito hello</p>",
                        null,
                        null,
                        null,
                        null,
                        key)));
    fixture.db.inTransaction(
        em -> {
          new Notifications(em, clock).published(em.find(Post.class, post.id()));
          return null;
        });
  }

  private List<Long> claim() {
    return fixture.db.inTransaction(
        em -> new MailQueue(em, clock).claimDue(10).stream().map(MailOutbox::id).toList());
  }

  private MailOutbox mail(long id) {
    return fixture.db.em().find(MailOutbox.class, id);
  }

  @Test
  void oneSenderTakesAMailAndAfterACrashTheNextSendsItOnce() {
    mention("queue-post-1");

    List<Long> first = claim();
    assertEquals(1, first.size());
    assertEquals(List.of(), claim(), "a second sender finds it taken");

    // The first sender dies before sending: its claim expires and another takes the mail.
    clock.advance(MailQueue.CLAIM.plusSeconds(1));
    List<Long> second = claim();
    assertEquals(first, second);
    fixture.db.inTransaction(
        em -> {
          new MailQueue(em, clock).sent(second.get(0));
          return null;
        });

    clock.advance(Duration.ofHours(1));
    assertEquals(List.of(), claim(), "a sent mail is never claimed again");
    assertEquals(MailStatus.SENT, mail(second.get(0)).status());
    assertEquals(2, mail(second.get(0)).attempts());
  }

  @Test
  void aFailedMailWaitsAndAnOldOneIsGivenUp() {
    mention("queue-post-2");
    long id = claim().get(0);
    fixture.db.inTransaction(
        em -> {
          new MailQueue(em, clock).failed(id, "421 try later");
          return null;
        });
    assertEquals(List.of(), claim(), "not before its wait");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(List.of(id), claim());
    fixture.db.inTransaction(
        em -> {
          new MailQueue(em, clock).failed(id, "421 try later");
          return null;
        });

    clock.advance(MailQueue.STALE);
    assertEquals(List.of(), claim());
    assertEquals(MailStatus.FAILED, mail(id).status());
  }

  @Test
  void aMailWhoseSendingNeverFinishesIsGivenUp() {
    mention("queue-post-3");
    long id = 0;
    for (int i = 0; i < MailOutbox.MAX_ATTEMPTS; i++) {
      id = claim().get(0);
      clock.advance(MailQueue.CLAIM.plusSeconds(1));
    }

    assertEquals(List.of(), claim());
    assertEquals(MailStatus.FAILED, mail(id).status());
  }
}
