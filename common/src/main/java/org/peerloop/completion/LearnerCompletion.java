package org.peerloop.completion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.peerloop.course.Course;

/**
 * A learner completed a module of a course (or the course itself, {@link #COURSE}). Keyed by the
 * LMS's user id, so it may come before the learner's first launch.
 */
@Entity
@Table(name = "learner_completion")
public class LearnerCompletion {
  /** The module id that stands for the whole course. */
  public static final long COURSE = 0;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "course_id", nullable = false)
  private Course course;

  @Column(nullable = false, length = 255)
  private String subject;

  @Column(name = "module_id", nullable = false)
  private long moduleId;

  @Column(name = "completed_at", nullable = false)
  private Instant completedAt;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CompletionSource source;

  protected LearnerCompletion() {}

  LearnerCompletion(
      Course course,
      String subject,
      long moduleId,
      Instant completedAt,
      CompletionSource source,
      Instant now) {
    this.course = course;
    this.subject = subject;
    this.moduleId = moduleId;
    this.completedAt = completedAt;
    this.source = source;
    this.recordedAt = now;
  }

  public Long id() {
    return id;
  }

  public String subject() {
    return subject;
  }

  public long moduleId() {
    return moduleId;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public CompletionSource source() {
    return source;
  }
}
