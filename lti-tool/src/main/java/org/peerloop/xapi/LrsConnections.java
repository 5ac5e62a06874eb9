package org.peerloop.xapi;

import com.nimbusds.jose.util.JSONArrayUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.peerloop.activity.ActivityLog;
import org.peerloop.errors.NotFoundException;
import org.peerloop.keys.SecretBox;
import org.peerloop.lrs.LrsConnection;
import org.peerloop.platform.Platform;
import org.peerloop.settings.Settings;

/** The platforms' store connections: their settings, and the push's steps, each one transaction. */
@ApplicationScoped
public class LrsConnections {
  /** The purpose a password is sealed for: a value from another column does not open as one. */
  static final String PASSWORD = "lrs-password";

  /** Statements per request: LRSs commonly take a few hundred to a few thousand at once. */
  static final int BATCH = 500;

  @Inject EntityManager em;
  @Inject SecretBox box;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject ActivityLog activity;

  /** What IT sees of a connection; never the password. */
  public record Status(
      long platformId,
      String endpoint,
      String username,
      long pushedThroughEvent,
      long statementsSent,
      long eventsWaiting,
      String lastPushAt,
      int failures,
      String lastError,
      String lastErrorAt,
      String nextAttemptAt) {}

  /** A batch ready to send, and the event it brings the store up to. */
  record Batch(LrsClient.Store store, String statementsJson, long throughEventId, int size) {}

  @Transactional
  public Status configure(long platformId, URI endpoint, String username, String password) {
    if (em.find(Platform.class, platformId) == null) {
      throw new NotFoundException("platform-not-found", "No platform " + platformId);
    }
    String sealed = box.seal(PASSWORD, password);
    LrsConnection connection = em.find(LrsConnection.class, platformId);
    if (connection == null) {
      connection =
          new LrsConnection(platformId, endpoint.toString(), username, sealed, clock.instant());
      em.persist(connection);
    } else {
      connection.configure(endpoint.toString(), username, sealed, clock.instant());
    }
    em.flush();
    return status(connection);
  }

  @Transactional
  public Status status(long platformId) {
    return status(find(platformId));
  }

  @Transactional
  public void remove(long platformId) {
    em.remove(find(platformId));
  }

  @Transactional
  List<Long> due() {
    return em.createQuery("select c from LrsConnection c", LrsConnection.class)
        .getResultStream()
        .filter(c -> c.isDue(clock.instant()))
        .map(LrsConnection::platformId)
        .toList();
  }

  /** How far a batch may reach: see {@link ActivityLog#committedThrough()}. Its own transaction. */
  @Transactional
  long committedThrough() {
    return activity.committedThrough();
  }

  /**
   * The next statements the platform's store lacks, up to an event through which everything is
   * committed, or {@code null} when it has them all.
   */
  @Transactional
  Batch next(long platformId, long committedThrough) {
    LrsConnection connection = find(platformId);
    List<XapiEvent> events =
        new XapiEvents(em)
            .ofPlatform(platformId, connection.pushedThrough(), committedThrough, BATCH);
    if (events.isEmpty()) {
      connection.upToDate(clock.instant());
      return null;
    }
    String array =
        JSONArrayUtils.toJSONString(
            events.stream().map(e -> Statements.of(e, settings.baseUrl())).toList());
    LrsClient.Store store =
        new LrsClient.Store(
            URI.create(connection.endpoint()),
            connection.username(),
            box.open(PASSWORD, connection.passwordSealed()));
    return new Batch(store, array, events.get(events.size() - 1).id(), events.size());
  }

  @Transactional
  void pushed(long platformId, Batch batch) {
    find(platformId).pushed(batch.throughEventId(), batch.size(), clock.instant());
  }

  @Transactional
  void failed(long platformId, String error) {
    find(platformId).failed(error, clock.instant());
  }

  private LrsConnection find(long platformId) {
    LrsConnection connection = em.find(LrsConnection.class, platformId);
    if (connection == null) {
      throw new NotFoundException(
          "lrs-not-configured", "Platform " + platformId + " has no learning record store");
    }
    return connection;
  }

  private Status status(LrsConnection c) {
    long waiting =
        em.createQuery(
                "select count(e) from ActivityEvent e, Space s where s.id = e.spaceId"
                    + " and s.course.platform.id = :platform and e.id > :after",
                Long.class)
            .setParameter("platform", c.platformId())
            .setParameter("after", c.pushedThrough())
            .getSingleResult();
    return new Status(
        c.platformId(),
        c.endpoint(),
        c.username(),
        c.pushedThrough(),
        c.statementsSent(),
        waiting,
        text(c.lastPushAt()),
        c.failures(),
        c.lastError(),
        text(c.lastErrorAt()),
        text(c.nextAttemptAt()));
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
