package org.peerloop.community;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The thread pages this node has built, kept as the JSON it sent, to send again while nothing on
 * them has changed. Reading a cohort's first page is the API's most frequent request, and most
 * reads find the page as it was.
 *
 * <p>A page is kept with the cohort revision it was read at, which every change a page shows raises
 * in the writer's transaction, on any node (see {@code CohortRevisions}). Each request still reads
 * the current revision (with its scope check, in one query) and takes a kept page only when the two
 * are equal, so no node ever serves a page another node has changed: the cache is a node's own,
 * never state the cluster must share. The page's rows are read after the revision, so a page is at
 * least as new as the revision it is kept with.
 *
 * <p>Pages are kept per reader and query: a reader's own held posts, own ratings and (for the
 * author and facilitators) review decisions are on their page only.
 */
@ApplicationScoped
public class ThreadPageCache {
  /** About a thousand pages of twenty threads: the heap stays bounded whatever the load. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** What a kept page costs besides its JSON: the key, the entry and the cache's own node. */
  private static final int ENTRY_OVERHEAD = 200;

  /** The same default binding Jersey answers with, so a kept page reads like a built one. */
  private static final Jsonb JSON = JsonbBuilder.create();

  private record Key(long cohortId, long readerId, boolean facilitator, ThreadQuery query) {}

  private record Page(long revision, byte[] json) {}

  private final Cache<Key, Page> pages =
      Caffeine.newBuilder()
          // Evictions on the request's own thread: no threads the container does not manage.
          .executor(Runnable::run)
          .maximumWeight(MAX_BYTES)
          .weigher((Key key, Page page) -> ENTRY_OVERHEAD + page.json().length + tagLength(key))
          .build();

  /**
   * The page as JSON: the one kept for this reader and query at the cohort's current revision, or
   * else the one {@code build} reads, kept unless a newer one was kept meanwhile.
   */
  public byte[] page(
      Caller caller,
      Scope.ReadableCohort cohort,
      ThreadQuery query,
      Supplier<Views.ThreadPage> build) {
    Key key = new Key(cohort.id(), caller.personId(), caller.facilitator(), query);
    Page kept = pages.getIfPresent(key);
    if (kept != null && kept.revision() == cohort.revision()) {
      return kept.json();
    }
    Page built =
        new Page(cohort.revision(), JSON.toJson(build.get()).getBytes(StandardCharsets.UTF_8));
    pages.asMap().merge(key, built, (old, now) -> old.revision() > now.revision() ? old : now);
    return built.json();
  }

  /** The weight of the pages kept now (for tests). */
  long keptBytes() {
    pages.cleanUp();
    return pages.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  private static int tagLength(Key key) {
    return key.query().tag() == null ? 0 : 2 * key.query().tag().length();
  }
}
