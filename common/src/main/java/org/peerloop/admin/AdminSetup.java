package org.peerloop.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one waiting setup link: the SHA-256 of its token and when it stops working. */
@Entity
@Table(name = "admin_setup")
public class AdminSetup {
  /** There is at most one setup link; its row has this id. */
  static final int ONLY = 1;

  @Id private int id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected AdminSetup() {}

  AdminSetup(String tokenHash, Instant expiresAt) {
    this.id = ONLY;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }

  String tokenHash() {
    return tokenHash;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
