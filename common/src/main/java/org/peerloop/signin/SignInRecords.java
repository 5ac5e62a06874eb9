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
import java.util.Optional;

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

  /** Records a new login: a random state and nonce bound to the platform and target. */
  public LoginState issueState(long platformId, String targetLinkUri, String storageTarget) {
    LoginState login =
        new LoginState(
            randomToken(),
            randomToken(),
            platformId,
            targetLinkUri,
            storageTarget,
            clock.instant().plus(STATE_LIFETIME));
    em.persist(login);
    em.flush();
    return login;
  }

  /**
   * Takes the state out of the store, so that no one can use it again. Empty when it was never
   * issued or was already consumed; an expired state is consumed too and returned for the caller to
   * refuse.
   */
  public Optional<LoginState> consumeState(String state) {
    if (state == null || state.isEmpty() || state.length() > 64) {
      return Optional.empty();
    }
    LoginState found = em.find(LoginState.class, state);
    if (found == null) {
      return Optional.empty();
    }
    int deleted =
        em.createQuery("delete from LoginState s where s.state = :state")
            .setParameter("state", state)
            .executeUpdate();
    // Another node consumed it between our read and our delete: it is theirs.
    return deleted == 1 ? Optional.of(found) : Optional.empty();
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
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
