package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peerloop.console.RegistrationChecks;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.lti.registration.PlatformRegistrar;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/** Registrations, for IT: list, add by hand, approve or disable, add a deployment. */
@Path("api/admin/platforms")
@RequestScoped
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class PlatformsResource {

  @Inject PlatformRegistrar registrar;
  @Inject RegistrationChecks checks;
  @Inject AdminPrincipal principal;

  /** A manual registration, with the values the LMS shows its administrator. */
  public record NewPlatform(
      @NotBlank String issuer,
      @NotBlank String clientId,
      @NotBlank String authLoginUrl,
      @NotBlank String authTokenUrl,
      @NotBlank String jwksUrl,
      String productFamily,
      @NotNull @Size(min = 1, message = "must list at least one deployment id")
          List<@NotBlank String> deploymentIds) {}

  public record StatusChange(@NotBlank String status) {}

  public record NewDeployment(@NotBlank String deploymentId) {}

  public record ConsoleEntry(@NotNull Boolean allowed) {}

  public record ServiceHosts(
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 253) String> hosts) {}

  public record PlatformView(
      long id,
      String issuer,
      String clientId,
      String authLoginUrl,
      String authTokenUrl,
      String jwksUrl,
      String productFamily,
      String status,
      List<String> deploymentIds,
      String createdAt,
      boolean consoleFromLms,
      List<String> serviceHosts) {

    static PlatformView of(Platform p) {
      return new PlatformView(
          p.id(),
          p.issuer(),
          p.clientId(),
          p.authLoginUrl(),
          p.authTokenUrl(),
          p.jwksUrl(),
          p.productFamily().code(),
          p.status().name(),
          List.copyOf(p.deploymentIds()),
          p.createdAt().toString(),
          p.allowsConsoleFromLms(),
          p.extraServiceHosts());
    }
  }

  /** Every registration; a platform administrator's own only. */
  @GET
  @PlatformAdministratorsToo
  public List<PlatformView> list() {
    Long scope = principal.platformScope();
    return registrar.all().stream()
        .filter(p -> scope == null || p.id().equals(scope))
        .map(PlatformView::of)
        .toList();
  }

  /** An administrator's registration is approved by being made: it is active at once. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response add(@Valid @NotNull NewPlatform body, @jakarta.ws.rs.core.Context UriInfo uri) {
    Platform platform =
        registrar.register(
            new PlatformRegistrar.RegistrationValues(
                body.issuer(),
                body.clientId(),
                body.authLoginUrl(),
                body.authTokenUrl(),
                body.jwksUrl(),
                ProductFamily.fromCode(body.productFamily()),
                body.deploymentIds()),
            PlatformStatus.ACTIVE);
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(platform.id())).build())
        .entity(PlatformView.of(platform))
        .build();
  }

  @PUT
  @Path("{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  public PlatformView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange body) {
    PlatformStatus status;
    try {
      status = PlatformStatus.valueOf(body.status().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("status", "status must be PENDING, ACTIVE or DISABLED");
    }
    return PlatformView.of(registrar.changeStatus(id, status));
  }

  /**
   * Whether the LMS's administrators may open the console from a launch, as administrators of this
   * platform only. Off for every new registration.
   */
  @PUT
  @Path("{id}/console-entry")
  @Consumes(MediaType.APPLICATION_JSON)
  public PlatformView consoleEntry(@PathParam("id") long id, @Valid @NotNull ConsoleEntry body) {
    return PlatformView.of(registrar.allowConsoleFromLms(id, body.allowed()));
  }

  /**
   * Hosts the platform's services (Names and Roles, grades) may be on besides those of its
   * registered URLs, such as a Canvas institution's own domain; its own administrators may set
   * them.
   */
  @PUT
  @Path("{id}/service-hosts")
  @PlatformAdministratorsToo
  @Consumes(MediaType.APPLICATION_JSON)
  public PlatformView serviceHosts(@PathParam("id") long id, @Valid @NotNull ServiceHosts body) {
    return PlatformView.of(registrar.useServiceHosts(id, body.hosts()));
  }

  /** A deployment of the platform; its own administrators may add one. */
  @POST
  @PlatformAdministratorsToo
  @Path("{id}/deployments")
  @Consumes(MediaType.APPLICATION_JSON)
  public PlatformView addDeployment(@PathParam("id") long id, @Valid @NotNull NewDeployment body) {
    return PlatformView.of(registrar.addDeployment(id, body.deploymentId()));
  }

  /** Checks a manual registration's values before it is made; nothing is saved. */
  @POST
  @Path("check")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, List<RegistrationChecks.Problem>> check(
      @Valid @NotNull RegistrationChecks.Values values) {
    return Map.of("problems", checks.check(values));
  }
}
