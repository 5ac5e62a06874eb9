package org.peerloop.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerloop.cohort.CohortMember;
import org.peerloop.space.Moderation;
import org.peerloop.testing.MutableClock;

/**
 * A hundred members rate one post at the same moment, each in their own transaction on their own
 * connection: the post's count and sum come out exact.
 */
class ConcurrentRatingsTest {
  private static final int RATERS = 100;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final CohortFixture fixture = new CohortFixture(clock, Moderation.OPEN, true, 200);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aHundredConcurrentRatersGiveExactAggregates() throws Exception {
    CohortMember author = fixture.member("author", "Author");
    List<CohortMember> raters = new ArrayList<>();
    for (int i = 0; i < RATERS; i++) {
      raters.add(fixture.member("rater-" + i, "Rater " + i));
    }
    Post post =
        fixture.posts(
            p ->
                p.create(
                    author,
                    new NewPost(
                        PostKind.DISCUSSION,
                        null,
                        "<p>Tip</p>",
                        null,
                        null,
                        null,
                        null,
                        "popular-01")));

    for (CohortMember rater : raters) {
      assertEquals(author.cohort().id(), rater.cohort().id(), "one cohort of " + (RATERS + 1));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    int expectedSum = 0;
    for (int i = 0; i < RATERS; i++) {
      CohortMember rater = raters.get(i);
      int stars = 1 + i % 5;
      expectedSum += stars;
      done.add(
          pool.submit(
              () -> {
                start.await();
                EntityManager em = fixture.db.newEntityManager();
                try {
                  em.getTransaction().begin();
                  new Ratings(em, clock)
                      .rate(
                          em.find(Post.class, post.id()),
                          em.find(CohortMember.class, rater.id()),
                          stars);
                  em.getTransaction().commit();
                } finally {
                  if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                  }
                  em.close();
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    fixture.db.em().clear();
    Post rated = fixture.reload(post);
    assertEquals(RATERS, rated.ratingCount());
    assertEquals(expectedSum, rated.ratingSum());
  }
}
