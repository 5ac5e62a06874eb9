package org.peerloop.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the administrators' audit log: who did what to which target, and the outcome. */
@Entity
@Table(name = "admin_audit")
public class AdminAction {
  static final int ACTOR_MAX = 200;
  static final int ACTION_MAX = 100;
  static final int TARGET_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = ACTOR_MAX)
  private String actor;

  @Column(nullable = false, length = ACTION_MAX)
  private String action;

  @Column(nullable = false, length = TARGET_MAX)
  private String target;

  /** The HTTP status the action was answered with. */
  @Column(nullable = false)
  private int outcome;

  /** The platform the action was about; null for the server itself. */
  @Column(name = "platform_id")
  private Long platformId;

  protected AdminAction() {}

  AdminAction(
      Instant occurredAt,
      String actor,
      String action,
      String target,
      int outcome,
      Long platformId) {
    this.occurredAt = occurredAt;
    this.platformId = platformId;
    this.actor = clip(actor, ACTOR_MAX);
    this.action = clip(action, ACTION_MAX);
    this.target = clip(target, TARGET_MAX);
    this.outcome = outcome;
  }

  private static String clip(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  public Long id() {
    return id;
  }

  public Long platformId() {
    return platformId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public int outcome() {
    return outcome;
  }
}
