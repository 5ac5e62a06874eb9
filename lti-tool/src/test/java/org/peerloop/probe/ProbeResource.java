package org.peerloop.probe;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.peerloop.platform.PlatformRepository;

/**
 * Test-only endpoints, deployed by in-container tests alongside the real WAR, that drive the real
 * repositories through JTA and the real exception mappers.
 */
@Path("probe")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {

  public record PlatformRequest(
      @NotBlank String issuer, @NotBlank String clientId, @NotNull String deploymentId) {}

  public record CourseRequest(
      @NotBlank String issuer, @NotBlank String clientId, String contextId, String title) {}

  @Inject ProbeService service;
  @Inject PlatformRepository platforms;

  @POST
  @Path("platforms")
  public Response register(@Valid @NotNull PlatformRequest request) {
    long id = service.register(request, false);
    return Response.status(201).entity(Map.of("id", id)).build();
  }

  @POST
  @Path("platforms/then-fail")
  public Response registerThenFail(@Valid @NotNull PlatformRequest request) {
    service.register(request, true);
    return Response.status(201).build();
  }

  @GET
  @Path("platforms")
  public Map<String, Object> find(
      @QueryParam("issuer") String issuer, @QueryParam("clientId") String clientId) {
    return service.describe(issuer, clientId);
  }

  @GET
  @Path("footprint")
  public Map<String, Object> footprint(
      @QueryParam("issuer") String issuer,
      @QueryParam("clientId") String clientId,
      @QueryParam("subject") String subject,
      @QueryParam("context") String context) {
    return service.footprint(issuer, clientId, subject, context);
  }

  @POST
  @Path("courses")
  public Map<String, Object> recordCourse(@Valid @NotNull CourseRequest request) {
    return service.recordCourse(request);
  }

  /** Reads the database without a transaction, which the application must refuse. */
  @GET
  @Path("outside-transaction")
  public int countOutsideTransaction() {
    return platforms.findAll().size();
  }

  @GET
  @Path("crash")
  public String crash() {
    throw new IllegalStateException("internal detail that must stay in the log");
  }
}
