package org.peerloop.keys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.NotFoundException;

/**
 * The tool's signing keys and their life: a key is published from the moment it is made, signs from
 * its activation time until a newer key activates, and stays published for a grace period after
 * that. Everything follows from the stored times, so nodes agree without coordinating. Callers own
 * the transaction.
 */
@Dependent
public class SigningKeys {
  /** 1EdTech Security Framework §6.1 asks for RSA keys of at least 2048 bits. */
  static final int RSA_BITS = 2048;

  /**
   * How long a new key is published before it signs: twice the JWKS cache lifetime, so platforms
   * that cache the key set have seen it before they meet its first signature.
   */
  public static final Duration PUBLICATION_LEAD = Duration.ofMinutes(10);

  /**
   * How long a replaced key stays published: longer than anything it signed can live (client
   * assertions and deep-linking responses last minutes) and than platforms cache key sets.
   */
  public static final Duration RETIREMENT_GRACE = Duration.ofHours(24);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;
  private final SecretBox box;

  @Inject
  public SigningKeys(EntityManager em, Clock clock, SecretBox box) {
    this.em = em;
    this.clock = clock;
    this.box = box;
  }

  /** The private key of a stored key, opened with the installation's key. */
  public java.security.interfaces.RSAPrivateKey privateKey(SigningKey key) {
    return key.privateKey(box);
  }

  /**
   * The key that signs now, made on first use of an empty database. Two nodes starting together on
   * an empty database may each make one; both are published and the later one signs, so they agree.
   */
  public SigningKey current() {
    return findCurrent().orElseGet(this::createFirst);
  }

  /** Whether a key to sign with exists; reads only. */
  public boolean hasCurrent() {
    return findCurrent().isPresent();
  }

  /**
   * Starts a rotation: makes a key that is published at once and signs after {@link
   * #PUBLICATION_LEAD}. Asking again while a rotation is under way returns the same waiting key.
   */
  public SigningKey rotate() {
    Instant now = clock.instant();
    Optional<SigningKey> waiting =
        all().stream().filter(key -> key.activatesAt().isAfter(now)).findFirst();
    if (waiting.isPresent()) {
      return waiting.get();
    }
    SigningKey next =
        new SigningKey(newKid(), generatePair(), now, now.plus(PUBLICATION_LEAD), box);
    em.persist(next);
    em.flush();
    return next;
  }

  /**
   * Every key a verifier may meet, newest first: the waiting key of a rotation, the current key,
   * and replaced keys within their grace period.
   */
  public List<SigningKey> published() {
    Instant now = clock.instant();
    List<SigningKey> published = new ArrayList<>();
    Instant successorActivation = null;
    for (SigningKey key : all()) {
      boolean replacedLongAgo =
          successorActivation != null && !successorActivation.plus(RETIREMENT_GRACE).isAfter(now);
      if (!replacedLongAgo) {
        published.add(key);
      }
      successorActivation = key.activatesAt();
    }
    return published;
  }

  /**
   * Withdraws a replaced key from the key set before its grace period ends (an administrator who
   * knows no platform still holds tokens signed with it, or fears the key leaked). The signing key
   * and a rotation's waiting key cannot be retired.
   */
  public void retire(String kid) {
    Instant now = clock.instant();
    SigningKey key = em.find(SigningKey.class, kid);
    if (key == null) {
      throw new NotFoundException("key-not-found", "No key has the id " + kid);
    }
    if (key.activatesAt().isAfter(now) || key.kid().equals(current().kid())) {
      throw new ConflictException(
          "key-in-use", "The signing key, and a rotation's waiting key, cannot be retired");
    }
    em.remove(key);
    em.flush();
  }

  /** All keys, the latest activation first. */
  private List<SigningKey> all() {
    return em.createQuery(
            "select k from SigningKey k order by k.activatesAt desc, k.createdAt desc",
            SigningKey.class)
        .getResultList();
  }

  private Optional<SigningKey> findCurrent() {
    return em.createQuery(
            "select k from SigningKey k where k.activatesAt <= :now"
                + " order by k.activatesAt desc, k.createdAt desc",
            SigningKey.class)
        .setParameter("now", clock.instant())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private SigningKey createFirst() {
    Instant now = clock.instant();
    SigningKey key = new SigningKey(newKid(), generatePair(), now, now, box);
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
