package org.peerloop.signin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Issues and consumes the one-time records of OIDC sign-ins. Each record is used at most once even
 * when two nodes race for it: consuming a state deletes its row, and a nonce's primary key refuses
 * a second insert. Callers own the transaction.
 */
@Dependent
public class SignInRecords {
  /** Long enough for a slow LMS login page, short enough that a leaked state is soon useless. */
  public static final Duration STATE_LIFETIME = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public SignInRecords(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Records a new login's state: a random id, usable once until {@link #STATE_LIFETIME} from now.
   */
  public LoginState issueState() {
    LoginState login = new LoginState(randomToken(), clock.instant().plus(STATE_LIFETIME));
    em.persist(login);
    em.flush();
    return login;
  }

  /**
   * Takes the state's record out of the store, so that no one can use it again: one statement, so
   * two nodes racing for it cannot both succeed. False when it was never issued, was already
   * consumed, or was purged after it expired.
   */
  public boolean consumeState(String id) {
    if (id == null || id.isEmpty() || id.length() > 64) {
      return false;
    }
    return em.createQuery("delete from LoginState s where s.id = :id")
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  /**
   * Records that a nonce was used. Returns false when it was used before. One statement, the insert
   * only when no row has the nonce yet; two nodes racing past that check both insert, and the
   * primary key refuses the second, which fails the caller's transaction. (Derby wants the select
   * list's parameters typed.)
   */
  public boolean useNonce(long platformId, String nonce, Instant keepUntil) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO used_nonce (platform_id, nonce, expires_at)"
                    + " SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP)"
                    + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS"
                    + " (SELECT 1 FROM used_nonce WHERE platform_id = ? AND nonce = ?)")
            .setParameter(1, platformId)
            .setParameter(2, nonce)
            .setParameter(3, Timestamp.from(keepUntil))
            .setParameter(4, platformId)
            .setParameter(5, nonce)
            .executeUpdate();
    return inserted == 1;
  }

  /** Deletes expired states and nonces; safe to run on every node at once. */
  public int purgeExpired() {
    Instant now = clock.instant();
    int states =
        em.createQuery("delete from LoginState s where s.expiresAt <= :now")
            .setParameter("now", now)
            .executeUpdate();
    int nonces =
        em.createQuery("delete from UsedNonce n where n.expiresAt <= :now")
            .setParameter("now", now)
            .executeUpdate();
    return states + nonces;
  }

  /** 256 random bits, URL-safe: unguessable and fits every column and query string. */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
