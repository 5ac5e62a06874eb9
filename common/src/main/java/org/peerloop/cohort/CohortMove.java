package org.peerloop.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.peerloop.people.Person;

/** The audit entry of a facilitator moving a member to another cohort. */
@Entity
@Table(name = "cohort_move")
public class CohortMove {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false)
  private CohortMember member;

  @ManyToOne(optional = false)
  @JoinColumn(name = "from_cohort_id", nullable = false)
  private Cohort from;

  @ManyToOne(optional = false)
  @JoinColumn(name = "to_cohort_id", nullable = false)
  private Cohort to;

  @ManyToOne(optional = false)
  @JoinColumn(name = "moved_by", nullable = false)
  private Person movedBy;

  @Column(length = 500)
  private String reason;

  @Column(name = "moved_at", nullable = false)
  private Instant movedAt;

  protected CohortMove() {}

  CohortMove(
      CohortMember member, Cohort from, Cohort to, Person movedBy, String reason, Instant now) {
    this.member = member;
    this.from = from;
    this.to = to;
    this.movedBy = movedBy;
    this.reason = reason;
    this.movedAt = now;
  }

  public Cohort from() {
    return from;
  }

  public Cohort to() {
    return to;
  }

  public Person movedBy() {
    return movedBy;
  }

  public String reason() {
    return reason;
  }

  public Instant movedAt() {
    return movedAt;
  }
}
