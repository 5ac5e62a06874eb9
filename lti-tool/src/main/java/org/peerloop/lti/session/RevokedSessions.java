package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.signin.SessionRevocations;

/**
 * Ends sessions before their tokens expire. Tokens are checked without the database, so each node
 * keeps the revocations of the last 13 hours in memory and reads them again every {@link #RELOAD}:
 * a person erased or demoted, or a platform disabled, on any node, is refused on every node within
 * that time, refresh included. The check itself is two map lookups per request.
 */
@ApplicationScoped
public class RevokedSessions {
  /** How often each node reads the revocations made on every node; the bound is 60 s. */
  public static final Duration RELOAD = Duration.ofSeconds(10);

  @Inject SessionRevocations records;
  @Inject EntityManager em;

  private volatile Map<String, Instant> revoked = Map.of();

  /** Reads every node's revocations; run at start and every {@link #RELOAD}. */
  @Transactional
  public void reload() {
    revoked = Map.copyOf(records.recent());
  }

  /**
   * Ends every session of this subject authenticated until now, here at once and on the other nodes
   * at their next reload. Joins the caller's transaction, so the revocation is recorded with the
   * change that caused it.
   */
  @Transactional
  public void revoke(String subject) {
    Instant at = records.revoke(subject);
    synchronized (this) {
      Map<String, Instant> next = new HashMap<>(revoked);
      next.put(subject, at);
      revoked = Map.copyOf(next);
    }
  }

  /** Whether a session of this subject, authenticated then, has been revoked since. */
  public boolean isRevoked(String subject, Instant authenticatedAt) {
    Instant at = revoked.get(subject);
    return at != null && !authenticatedAt.isAfter(at);
  }

  /** Refuses a launch's session whose person or platform was revoked after it began. */
  public void check(Session session) throws InvalidSessionException {
    Instant at = session.authenticatedAt();
    if (isRevoked(SessionRevocations.person(session.personId()), at)
        || isRevoked(SessionRevocations.platform(session.platformId()), at)
        || session.tenantId() != null
            && isRevoked(SessionRevocations.tenant(session.tenantId()), at)) {
      throw new InvalidSessionException("session-revoked", "This session has ended; launch again");
    }
  }

  /**
   * Before a session is extended, the database's word: the person still exists and is not erased,
   * and their platform still accepts launches. One query, once per refresh (every 15 minutes).
   */
  @Transactional
  public void confirmStanding(Session session) throws InvalidSessionException {
    List<Object[]> rows =
        em.createQuery(
                "select p.erasedAt, p.platform.status from Person p where p.id = :id",
                Object[].class)
            .setParameter("id", session.personId())
            .getResultList();
    if (rows.isEmpty() || rows.get(0)[0] != null || rows.get(0)[1] != PlatformStatus.ACTIVE) {
      throw new InvalidSessionException("session-revoked", "This session has ended; launch again");
    }
  }
}
