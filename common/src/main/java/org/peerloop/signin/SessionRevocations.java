package org.peerloop.signin;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The record of revoked sessions, by subject: {@code person:<id>}, {@code platform:<id>}, {@code
 * tenant:<id>} (sessions from its SharePoint pages), {@code console:<platform id>} (its
 * administrators' console sessions), {@code admin:<username>}. Callers own the transaction.
 */
@Dependent
public class SessionRevocations {
  /** Longer than any session lasts (12 hours), so every revocation that matters is read. */
  public static final Duration KEPT = Duration.ofHours(13);

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public SessionRevocations(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  public static String person(long personId) {
    return "person:" + personId;
  }

  public static String platform(long platformId) {
    return "platform:" + platformId;
  }

  public static String console(long platformId) {
    return "console:" + platformId;
  }

  public static String tenant(String tenantId) {
    return "tenant:" + tenantId;
  }

  public static String administrator(String username) {
    return "admin:" + username;
  }

  /** Ends every session of this subject authenticated until now; returns when that is. */
  public Instant revoke(String subject) {
    Instant now = clock.instant();
    em.persist(new SessionRevocation(subject, now));
    return now;
  }

  /** The latest revocation of each subject revoked within {@link #KEPT}. */
  public Map<String, Instant> recent() {
    Map<String, Instant> latest = new HashMap<>();
    em.createQuery(
            "select r from SessionRevocation r where r.revokedAt > :since", SessionRevocation.class)
        .setParameter("since", clock.instant().minus(KEPT))
        .getResultStream()
        .forEach(r -> latest.merge(r.subject(), r.revokedAt(), (a, b) -> a.isAfter(b) ? a : b));
    return latest;
  }

  /** Deletes revocations older than any session they could still end. */
  public int purgeOld() {
    return em.createQuery("delete from SessionRevocation r where r.revokedAt <= :before")
        .setParameter("before", clock.instant().minus(KEPT))
        .executeUpdate();
  }
}
