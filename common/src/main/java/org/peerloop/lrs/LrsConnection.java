package org.peerloop.lrs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.peerloop.errors.Require;

/**
 * Where one platform's activity goes as xAPI statements, and how far it has gone. The push resumes
 * after {@link #pushedThrough()}, so a statement is sent again only when the store's answer was
 * lost; statement ids are stable, and a store keeps one statement per id (xAPI 1.0.3 Communication
 * §2.1.2), so a repeat does not duplicate.
 */
@Entity
@Table(name = "lrs_connection")
public class LrsConnection {
  /** Waits after consecutive failures: doubles from a minute up to an hour. */
  static final Duration FIRST_WAIT = Duration.ofMinutes(1);

  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  @Id
  @Column(name = "platform_id")
  private Long platformId;

  @Column(nullable = false, length = 2048)
  private String endpoint;

  @Column(nullable = false, length = 255)
  private String username;

  @Column(name = "password_sealed", nullable = false, length = 1024)
  private String passwordSealed;

  @Column(name = "pushed_through", nullable = false)
  private long pushedThrough;

  @Column(name = "statements_sent", nullable = false)
  private long statementsSent;

  @Column(name = "last_push_at")
  private Instant lastPushAt;

  @Column(nullable = false)
  private int failures;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "last_error_at")
  private Instant lastErrorAt;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "configured_at", nullable = false)
  private Instant configuredAt;

  /** Two nodes pushing at once cannot both move the cursor. */
  @Version private long version;

  protected LrsConnection() {}

  public LrsConnection(
      long platformId, String endpoint, String username, String passwordSealed, Instant now) {
    this.platformId = platformId;
    configure(endpoint, username, passwordSealed, now);
  }

  /**
   * New settings. Another store has none of the history, so the push starts again from the first
   * event; the same store keeps its place.
   */
  public void configure(String endpoint, String username, String passwordSealed, Instant now) {
    if (this.endpoint != null && !this.endpoint.equals(endpoint)) {
      pushedThrough = 0;
      statementsSent = 0;
      lastPushAt = null;
    }
    this.endpoint = endpoint;
    this.username = username;
    this.passwordSealed = passwordSealed;
    this.configuredAt = now;
    this.failures = 0;
    this.lastError = null;
    this.lastErrorAt = null;
    this.nextAttemptAt = null;
  }

  /** The store has every event up to this one. */
  public void pushed(long throughEventId, int statements, Instant now) {
    if (throughEventId > pushedThrough) {
      pushedThrough = throughEventId;
    }
    statementsSent += statements;
    lastPushAt = now;
    failures = 0;
    nextAttemptAt = null;
  }

  /** Nothing new to push: the push is healthy. */
  public void upToDate(Instant now) {
    lastPushAt = now;
    failures = 0;
    nextAttemptAt = null;
  }

  /** The store did not take a batch: try again later, waiting longer after each failure. */
  public void failed(String error, Instant now) {
    failures++;
    lastError = Require.clipped(error, 1000);
    lastErrorAt = now;
    long minutes =
        Math.min(LONGEST_WAIT.toMinutes(), FIRST_WAIT.toMinutes() << Math.min(failures - 1, 10));
    nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
  }

  /** Whether a scheduled push should try now. */
  public boolean isDue(Instant now) {
    return nextAttemptAt == null || !now.isBefore(nextAttemptAt);
  }

  public long platformId() {
    return platformId;
  }

  public String endpoint() {
    return endpoint;
  }

  public String username() {
    return username;
  }

  public String passwordSealed() {
    return passwordSealed;
  }

  public long pushedThrough() {
    return pushedThrough;
  }

  public long statementsSent() {
    return statementsSent;
  }

  public Instant lastPushAt() {
    return lastPushAt;
  }

  public int failures() {
    return failures;
  }

  public String lastError() {
    return lastError;
  }

  public Instant lastErrorAt() {
    return lastErrorAt;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant configuredAt() {
    return configuredAt;
  }
}
