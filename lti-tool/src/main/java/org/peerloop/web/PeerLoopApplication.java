package org.peerloop.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JAX-RS application, at the root: the fixed contract puts {@code /health} and {@code /lti/*}
 * directly under the tool's base URL. Resources and providers are discovered by the server.
 */
@ApplicationPath("")
public class PeerLoopApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // WADL would publish an unasked-for description of every resource at /application.wadl.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
