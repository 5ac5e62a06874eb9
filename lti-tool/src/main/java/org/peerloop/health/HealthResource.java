package org.peerloop.health;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness and readiness for load balancers and people: 200 when ready, 503 when not. */
@Path("health")
@RequestScoped
public class HealthResource {

  @Inject HealthService health;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response health() {
    HealthReport report = health.check();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(report.isUp() ? 200 : 503).entity(report).cacheControl(noStore).build();
  }
}
