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
import org.peerloop.space.Space;

/** A group of members inside a space, numbered from 1 in the order they were formed. */
@Entity
@Table(name = "cohort")
public class Cohort {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @Column(nullable = false)
  private int number;

  @Column(name = "lms_group_id", length = 255)
  private String lmsGroupId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Cohort() {}

  Cohort(Space space, int number, String lmsGroupId, Instant now) {
    this.space = space;
    this.number = number;
    this.lmsGroupId = lmsGroupId;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Space space() {
    return space;
  }

  public int number() {
    return number;
  }

  public String lmsGroupId() {
    return lmsGroupId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
