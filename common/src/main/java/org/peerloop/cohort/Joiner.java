package org.peerloop.cohort;

import java.util.List;

/**
 * Someone to place in a cohort: a stable id (for deterministic order) and the topics they chose,
 * most important first (at most {@link CohortPlanner#MAX_TOPICS}).
 */
public record Joiner(long id, List<String> topics) {
  public Joiner {
    topics = List.copyOf(topics);
  }
}
