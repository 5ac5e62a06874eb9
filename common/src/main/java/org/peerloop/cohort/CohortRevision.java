package org.peerloop.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * A cohort's revision: raised at every change to what the cohort's thread pages show (see {@link
 * CohortRevisions}). A page read at a revision that is still the current one is still true.
 */
@Entity
@Table(name = "cohort_revision")
public class CohortRevision {
  @Id
  @Column(name = "cohort_id")
  private Long cohortId;

  @MapsId
  @OneToOne(optional = false)
  @JoinColumn(name = "cohort_id")
  private Cohort cohort;

  @Column(nullable = false)
  private long revision;

  protected CohortRevision() {}

  CohortRevision(Cohort cohort) {
    this.cohort = cohort;
  }

  public Long cohortId() {
    return cohortId;
  }

  public long revision() {
    return revision;
  }
}
