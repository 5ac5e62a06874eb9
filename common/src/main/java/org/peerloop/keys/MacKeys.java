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

  @Inject
  public MacKeys(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * The secret of a purpose, made on first use. Two nodes making it at once collide on the primary
   * key; the loser's transaction fails and its next attempt reads the winner's secret.
   */
  public byte[] secretFor(String purpose) {
    MacKey existing = em.find(MacKey.class, purpose);
    if (existing != null) {
      return existing.secret();
    }
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    em.persist(new MacKey(purpose, secret, clock.instant()));
    em.flush();
    return secret;
  }
}
