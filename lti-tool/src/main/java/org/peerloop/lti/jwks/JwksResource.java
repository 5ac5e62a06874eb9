package org.peerloop.lti.jwks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The tool's public keys, at the fixed LTI path and at the well-known path some platforms probe.
 */
@Path("")
@RequestScoped
public class JwksResource {
  /** Short enough that platforms see a new key well before it starts signing. */
  static final int MAX_AGE_SECONDS = 300;

  @Inject ToolKeyService keys;

  @GET
  @Path("lti/jwks")
  @Produces(MediaType.APPLICATION_JSON)
  public Response jwks() {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    return Response.ok(keys.publicKeySet().toString()).cacheControl(cache).build();
  }

  @GET
  @Path(".well-known/jwks.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response wellKnownJwks() {
    return jwks();
  }
}
