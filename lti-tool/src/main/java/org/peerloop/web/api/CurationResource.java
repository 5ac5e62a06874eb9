package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.community.CurationService;
import org.peerloop.community.CurationService.Act;
import org.peerloop.community.Views;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;

/** Endorse, pin, best-of and its export; flags and their queue. */
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CurationResource {

  @Inject CurrentSession session;
  @Inject CurationService curation;

  public record FlagRequest(String reason) {}

  private Caller caller() {
    return Caller.of(session.get());
  }

  @PUT
  @Path("posts/{postId}/endorsement")
  public Views.PostView endorse(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.ENDORSE, true);
  }

  @DELETE
  @Path("posts/{postId}/endorsement")
  public Views.PostView unendorse(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.ENDORSE, false);
  }

  @PUT
  @Path("posts/{postId}/pin")
  public Views.PostView pin(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.PIN, true);
  }

  @DELETE
  @Path("posts/{postId}/pin")
  public Views.PostView unpin(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.PIN, false);
  }

  @PUT
  @Path("posts/{postId}/best-of")
  public Views.PostView collect(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.BEST_OF, true);
  }

  @DELETE
  @Path("posts/{postId}/best-of")
  public Views.PostView uncollect(@PathParam("postId") long postId) {
    return curation.curate(caller(), postId, Act.BEST_OF, false);
  }

  @POST
  @Path("posts/{postId}/flags")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response flag(@PathParam("postId") long postId, FlagRequest request) {
    curation.flag(caller(), postId, request == null ? null : request.reason());
    return Response.noContent().build();
  }

  @POST
  @Path("posts/{postId}/flags/resolution")
  public Response resolve(@PathParam("postId") long postId) {
    curation.resolveFlags(caller(), postId);
    return Response.noContent().build();
  }

  @GET
  @Path("spaces/{spaceId}/flags")
  public List<Views.FlagView> flags(@PathParam("spaceId") long spaceId) {
    return curation.openFlags(caller(), spaceId);
  }

  @GET
  @Path("spaces/{spaceId}/best-of")
  public CurationService.BestOf bestOf(@PathParam("spaceId") long spaceId) {
    return curation.bestOf(caller(), spaceId);
  }

  /** The best-of as a standalone HTML page, to keep after the course. */
  @GET
  @Path("spaces/{spaceId}/best-of.html")
  @Produces(MediaType.TEXT_HTML)
  public Response bestOfHtml(@PathParam("spaceId") long spaceId) {
    return Response.ok(BestOfHtml.render(curation.bestOf(caller(), spaceId)))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"best-of-" + spaceId + ".html\"")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .build();
  }
}
