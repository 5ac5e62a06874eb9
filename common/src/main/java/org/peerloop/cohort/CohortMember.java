package org.peerloop.cohort;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.peerloop.people.Person;
import org.peerloop.space.Space;

/** A person in one cohort of a space, with their role and the topics they chose. */
@Entity
@Table(name = "cohort_member")
public class CohortMember {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "space_id", nullable = false)
  private Space space;

  @ManyToOne(optional = false)
  @JoinColumn(name = "cohort_id", nullable = false)
  private Cohort cohort;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private MemberRole role;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "member_topic", joinColumns = @JoinColumn(name = "member_id"))
  @OrderColumn(name = "position")
  @Column(name = "topic", nullable = false, length = 80)
  private List<String> topics = new ArrayList<>();

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  /** False once the person left the course in the LMS; what they wrote stays. */
  @Column(nullable = false)
  private boolean active = true;

  /** False for people the roster placed before their first visit, until they choose. */
  @Column(name = "topics_chosen", nullable = false)
  private boolean topicsChosen = true;

  protected CohortMember() {}

  CohortMember(Cohort cohort, Person person, MemberRole role, List<String> topics, Instant now) {
    this.space = cohort.space();
    this.cohort = cohort;
    this.person = person;
    this.role = role;
    this.topics.addAll(topics);
    this.joinedAt = now;
  }

  /** Placed by the roster before the person came: their topics are theirs to choose later. */
  static CohortMember placedByRoster(Cohort cohort, Person person, Instant now) {
    CohortMember member = new CohortMember(cohort, person, MemberRole.LEARNER, List.of(), now);
    member.topicsChosen = false;
    return member;
  }

  /** Whether the person still has to choose topics (the roster placed them). */
  public boolean choosesTopics() {
    return !topicsChosen;
  }

  void chose(List<String> chosen) {
    topics.clear();
    topics.addAll(chosen);
    topicsChosen = true;
  }

  /** Follows the course roster: left the course, or came back. */
  public void setActive(boolean active) {
    this.active = active;
  }

  public boolean isActive() {
    return active;
  }

  void moveTo(Cohort target) {
    this.cohort = target;
  }

  public Long id() {
    return id;
  }

  public Space space() {
    return space;
  }

  public Cohort cohort() {
    return cohort;
  }

  public Person person() {
    return person;
  }

  public MemberRole role() {
    return role;
  }

  /**
   * Follows the person's role in the course as the LMS roster reports it: facilitating there makes
   * them a facilitator here; no longer facilitating makes them a learner. An expert reviewer named
   * by a facilitator stays one. Returns whether the role changed.
   */
  public boolean followCourseRole(boolean facilitates) {
    MemberRole wanted =
        facilitates
            ? MemberRole.FACILITATOR
            : role == MemberRole.FACILITATOR ? MemberRole.LEARNER : role;
    if (wanted == role) {
      return false;
    }
    role = wanted;
    return true;
  }

  void changeRole(MemberRole newRole) {
    this.role = newRole;
  }

  public List<String> topics() {
    return Collections.unmodifiableList(topics);
  }

  public Instant joinedAt() {
    return joinedAt;
  }
}
