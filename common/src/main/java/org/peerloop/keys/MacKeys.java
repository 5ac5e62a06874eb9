package org.peerloop.keys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, makes and rotates the shared secrets of each purpose. Callers own the transaction.
 *
 * <p>Rotation keeps every version: values handed out long ago (an unsubscribe link in an e-mail, a
 * deep link's custom parameter in a course) still verify, and a session signed a minute before the
 * rotation is not signed out. A new version signs only from {@link #ACTIVATION_LEAD} on, once every
 * node has read it.
 */
@Dependent
public class MacKeys {
  /** 256 bits: the key size HS256 needs (RFC 7518 §3.2). */
  static final int SECRET_BYTES = 32;

  /** Longer than the nodes' reading interval, so every node knows a version before it signs. */
  public static final Duration ACTIVATION_LEAD = Duration.ofMinutes(2);

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
   * The secrets of a purpose, the first made on first use. Two nodes making it at once collide on
   * the primary key; the loser's transaction fails and its next attempt reads the winner's.
   */
  public MacKeyRing ring(String purpose) {
    List<MacKey> versions = versions(purpose);
    if (versions.isEmpty()) {
      Instant now = clock.instant();
      MacKey first = new MacKey(purpose, MacKeyRing.FIRST, fresh(), now, now, box);
      em.persist(first);
      em.flush();
      versions = List.of(first);
    }
    return ring(versions);
  }

  /** The first secret of a purpose, made on first use (values that never rotate). */
  public byte[] secretFor(String purpose) {
    return ring(purpose).secret(MacKeyRing.FIRST).orElseThrow();
  }

  /** Every purpose's ring, as stored now (for the nodes' periodic reading). */
  public Map<String, MacKeyRing> rings() {
    Map<String, List<MacKey>> byPurpose = new HashMap<>();
    for (MacKey key :
        em.createQuery("select k from MacKey k order by k.activatesAt", MacKey.class)
            .getResultList()) {
      byPurpose.computeIfAbsent(key.purpose(), p -> new java.util.ArrayList<>()).add(key);
    }
    Map<String, MacKeyRing> rings = new HashMap<>();
    byPurpose.forEach((purpose, versions) -> rings.put(purpose, ring(versions)));
    return rings;
  }

  /** A new version of a purpose's secret, signing from {@link #ACTIVATION_LEAD} on. */
  public MacKey rotate(String purpose) {
    Instant now = clock.instant();
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    String kid = "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    MacKey next = new MacKey(purpose, kid, fresh(), now, now.plus(ACTIVATION_LEAD), box);
    em.persist(next);
    em.flush();
    return next;
  }

  /** The versions of every purpose, oldest first, for the console. */
  public List<MacKey> all() {
    return em.createQuery("select k from MacKey k order by k.purpose, k.activatesAt", MacKey.class)
        .getResultList();
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

  private List<MacKey> versions(String purpose) {
    return em.createQuery(
            "select k from MacKey k where k.purpose = :purpose order by k.activatesAt",
            MacKey.class)
        .setParameter("purpose", purpose)
        .getResultList();
  }

  /** The newest version that has activated signs; every version verifies. */
  private MacKeyRing ring(List<MacKey> versions) {
    Instant now = clock.instant();
    String current = versions.get(0).kid();
    Map<String, byte[]> secrets = new HashMap<>();
    for (MacKey key : versions) {
      secrets.put(key.kid(), key.secret(box));
      if (!key.activatesAt().isAfter(now)) {
        current = key.kid();
      }
    }
    return new MacKeyRing(current, secrets);
  }

  private static byte[] fresh() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }
}
