package org.peerloop.insights;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.peerloop.analytics.CohortFacts;
import org.peerloop.analytics.CohortReport;
import org.peerloop.analytics.Continuity;
import org.peerloop.analytics.Conversation;
import org.peerloop.analytics.Engagement;
import org.peerloop.analytics.InteractionGraph;
import org.peerloop.cohort.Cohort;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.course.Course;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.people.Person;
import org.peerloop.space.Phase;
import org.peerloop.space.Space;

/**
 * A course's, space's or cohort's metrics over a period, for its facilitators; go-to names for
 * members.
 */
@ApplicationScoped
public class AnalyticsService {
  @Inject EntityManager em;
  @Inject Scope scope;
  @Inject Clock clock;

  /** The period asked for; either end may be left open. */
  public record Period(Instant from, Instant to) {}

  @Transactional
  public AnalyticsViews.Report report(Caller caller, long spaceId, Long cohortId, Period asked) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    Cohort cohort = cohortId == null ? null : scope.cohort(caller, cohortId);
    if (cohort != null && !cohort.space().id().equals(space.id())) {
      throw new InvalidValueException("cohortId", "the cohort is in another space");
    }
    Period period = period(space.createdAt(), asked);
    FactsQuery query = FactsQuery.of(em, space, cohort, period.from(), period.to());
    return report(query, period, space.topics(), facts -> continuity(space, query, facts.roster()));
  }

  /**
   * The metrics of every space of the caller's course together: the course roster, and everyone in
   * any of its cohorts.
   */
  @Transactional
  public AnalyticsViews.Report courseReport(Caller caller, Period asked) {
    scope.requireFacilitator(caller);
    Course course = em.find(Course.class, caller.courseId());
    List<Space> spaces =
        em.createQuery("select s from Space s where s.course = :course order by s.id", Space.class)
            .setParameter("course", course)
            .getResultList();
    Period period = period(course.createdAt(), asked);
    FactsQuery query =
        FactsQuery.ofCourse(
            em, course, spaces.stream().map(Space::id).toList(), period.from(), period.to());
    Set<String> topics = new LinkedHashSet<>();
    spaces.forEach(s -> topics.addAll(s.topics()));
    return report(query, period, List.copyOf(topics), facts -> null);
  }

  private AnalyticsViews.Report report(
      FactsQuery query,
      Period period,
      List<String> topics,
      Function<CohortFacts, Continuity> continuity) {
    CohortFacts facts = query.facts();
    CohortReport report = CohortReport.of(facts);
    List<Engagement.Week> weeks =
        Engagement.weekly(
            Engagement.weekStarts(period.from(), period.to()), facts, query::countActiveBetween);
    return AnalyticsViews.Report.of(
        report,
        period,
        names(report),
        topics,
        facts,
        weeks,
        query.posts(unanswered(facts)),
        query.posts(stories(facts)),
        continuity.apply(facts));
  }

  /** Questions nobody else has replied to yet. */
  private static List<Long> unanswered(CohortFacts facts) {
    return Conversation.unansweredQuestions(facts).stream().limit(LIST_LIMIT).toList();
  }

  private static List<Long> stories(CohortFacts facts) {
    return facts.threads().stream()
        .filter(t -> t.kind() == CohortFacts.Kind.APPLIED_STORY)
        .map(CohortFacts.Thread::id)
        .limit(LIST_LIMIT)
        .toList();
  }

  /**
   * For a post-course space with an opening date (the end of the formal course), the share of its
   * people active 4 and 8 weeks later; otherwise nothing.
   */
  private static Continuity continuity(Space space, FactsQuery query, Set<Long> roster) {
    if (space.phase() != Phase.POST_COURSE || space.opensAt() == null) {
      return null;
    }
    return Continuity.of(roster, space.opensAt(), query::activeBetween);
  }

  /** A learner's cohort's go-to people: names only, no scores (PRODUCT.md). */
  @Transactional
  public List<String> goToPeople(Caller caller, long cohortId) {
    Cohort cohort = scope.cohort(caller, cohortId);
    Space space = cohort.space();
    CohortFacts facts =
        FactsQuery.of(em, space, cohort, space.createdAt(), clock.instant().plusSeconds(1)).facts();
    List<Long> ids =
        InteractionGraph.of(facts).goToPeople().stream().map(InteractionGraph.Person::id).toList();
    Map<Long, String> names = names(ids);
    return ids.stream().map(names::get).toList();
  }

  /** Lists of posts show at most this many. */
  static final int LIST_LIMIT = 50;

  /**
   * The period asked for, from {@code start} (the space's or course's creation) to now by default.
   */
  private Period period(Instant start, Period asked) {
    Instant from = asked.from() == null ? start : asked.from();
    Instant to = asked.to() == null ? clock.instant().plusSeconds(1) : asked.to();
    if (!to.isAfter(from)) {
      throw new InvalidValueException("to", "the period must end after it starts");
    }
    return new Period(from, to);
  }

  /** The names of the members and of everyone in their network (facilitators who endorsed). */
  private Map<Long, String> names(CohortReport report) {
    Set<Long> people = new TreeSet<>();
    report.members().forEach(m -> people.add(m.id()));
    report
        .network()
        .ties()
        .forEach(
            t -> {
              people.add(t.from());
              people.add(t.to());
            });
    return names(List.copyOf(people));
  }

  private Map<Long, String> names(List<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    // In chunks: a space of thousands would otherwise make one very long IN list.
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      em.createQuery("select p from Person p where p.id in :ids", Person.class)
          .setParameter("ids", chunk)
          // Read-only: thousands of managed people would each be compared at every flush.
          .setHint("eclipselink.read-only", "true")
          .getResultStream()
          .forEach(p -> names.put(p.id(), p.displayName()));
    }
    return names;
  }
}
