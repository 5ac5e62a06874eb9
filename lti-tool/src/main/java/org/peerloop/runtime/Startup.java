package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.settings.Settings;

/**
 * Does at deployment what would otherwise surprise the first request: reads the settings, migrates
 * the database and makes sure a signing key exists. Any failure fails the deployment.
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  void onStart(
      @Observes @Initialized(ApplicationScoped.class) Object event,
      Settings settings,
      EntityManagers entityManagers,
      ToolKeyService keys) {
    String kid = keys.currentKeyId();
    LOG.info(
        () ->
            "PeerLoop started: base URL "
                + settings.baseUrl()
                + ", schema version "
                + entityManagers.schemaVersion()
                + ", signing key "
                + kid);
  }
}
