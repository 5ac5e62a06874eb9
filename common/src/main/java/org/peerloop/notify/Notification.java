package org.peerloop.notify;

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
import org.peerloop.errors.Require;
import org.peerloop.people.Person;
import org.peerloop.post.Post;

/** One thing a member is told, with who caused it and about which post. */
@Entity
@Table(name = "notification")
public class Notification {
  public static final int DETAIL_MAX = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "person_id", nullable = false)
  private Person person;

  @Column(name = "space_id", nullable = false)
  private long spaceId;

  @Column(name = "cohort_id")
  private Long cohortId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private NotificationKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "post_id")
  private Post post;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "actor_id")
  private Person actor;

  @Column(length = DETAIL_MAX)
  private String detail;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {}

  Notification(
      Person person, NotificationKind kind, Post post, Person actor, String detail, Instant now) {
    this.person = person;
    this.kind = kind;
    this.post = post;
    this.spaceId = post.space().id();
    this.cohortId = post.cohort().id();
    this.actor = actor;
    this.detail = Require.clipped(detail, DETAIL_MAX);
    this.createdAt = now;
  }

  /** About the space rather than a post (new prompts). */
  Notification(
      Person person,
      NotificationKind kind,
      long spaceId,
      Long cohortId,
      String detail,
      Instant now) {
    this.person = person;
    this.kind = kind;
    this.spaceId = spaceId;
    this.cohortId = cohortId;
    this.detail = Require.clipped(detail, DETAIL_MAX);
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public Person person() {
    return person;
  }

  public long spaceId() {
    return spaceId;
  }

  public Long cohortId() {
    return cohortId;
  }

  public NotificationKind kind() {
    return kind;
  }

  public Post post() {
    return post;
  }

  public Person actor() {
    return actor;
  }

  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant readAt() {
    return readAt;
  }

  public boolean isRead() {
    return readAt != null;
  }
}
