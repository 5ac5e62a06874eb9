package org.peerloop.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * A symmetric secret for one purpose, shared by every node through the database, for tokens the
 * tool both issues and checks itself (HMAC is much cheaper than RSA for those).
 */
@Entity
@Table(name = "mac_key")
public class MacKey {
  @Id
  @Column(length = 64)
  private String purpose;

  @Column(nullable = false, length = 128)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected MacKey() {}

  /** The secret is sealed with the installation's key: a database backup alone forges nothing. */
  MacKey(String purpose, byte[] secret, Instant createdAt, SecretBox box) {
    this.purpose = purpose;
    this.secret = box.seal(sealedFor(), Base64.getEncoder().encodeToString(secret));
    this.createdAt = createdAt;
  }

  public String purpose() {
    return purpose;
  }

  private String sealedFor() {
    return "mac-key:" + purpose;
  }

  boolean isSealed() {
    return SecretBox.isSealed(secret);
  }

  /** Seals a secret stored before sealing; called once at start. */
  void seal(SecretBox box) {
    if (!isSealed()) {
      secret = box.seal(sealedFor(), secret);
    }
  }

  public byte[] secret(SecretBox box) {
    return Base64.getDecoder().decode(isSealed() ? box.open(sealedFor(), secret) : secret);
  }

  @Override
  public String toString() {
    return "MacKey[" + purpose + "]";
  }
}
