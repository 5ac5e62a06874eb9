package org.peerloop.analytics;

import java.util.HashSet;
import java.util.Set;

/**
 * Participation segments over the roster (PRODUCT.md): a creator started at least one thread; a
 * contributor replied or rated and started none; a consumer viewed and wrote nothing; everyone else
 * on the roster is a non-participant. The four add up to the roster.
 */
public record Segments(int nonParticipants, int consumers, int contributors, int creators) {

  public static Segments of(CohortFacts facts) {
    Classifier classify = new Classifier(facts);
    int[] counts = new int[CohortReport.Segment.values().length];
    facts.roster().forEach(person -> counts[classify.segmentOf(person).ordinal()]++);
    return new Segments(
        counts[CohortReport.Segment.NON_PARTICIPANT.ordinal()],
        counts[CohortReport.Segment.CONSUMER.ordinal()],
        counts[CohortReport.Segment.CONTRIBUTOR.ordinal()],
        counts[CohortReport.Segment.CREATOR.ordinal()]);
  }

  /** The segment of each person, from who started threads, who replied or rated, who viewed. */
  static final class Classifier {
    private final Set<Long> creators = new HashSet<>();
    private final Set<Long> contributors = new HashSet<>();
    private final Set<Long> viewers;

    Classifier(CohortFacts facts) {
      facts.threads().forEach(t -> creators.add(t.author()));
      facts.replies().forEach(r -> contributors.add(r.author()));
      facts.ratings().forEach(r -> contributors.add(r.giver()));
      viewers = facts.viewers();
    }

    CohortReport.Segment segmentOf(long person) {
      if (creators.contains(person)) {
        return CohortReport.Segment.CREATOR;
      }
      if (contributors.contains(person)) {
        return CohortReport.Segment.CONTRIBUTOR;
      }
      return viewers.contains(person)
          ? CohortReport.Segment.CONSUMER
          : CohortReport.Segment.NON_PARTICIPANT;
    }
  }

  public int roster() {
    return nonParticipants + consumers + contributors + creators;
  }

  /** (contributors + creators) / roster; 0 for an empty roster. */
  public double engagementRate() {
    return share(contributors + creators);
  }

  /** (consumers + contributors + creators) / roster. */
  public double reach() {
    return share(consumers + contributors + creators);
  }

  private double share(int count) {
    return roster() == 0 ? 0 : (double) count / roster();
  }
}
