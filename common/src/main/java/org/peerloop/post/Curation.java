package org.peerloop.post;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.Require;
import org.peerloop.people.Person;
import org.peerloop.space.Moderation;
import org.peerloop.space.Space;

/**
 * What facilitators do to keep a space alive: endorse and pin posts, collect a "best of", and
 * answer the flags members raise in open spaces. Each act is audited. Who may curate is the
 * caller's to check. Callers own the transaction.
 */
@Dependent
public class Curation {
  private final EntityManager em;
  private final Clock clock;
  private final CohortRevisions revisions;

  @Inject
  public Curation(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
    this.revisions = new CohortRevisions(em);
  }

  public void endorse(Post post, Person facilitator, boolean endorsed) {
    requireVisible(post);
    Instant now = clock.instant();
    post.endorse(endorsed ? facilitator : null, now);
    em.persist(new PostAudit(post, facilitator, endorsed ? "ENDORSE" : "UNENDORSE", null, now));
    em.flush();
    revisions.raise(post.cohort().id());
  }

  public void pin(Post post, Person facilitator, boolean pinned) {
    requireVisible(post);
    if (!post.isThreadStart()) {
      throw new InvalidValueException("postId", "only a thread can be pinned");
    }
    Instant now = clock.instant();
    post.pin(pinned, now);
    em.persist(new PostAudit(post, facilitator, pinned ? "PIN" : "UNPIN", null, now));
    em.flush();
    revisions.raise(post.cohort().id());
  }

  public void collect(Post post, Person facilitator, boolean inBestOf) {
    requireVisible(post);
    Instant now = clock.instant();
    post.collect(inBestOf, now);
    em.persist(new PostAudit(post, facilitator, inBestOf ? "BEST_OF" : "NOT_BEST_OF", null, now));
    em.flush();
    revisions.raise(post.cohort().id());
  }

  /** The space's best-of collection, in the order it was collected. */
  public List<Post> bestOf(Space space) {
    return em.createQuery(
            "select p from Post p where p.space = :space and p.bestOfAt is not null"
                + " and p.deletedAt is null order by p.bestOfAt, p.id",
            Post.class)
        .setParameter("space", space)
        .getResultList();
  }

  /** A member flags a peer's post in an open space; one flag per member and post. */
  public void flag(Post post, Person member, String reason) {
    requireVisible(post);
    if (post.space().moderation() != Moderation.OPEN) {
      throw new ConflictException(
          "flags-off", "Posts in a reviewed space are checked before they appear");
    }
    if (post.author().id().equals(member.id())) {
      throw new ConflictException("own-post", "You cannot flag your own post");
    }
    String why = Require.optionalText("reason", reason, 500);
    if (em.find(PostFlag.class, new PostPersonKey(post.id(), member.id())) == null) {
      em.persist(new PostFlag(post.id(), member.id(), why, clock.instant()));
      em.flush();
    }
  }

  /** Open flags of a space's posts, oldest first. */
  public List<PostFlag> openFlags(Space space) {
    return em.createQuery(
            "select f from PostFlag f, Post p where f.postId = p.id and p.space = :space"
                + " and f.resolvedAt is null and p.deletedAt is null order by f.flaggedAt",
            PostFlag.class)
        .setParameter("space", space)
        .getResultList();
  }

  /** Closes the flags of a post the facilitator judged fine (or deleted). */
  public void resolveFlags(Post post, Person facilitator) {
    Instant now = clock.instant();
    em.createQuery(
            "update PostFlag f set f.resolvedAt = :now where f.postId = :post and f.resolvedAt is null")
        .setParameter("now", now)
        .setParameter("post", post.id())
        .executeUpdate();
    em.persist(new PostAudit(post, facilitator, "FLAGS_RESOLVED", null, now));
    em.flush();
  }

  private static void requireVisible(Post post) {
    if (post.isDeleted() || post.status() != PostStatus.PUBLISHED) {
      throw new ConflictException(
          "not-published", "Only a published post can be curated or flagged");
    }
  }
}
