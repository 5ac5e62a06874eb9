package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.space.Moderation;
import org.peerloop.space.Space;
import org.peerloop.testing.MutableClock;

/** The review state machine: held → approved, or held → rejected (with a reason) → resubmitted. */
class ReviewsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.EXPERT_REVIEW, true);
  private final CohortMember carol = fixture.member("carol", "Carol Nguyen");
  private final CohortMember expert = fixture.member("expert", "Dr. Eve Expert");
  private final Post held =
      fixture.posts(
          p ->
              p.create(
                  carol,
                  new NewPost(
                      PostKind.DISCUSSION,
                      "Dosage",
                      "<p>Double it</p>",
                      null,
                      null,
                      null,
                      null,
                      "held-post-1")));

  @AfterEach
  void close() {
    fixture.close();
  }

  private <T> T reviews(java.util.function.Function<Reviews, T> work) {
    return fixture.db.inTransaction(em -> work.apply(new Reviews(em, clock)));
  }

  private Post current() {
    return fixture.db.em().find(Post.class, held.id());
  }

  @Test
  void heldPostsWaitInTheQueueUntilApproved() {
    assertEquals(
        List.of(held.id()),
        reviews(
            r ->
                r.queue(fixture.db.em().find(Space.class, fixture.space.id())).stream()
                    .map(Post::id)
                    .toList()));

    reviews(
        r -> {
          r.approve(current(), expert.person());
          return null;
        });

    fixture.db.em().clear();
    assertEquals(PostStatus.PUBLISHED, current().status());
    assertEquals(
        List.of(), reviews(r -> r.queue(fixture.db.em().find(Space.class, fixture.space.id()))));
    assertThrows(
        ConflictException.class,
        () ->
            reviews(
                r -> {
                  r.approve(current(), expert.person());
                  return null;
                }));
  }

  @Test
  void aRejectionNeedsAReasonWhichTheAuthorSeesAndARevisionResubmits() {
    assertEquals(
        "reason",
        assertThrows(
                InvalidValueException.class,
                () ->
                    reviews(
                        r -> {
                          r.reject(current(), expert.person(), " ");
                          return null;
                        }))
            .field());

    reviews(
        r -> {
          r.reject(current(), expert.person(), "Cite the guideline and the patient group.");
          return null;
        });
    fixture.db.em().clear();
    assertEquals(PostStatus.REJECTED, current().status());
    assertEquals(
        "Cite the guideline and the patient group.",
        reviews(r -> r.lastDecision(current()).orElseThrow().reason()));

    clock.advance(Duration.ofHours(5));
    fixture.posts(
        p ->
            p.edit(
                current(),
                carol.person(),
                new NewPost(
                    null,
                    "Dosage",
                    "<p>Per guideline X, for adults: ...</p>",
                    null,
                    null,
                    null,
                    null,
                    "ignored-01")));
    fixture.db.em().clear();
    assertEquals(PostStatus.HELD, current().status(), "back in the queue");
    assertEquals(2, current().version());
    assertEquals(
        List.of("REJECT", "RESUBMIT"),
        fixture.posts(p -> p.audit(current()).stream().map(PostAudit::action).toList()));
  }
}
