package org.peerloop.web.lti;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.peerloop.lti.registration.ToolConfiguration;

/**
 * The values an administrator needs to register PeerLoop by hand. Its own root path: JAX-RS picks
 * the root resource before the method, so a shared {@code lti} root would hide {@code lti/jwks}.
 */
@Path("lti/config.json")
@RequestScoped
public class ConfigurationResource {

  @Inject ToolConfiguration tool;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String configuration() {
    return tool.manualConfiguration().toString();
  }
}
