package org.peerloop.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The server-side record of one OIDC login in flight (OpenID Connect Core §3.1.2.1; 1EdTech
 * Security Framework §5.1.1): that the login endpoint issued the state with this id, which the
 * launch consumes exactly once. What the state binds (platform, nonce, expiry) travels signed in
 * the state itself.
 */
@Entity
@Table(name = "oidc_state")
public class LoginState {
  @Id
  @Column(name = "state_id", length = 64)
  private String id;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected LoginState() {}

  LoginState(String id, Instant expiresAt) {
    this.id = id;
    this.expiresAt = expiresAt;
  }

  public String id() {
    return id;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    // The id is a secret until used; never print it.
    return "LoginState[expires " + expiresAt + "]";
  }
}
