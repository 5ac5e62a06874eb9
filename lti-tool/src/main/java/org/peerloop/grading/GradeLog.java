package org.peerloop.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.grades.GradeRecord;
import org.peerloop.grades.GradeSyncEntry;
import org.peerloop.space.Grading;
import org.peerloop.space.Space;

/** A space's participation grades and their synchronisation log, as facilitators read them. */
@ApplicationScoped
public class GradeLog {
  static final int LOG_LINES = 100;

  @Inject EntityManager em;
  @Inject Scope scope;

  public record ScoreView(
      long personId,
      String name,
      double score,
      double maximum,
      Double accepted,
      String status,
      int attempts,
      String error,
      String sentAt) {
    static ScoreView of(GradeRecord g) {
      return new ScoreView(
          g.person().id(),
          g.person().displayName(),
          g.scoreGiven(),
          g.scoreMaximum(),
          g.sentScore(),
          g.status().name(),
          g.attempts(),
          g.lastError(),
          g.sentAt() == null ? null : g.sentAt().toString());
    }
  }

  public record LogLine(String at, String person, String outcome, Double score, String detail) {
    static LogLine of(GradeSyncEntry e) {
      return new LogLine(
          e.loggedAt().toString(),
          e.person() == null ? null : e.person().displayName(),
          e.outcome().name(),
          e.scoreGiven(),
          e.detail());
    }
  }

  /** The grading settings, every member's last score, and the latest lines of the log. */
  public record GradesView(
      boolean enabled, Grading formula, List<ScoreView> scores, List<LogLine> log) {}

  @Transactional
  public GradesView of(Caller caller, long spaceId) {
    scope.requireFacilitator(caller);
    Space space = scope.space(caller, spaceId);
    List<ScoreView> scores =
        em.createQuery(
                "select g from GradeRecord g join fetch g.person where g.link.space = :space"
                    + " order by g.person.id",
                GradeRecord.class)
            .setParameter("space", space)
            .getResultStream()
            .map(ScoreView::of)
            .toList();
    List<LogLine> log =
        em.createQuery(
                "select e from GradeSyncEntry e where e.link.space = :space"
                    + " order by e.loggedAt desc, e.id desc",
                GradeSyncEntry.class)
            .setParameter("space", space)
            .setMaxResults(LOG_LINES)
            .getResultStream()
            .map(LogLine::of)
            .toList();
    return new GradesView(space.grading().enabled(), space.grading(), scores, log);
  }
}
