package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.peerloop.privacy.PersonalData;
import org.peerloop.privacy.PrivacyRequests;

/**
 * A person's data for IT acting on a request under the GDPR: find them by their LMS's user id,
 * export everything held about them (Art. 15, 20), erase them (Art. 17). Each call is in the audit
 * log.
 */
@Path("api/admin/people")
@RequestScoped
@AdminOnly
@PlatformAdministratorsToo
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

  @Inject PrivacyRequests privacy;
  @Inject AdminPrincipal principal;

  /** People by platform and the user id the LMS knows them by (the LTI {@code sub}). */
  @GET
  public List<PrivacyRequests.PersonSummary> find(
      @QueryParam("platform") @NotNull Long platformId,
      @QueryParam("subject") @NotBlank String subject) {
    principal.requirePlatform(platformId);
    return privacy.find(platformId, subject);
  }

  @GET
  @Path("{personId}/export")
  public Response export(@PathParam("personId") long personId) {
    principal.requirePlatform(privacy.platformOf(personId));
    Map<String, Object> export = privacy.export(personId);
    return Response.ok(export)
        .header(
            "Content-Disposition", "attachment; filename=\"peerloop-person-" + personId + ".json\"")
        .build();
  }

  @DELETE
  @Path("{personId}")
  public PersonalData.Erasure erase(@PathParam("personId") long personId) {
    principal.requirePlatform(privacy.platformOf(personId));
    return privacy.erase(personId);
  }
}
