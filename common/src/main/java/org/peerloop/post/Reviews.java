package org.peerloop.post;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.people.Person;
import org.peerloop.space.Space;

/**
 * Expert review in regulated spaces: a held post is approved, or rejected with a reason the author
 * reads; the author may revise a rejected post, which holds it again. Every decision is kept in the
 * post's audit trail. Who may review is the caller's to check. Callers own the transaction.
 */
@Dependent
public class Reviews {
  public static final int REASON_MAX = 1000;

  static final String APPROVE = "APPROVE";
  static final String REJECT = "REJECT";

  private final EntityManager em;
  private final Clock clock;
  private final CohortRevisions revisions;

  @Inject
  public Reviews(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
    this.revisions = new CohortRevisions(em);
  }

  /** The posts of a space waiting for review, oldest first. */
  public List<Post> queue(Space space) {
    return em.createQuery(
            "select p from Post p where p.space = :space and p.status = :held"
                + " and p.deletedAt is null order by p.createdAt, p.id",
            Post.class)
        .setParameter("space", space)
        .setParameter("held", PostStatus.HELD)
        .getResultList();
  }

  public void approve(Post post, Person reviewer) {
    requireHeld(post);
    post.changeStatus(PostStatus.PUBLISHED);
    em.persist(new PostAudit(post, reviewer, APPROVE, null, clock.instant()));
    if (!post.isThreadStart()) {
      em.createQuery("update Post p set p.replyCount = p.replyCount + 1 where p.id = :id")
          .setParameter("id", post.thread().id())
          .executeUpdate();
    }
    em.flush();
    revisions.raise(post.cohort().id());
  }

  /** Refuses a held post; the reason is required, because the author must learn why. */
  public void reject(Post post, Person reviewer, String reason) {
    requireHeld(post);
    if (reason == null || reason.isBlank()) {
      throw new InvalidValueException("reason", "a rejection needs a reason the author can act on");
    }
    String why = reason.strip();
    if (why.length() > REASON_MAX) {
      throw new InvalidValueException(
          "reason", "reason must be at most " + REASON_MAX + " characters");
    }
    post.changeStatus(PostStatus.REJECTED);
    em.persist(new PostAudit(post, reviewer, REJECT, why, clock.instant()));
    em.flush();
    revisions.raise(post.cohort().id());
  }

  /** The latest review decision on a post, if any: what its author is shown. */
  public Optional<PostAudit> lastDecision(Post post) {
    return em.createQuery(
            "select a from PostAudit a where a.post = :post and a.action in :decisions"
                + " order by a.actedAt desc, a.id desc",
            PostAudit.class)
        .setParameter("post", post)
        .setParameter("decisions", List.of(APPROVE, REJECT))
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private static void requireHeld(Post post) {
    if (post.isDeleted() || post.status() != PostStatus.HELD) {
      throw new ConflictException("not-held", "Only a post waiting for review can be decided");
    }
  }
}
