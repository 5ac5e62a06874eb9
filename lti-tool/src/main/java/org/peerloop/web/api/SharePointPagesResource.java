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
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.intranet.Audience;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.sharepointsite.SiteBindings;

/**
 * A facilitator shows their space on a SharePoint page too: the page's site and item ids (the web
 * part shows them to the page owner until the page is bound) and who of the organisation may enter.
 * The same cohorts, posts and people then open from the LMS module and from the page.
 */
@Path("api/v1/spaces/{spaceId}/sharepoint-pages")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SharePointPagesResource {

  @Inject CurrentSession session;
  @Inject SiteBindings bindings;

  public record PageBinding(
      @NotBlank @Size(max = 36) String tenantId,
      @NotBlank @Size(max = 36) String siteId,
      @NotBlank @Size(max = 16) String pageId,
      @NotNull Audience audience,
      @Size(max = 36) String groupId,
      boolean nestedGroups) {}

  @GET
  public List<SiteBindings.SiteView> pages(@PathParam("spaceId") long spaceId) {
    return bindings.ofSpace(Caller.of(session.get()), spaceId);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public SiteBindings.SiteView bind(
      @PathParam("spaceId") long spaceId, @Valid @NotNull PageBinding body) {
    return bindings.bindForFacilitator(
        Caller.of(session.get()),
        spaceId,
        body.tenantId(),
        body.siteId(),
        body.pageId(),
        new SiteBindings.Admission(body.audience(), body.groupId(), body.nestedGroups()));
  }

  @DELETE
  @Path("{tenantId}/{siteId}/{pageId}")
  public void unbind(
      @PathParam("spaceId") long spaceId,
      @PathParam("tenantId") String tenantId,
      @PathParam("siteId") String siteId,
      @PathParam("pageId") String pageId) {
    bindings.unbindForFacilitator(Caller.of(session.get()), spaceId, tenantId, siteId, pageId);
  }
}
