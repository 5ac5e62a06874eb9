package org.peerloop.keys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The tool's signing keys: makes the first one, finds the one that signs, and lists the ones to
 * publish. Callers own the transaction.
 */
@Dependent
public class SigningKeys {
  /** 1EdTech Security Framework §6.1 asks for RSA keys of at least 2048 bits. */
  static final int RSA_BITS = 2048;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public SigningKeys(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * The key that signs now, made on first use of an empty database. Two nodes starting together on
   * an empty database may each make one; both are published and the newest signs, so they agree.
   */
  public SigningKey current() {
    return findCurrent().orElseGet(this::createFirst);
  }

  /** Whether a key to sign with exists; reads only. */
  public boolean hasCurrent() {
    return findCurrent().isPresent();
  }

  /** Every key a verifier may meet, newest first. */
  public List<SigningKey> published() {
    return em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
        .getResultList();
  }

  private Optional<SigningKey> findCurrent() {
    return em.createQuery(
            "select k from SigningKey k where k.status = :status order by k.createdAt desc",
            SigningKey.class)
        .setParameter("status", SigningKeyStatus.CURRENT)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private SigningKey createFirst() {
    SigningKey key =
        new SigningKey(newKid(), generatePair(), SigningKeyStatus.CURRENT, clock.instant());
    em.persist(key);
    em.flush();
    return key;
  }

  static KeyPair generatePair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS, RANDOM);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides RSA", e);
    }
  }

  /** A random, URL-safe key id that says nothing about the key itself. */
  static String newKid() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
