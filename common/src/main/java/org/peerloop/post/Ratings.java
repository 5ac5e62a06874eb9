package org.peerloop.post;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.people.Person;

/**
 * Peer ratings: one 1–5 rating per member and post, changeable, never on one's own post. The post's
 * count and sum change by atomic increments in the same transaction as the rating row, so
 * concurrent raters give exact aggregates. Callers own the transaction.
 */
@Dependent
public class Ratings {
  private final EntityManager em;
  private final Clock clock;
  private final CohortRevisions revisions;

  @Inject
  public Ratings(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
    this.revisions = new CohortRevisions(em);
  }

  /** A member rates a post of their own cohort. */
  public PostRating rate(Post post, CohortMember rater, int stars) {
    if (!post.cohort().id().equals(rater.cohort().id())) {
      throw new NotFoundException("post-not-found", "No such post in your cohort");
    }
    return rate(post, rater.person(), stars);
  }

  /** A person the caller has allowed to rate in the post's cohort (a member, or a facilitator). */
  public PostRating rate(Post post, Person rater, int stars) {
    if (stars < 1 || stars > 5) {
      throw new InvalidValueException("stars", "stars must be 1 to 5");
    }
    if (post.isDeleted() || post.status() != PostStatus.PUBLISHED) {
      throw new NotFoundException("post-not-found", "No such post in your cohort");
    }
    if (!post.space().ratingsEnabled()) {
      throw new ConflictException("ratings-off", "Ratings are turned off in this space");
    }
    if (post.author().id().equals(rater.id())) {
      throw new ConflictException("own-post", "You cannot rate your own post");
    }
    Instant now = clock.instant();
    PostRating existing = em.find(PostRating.class, new PostPersonKey(post.id(), rater.id()));
    int countDelta;
    int sumDelta;
    PostRating rating;
    if (existing == null) {
      rating = new PostRating(post.id(), rater.id(), stars, now);
      em.persist(rating);
      countDelta = 1;
      sumDelta = stars;
    } else {
      sumDelta = stars - existing.stars();
      countDelta = 0;
      existing.change(stars, now);
      rating = existing;
    }
    em.flush();
    em.createQuery(
            "update Post p set p.ratingCount = p.ratingCount + :count,"
                + " p.ratingSum = p.ratingSum + :sum where p.id = :id")
        .setParameter("count", countDelta)
        .setParameter("sum", sumDelta)
        .setParameter("id", post.id())
        .executeUpdate();
    revisions.raise(post.cohort().id());
    em.refresh(post);
    return rating;
  }
}
