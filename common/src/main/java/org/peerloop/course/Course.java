package org.peerloop.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.peerloop.errors.Require;
import org.peerloop.platform.Platform;

/**
 * A course on a platform: an LTI context (LTI Core §5.4.1), keyed by the platform and the context
 * id the platform gave it. Title and label follow the LMS, which may rename a course.
 */
@Entity
@Table(name = "course")
public class Course {
  static final int ID_MAX = 255;
  static final int TITLE_MAX = 512;
  static final int LABEL_MAX = 255;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id", nullable = false)
  private Platform platform;

  @Column(name = "context_id", nullable = false, length = ID_MAX)
  private String contextId;

  @Column(length = TITLE_MAX)
  private String title;

  @Column(length = LABEL_MAX)
  private String label;

  /** The platform's Names and Roles endpoint for this course (NRPS 2.0 §3.6.1), once sent. */
  @Column(name = "memberships_url", length = 2048)
  private String membershipsUrl;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Course() {}

  public Course(Platform platform, String contextId, String title, String label, Instant now) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.contextId = Require.text("contextId", contextId, ID_MAX);
    this.title = Require.clipped(title, TITLE_MAX);
    this.label = Require.clipped(label, LABEL_MAX);
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Follows a rename in the LMS. Returns whether anything changed, so launches that repeat the same
   * values do not write.
   */
  public boolean rename(String newTitle, String newLabel, Instant now) {
    String clippedTitle = Require.clipped(newTitle, TITLE_MAX);
    String clippedLabel = Require.clipped(newLabel, LABEL_MAX);
    if (Objects.equals(title, clippedTitle) && Objects.equals(label, clippedLabel)) {
      return false;
    }
    this.title = clippedTitle;
    this.label = clippedLabel;
    this.updatedAt = now;
    return true;
  }

  /** Keeps the roster endpoint the latest launch named; returns whether it changed. */
  public boolean useMembershipsUrl(String url) {
    if (url == null || url.equals(membershipsUrl)) {
      return false;
    }
    membershipsUrl = Require.clipped(url, 2048);
    return true;
  }

  public String membershipsUrl() {
    return membershipsUrl;
  }

  public Long id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public String contextId() {
    return contextId;
  }

  public String title() {
    return title;
  }

  public String label() {
    return label;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
