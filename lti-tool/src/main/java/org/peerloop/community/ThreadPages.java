package org.peerloop.community;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerloop.people.Person;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostStatus;
import org.peerloop.post.Reviews;

/**
 * A page of a cohort's threads, the request learners make most, in three queries: the page's ids in
 * order, the posts' columns with their authors and the reader's own ratings, their tags. Entities
 * would cost a dozen more statements (each post's eager relations) and the building of objects
 * nobody changes. Joins the caller's transaction.
 */
@Dependent
public class ThreadPages {
  private static final String COLUMNS =
      "p.id, p.kind, p.title, p.bodyHtml, p.appliedWhat, p.appliedResult,"
          + " a.id, a.name, a.givenName, a.familyName, a.erasedAt, a.pictureUrl,"
          + " p.status, p.createdAt, p.editedAt, p.version, p.replyCount,"
          + " p.ratingCount, p.ratingSum, pr.id, p.endorsedAt, p.pinnedAt, p.bestOfAt, coalesce(r.stars, 0)";

  private final EntityManager em;
  private final Reviews reviews;

  @Inject
  public ThreadPages(EntityManager em, Reviews reviews) {
    this.em = em;
    this.reviews = reviews;
  }

  public List<Views.PostView> page(Caller caller, long cohortId, ThreadQuery query) {
    List<Long> ids = ids(caller, cohortId, query);
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Object[]> rows = rows(caller, ids);
    Map<Long, List<String>> tags = tagsOf(ids);
    List<Views.PostView> page = new ArrayList<>(ids.size());
    for (Long id : ids) {
      page.add(view(caller, rows.get(id), tags.getOrDefault(id, List.of())));
    }
    return page;
  }

  /**
   * The page's ids in order, before anything is joined: joining first would join every thread of
   * the cohort, not the page's.
   */
  private List<Long> ids(Caller caller, long cohortId, ThreadQuery query) {
    // The ranking score (see Post#score) is a result variable: the only way JPQL orders by an
    // expression.
    StringBuilder jpql =
        new StringBuilder("select p.id, (")
            .append(Post.PRIOR_WEIGHT * Post.PRIOR_MEAN)
            .append(" + p.ratingSum) / (")
            .append(Post.PRIOR_WEIGHT)
            .append(" + p.ratingCount) as score from Post p")
            .append(" where p.cohort.id = :cohort and p.thread is null and p.deletedAt is null")
            .append(" and (p.status = :published or p.author.id = :me)");
    if (query.tag() != null) {
      jpql.append(" and :tag member of p.tags");
    }
    if (query.kind() != null) {
      jpql.append(" and p.kind = :kind");
    }
    if (query.promptId() != null) {
      jpql.append(" and p.prompt.id = :prompt");
    }
    switch (query.sort()) {
      case TOP_RATED -> jpql.append(" order by score desc, p.createdAt desc, p.id desc");
      case UNANSWERED -> jpql.append(" and p.replyCount = 0 order by p.createdAt desc, p.id desc");
      default -> jpql.append(" order by p.createdAt desc, p.id desc");
    }
    TypedQuery<Object[]> q =
        em.createQuery(jpql.toString(), Object[].class)
            .setParameter("cohort", cohortId)
            .setParameter("published", PostStatus.PUBLISHED)
            .setParameter("me", caller.personId())
            .setFirstResult(query.offset())
            .setMaxResults(query.limit());
    if (query.tag() != null) {
      q.setParameter("tag", query.tag());
    }
    if (query.kind() != null) {
      q.setParameter("kind", query.kind());
    }
    if (query.promptId() != null) {
      q.setParameter("prompt", query.promptId());
    }
    return q.getResultList().stream().map(row -> (Long) row[0]).toList();
  }

  /** What the page shows of these posts, with their authors and the reader's own ratings. */
  private Map<Long, Object[]> rows(Caller caller, List<Long> ids) {
    List<Object[]> rows =
        em.createQuery(
                "select "
                    + COLUMNS
                    + " from Post p join p.author a left join p.prompt pr"
                    + " left join PostRating r on r.postId = p.id and r.personId = :me"
                    + " where p.id in :ids",
                Object[].class)
            .setParameter("me", caller.personId())
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, Object[]> byId = new HashMap<>();
    for (Object[] row : rows) {
      byId.put((Long) row[0], row);
    }
    return byId;
  }

  private Map<Long, List<String>> tagsOf(List<Long> ids) {
    List<Object[]> pairs =
        em.createQuery(
                "select p.id, t from Post p join p.tags t where p.id in :ids", Object[].class)
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, List<String>> tags = new HashMap<>();
    for (Object[] pair : pairs) {
      tags.computeIfAbsent((Long) pair[0], id -> new ArrayList<>()).add((String) pair[1]);
    }
    tags.values().forEach(list -> list.sort(null));
    return tags;
  }

  private Views.PostView view(Caller caller, Object[] row, List<String> tags) {
    long id = (Long) row[0];
    long authorId = (Long) row[6];
    PostStatus status = (PostStatus) row[12];
    int ratingCount = (Integer) row[17];
    int ratingSum = (Integer) row[18];
    // No rating of the reader's reads as 0 (stars are 1 to 5): a null would too, as the int of
    // PostRating#stars.
    int myStars = ((Number) row[23]).intValue();
    boolean mayReadReview = caller.facilitator() || authorId == caller.personId();
    return new Views.PostView(
        id,
        null,
        ((PostKind) row[1]).name(),
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        new Views.PersonView(
            authorId,
            Person.displayName(
                authorId, (String) row[7], (String) row[8], (String) row[9], row[10] != null),
            (String) row[11]),
        status.name(),
        ((Instant) row[13]).toString(),
        row[14] == null ? null : ((Instant) row[14]).toString(),
        (Integer) row[15],
        (Integer) row[16],
        new Views.RatingView(
            ratingCount,
            Post.meanRating(ratingSum, ratingCount),
            Post.score(ratingSum, ratingCount),
            myStars == 0 ? null : myStars),
        tags,
        (Long) row[19],
        row[20] != null,
        row[21] != null,
        row[22] != null,
        status == PostStatus.REJECTED && mayReadReview ? reviewOf(id) : null);
  }

  /** The decision a rejected post's author and the facilitators read; rare enough to load. */
  private Views.ReviewView reviewOf(long postId) {
    return reviews.lastDecision(em.find(Post.class, postId)).map(Views.ReviewView::of).orElse(null);
  }
}
