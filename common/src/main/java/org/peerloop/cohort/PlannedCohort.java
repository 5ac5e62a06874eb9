package org.peerloop.cohort;

import java.util.List;

/**
 * A cohort as the planner sees it: its key (an existing cohort's id, or a new cohort's index), and
 * its members in order of joining.
 */
public record PlannedCohort(long key, boolean existing, List<Joiner> members) {
  public PlannedCohort {
    members = List.copyOf(members);
  }

  public int size() {
    return members.size();
  }

  /** The cohort as it would be without one member (who is being placed again). */
  public PlannedCohort without(long memberId) {
    return new PlannedCohort(
        key, existing, members.stream().filter(j -> j.id() != memberId).toList());
  }
}
