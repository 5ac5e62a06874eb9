package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.peerloop.privacy.AuditTrail;

/** The administrators' audit log, newest first; a platform administrator's platform's only. */
@Path("api/admin/audit")
@RequestScoped
@AdminOnly
@PlatformAdministratorsToo
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditTrail trail;
  @Inject AdminPrincipal principal;

  @GET
  public List<AuditTrail.Entry> latest(@QueryParam("limit") @DefaultValue("200") int limit) {
    return trail.latest(limit, principal.platformScope());
  }
}
