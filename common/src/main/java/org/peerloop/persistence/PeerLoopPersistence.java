package org.peerloop.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens PeerLoop's persistence unit. Its descriptor has a name of its own so that the server does
 * not deploy it by itself: the application chooses the data source at start (a server-managed one,
 * or the embedded Derby) and passes it in.
 */
public final class PeerLoopPersistence {
  public static final String UNIT = "peerloop";
  static final String DESCRIPTOR = "META-INF/peerloop-persistence.xml";

  private PeerLoopPersistence() {}

  /**
   * @param properties at least the data source ({@code jakarta.persistence.jtaDataSource} or, for
   *     resource-local use in tests, {@code jakarta.persistence.nonJtaDataSource})
   */
  public static EntityManagerFactory open(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("eclipselink.persistencexml", DESCRIPTOR);
    return Persistence.createEntityManagerFactory(UNIT, all);
  }
}
