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

/** One line of a link's grade synchronisation log. */
@Entity
@Table(name = "grade_sync_log")
public class GradeSyncEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "resource_link_id", nullable = false)
  private SpaceLink link;

  /** {@code null} for entries about the link itself, such as creating its line item. */
  @ManyToOne
  @JoinColumn(name = "person_id")
  private Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private GradeStatus outcome;

  @Column(name = "score_given")
  private Double scoreGiven;

  @Column(length = 1000)
  private String detail;

  @Column(name = "logged_at", nullable = false)
  private Instant loggedAt;

  protected GradeSyncEntry() {}

  public GradeSyncEntry(
      SpaceLink link,
      Person person,
      GradeStatus outcome,
      Double scoreGiven,
      String detail,
      Instant now) {
    this.link = link;
    this.person = person;
    this.outcome = outcome;
    this.scoreGiven = scoreGiven;
    this.detail = Require.clipped(detail, 1000);
    this.loggedAt = now;
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

  public GradeStatus outcome() {
    return outcome;
  }

  public Double scoreGiven() {
    return scoreGiven;
  }

  public String detail() {
    return detail;
  }

  public Instant loggedAt() {
    return loggedAt;
  }
}
