package org.peerloop.activity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.peerloop.cohort.Cohort;
import org.peerloop.people.Person;

/**
 * Views waiting to be written. Reading a page must not cost a durable write, so views are kept here
 * and written in batches a few seconds later (every other event is written with its act). A crash
 * loses at most those seconds of views; when the database is away for long, the oldest views beyond
 * {@link #CAPACITY} are dropped and counted, never the reads themselves.
 */
@ApplicationScoped
public class ViewBuffer {
  /** About 10 MB of pending views: hours of a busy node's reads while the database is away. */
  public static final int CAPACITY = 100_000;

  private final ConcurrentLinkedQueue<ActivityEvent> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

  public void viewed(Cohort cohort, Person person, Instant at) {
    viewed(cohort.space().id(), cohort.id(), person.id(), at);
  }

  public void viewed(long spaceId, long cohortId, long personId, Instant at) {
    offer(new ActivityEvent(spaceId, cohortId, personId, ActivityType.VIEW, null, at));
  }

  private void offer(ActivityEvent event) {
    pending.add(event);
    if (size.incrementAndGet() > CAPACITY && pending.poll() != null) {
      size.decrementAndGet();
      dropped.incrementAndGet();
    }
  }

  /** Takes up to {@code max} views, oldest first. */
  public List<ActivityEvent> drain(int max) {
    List<ActivityEvent> batch = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
    ActivityEvent next;
    while (batch.size() < max && (next = pending.poll()) != null) {
      size.decrementAndGet();
      batch.add(next);
    }
    return batch;
  }

  /** Puts back views whose write failed, to try again with the next batch. */
  public void putBack(List<ActivityEvent> views) {
    views.forEach(this::offer);
  }

  public int pendingCount() {
    return Math.max(size.get(), 0);
  }

  /** Views dropped because the buffer was full, since the start. */
  public long droppedCount() {
    return dropped.get();
  }
}
