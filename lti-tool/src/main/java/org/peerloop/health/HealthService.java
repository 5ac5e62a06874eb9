package org.peerloop.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.runtime.Database;

/** Runs the readiness checks. Keys are only checked once the database answers. */
@ApplicationScoped
public class HealthService {
  private static final Logger LOG = Logger.getLogger(HealthService.class.getName());

  private final Database database;
  private final ToolKeyService keys;

  @Inject
  public HealthService(Database database, ToolKeyService keys) {
    this.database = database;
    this.keys = keys;
  }

  /** For the container's proxy only. */
  protected HealthService() {
    this(null, null);
  }

  public HealthReport check() {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean databaseUp = database.isReachable();
    checks.put("database", databaseUp ? HealthReport.UP : HealthReport.DOWN);
    checks.put("keys", databaseUp && keysLoad() ? HealthReport.UP : HealthReport.DOWN);
    return HealthReport.of(checks);
  }

  private boolean keysLoad() {
    try {
      return keys.hasSigningKey();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Signing key unavailable", e);
      return false;
    }
  }
}
