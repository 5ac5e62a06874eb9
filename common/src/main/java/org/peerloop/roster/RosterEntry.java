package org.peerloop.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.peerloop.course.Course;
import org.peerloop.people.Person;

/** A person on a course's roster, with the roles the platform gave them there. */
@Entity
@Table(name = "roster_entry")
public class RosterEntry {
  static final int ROLES_MAX = 1024;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @ManyToOne(optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  /** Space-separated role names, as PeerLoop maps them (e.g. {@code LEARNER FACILITATOR}). */
  @Column(nullable = false, length = ROLES_MAX)
  private String roles;

  @Column(nullable = false)
  private boolean active;

  /** The synchronisation run that last saw this person on the roster. */
  @Column(name = "seen_run", nullable = false)
  private long seenRun;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RosterEntry() {}

  public RosterEntry(Course course, Person person, String roles, long run, Instant now) {
    this.course = course;
    this.person = person;
    this.roles = roles;
    this.active = true;
    this.seenRun = run;
    this.updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public Course course() {
    return course;
  }

  public Person person() {
    return person;
  }

  public String roles() {
    return roles;
  }

  /** Whether the person runs the course (facilitator or administrator), not learns in it. */
  public boolean facilitates() {
    return List.of(roles.split(" ")).stream()
        .anyMatch(r -> r.equals("FACILITATOR") || r.equals("ADMIN"));
  }

  public boolean isActive() {
    return active;
  }

  public long seenRun() {
    return seenRun;
  }

  /** Seen again on the roster; returns whether the roles or the status changed. */
  public boolean seen(String newRoles, boolean nowActive, long run, Instant now) {
    boolean changed = !roles.equals(newRoles) || active != nowActive;
    this.roles = newRoles;
    this.active = nowActive;
    this.seenRun = run;
    if (changed) {
      this.updatedAt = now;
    }
    return changed;
  }

  /** No longer on the roster. */
  public void leave(Instant now) {
    this.active = false;
    this.updatedAt = now;
  }
}
