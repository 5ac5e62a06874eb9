package org.peerloop.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A nonce seen in an id_token; kept until the token it came in could no longer be accepted. */
@Entity
@Table(name = "used_nonce")
@IdClass(UsedNonce.Key.class)
public class UsedNonce {
  @Id
  @Column(name = "platform_id")
  private long platformId;

  @Id
  @Column(length = 255)
  private String nonce;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected UsedNonce() {}

  UsedNonce(long platformId, String nonce, Instant expiresAt) {
    this.platformId = platformId;
    this.nonce = nonce;
    this.expiresAt = expiresAt;
  }

  /** The composite primary key: nonces are only unique per platform. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long platformId;
    private String nonce;

    public Key() {}

    Key(long platformId, String nonce) {
      this.platformId = platformId;
      this.nonce = nonce;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.platformId == platformId && key.nonce.equals(nonce);
    }

    @Override
    public int hashCode() {
      return Objects.hash(platformId, nonce);
    }
  }
}
