package org.peerloop.signin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The one-time records of OIDC sign-ins: a login records the nonce it issues, and the launch that
 * brings the nonce back deletes it. Deleting is one statement, so of two nodes racing with the same
 * launch only one finds the record. Callers own the transaction.
 */
@Dependent
public class SignInRecords {
  /** Long enough for a slow LMS login page, short enough that a leaked state is soon useless. */
  public static final Duration LOGIN_LIFETIME = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public SignInRecords(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** Records a new login under a fresh random nonce, pending for {@link #LOGIN_LIFETIME}. */
  public PendingLogin startLogin() {
    PendingLogin login = new PendingLogin(randomToken(), clock.instant().plus(LOGIN_LIFETIME));
    em.persist(login);
    em.flush();
    return login;
  }

  /**
   * Completes the login that issued this nonce, so that no launch can complete it again. False when
   * no login issued it, a launch already completed it, or it was purged after it expired.
   */
  public boolean completeLogin(String nonce) {
    if (nonce == null || nonce.isEmpty() || nonce.length() > 64) {
      return false;
    }
    return em.createQuery("delete from PendingLogin p where p.nonce = :nonce")
            .setParameter("nonce", nonce)
            .executeUpdate()
        == 1;
  }

  /** Deletes the records of expired logins; safe to run on every node at once. */
  public int purgeExpired() {
    return em.createQuery("delete from PendingLogin p where p.expiresAt <= :now")
        .setParameter("now", clock.instant())
        .executeUpdate();
  }

  /** A fresh value of 256 random bits, URL-safe, for anything a sign-in must not let be guessed. */
  public static String randomValue() {
    return randomToken();
  }

  /** 256 random bits, URL-safe: unguessable and fits every column and query string. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
