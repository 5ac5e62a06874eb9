package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.space.Moderation;
import org.peerloop.space.Space;
import org.peerloop.testing.MutableClock;

class CurationTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor");
  private final Post tip = post(ada, "<p>Weekly retros</p>", "tip-000001", null);

  @AfterEach
  void close() {
    fixture.close();
  }

  private Post post(CohortMember who, String body, String key, Long replyTo) {
    return fixture.posts(
        p ->
            p.create(
                who, new NewPost(PostKind.DISCUSSION, null, body, null, null, replyTo, null, key)));
  }

  private <T> T curation(Function<Curation, T> work) {
    return fixture.db.inTransaction(em -> work.apply(new Curation(em, clock)));
  }

  private Post current(Post p) {
    fixture.db.em().clear();
    return fixture.db.em().find(Post.class, p.id());
  }

  @Test
  void endorsingPinningAndCollectingAreAudited() {
    curation(
        c -> {
          c.endorse(current(tip), ben.person(), true);
          c.pin(current(tip), ben.person(), true);
          c.collect(current(tip), ben.person(), true);
          return null;
        });

    Post curated = current(tip);
    assertTrue(curated.isEndorsed());
    assertEquals("Ben Okafor", curated.endorsedBy().displayName());
    assertTrue(curated.isPinned());
    assertEquals(
        List.of(tip.id()),
        curation(
            c ->
                c.bestOf(fixture.db.em().find(Space.class, fixture.space.id())).stream()
                    .map(Post::id)
                    .toList()));
    assertEquals(
        List.of("ENDORSE", "PIN", "BEST_OF"),
        fixture.posts(p -> p.audit(current(tip)).stream().map(PostAudit::action).toList()));

    curation(
        c -> {
          c.endorse(current(tip), ben.person(), false);
          return null;
        });
    assertFalse(current(tip).isEndorsed());
  }

  @Test
  void onlyThreadsArePinned() {
    Post reply = post(ben, "<p>Agreed</p>", "reply-00001", tip.id());
    assertThrows(
        InvalidValueException.class,
        () ->
            curation(
                c -> {
                  c.pin(current(reply), ben.person(), true);
                  return null;
                }));
  }

  @Test
  void membersFlagPeersPostsOnceAndFacilitatorsResolveThem() {
    curation(
        c -> {
          c.flag(current(tip), ben.person(), "off topic");
          c.flag(current(tip), ben.person(), "again");
          return null;
        });
    assertThrows(
        ConflictException.class,
        () ->
            curation(
                c -> {
                  c.flag(current(tip), ada.person(), null);
                  return null;
                }));

    Space space = fixture.db.em().find(Space.class, fixture.space.id());
    List<PostFlag> open = curation(c -> c.openFlags(space));
    assertEquals(1, open.size());
    assertEquals("off topic", open.get(0).reason());

    curation(
        c -> {
          c.resolveFlags(current(tip), ada.person());
          return null;
        });
    assertEquals(List.of(), curation(c -> c.openFlags(space)));
  }
}
