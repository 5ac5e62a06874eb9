package org.peerloop.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A local administrator: a user name and the hash of their password, never the password. */
@Entity
@Table(name = "admin_account")
public class AdminAccount {
  static final int USERNAME_MAX = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = USERNAME_MAX, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 300)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  protected AdminAccount() {}

  AdminAccount(String username, String passwordHash, Instant now) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  public Instant lastSignInAt() {
    return lastSignInAt;
  }

  void signedIn(Instant now) {
    lastSignInAt = now;
  }
}
