package org.peerloop.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.peerloop.people.Person;

/** One entry of a post's audit trail: who did what, and why. */
@Entity
@Table(name = "post_audit")
public class PostAudit {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "post_id", nullable = false)
  private Post post;

  @ManyToOne(optional = false)
  @JoinColumn(name = "actor_id", nullable = false)
  private Person actor;

  @Column(nullable = false, length = 24)
  private String action;

  @Column(length = 1000)
  private String reason;

  @Column(name = "acted_at", nullable = false)
  private Instant actedAt;

  protected PostAudit() {}

  PostAudit(Post post, Person actor, String action, String reason, Instant now) {
    this.post = post;
    this.actor = actor;
    this.action = action;
    this.reason = reason;
    this.actedAt = now;
  }

  public Person actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String reason() {
    return reason;
  }

  public Instant actedAt() {
    return actedAt;
  }
}
