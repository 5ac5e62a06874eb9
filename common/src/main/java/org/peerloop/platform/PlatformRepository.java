package org.peerloop.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peerloop.errors.ConflictException;

/** Stores and finds registered platforms. Callers own the transaction. */
@Dependent
public class PlatformRepository {
  private final EntityManager em;

  @Inject
  public PlatformRepository(EntityManager em) {
    this.em = em;
  }

  /**
   * Registers a new platform.
   *
   * @throws ConflictException if the issuer and client id are already registered
   */
  public Platform add(Platform platform) {
    if (findByIssuerAndClientId(platform.issuer(), platform.clientId()).isPresent()) {
      throw new ConflictException(
          "platform-already-registered",
          "A platform with issuer "
              + platform.issuer()
              + " and client id "
              + platform.clientId()
              + " is already registered");
    }
    em.persist(platform);
    em.flush();
    return platform;
  }

  /** How stale a platform's last launch time may be. */
  public static final Duration LAUNCH_NOTE_INTERVAL = Duration.ofMinutes(1);

  /**
   * Notes that the platform launched at {@code now}: a conditional update that writes at most once
   * a minute per platform, so busy launch times cost no write contention on the platform's row.
   */
  public void launched(long platformId, Instant now) {
    Instant due = now.minus(LAUNCH_NOTE_INTERVAL);
    em.createQuery(
            "update Platform p set p.lastLaunchAt = :now where p.id = :id"
                + " and (p.lastLaunchAt is null or p.lastLaunchAt < :minuteAgo)")
        .setParameter("now", now)
        .setParameter("id", platformId)
        .setParameter("minuteAgo", due)
        .executeUpdate();
  }

  public Optional<Platform> find(long id) {
    return Optional.ofNullable(em.find(Platform.class, id));
  }

  /** The registration a launch belongs to (LTI Core §5.1.2: issuer plus audience). */
  public Optional<Platform> findByIssuerAndClientId(String issuer, String clientId) {
    return em.createQuery(
            "select p from Platform p where p.issuer = :issuer and p.clientId = :clientId",
            Platform.class)
        .setParameter("issuer", issuer)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  public List<Platform> findByIssuer(String issuer) {
    return em.createQuery(
            "select p from Platform p where p.issuer = :issuer order by p.id", Platform.class)
        .setParameter("issuer", issuer)
        .getResultList();
  }

  public List<Platform> findAll() {
    return em.createQuery("select p from Platform p order by p.id", Platform.class).getResultList();
  }
}
