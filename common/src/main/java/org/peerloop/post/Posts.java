package org.peerloop.post;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.CohortMember;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.cohort.Cohorts;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.errors.NotFoundException;
import org.peerloop.errors.Require;
import org.peerloop.people.Person;
import org.peerloop.space.Moderation;
import org.peerloop.space.Prompt;
import org.peerloop.space.Space;

/**
 * Writes posts: creation (idempotent on the author's key), edits within a window with the previous
 * version kept, and soft deletion with an audit entry. Reading and authorization belong to the
 * callers, which always come with the author's membership. Callers own the transaction.
 */
@Dependent
public class Posts {
  /** An author may correct a post for this long after writing it. */
  public static final Duration EDIT_WINDOW = Duration.ofMinutes(30);

  private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private final EntityManager em;
  private final Clock clock;
  private final Cohorts cohorts;
  private final CohortRevisions revisions;

  @Inject
  public Posts(EntityManager em, Clock clock, Cohorts cohorts) {
    this.em = em;
    this.clock = clock;
    this.cohorts = cohorts;
    this.revisions = new CohortRevisions(em);
  }

  /**
   * Creates a post in the author's cohort. The same author and client key return the post made the
   * first time, whatever the retry carries.
   */
  public Post create(CohortMember author, NewPost request) {
    return create(author.cohort(), author.person(), request).post();
  }

  /** A post and whether this call made it (false: a retry found the first one). */
  public record Created(Post post, boolean isNew) {}

  /**
   * Creates a post in a cohort by a person the caller has allowed to write there: a member of the
   * cohort, or a facilitator of its course.
   */
  public Created create(Cohort cohort, Person author, NewPost request) {
    if (request.clientKey() == null || !CLIENT_KEY.matcher(request.clientKey()).matches()) {
      throw new InvalidValueException(
          "clientKey", "clientKey must be 8 to 64 letters, digits, '-' or '_'");
    }
    Optional<Post> earlier = byClientKey(author, request.clientKey());
    if (earlier.isPresent()) {
      return new Created(earlier.get(), false);
    }
    Space space = cohort.space();
    Instant now = clock.instant();
    if (!space.isOpenAt(now)) {
      throw new ConflictException(
          space.isClosedAt(now) ? "space-closed" : "space-not-open",
          space.isClosedAt(now)
              ? "This space has closed; it is read-only now"
              : "This space is not open yet");
    }
    Post thread = request.replyTo() == null ? null : threadOf(cohort, request.replyTo());
    Prompt prompt = thread == null ? promptOf(space, request.promptId()) : null;
    PostContent content =
        PostContent.of(
            thread != null,
            request.kind(),
            request.title(),
            request.body(),
            request.appliedWhat(),
            request.appliedResult());
    PostStatus status =
        space.moderation() == Moderation.EXPERT_REVIEW ? PostStatus.HELD : PostStatus.PUBLISHED;
    Post post = new Post(cohort, author, thread, prompt, content, status, request.clientKey(), now);
    post.setMentions(mentionedMembers(cohort, author, content));
    em.persist(post);
    if (thread != null && status == PostStatus.PUBLISHED) {
      em.createQuery("update Post p set p.replyCount = p.replyCount + 1 where p.id = :id")
          .setParameter("id", thread.id())
          .executeUpdate();
    }
    em.flush();
    revisions.raise(cohort.id());
    return new Created(post, true);
  }

  /**
   * Changes a post's content: its author only, within {@link #EDIT_WINDOW}, history kept. A
   * rejected post may be revised at any time; revising resubmits it for review.
   */
  public Post edit(Post post, Person editor, NewPost request) {
    if (!post.author().id().equals(editor.id())) {
      throw new ConflictException("not-the-author", "Only the author can edit a post");
    }
    if (post.isDeleted()) {
      throw new ConflictException("post-deleted", "A deleted post cannot be edited");
    }
    Instant now = clock.instant();
    boolean resubmission = post.status() == PostStatus.REJECTED;
    if (!resubmission && !now.isBefore(post.createdAt().plus(EDIT_WINDOW))) {
      throw new ConflictException(
          "edit-window-passed",
          "A post can be edited for " + EDIT_WINDOW.toMinutes() + " minutes after writing it");
    }
    PostContent content =
        PostContent.of(
            !post.isThreadStart(),
            post.kind(),
            request.title(),
            request.body(),
            request.appliedWhat(),
            request.appliedResult());
    em.persist(post.revise(content, now));
    if (resubmission) {
      // A revised rejected post goes back to the reviewers.
      post.changeStatus(PostStatus.HELD);
      em.persist(new PostAudit(post, editor, "RESUBMIT", null, now));
    }
    em.flush();
    revisions.raise(post.cohort().id());
    return post;
  }

  /** Hides a post for good (its author or a facilitator), with an audit entry. */
  public void delete(Post post, Person actor, boolean actorIsFacilitator, String reason) {
    if (!actorIsFacilitator && !post.author().id().equals(actor.id())) {
      throw new ConflictException(
          "not-allowed", "Only the author or a facilitator can delete a post");
    }
    if (post.isDeleted()) {
      return;
    }
    String why = Require.optionalText("reason", reason, 1000);
    Instant now = clock.instant();
    post.softDelete(actor, now);
    em.persist(new PostAudit(post, actor, "DELETE", why, now));
    if (!post.isThreadStart() && post.status() == PostStatus.PUBLISHED) {
      em.createQuery("update Post p set p.replyCount = p.replyCount - 1 where p.id = :id")
          .setParameter("id", post.thread().id())
          .executeUpdate();
    }
    em.flush();
    revisions.raise(post.cohort().id());
  }

  public List<PostVersion> history(Post post) {
    return em.createQuery(
            "select v from PostVersion v where v.post = :post order by v.version",
            PostVersion.class)
        .setParameter("post", post)
        .getResultList();
  }

  public List<PostAudit> audit(Post post) {
    return em.createQuery(
            "select a from PostAudit a where a.post = :post order by a.actedAt, a.id",
            PostAudit.class)
        .setParameter("post", post)
        .getResultList();
  }

  /** The post an author already made with this client key, if any. */
  public Optional<Post> byClientKey(Person author, String clientKey) {
    return em.createQuery(
            "select p from Post p where p.author = :author and p.clientKey = :key", Post.class)
        .setParameter("author", author)
        .setParameter("key", clientKey)
        .getResultStream()
        .findFirst();
  }

  /**
   * The thread a reply goes into. Replies nest one level: answering a reply answers its thread. A
   * post of another cohort is "not found", never "forbidden", so ids reveal nothing.
   */
  private Post threadOf(Cohort cohort, long replyTo) {
    Post parent = em.find(Post.class, replyTo);
    if (parent == null || !parent.cohort().id().equals(cohort.id()) || parent.isDeleted()) {
      throw new NotFoundException("post-not-found", "No such post in your cohort");
    }
    return parent.isThreadStart() ? parent : parent.thread();
  }

  private static Prompt promptOf(Space space, Long promptId) {
    if (promptId == null) {
      return null;
    }
    return space.prompts().stream()
        .filter(p -> p.id().equals(promptId))
        .findFirst()
        .orElseThrow(() -> new InvalidValueException("promptId", "no such prompt in this space"));
  }

  /**
   * The cohort's members named after an @ in the post. Most posts mention nobody, so the members'
   * names are read only when the text has an @ at all.
   */
  private List<Long> mentionedMembers(Cohort cohort, Person author, PostContent content) {
    String text = PostHtml.visibleText(content.bodyHtml());
    if (text.indexOf('@') < 0) {
      return List.of();
    }
    Map<Long, String> names = cohorts.memberNames(cohort);
    names.remove(author.id());
    return PostText.mentions(text, names);
  }
}
