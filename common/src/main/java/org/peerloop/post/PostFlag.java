package org.peerloop.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's flag on a post in an open space: it goes to the facilitators' queue. */
@Entity
@Table(name = "post_flag")
@IdClass(PostPersonKey.class)
public class PostFlag {
  @Id
  @Column(name = "post_id")
  private long postId;

  @Id
  @Column(name = "person_id")
  private long personId;

  @Column(length = 500)
  private String reason;

  @Column(name = "flagged_at", nullable = false)
  private Instant flaggedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected PostFlag() {}

  PostFlag(long postId, long personId, String reason, Instant now) {
    this.postId = postId;
    this.personId = personId;
    this.reason = reason;
    this.flaggedAt = now;
  }

  public long postId() {
    return postId;
  }

  public String reason() {
    return reason;
  }

  public Instant flaggedAt() {
    return flaggedAt;
  }
}
