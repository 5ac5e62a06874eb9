package org.peerloop.insights;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerloop.activity.ActivityType;
import org.peerloop.analytics.CohortFacts;
import org.peerloop.cohort.Cohort;
import org.peerloop.cohort.MemberRole;
import org.peerloop.course.Course;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostStatus;
import org.peerloop.roster.RosterEntry;
import org.peerloop.space.Space;

/**
 * Reads the facts of a course (all its spaces), a space or one of its cohorts in a period [from,
 * to): who is on the roster, who viewed, the published threads and replies, the ratings and
 * endorsements. A constant number of queries whatever the size.
 */
final class FactsQuery {
  private final EntityManager em;
  private final Course course;
  private final List<Long> spaceIds;
  private final Space space;
  private final Cohort cohort;
  private final Instant from;
  private final Instant to;

  private FactsQuery(
      EntityManager em,
      Course course,
      List<Long> spaceIds,
      Space space,
      Cohort cohort,
      Instant from,
      Instant to) {
    this.em = em;
    this.course = course;
    this.spaceIds = spaceIds;
    this.space = space;
    this.cohort = cohort;
    this.from = from;
    this.to = to;
  }

  /** A space's facts, or one cohort's when {@code cohort} is not null. */
  static FactsQuery of(EntityManager em, Space space, Cohort cohort, Instant from, Instant to) {
    return new FactsQuery(em, space.course(), List.of(space.id()), space, cohort, from, to);
  }

  /** The facts of every space of a course together. */
  static FactsQuery ofCourse(
      EntityManager em, Course course, List<Long> spaceIds, Instant from, Instant to) {
    return new FactsQuery(em, course, spaceIds, null, null, from, to);
  }

  private String where(String alias) {
    if (space == null) {
      return alias + ".space.course = :course";
    }
    return alias
        + ".space = :space"
        + (cohort == null ? "" : " and " + alias + ".cohort = :cohort");
  }

  private <T> TypedQuery<T> scoped(String jpql, Class<T> type) {
    TypedQuery<T> query = em.createQuery(jpql, type);
    if (space == null) {
      return query.setParameter("course", course);
    }
    query.setParameter("space", space);
    if (cohort != null) {
      query.setParameter("cohort", cohort);
    }
    return query;
  }

  /** The activity events of the spaces (and cohort) in scope, as a JPQL condition on {@code e}. */
  private String eventsWhere() {
    return (spaceIds.size() == 1 ? "e.spaceId = :space" : "e.spaceId in :spaces")
        + (cohort == null ? "" : " and e.cohortId = :cohort");
  }

  private <T> TypedQuery<T> eventsScoped(TypedQuery<T> query) {
    if (spaceIds.size() == 1) {
      query.setParameter("space", spaceIds.get(0));
    } else {
      query.setParameter("spaces", spaceIds);
    }
    if (cohort != null) {
      query.setParameter("cohort", cohort.id());
    }
    return query;
  }

  CohortFacts facts() {
    return new CohortFacts(roster(), viewers(), threads(), replies(), ratings());
  }

  /**
   * The cohort's active learners; for a whole space also the course roster's learners who never
   * joined, who are its non-participants.
   */
  Set<Long> roster() {
    Set<Long> roster =
        new HashSet<>(
            scoped(
                    "select m.person.id from CohortMember m where "
                        + where("m")
                        + " and m.active = true and m.role <> :facilitator",
                    Long.class)
                .setParameter("facilitator", MemberRole.FACILITATOR)
                .getResultList());
    if (cohort == null) {
      em.createQuery(
              "select e from RosterEntry e where e.course = :course and e.active = true",
              RosterEntry.class)
          .setParameter("course", course)
          .setHint("eclipselink.read-only", "true")
          .getResultStream()
          .filter(e -> !e.facilitates())
          .forEach(e -> roster.add(e.person().id()));
    }
    return roster;
  }

  Set<Long> viewers() {
    if (spaceIds.isEmpty()) {
      return new HashSet<>();
    }
    return new HashSet<>(
        eventsScoped(
                em.createQuery(
                    "select distinct e.personId from ActivityEvent e where "
                        + eventsWhere()
                        + " and e.type = :view and e.occurredAt >= :from and e.occurredAt < :to",
                    Long.class))
            .setParameter("view", ActivityType.VIEW)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList());
  }

  private static final String PUBLISHED =
      " and p.status = :published and p.deletedAt is null"
          + " and p.createdAt >= :from and p.createdAt < :to";

  List<CohortFacts.Thread> threads() {
    List<Object[]> rows =
        published(
                "select p.id, p.author.id, p.kind, p.createdAt from Post p where "
                    + where("p")
                    + " and p.thread is null")
            .getResultList();
    Map<Long, Set<String>> tags = tags();
    List<CohortFacts.Thread> threads = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      threads.add(
          new CohortFacts.Thread(
              (Long) r[0],
              (Long) r[1],
              kind((PostKind) r[2]),
              (Instant) r[3],
              tags.getOrDefault((Long) r[0], Set.of())));
    }
    return threads;
  }

  private Map<Long, Set<String>> tags() {
    Map<Long, Set<String>> tags = new HashMap<>();
    for (Object[] r :
        published(
                "select p.id, t from Post p join p.tags t where "
                    + where("p")
                    + " and p.thread is null")
            .getResultList()) {
      tags.computeIfAbsent((Long) r[0], k -> new HashSet<>()).add((String) r[1]);
    }
    return tags;
  }

  List<CohortFacts.Reply> replies() {
    return published(
            "select p.id, p.thread.id, p.author.id, p.createdAt from Post p where "
                + where("p")
                + " and p.thread is not null")
        .getResultStream()
        .map(r -> new CohortFacts.Reply((Long) r[0], (Long) r[1], (Long) r[2], (Instant) r[3]))
        .toList();
  }

  /** Ratings given in the period, and endorsements by facilitators. */
  List<CohortFacts.Rating> ratings() {
    List<CohortFacts.Rating> ratings = new ArrayList<>();
    addRatings(
        "select r.postId, r.personId, p.author.id, th.id, r.ratedAt"
            + " from PostRating r, Post p left join p.thread th where r.postId = p.id and "
            + where("p")
            + " and r.ratedAt >= :from and r.ratedAt < :to",
        ratings);
    addRatings(
        "select p.id, p.endorsedBy.id, p.author.id, th.id, p.endorsedAt from Post p"
            + " left join p.thread th where "
            + where("p")
            + " and p.endorsedAt >= :from and p.endorsedAt < :to",
        ratings);
    return ratings;
  }

  /** Rows of (post, giver, post author, thread or null, when) as ratings. */
  private void addRatings(String jpql, List<CohortFacts.Rating> into) {
    inPeriod(scoped(jpql, Object[].class))
        .getResultStream()
        .forEach(
            r ->
                into.add(
                    new CohortFacts.Rating(
                        (Long) r[0], (Long) r[1], (Long) r[2], r[3] != null, (Instant) r[4])));
  }

  /** Published, not deleted posts written in the period. */
  private TypedQuery<Object[]> published(String jpql) {
    return inPeriod(scoped(jpql + PUBLISHED, Object[].class))
        .setParameter("published", PostStatus.PUBLISHED);
  }

  private <T> TypedQuery<T> inPeriod(TypedQuery<T> query) {
    return query.setParameter("from", from).setParameter("to", to);
  }

  /** Who did anything (viewed, posted, replied, rated) in the space or cohort in [a, b). */
  Set<Long> activeBetween(Instant a, Instant b) {
    if (spaceIds.isEmpty()) {
      return new HashSet<>();
    }
    return new HashSet<>(events("select distinct e.personId", a, b, Long.class).getResultList());
  }

  /** How many people did anything in [a, b), counted by the database. */
  int countActiveBetween(Instant a, Instant b) {
    if (spaceIds.isEmpty()) {
      return 0;
    }
    return events("select count(distinct e.personId)", a, b, Long.class)
        .getSingleResult()
        .intValue();
  }

  private <T> TypedQuery<T> events(String select, Instant a, Instant b, Class<T> type) {
    return eventsScoped(
            em.createQuery(
                select
                    + " from ActivityEvent e where "
                    + eventsWhere()
                    + " and e.occurredAt >= :from and e.occurredAt < :to",
                type))
        .setParameter("from", a)
        .setParameter("to", b);
  }

  /** The posts with these ids, for lists that show titles (unanswered questions, stories). */
  List<Post> posts(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select p from Post p join fetch p.author where p.id in :ids order by p.createdAt desc",
            Post.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  private static CohortFacts.Kind kind(PostKind kind) {
    return switch (kind) {
      case QUESTION -> CohortFacts.Kind.QUESTION;
      case APPLIED_STORY -> CohortFacts.Kind.APPLIED_STORY;
      case DISCUSSION -> CohortFacts.Kind.DISCUSSION;
    };
  }
}
