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

  MacKey(String purpose, byte[] secret, Instant createdAt) {
    this.purpose = purpose;
    this.secret = Base64.getEncoder().encodeToString(secret);
    this.createdAt = createdAt;
  }

  public String purpose() {
    return purpose;
  }

  public byte[] secret() {
    return Base64.getDecoder().decode(secret);
  }

  @Override
  public String toString() {
    return "MacKey[" + purpose + "]";
  }
}
