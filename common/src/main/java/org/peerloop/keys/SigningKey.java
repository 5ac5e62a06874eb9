package org.peerloop.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * One of the tool's own RSA key pairs, kept in the database so every node signs with the same key
 * and publishes the same JWKS (1EdTech Security Framework §6). The private part never leaves this
 * class except to sign, and is never part of {@link #toString()}.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id
  @Column(length = 64)
  private String kid;

  @Column(nullable = false, length = 16)
  private String algorithm;

  @Column(name = "public_key", nullable = false, length = 2048)
  private String publicKey;

  @Column(name = "private_key", nullable = false, length = 8192)
  private String privateKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "activates_at", nullable = false)
  private Instant activatesAt;

  protected SigningKey() {}

  /**
   * The private key is sealed with the installation's key: a database backup alone signs nothing.
   */
  SigningKey(String kid, KeyPair pair, Instant createdAt, Instant activatesAt, SecretBox box) {
    this.kid = kid;
    this.algorithm = "RS256";
    this.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    this.privateKey =
        box.seal(purpose(), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    this.createdAt = createdAt;
    this.activatesAt = activatesAt;
  }

  public String kid() {
    return kid;
  }

  /** The JWS algorithm this key signs with; LTI 1.3 requires RS256. */
  public String algorithm() {
    return algorithm;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** From this moment the key signs, until a newer key activates. */
  public Instant activatesAt() {
    return activatesAt;
  }

  public RSAPublicKey publicKey() {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Stored public key " + kid + " is unreadable", e);
    }
  }

  private String purpose() {
    return "signing-key:" + kid;
  }

  /** Whether the private key is sealed (rows written before sealing are not, until sealed). */
  boolean isSealed() {
    return SecretBox.isSealed(privateKey);
  }

  /** Seals a private key stored before sealing; called once at start. */
  void seal(SecretBox box) {
    if (!isSealed()) {
      privateKey = box.seal(purpose(), privateKey);
    }
  }

  /**
   * @throws IllegalStateException when the key does not open with this installation's key (the
   *     database was restored without its key file)
   */
  public RSAPrivateKey privateKey(SecretBox box) {
    String encoded = isSealed() ? box.open(purpose(), privateKey) : privateKey;
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Stored private key " + kid + " is unreadable", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + kid + ", activates " + activatesAt + "]";
  }
}
