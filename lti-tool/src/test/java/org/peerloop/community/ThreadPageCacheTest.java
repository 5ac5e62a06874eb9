package org.peerloop.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A kept page is sent again only to the same reader, for the same query, at the revision it was
 * read at; any other revision reads the page anew.
 */
class ThreadPageCacheTest {
  private final ThreadPageCache cache = new ThreadPageCache();
  private final Caller ada = new Caller(1, 10, null, false);
  private final Caller ben = new Caller(2, 10, null, false);
  private final Caller facilitator = new Caller(1, 10, null, true);
  private final ThreadQuery newest = ThreadQuery.parse(null, null, null, null, null, null);
  private final AtomicInteger builds = new AtomicInteger();

  private static Scope.ReadableCohort cohort(long revision) {
    return new Scope.ReadableCohort(7, 3, revision);
  }

  /** A page that tells which build made it, by its cursor. */
  private Supplier<Views.ThreadPage> build() {
    return () -> {
      int n = builds.incrementAndGet();
      return new Views.ThreadPage(List.of(), "cursor-" + n);
    };
  }

  private String page(Caller caller, long revision, ThreadQuery query) {
    return new String(cache.page(caller, cohort(revision), query, build()), StandardCharsets.UTF_8);
  }

  @Test
  void sendsTheKeptPageWhileTheRevisionIsTheSame() {
    String first = page(ada, 5, newest);
    String again = page(ada, 5, newest);

    assertEquals("{\"nextCursor\":\"cursor-1\",\"threads\":[]}", first);
    assertEquals(first, again);
    assertEquals(1, builds.get());
  }

  @Test
  void readsAnewAtAnotherRevision() {
    page(ada, 5, newest);
    assertEquals("{\"nextCursor\":\"cursor-2\",\"threads\":[]}", page(ada, 6, newest));
    assertEquals(2, builds.get());
  }

  @Test
  void neverReplacesANewerPageWithAnOlderOne() {
    page(ada, 6, newest);
    // A request that read revision 5 before a change, and built its page after a newer one was
    // kept.
    page(ada, 5, newest);

    assertEquals("{\"nextCursor\":\"cursor-1\",\"threads\":[]}", page(ada, 6, newest));
    assertEquals(2, builds.get());
  }

  @Test
  void keepsPagesPerReaderRoleAndQuery() {
    page(ada, 5, newest);
    page(ben, 5, newest);
    page(facilitator, 5, newest);
    page(ada, 5, ThreadQuery.parse("top-rated", null, null, null, null, null));
    page(ada, 5, ThreadQuery.parse(null, "retros", null, null, null, null));

    assertEquals(5, builds.get());
    page(ben, 5, newest);
    assertEquals(5, builds.get());
  }

  @Test
  void staysWithinItsMemoryBound() {
    String body = "x".repeat(100_000);
    Supplier<Views.ThreadPage> large = () -> new Views.ThreadPage(List.of(), body);
    for (int reader = 0; reader < 400; reader++) {
      cache.page(new Caller(reader, 10, null, false), cohort(1), newest, large);
    }

    assertTrue(cache.keptBytes() <= ThreadPageCache.MAX_BYTES, cache.keptBytes() + " bytes kept");
    assertTrue(cache.keptBytes() > ThreadPageCache.MAX_BYTES / 2, "the cache is used");
  }
}
