package org.peerloop.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An OIDC login the tool started and whose launch has not come back yet (OpenID Connect Core
 * §3.1.2.1; 1EdTech Security Framework §5.1.1), known by the nonce it issued. The launch that
 * carries the nonce deletes the record, so each login completes at most once.
 */
@Entity
@Table(name = "pending_login")
public class PendingLogin {
  @Id
  @Column(length = 64)
  private String nonce;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected PendingLogin() {}

  PendingLogin(String nonce, Instant expiresAt) {
    this.nonce = nonce;
    this.expiresAt = expiresAt;
  }

  public String nonce() {
    return nonce;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public String toString() {
    // The nonce is a secret until used; never print it.
    return "PendingLogin[expires " + expiresAt + "]";
  }
}
