package org.peerloop.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One version of a symmetric secret for one purpose, shared by every node through the database, for
 * tokens the tool both issues and checks itself (HMAC is much cheaper than RSA for those). The
 * secret is sealed with the installation's key: a database backup alone forges nothing.
 */
@Entity
@Table(name = "mac_key_version")
@IdClass(MacKey.Key.class)
public class MacKey {
  /** The primary key: a purpose and one of its key ids. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String purpose;
    private String kid;

    public Key() {}

    public Key(String purpose, String kid) {
      this.purpose = purpose;
      this.kid = kid;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(purpose, k.purpose) && Objects.equals(kid, k.kid);
    }

    @Override
    public int hashCode() {
      return Objects.hash(purpose, kid);
    }
  }

  @Id
  @Column(length = 64)
  private String purpose;

  @Id
  @Column(length = 16)
  private String kid;

  @Column(nullable = false, length = 128)
  private String secret;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** From this moment the version signs, until a newer one activates. */
  @Column(name = "activates_at", nullable = false)
  private Instant activatesAt;

  protected MacKey() {}

  MacKey(
      String purpose,
      String kid,
      byte[] secret,
      Instant createdAt,
      Instant activatesAt,
      SecretBox box) {
    this.purpose = purpose;
    this.kid = kid;
    this.secret = box.seal(sealedFor(), Base64.getEncoder().encodeToString(secret));
    this.createdAt = createdAt;
    this.activatesAt = activatesAt;
  }

  public String purpose() {
    return purpose;
  }

  public String kid() {
    return kid;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant activatesAt() {
    return activatesAt;
  }

  /** The sealed value's purpose; the first version keeps the one it was sealed with. */
  private String sealedFor() {
    return MacKeyRing.FIRST.equals(kid) ? "mac-key:" + purpose : "mac-key:" + purpose + ":" + kid;
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
    return "MacKey[" + purpose + " " + kid + ", activates " + activatesAt + "]";
  }
}
