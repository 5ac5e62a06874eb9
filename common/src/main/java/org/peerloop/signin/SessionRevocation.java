package org.peerloop.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Every session of a subject authenticated at or before {@code revokedAt} is over: a person erased
 * or demoted, a platform disabled, a platform's console entry closed, an administrator deleted.
 */
@Entity
@Table(name = "session_revocation")
public class SessionRevocation {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(name = "revoked_at", nullable = false)
  private Instant revokedAt;

  protected SessionRevocation() {}

  SessionRevocation(String subject, Instant revokedAt) {
    this.subject = subject;
    this.revokedAt = revokedAt;
  }

  public String subject() {
    return subject;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
