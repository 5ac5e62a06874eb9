package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.Set;
import org.peerloop.intranet.Audience;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.intranet.PeopleRule;
import org.peerloop.sharepointsite.SiteBindings;
import org.peerloop.sharepointsite.SiteRosters;
import org.peerloop.sharepointsite.Tenants;
import org.peerloop.web.problem.ProblemException;

/**
 * SharePoint for IT: register the organisation's Entra tenant (what its tokens must carry), bind
 * its sites to courses and pages to spaces, and read a site's group roster now.
 */
@Path("api/admin/sharepoint")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class SharePointResource {

  @Inject Tenants tenants;
  @Inject SiteBindings bindings;
  @Inject SiteRosters rosters;

  public record TenantRequest(
      @NotBlank @Size(max = 255) String displayName,
      @NotBlank @Size(max = 36) String apiClientId,
      @NotBlank @Size(max = 255) String appIdUri,
      @Size(max = 128) String requiredScope,
      @Size(max = 20) Set<@NotBlank @Size(max = 36) String> allowedClientApps,
      PeopleRule peopleRule) {}

  public record StatusRequest(@NotNull IntranetTenant.Status status) {}

  public record SiteRequest(
      @NotNull Long courseId,
      @NotNull Audience audience,
      @Size(max = 36) String groupId,
      boolean nestedGroups) {}

  public record PageRequest(@NotNull Long spaceId) {}

  public record PlatformsRequest(
      @NotNull @Size(max = 100) java.util.Set<@NotNull Long> platformIds) {}

  @GET
  @Path("tenants")
  public List<Tenants.View> tenants() {
    return tenants.list();
  }

  @PUT
  @Path("tenants/{tenantId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Tenants.View register(
      @PathParam("tenantId") String tenantId, @Valid @NotNull TenantRequest body) {
    return tenants.register(
        tenantId,
        new Tenants.Form(
            body.displayName(),
            body.apiClientId(),
            body.appIdUri(),
            body.requiredScope(),
            body.allowedClientApps(),
            body.peopleRule()));
  }

  @POST
  @Path("tenants/{tenantId}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public Tenants.View status(
      @PathParam("tenantId") String tenantId, @Valid @NotNull StatusRequest body) {
    return tenants.setStatus(tenantId, body.status());
  }

  /**
   * The LMS platforms the tenant serves: facilitators of those platforms' courses may show their
   * spaces on the tenant's sites, nobody else.
   */
  @PUT
  @Path("tenants/{tenantId}/platforms")
  @Consumes(MediaType.APPLICATION_JSON)
  public Tenants.View platforms(
      @PathParam("tenantId") String tenantId, @Valid @NotNull PlatformsRequest body) {
    return tenants.serve(tenantId, body.platformIds());
  }

  @GET
  @Path("sites")
  public List<SiteBindings.SiteView> sites() {
    return bindings.list();
  }

  @PUT
  @Path("tenants/{tenantId}/sites/{siteId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SiteBindings.SiteView bindSite(
      @PathParam("tenantId") String tenantId,
      @PathParam("siteId") String siteId,
      @Valid @NotNull SiteRequest body) {
    return bindings.bindSite(
        tenantId,
        siteId,
        body.courseId(),
        new SiteBindings.Admission(body.audience(), body.groupId(), body.nestedGroups()));
  }

  /** Takes a site off its course; its pages open nothing any more, the spaces stay. */
  @DELETE
  @Path("tenants/{tenantId}/sites/{siteId}")
  public Response unbindSite(
      @PathParam("tenantId") String tenantId, @PathParam("siteId") String siteId) {
    bindings.unbindSite(tenantId, siteId);
    return Response.noContent().build();
  }

  @PUT
  @Path("tenants/{tenantId}/sites/{siteId}/pages/{pageId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SiteBindings.SiteView bindPage(
      @PathParam("tenantId") String tenantId,
      @PathParam("siteId") String siteId,
      @PathParam("pageId") String pageId,
      @Valid @NotNull PageRequest body) {
    return bindings.bindPage(tenantId, siteId, pageId, body.spaceId());
  }

  @DELETE
  @Path("tenants/{tenantId}/sites/{siteId}/pages/{pageId}")
  public Response unbindPage(
      @PathParam("tenantId") String tenantId,
      @PathParam("siteId") String siteId,
      @PathParam("pageId") String pageId) {
    bindings.unbindPage(tenantId, siteId, pageId);
    return Response.noContent().build();
  }

  /** Reads the site's group from Graph now, in the background; 202 when started. */
  @POST
  @Path("tenants/{tenantId}/sites/{siteId}/sync")
  public Response sync(@PathParam("tenantId") String tenantId, @PathParam("siteId") String siteId) {
    long siteRef = bindings.siteRef(tenantId, siteId);
    if (!rosters.requestNow(siteRef)) {
      throw new ProblemException(
          409,
          "Rosters are not read",
          "graph-not-configured",
          "Set PEERLOOP_GRAPH_CLIENT_ID and a secret or certificate to read site rosters");
    }
    return Response.accepted().build();
  }
}
