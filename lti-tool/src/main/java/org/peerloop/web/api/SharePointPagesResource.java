package org.peerloop.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.intranet.Audience;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.sharepointsite.PageClaims;
import org.peerloop.sharepointsite.SiteBindings;

/**
 * A facilitator shows their space on a SharePoint page too: the page's site and item ids (the web
 * part shows them to the page owner until the page is bound) and who of the organisation may enter.
 * The request waits, with a code, until someone who can edit the page enters the code in the
 * PeerLoop web part; the same cohorts, posts and people then open from the LMS module and from the
 * page.
 */
@Path("api/v1/spaces/{spaceId}/sharepoint-pages")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SharePointPagesResource {

  @Inject CurrentSession session;
  @Inject SiteBindings bindings;
  @Inject PageClaims claims;

  public record PageBinding(
      @NotBlank @Size(max = 36) String tenantId,
      @NotBlank @Size(max = 36) String siteId,
      @NotBlank @Size(max = 16) String pageId,
      @NotNull Audience audience,
      @Size(max = 36) String groupId,
      boolean nestedGroups) {}

  /** The pages that open the space, and the requests that wait for their page. */
  public record SpacePages(
      List<SiteBindings.SiteView> sites, List<PageClaims.ClaimView> awaiting) {}

  @GET
  public SpacePages pages(@PathParam("spaceId") long spaceId) {
    Caller caller = Caller.of(session.get());
    return new SpacePages(bindings.ofSpace(caller, spaceId), claims.ofSpace(caller, spaceId));
  }

  /** 202: the request waits for the page; its code is in this answer only. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(@PathParam("spaceId") long spaceId, @Valid @NotNull PageBinding body) {
    PageClaims.ClaimView claim =
        claims.request(
            Caller.of(session.get()),
            spaceId,
            body.tenantId(),
            body.siteId(),
            body.pageId(),
            new SiteBindings.Admission(body.audience(), body.groupId(), body.nestedGroups()));
    return Response.accepted(claim).build();
  }

  @DELETE
  @Path("{tenantId}/{siteId}/{pageId}")
  public void unbind(
      @PathParam("spaceId") long spaceId,
      @PathParam("tenantId") String tenantId,
      @PathParam("siteId") String siteId,
      @PathParam("pageId") String pageId) {
    claims.takeOff(Caller.of(session.get()), spaceId, tenantId, siteId, pageId);
  }
}
