package org.peerloop.lti.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.peerloop.web.problem.ProblemException;

/** The caller's own session: who they are here, and a fresh token while the page is open. */
@Path("api/session")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

  @Inject CurrentSession current;
  @Inject SessionTokens tokens;
  @Inject SessionDetails details;

  @GET
  public SessionDetails.View me() {
    return details.describe(current.get());
  }

  @POST
  @Path("refresh")
  public SessionDetails.Refreshed refresh() {
    try {
      SessionTokenCodec.IssuedToken fresh = tokens.refresh(current.get());
      return new SessionDetails.Refreshed(fresh.token(), fresh.expiresAt().toString());
    } catch (InvalidSessionException e) {
      throw ProblemException.unauthorized(e.reason(), e.getMessage());
    }
  }
}
