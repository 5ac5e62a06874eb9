package org.peerloop.grades;

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
import org.peerloop.errors.Require;
import org.peerloop.people.Person;
import org.peerloop.space.SpaceLink;

/**
 * A person's participation score for one placed link. A score equal to the one the platform last
 * accepted is never queued again, so repeated synchronisations send nothing twice.
 */
@Entity
@Table(name = "grade_record")
public class GradeRecord {
  /** After this many failed attempts a score waits for the next change. */
  public static final int MAX_ATTEMPTS = 5;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "resource_link_id", nullable = false)
  private SpaceLink link;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Column(name = "score_given", nullable = false)
  private double scoreGiven;

  @Column(name = "score_maximum", nullable = false)
  private double scoreMaximum;

  @Column(name = "sent_score")
  private Double sentScore;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private GradeStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected GradeRecord() {}

  public GradeRecord(SpaceLink link, Person person, Instant now) {
    this.link = link;
    this.person = person;
    this.status = GradeStatus.SENT;
    this.updatedAt = now;
  }

  /**
   * The score as worked out now; returns whether it must be sent. A refused person stays refused
   * until their score changes (they may have become gradable).
   */
  public boolean update(double score, double maximum, Instant now) {
    boolean unchanged = scoreGiven == score && scoreMaximum == maximum;
    boolean settled =
        switch (status) {
          case PENDING -> false;
          case SENT -> sentScore != null && unchanged;
          case REFUSED, FAILED -> unchanged;
        };
    if (settled) {
      return false;
    }
    if (status != GradeStatus.PENDING || !unchanged) {
      attempts = 0;
      lastError = null;
      updatedAt = now;
    }
    scoreGiven = score;
    scoreMaximum = maximum;
    status = GradeStatus.PENDING;
    return true;
  }

  public void sent(Instant now) {
    sentScore = scoreGiven;
    status = GradeStatus.SENT;
    sentAt = now;
    updatedAt = now;
    lastError = null;
  }

  public void refused(String reason, Instant now) {
    status = GradeStatus.REFUSED;
    lastError = Require.clipped(reason, 1000);
    updatedAt = now;
  }

  /** A failure worth retrying; after {@link #MAX_ATTEMPTS} the score rests as failed. */
  public void failed(String reason, Instant now) {
    attempts++;
    lastError = Require.clipped(reason, 1000);
    status = attempts >= MAX_ATTEMPTS ? GradeStatus.FAILED : GradeStatus.PENDING;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public SpaceLink link() {
    return link;
  }

  public Person person() {
    return person;
  }

  public double scoreGiven() {
    return scoreGiven;
  }

  public double scoreMaximum() {
    return scoreMaximum;
  }

  public Double sentScore() {
    return sentScore;
  }

  public GradeStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
