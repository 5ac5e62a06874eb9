package org.peerloop.community;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
 * A page of a cohort's threads, the request learners make most, in two queries: the page's ids in
 * order, then the posts' columns with their authors, the reader's own ratings and the tags.
 * Entities would cost a dozen more statements (each post's eager relations) and the building of
 * objects nobody changes. Joins the caller's transaction.
 */
@Dependent
public class ThreadPages {
  private static final String COLUMNS =
      "p.id, p.kind, p.title, p.bodyHtml, p.appliedWhat, p.appliedResult,"
          + " a.id, a.name, a.givenName, a.familyName, a.erasedAt, a.pictureUrl,"
          + " p.status, p.createdAt, p.editedAt, p.version, p.replyCount,"
          + " p.ratingCount, p.ratingSum, pr.id, p.endorsedAt, p.pinnedAt, p.bestOfAt, coalesce(r.stars, 0)";

  /** The column of the tag, after {@link #COLUMNS}. */
  private static final int TAG = 24;

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
    Map<Long, Row> rows = rows(caller, ids);
    List<Views.PostView> page = new ArrayList<>(ids.size());
    for (Long id : ids) {
      Row row = rows.get(id);
      row.tags().sort(null);
      page.add(view(caller, row.columns(), row.tags()));
    }
    return page;
  }

  /** A post's columns, and its tags, which come one per result row. */
  private record Row(Object[] columns, List<String> tags) {}

  /**
   * The page's ids in order, before anything is joined: joining first would join every thread of
   * the cohort, not the page's.
   */
  private List<Long> ids(Caller caller, long cohortId, ThreadQuery query) {
    // The ranking score (see Post#score) is a result variable, the only way JPQL orders by an
    // expression; the other orders read nothing but the index of V18.
    StringBuilder jpql = new StringBuilder("select p.id");
    if (query.sort() == ThreadQuery.Sort.TOP_RATED) {
      jpql.append(", (")
          .append(Post.PRIOR_WEIGHT * Post.PRIOR_MEAN)
          .append(" + p.ratingSum) / (")
          .append(Post.PRIOR_WEIGHT)
          .append(" + p.ratingCount) as score");
    }
    jpql.append(" from Post p")
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
    Query q =
        em.createQuery(jpql.toString())
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
    List<?> rows = q.getResultList();
    return rows.stream().map(row -> (Long) (row instanceof Object[] r ? r[0] : row)).toList();
  }

  /**
   * What the page shows of these posts, with their authors, the reader's own ratings and the tags
   * (a row per tag: one statement fewer than reading them apart).
   */
  private Map<Long, Row> rows(Caller caller, List<Long> ids) {
    List<Object[]> results =
        em.createQuery(
                "select "
                    + COLUMNS
                    + ", t from Post p join p.author a left join p.prompt pr"
                    + " left join PostRating r on r.postId = p.id and r.personId = :me"
                    + " left join p.tags t where p.id in :ids",
                Object[].class)
            .setParameter("me", caller.personId())
            .setParameter("ids", ids)
            .getResultList();
    Map<Long, Row> byId = new HashMap<>();
    for (Object[] result : results) {
      Row row = byId.computeIfAbsent((Long) result[0], id -> new Row(result, new ArrayList<>()));
      if (result[TAG] != null) {
        row.tags().add((String) result[TAG]);
      }
    }
    return byId;
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
