package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

class RatingsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true);
  private final CohortMember ada = fixture.member("ada", "Ada Ito");
  private final CohortMember ben = fixture.member("ben", "Ben Okafor");
  private final CohortMember carmen = fixture.member("carmen", "Carmen Ruiz");
  private final Post post =
      fixture.posts(
          p ->
              p.create(
                  ada,
                  new NewPost(
                      PostKind.DISCUSSION,
                      null,
                      "<p>Tip</p>",
                      null,
                      null,
                      null,
                      null,
                      "rate-me-01")));

  @AfterEach
  void close() {
    fixture.close();
  }

  private void rate(CohortMember who, int stars) {
    fixture.ratings(r -> r.rate(fixture.db.em().find(Post.class, post.id()), who, stars));
  }

  @Test
  void aggregatesFollowNewAndChangedRatings() {
    rate(ben, 5);
    rate(carmen, 3);
    rate(ben, 4);

    Post rated = fixture.reload(post);
    assertEquals(2, rated.ratingCount());
    assertEquals(7, rated.ratingSum());
    assertEquals(3.5, rated.meanRating());
    assertEquals((5 * 3.0 + 7) / 7, rated.score(), 1e-9);
  }

  @Test
  void aFewHighRatingsRankBelowManyGoodOnes() {
    rate(ben, 5);
    double oneFive = fixture.reload(post).score();
    assertTrue(oneFive < 4.0, "one 5-star rating does not make a 5-star post: " + oneFive);
  }

  @Test
  void nobodyRatesTheirOwnPostAndStarsAreOneToFive() {
    assertThrows(ConflictException.class, () -> rate(ada, 5));
    assertThrows(InvalidValueException.class, () -> rate(ben, 0));
    assertThrows(InvalidValueException.class, () -> rate(ben, 6));
    assertEquals(0, fixture.reload(post).ratingCount());
  }

  @Test
  void aSpaceWithRatingsOffRefusesThem() {
    CohortFixture noRatings = new CohortFixture(clock, Moderation.OPEN, false);
    try {
      CohortMember x = noRatings.member("x", "X");
      CohortMember y = noRatings.member("y", "Y");
      Post p =
          noRatings.posts(
              s ->
                  s.create(
                      x,
                      new NewPost(
                          PostKind.DISCUSSION,
                          null,
                          "<p>t</p>",
                          null,
                          null,
                          null,
                          null,
                          "no-rate-01")));
      assertThrows(
          ConflictException.class,
          () -> noRatings.ratings(r -> r.rate(noRatings.db.em().find(Post.class, p.id()), y, 4)));
    } finally {
      noRatings.close();
    }
  }
}
