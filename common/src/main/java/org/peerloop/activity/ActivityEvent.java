package org.peerloop.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing a person did in a cohort. Append-only; ids rather than entities keep writes cheap. */
@Entity
@Table(name = "activity_event")
public class ActivityEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "space_id", nullable = false)
  private long spaceId;

  @Column(name = "cohort_id", nullable = false)
  private long cohortId;

  @Column(name = "person_id", nullable = false)
  private long personId;

  @Enumerated(EnumType.STRING)
  @Column(name = "event_type", nullable = false, length = 16)
  private ActivityType type;

  @Column(name = "post_id")
  private Long postId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  protected ActivityEvent() {}

  ActivityEvent(
      long spaceId, long cohortId, long personId, ActivityType type, Long postId, Instant at) {
    this.spaceId = spaceId;
    this.cohortId = cohortId;
    this.personId = personId;
    this.type = type;
    this.postId = postId;
    this.occurredAt = at;
  }

  public Long id() {
    return id;
  }

  public long spaceId() {
    return spaceId;
  }

  public long cohortId() {
    return cohortId;
  }

  public long personId() {
    return personId;
  }

  public ActivityType type() {
    return type;
  }

  public Long postId() {
    return postId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }
}
