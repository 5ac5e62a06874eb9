package org.peerloop.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
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
import org.peerloop.persistence.TestDatabase;
import org.peerloop.testing.MutableClock;

class JobLeasesTest {
  private static final Duration LEASE = Duration.ofMinutes(15);

  private final TestDatabase db = TestDatabase.create();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private boolean claim(String node) {
    return db.inTransaction(em -> new JobLeases(em, clock).claim(Job.GRADE_SYNC, node, LEASE));
  }

  @Test
  void oneNodeHoldsAJobUntilItsLeaseRunsOut() {
    assertTrue(claim("node-a"));
    assertFalse(claim("node-b"), "node A holds it");
    clock.advance(Duration.ofMinutes(10));
    assertTrue(claim("node-a"), "the holder renews");
    clock.advance(Duration.ofMinutes(14));
    assertFalse(claim("node-b"), "the renewed lease still runs");

    clock.advance(Duration.ofMinutes(1));
    assertTrue(claim("node-b"), "node A's lease ran out: it stopped or died");
    JobLease now = db.inTransaction(em -> new JobLeases(em, clock).current(Job.GRADE_SYNC));
    assertEquals("node-b", now.holder());
    assertEquals(clock.instant().plus(LEASE), now.leaseUntil());
  }

  @Test
  void aReleasedJobCanBeClaimedAtOnceButOnlyItsHolderReleasesIt() {
    assertTrue(claim("node-a"));
    db.inTransaction(
        em -> {
          new JobLeases(em, clock).release(Job.GRADE_SYNC, "node-b");
          return null;
        });
    assertFalse(claim("node-b"), "another node cannot release it");

    db.inTransaction(
        em -> {
          new JobLeases(em, clock).release(Job.GRADE_SYNC, "node-a");
          return null;
        });
    assertTrue(claim("node-b"));
  }

  @Test
  void ofManyNodesClaimingAtOnceExactlyOneWins() throws Exception {
    int nodes = 8;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String node = "node-" + i;
        claims.add(
            pool.submit(
                () -> {
                  EntityManager em = db.newEntityManager();
                  try {
                    start.await();
                    em.getTransaction().begin();
                    boolean won = new JobLeases(em, clock).claim(Job.GRADE_SYNC, node, LEASE);
                    em.getTransaction().commit();
                    return won;
                  } finally {
                    em.close();
                  }
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
  }
}
