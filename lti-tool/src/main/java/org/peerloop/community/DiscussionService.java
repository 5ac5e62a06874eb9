package org.peerloop.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerloop.activity.ActivityLog;
import org.peerloop.activity.ActivityType;
import org.peerloop.activity.ViewBuffer;
import org.peerloop.cohort.Cohort;
import org.peerloop.notify.Notifications;
import org.peerloop.people.Person;
import org.peerloop.post.NewPost;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostRating;
import org.peerloop.post.PostStatus;
import org.peerloop.post.Posts;
import org.peerloop.post.Ratings;
import org.peerloop.post.Reviews;
import org.peerloop.space.Space;

/** Threads, posts and ratings of a cohort for the caller of a session. */
@ApplicationScoped
public class DiscussionService {

  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject ThreadPages threadPages;
  @Inject ThreadPageCache threadPageCache;
  @Inject Posts posts;
  @Inject Ratings ratings;
  @Inject Reviews reviews;
  @Inject ActivityLog activity;
  @Inject Notifications notifications;
  @Inject ViewBuffer views;
  @Inject Clock clock;

  /** A page of a cohort's threads ({@link Views.ThreadPage}) as JSON, kept or read now. */
  @Transactional
  public byte[] threads(Caller caller, long cohortId, ThreadQuery query) {
    Scope.ReadableCohort cohort = scope.readableCohort(caller, cohortId);
    byte[] json =
        threadPageCache.page(
            caller,
            cohort,
            query,
            () -> {
              List<Views.PostView> page = threadPages.page(caller, cohort.id(), query);
              return new Views.ThreadPage(page, query.nextCursor(page.size()));
            });
    views.viewed(cohort.spaceId(), cohort.id(), caller.personId(), clock.instant());
    return json;
  }

  @Transactional
  public Views.ThreadWithReplies thread(Caller caller, long postId) {
    Post post = scope.post(caller, postId);
    Post start = post.isThreadStart() ? post : post.thread();
    TypedQuery<Post> replyQuery =
        em.createQuery(
                "select p from Post p where p.thread = :thread and p.deletedAt is null"
                    + " and (p.status = :published or p.author.id = :me)"
                    + " order by p.createdAt, p.id",
                Post.class)
            .setParameter("thread", start)
            .setParameter("published", PostStatus.PUBLISHED)
            .setParameter("me", caller.personId());
    batchFetch(replyQuery);
    List<Post> replies = replyQuery.getResultList();
    List<Post> all = new ArrayList<>(replies);
    all.add(start);
    Map<Long, Integer> mine = myRatings(caller, all);
    return new Views.ThreadWithReplies(
        view(caller, start, mine.get(start.id())),
        replies.stream().map(p -> view(caller, p, mine.get(p.id()))).toList());
  }

  @Transactional
  public Views.PostView create(Caller caller, long cohortId, NewPost request) {
    Cohort cohort = scope.cohort(caller, cohortId);
    Posts.Created created = posts.create(cohort, scope.writer(caller, cohort), request);
    Post post = created.post();
    // A retried creation finds the first post and must not count twice in the analytics.
    if (created.isNew()) {
      ActivityType type =
          !post.isThreadStart()
              ? ActivityType.REPLY
              : post.kind() == PostKind.APPLIED_STORY ? ActivityType.APPLIED : ActivityType.POST;
      activity.record(cohort, post.author(), type, post);
      notifications.published(post);
    }
    return Views.PostView.of(post, null);
  }

  @Transactional
  public Views.PostView edit(Caller caller, long postId, NewPost request) {
    Post post = posts.edit(scope.post(caller, postId), scope.person(caller), request);
    return view(caller, post, null);
  }

  @Transactional
  public void delete(Caller caller, long postId, String reason) {
    posts.delete(scope.post(caller, postId), scope.person(caller), caller.facilitator(), reason);
  }

  @Transactional
  public Views.PostView rate(Caller caller, long postId, int stars) {
    Post post = scope.post(caller, postId);
    PostRating rating = ratings.rate(post, scope.writer(caller, post.cohort()), stars);
    activity.record(post.cohort(), scope.person(caller), ActivityType.RATE, post);
    return Views.PostView.of(post, rating.stars());
  }

  /** The held posts of a space, for its reviewers. */
  @Transactional
  public List<Views.PostView> reviewQueue(Caller caller, long spaceId) {
    Space space = scope.space(caller, spaceId);
    scope.requireReviewer(caller, space);
    return reviews.queue(space).stream().map(p -> Views.PostView.of(p, null)).toList();
  }

  /** Approves a held post, or rejects it with the reason its author will read. */
  @Transactional
  public Views.PostView review(Caller caller, long postId, boolean approve, String reason) {
    Post post = scope.post(caller, postId);
    scope.requireReviewer(caller, post.space());
    Person reviewer = scope.person(caller);
    if (approve) {
      reviews.approve(post, reviewer);
      notifications.reviewed(post, reviewer, true, null);
      notifications.published(post);
    } else {
      reviews.reject(post, reviewer, reason);
      notifications.reviewed(post, reviewer, false, reason);
    }
    return Views.PostView.of(post, null, reviewOf(post));
  }

  /** What the author and reviewers see of the last decision on a post that is not published. */
  private Views.ReviewView reviewOf(Post post) {
    return reviews.lastDecision(post).map(Views.ReviewView::of).orElse(null);
  }

  private Views.PostView view(Caller caller, Post post, Integer myRating) {
    boolean mayReadReview = caller.facilitator() || post.author().id() == caller.personId();
    return post.status() == PostStatus.REJECTED && mayReadReview
        ? Views.PostView.of(post, myRating, reviewOf(post))
        : Views.PostView.of(post, myRating);
  }

  /**
   * Loads the tags, mentions (eager) and authors of a thread's posts in one query each instead of
   * one per post (EclipseLink batch fetching), read-only.
   */
  private static void batchFetch(Query query) {
    // What a page shows is never changed in the same transaction: no copies for change tracking.
    query.setHint("eclipselink.read-only", "true");
    query.setHint("eclipselink.batch.type", "IN");
    query.setHint("eclipselink.batch", "p.tags");
    query.setHint("eclipselink.batch", "p.mentions");
    query.setHint("eclipselink.batch", "p.author");
  }

  private Map<Long, Integer> myRatings(Caller caller, List<Post> page) {
    if (page.isEmpty()) {
      return Map.of();
    }
    List<Object[]> rows =
        em.createQuery(
                "select r.postId, r.stars from PostRating r"
                    + " where r.personId = :me and r.postId in :ids",
                Object[].class)
            .setParameter("me", caller.personId())
            .setParameter("ids", page.stream().map(Post::id).toList())
            .getResultList();
    return rows.stream()
        .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).intValue()));
  }
}
