package org.peerloop.keys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;

/** Finds or makes the shared secret of a purpose. Callers own the transaction. */
@Dependent
public class MacKeys {
  /** 256 bits: the key size HS256 needs (RFC 7518 §3.2). */
  static final int SECRET_BYTES = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;
  private final SecretBox box;

  @Inject
  public MacKeys(EntityManager em, Clock clock, SecretBox box) {
    this.em = em;
    this.clock = clock;
    this.box = box;
  }

  /**
   * Seals every secret stored before secrets were sealed (and every private signing key): run at
   * start, so an upgraded installation's backups hold no plain secret from then on.
   */
  public int sealStored() {
    int sealed = 0;
    for (MacKey key : em.createQuery("select k from MacKey k", MacKey.class).getResultList()) {
      if (!key.isSealed()) {
        key.seal(box);
        sealed++;
      }
    }
    for (SigningKey key :
        em.createQuery("select k from SigningKey k", SigningKey.class).getResultList()) {
      if (!key.isSealed()) {
        key.seal(box);
        sealed++;
      }
    }
    em.flush();
    return sealed;
  }

  /**
   * The secret of a purpose, made on first use. Two nodes making it at once collide on the primary
   * key; the loser's transaction fails and its next attempt reads the winner's secret.
   */
  public byte[] secretFor(String purpose) {
    MacKey existing = em.find(MacKey.class, purpose);
    if (existing != null) {
      return existing.secret(box);
    }
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    em.persist(new MacKey(purpose, secret, clock.instant(), box));
    em.flush();
    return secret;
  }
}
