package org.peerloop.notify;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peerloop.cohort.Cohort;
import org.peerloop.people.Person;
import org.peerloop.post.Post;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostStatus;

/**
 * The cohort digest: for each member with an e-mail address whose daily or weekly digest is due,
 * what their cohorts wrote since the last one: the best-rated new threads, the questions still
 * unanswered and the new applied-at-work stories. A member whose cohorts wrote nothing gets no
 * mail. The digest and its member's "last digest" move in one transaction, and a member has one
 * digest per period (the outbox's unique key), so no node makes a second. Callers own the
 * transaction.
 */
@Dependent
public class Digests {
  /** Each list of a cohort shows at most this many posts. */
  public static final int PER_LIST = 3;

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public Digests(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** What one cohort wrote in the period. */
  public record CohortNews(
      Cohort cohort, List<Post> topRated, List<Post> unanswered, List<Post> stories) {
    public boolean isEmpty() {
      return topRated.isEmpty() && unanswered.isEmpty() && stories.isEmpty();
    }
  }

  /** A member's due digest: its period, and the news of each cohort that has any. */
  public record Due(
      Person person, String key, Instant since, Instant until, List<CohortNews> news) {}

  /** The members with an address and a digest due now. */
  public List<Long> dueMembers() {
    Instant now = clock.instant();
    Map<Long, MailPreference> chosen = new HashMap<>();
    em.createQuery("select p from MailPreference p", MailPreference.class)
        .getResultStream()
        .forEach(p -> chosen.put(p.personId(), p));
    return em.createQuery(
            "select distinct m.person.id from CohortMember m"
                + " where m.active = true and m.person.email is not null",
            Long.class)
        .getResultStream()
        .filter(id -> isDue(chosen.get(id), now))
        .sorted()
        .toList();
  }

  private static boolean isDue(MailPreference p, Instant now) {
    Digest digest = p == null ? Digest.WEEKLY : p.digest();
    if (digest == Digest.OFF) {
      return false;
    }
    Instant last = p == null ? null : p.lastDigestAt();
    return last == null || !last.plus(period(digest)).isAfter(now);
  }

  static Duration period(Digest digest) {
    return digest == Digest.DAILY ? Duration.ofDays(1) : Duration.ofDays(7);
  }

  /**
   * The member's digest, if due, recorded as made: what their cohorts wrote since the last one (or
   * over the past period, the first time). Empty when nothing was written.
   */
  public Optional<Due> take(long personId) {
    Instant now = clock.instant();
    Person person = em.find(Person.class, personId);
    if (person == null || person.email() == null) {
      return Optional.empty();
    }
    MailPreference preference = em.find(MailPreference.class, personId);
    if (preference == null) {
      preference = new MailPreference(personId, now);
      em.persist(preference);
    }
    if (!isDue(preference, now)) {
      return Optional.empty();
    }
    Instant since =
        preference.lastDigestAt() != null
            ? preference.lastDigestAt()
            : now.minus(period(preference.digest()));
    preference.digested(now);
    List<CohortNews> news = new ArrayList<>();
    for (Cohort cohort : cohortsOf(person)) {
      CohortNews n = newsOf(cohort, since, now);
      if (!n.isEmpty()) {
        news.add(n);
      }
    }
    return news.isEmpty()
        ? Optional.empty()
        : Optional.of(new Due(person, key(preference.digest(), now), since, now, news));
  }

  /** The period a digest is for: {@code 2026-11-22} for a daily one, {@code 2026-W47} weekly. */
  static String key(Digest digest, Instant at) {
    var day = at.atZone(ZoneOffset.UTC).toLocalDate();
    return digest == Digest.DAILY
        ? day.toString()
        : day.get(IsoFields.WEEK_BASED_YEAR)
            + "-W"
            + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private List<Cohort> cohortsOf(Person person) {
    return em.createQuery(
            "select m.cohort from CohortMember m where m.person = :person and m.active = true"
                + " order by m.cohort.id",
            Cohort.class)
        .setParameter("person", person)
        .getResultList();
  }

  private CohortNews newsOf(Cohort cohort, Instant since, Instant until) {
    String newThreads =
        "select p from Post p where p.cohort = :cohort and p.thread is null"
            + " and p.status = :published and p.deletedAt is null"
            + " and p.createdAt >= :since and p.createdAt < :until";
    List<Post> threads =
        em.createQuery(newThreads + " order by p.createdAt desc, p.id desc", Post.class)
            .setParameter("cohort", cohort)
            .setParameter("published", PostStatus.PUBLISHED)
            .setParameter("since", since)
            .setParameter("until", until)
            .getResultList();
    List<Post> topRated =
        threads.stream()
            .filter(p -> p.ratingCount() > 0)
            .sorted((a, b) -> Double.compare(b.score(), a.score()))
            .limit(PER_LIST)
            .toList();
    List<Post> unanswered =
        threads.stream()
            .filter(p -> p.kind() == PostKind.QUESTION && p.replyCount() == 0)
            .limit(PER_LIST)
            .toList();
    List<Post> stories =
        threads.stream().filter(p -> p.kind() == PostKind.APPLIED_STORY).limit(PER_LIST).toList();
    return new CohortNews(cohort, topRated, unanswered, stories);
  }

  /** Puts a composed digest in the outbox. */
  public void queue(Due due, String language, String subject, String text, String html) {
    em.persist(
        MailOutbox.digest(
            due.person().id(),
            due.key(),
            due.person().email(),
            language,
            subject,
            text,
            html,
            clock.instant()));
  }
}
