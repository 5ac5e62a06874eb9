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
    Set<Long> creators = new HashSet<>();
    facts.threads().forEach(t -> creators.add(t.author()));
    Set<Long> contributors = new HashSet<>();
    facts.replies().forEach(r -> contributors.add(r.author()));
    facts.ratings().forEach(r -> contributors.add(r.giver()));
    int creator = 0;
    int contributor = 0;
    int consumer = 0;
    for (long person : facts.roster()) {
      if (creators.contains(person)) {
        creator++;
      } else if (contributors.contains(person)) {
        contributor++;
      } else if (facts.viewers().contains(person)) {
        consumer++;
      }
    }
    return new Segments(
        facts.roster().size() - creator - contributor - consumer, consumer, contributor, creator);
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
