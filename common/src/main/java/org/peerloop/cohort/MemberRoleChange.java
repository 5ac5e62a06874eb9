package org.peerloop.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.peerloop.people.Person;

/** The audit entry of a facilitator changing a member's role, such as naming an expert reviewer. */
@Entity
@Table(name = "member_role_change")
public class MemberRoleChange {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id", nullable = false)
  private CohortMember member;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_role", nullable = false, length = 32)
  private MemberRole from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_role", nullable = false, length = 32)
  private MemberRole to;

  @ManyToOne(optional = false)
  @JoinColumn(name = "changed_by", nullable = false)
  private Person changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected MemberRoleChange() {}

  MemberRoleChange(
      CohortMember member, MemberRole from, MemberRole to, Person changedBy, Instant now) {
    this.member = member;
    this.from = from;
    this.to = to;
    this.changedBy = changedBy;
    this.changedAt = now;
  }

  public MemberRole from() {
    return from;
  }

  public MemberRole to() {
    return to;
  }

  public Person changedBy() {
    return changedBy;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
