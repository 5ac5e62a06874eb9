package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.privacy.PrivacyRequests;

/** A member's own data, everything PeerLoop holds about them, as JSON (GDPR Art. 15 and 20). */
@Path("api/v1/me/data")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyDataResource {

  @Inject CurrentSession session;
  @Inject PrivacyRequests privacy;

  @GET
  public Response export() {
    return Response.ok(privacy.export(session.get().personId()))
        .header("Content-Disposition", "attachment; filename=\"my-peerloop-data.json\"")
        .build();
  }
}
