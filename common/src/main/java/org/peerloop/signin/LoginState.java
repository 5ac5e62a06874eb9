package org.peerloop.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of one OIDC login in flight (OpenID Connect Core §3.1.2.1; 1EdTech Security Framework
 * §5.1.1): issued by the login endpoint with a fresh nonce, consumed exactly once by the launch.
 */
@Entity
@Table(name = "oidc_state")
public class LoginState {
  @Id
  @Column(length = 64)
  private String state;

  @Column(nullable = false, length = 64)
  private String nonce;

  @Column(name = "platform_id", nullable = false)
  private long platformId;

  @Column(name = "target_link_uri", nullable = false, length = 1024)
  private String targetLinkUri;

  @Column(name = "storage_target", length = 255)
  private String storageTarget;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected LoginState() {}

  LoginState(
      String state,
      String nonce,
      long platformId,
      String targetLinkUri,
      String storageTarget,
      Instant expiresAt) {
    this.state = state;
    this.nonce = nonce;
    this.platformId = platformId;
    this.targetLinkUri = targetLinkUri;
    this.storageTarget = storageTarget;
    this.expiresAt = expiresAt;
  }

  public String state() {
    return state;
  }

  public String nonce() {
    return nonce;
  }

  public long platformId() {
    return platformId;
  }

  public String targetLinkUri() {
    return targetLinkUri;
  }

  /**
   * Where the browser keeps its copy of the state when the platform offers client-side storage;
   * empty when the server-side record is the only one.
   */
  public Optional<String> storageTarget() {
    return Optional.ofNullable(storageTarget);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    // The state and nonce are secrets until used; never print them.
    return "LoginState[platform " + platformId + ", expires " + expiresAt + "]";
  }
}
