package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.people.Person;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

class PostsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor");

  @AfterEach
  void close() {
    fixture.close();
  }

  private static NewPost thread(String body, String key) {
    return new NewPost(
        PostKind.QUESTION, "How do you run retros?", body, null, null, null, null, key);
  }

  private static NewPost reply(long to, String body, String key) {
    return new NewPost(null, null, body, null, null, to, null, key);
  }

  @Test
  void aThreadStoresSanitizedBodyTagsAndMentions() {
    Post post =
        fixture.posts(
            p ->
                p.create(
                    ada,
                    thread(
                        "<p onclick=alert(1)>Ideas for #retros? @Ben Okafor <script>x</script></p>",
                        "key-00000001")));

    Post stored = fixture.reload(post);
    // The sanitizer writes @ as an entity; readers see "@Ben Okafor".
    assertEquals("<p>Ideas for #retros? &#64;Ben Okafor </p>", stored.bodyHtml());
    assertEquals(Set.of("retros"), stored.tags());
    assertEquals(Set.of(ben.person().id()), stored.mentions());
    assertEquals(PostStatus.PUBLISHED, stored.status());
    assertEquals("Ada Ito", stored.author().displayName());
  }

  @Test
  void aRetryWithTheSameKeyNeverDuplicates() {
    Post first = fixture.posts(p -> p.create(ada, thread("<p>One</p>", "retry-key-1")));
    Post again = fixture.posts(p -> p.create(ada, thread("<p>One, sent again</p>", "retry-key-1")));

    assertEquals(first.id(), again.id());
    assertEquals("<p>One</p>", fixture.reload(again).bodyHtml());
  }

  @Test
  void repliesNestOneLevelAndAreCounted() {
    Post start = fixture.posts(p -> p.create(ada, thread("<p>Q</p>", "thread-0001")));
    Post answer = fixture.posts(p -> p.create(ben, reply(start.id(), "<p>A</p>", "reply-0001")));
    Post deeper =
        fixture.posts(p -> p.create(ada, reply(answer.id(), "<p>Thanks</p>", "reply-0002")));

    assertEquals(start.id(), fixture.reload(deeper).thread().id());
    assertEquals(2, fixture.reload(start).replyCount());
    assertNull(fixture.reload(answer).title());
  }

  @Test
  void anAppliedStoryNeedsWhatWasAppliedAndTheResult() {
    NewPost incomplete =
        new NewPost(
            PostKind.APPLIED_STORY,
            "Tried it",
            "<p>Story</p>",
            "weekly retros",
            null,
            null,
            null,
            "story-0001");

    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> fixture.posts(p -> p.create(ada, incomplete)));
    assertEquals("appliedResult", e.field());

    Post story =
        fixture.posts(
            p ->
                p.create(
                    ada,
                    new NewPost(
                        PostKind.APPLIED_STORY,
                        "Tried it",
                        "<p>Story</p>",
                        "weekly retros",
                        "fewer repeated incidents",
                        null,
                        null,
                        "story-0002")));
    assertEquals("fewer repeated incidents", fixture.reload(story).appliedResult());
  }

  @Test
  void refusesEmptyBodiesBadKeysAndForeignThreads() {
    assertEquals(
        "body",
        assertThrows(
                InvalidValueException.class,
                () -> fixture.posts(p -> p.create(ada, thread("<script>x</script>", "empty-0001"))))
            .field());
    assertEquals(
        "clientKey",
        assertThrows(
                InvalidValueException.class,
                () -> fixture.posts(p -> p.create(ada, thread("<p>x</p>", "short"))))
            .field());
    assertEquals(
        "clientKey",
        assertThrows(
                InvalidValueException.class,
                () -> fixture.posts(p -> p.create(ada, thread("<p>x</p>", "bad key with spaces"))))
            .field());
    assertThrows(
        NotFoundException.class,
        () -> fixture.posts(p -> p.create(ada, reply(999_999, "<p>x</p>", "orphan-0001"))));
  }

  @Test
  void theAuthorMayEditWithinTheWindowAndTheOldVersionIsKept() {
    Post post = fixture.posts(p -> p.create(ada, thread("<p>Frist</p>", "edit-00001")));
    Person adaPerson = ada.person();

    fixture.posts(
        p ->
            p.edit(
                fixture.db.em().find(Post.class, post.id()),
                adaPerson,
                thread("<p>First</p>", "ignored-1")));
    Post edited = fixture.reload(post);
    assertEquals("<p>First</p>", edited.bodyHtml());
    assertEquals(2, edited.version());
    assertEquals(
        "<p>Frist</p>",
        fixture
            .posts(p -> p.history(fixture.db.em().find(Post.class, post.id())))
            .get(0)
            .bodyHtml());

    assertThrows(
        ConflictException.class,
        () ->
            fixture.posts(
                p ->
                    p.edit(
                        fixture.db.em().find(Post.class, post.id()),
                        ben.person(),
                        thread("<p>Mine now</p>", "x-000001"))));
    clock.advance(Posts.EDIT_WINDOW);
    assertThrows(
        ConflictException.class,
        () ->
            fixture.posts(
                p ->
                    p.edit(
                        fixture.db.em().find(Post.class, post.id()),
                        adaPerson,
                        thread("<p>Late</p>", "x-000002"))));
  }

  @Test
  void deletionIsSoftAuditedAndOnlyForTheAuthorOrAFacilitator() {
    Post post = fixture.posts(p -> p.create(ada, thread("<p>Oops</p>", "delete-0001")));

    assertThrows(
        ConflictException.class,
        () ->
            fixture.posts(
                p -> {
                  p.delete(fixture.db.em().find(Post.class, post.id()), ben.person(), false, null);
                  return null;
                }));
    fixture.posts(
        p -> {
          p.delete(fixture.db.em().find(Post.class, post.id()), ben.person(), true, "off topic");
          return null;
        });

    Post deleted = fixture.reload(post);
    assertTrue(deleted.isDeleted());
    assertFalse(deleted.bodyHtml().isEmpty(), "kept for the audit, hidden from readers");
    PostAudit entry =
        fixture.posts(p -> p.audit(fixture.db.em().find(Post.class, post.id()))).get(0);
    assertEquals("DELETE", entry.action());
    assertEquals("off topic", entry.reason());
  }

  @Test
  void postsInAnExpertReviewSpaceAreHeld() {
    CohortFixture regulated = new CohortFixture(clock, Moderation.EXPERT_REVIEW, true);
    try {
      CohortMember carol = regulated.member("carol", "Carol Nguyen");
      Post post =
          regulated.posts(p -> p.create(carol, thread("<p>Dosage advice</p>", "held-00001")));
      assertEquals(PostStatus.HELD, regulated.reload(post).status());
    } finally {
      regulated.close();
    }
  }
}
