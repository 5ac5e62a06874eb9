package org.peerloop.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
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

class RateWindowsTest {
  private static final Instant WINDOW = Instant.parse("2026-06-01T08:00:00Z");

  private final TestDatabase db = TestDatabase.create();

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private int hit(String bucket, Instant window) {
    return db.inTransaction(em -> new RateWindows(em).hit(bucket, window));
  }

  @Test
  void countsPerBucketAndWindow() {
    assertEquals(1, hit("login:10.0.0.1", WINDOW));
    assertEquals(2, hit("login:10.0.0.1", WINDOW));
    assertEquals(1, hit("login:10.0.0.2", WINDOW));
    assertEquals(1, hit("login:10.0.0.1", WINDOW.plusSeconds(60)), "a new window starts at 1");
  }

  @Test
  void oldWindowsArePurged() {
    hit("post:7", WINDOW);
    hit("post:7", WINDOW.plusSeconds(60));

    int purged = db.inTransaction(em -> new RateWindows(em).purgeBefore(WINDOW.plusSeconds(60)));

    assertEquals(1, purged);
    assertEquals(2, hit("post:7", WINDOW.plusSeconds(60)));
  }

  /** Every request is counted once, whichever node counts it, even the window's first ones. */
  @Test
  void concurrentCountsLoseNothing() throws Exception {
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> counting = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counting.add(
            pool.submit(
                () -> {
                  start.await();
                  EntityManager em = db.newEntityManager();
                  try {
                    for (int i = 0; i < each; i++) {
                      countOnce(em);
                    }
                  } finally {
                    em.close();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> one : counting) {
        one.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * each + 1, hit("launch:10.0.0.9", WINDOW));
  }

  /** As the tool does: a refused first insert (another node made the row) is counted again. */
  private static void countOnce(EntityManager em) {
    for (int attempt = 0; ; attempt++) {
      em.getTransaction().begin();
      try {
        new RateWindows(em).hit("launch:10.0.0.9", WINDOW);
        em.getTransaction().commit();
        return;
      } catch (PersistenceException e) {
        if (attempt >= 20) {
          throw e;
        }
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
        em.clear();
      }
    }
  }
}
