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
import java.net.URI;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.outbound.ServiceException;
import org.peerloop.outbound.WebUrls;
import org.peerloop.xapi.LrsClient;
import org.peerloop.xapi.LrsConnections;
import org.peerloop.xapi.LrsPush;

/**
 * A platform's Learning Record Store, for IT: set it (checked by asking the store's {@code about}),
 * see how far the xAPI push has come and why it last failed, push now, or stop pushing.
 */
@Path("api/admin/platforms/{id}/lrs")
@RequestScoped
@AdminOnly
@PlatformAdministratorsToo
@Produces(MediaType.APPLICATION_JSON)
public class LrsResource {

  @Inject LrsConnections connections;
  @Inject LrsClient client;
  @Inject LrsPush push;

  /** The store's xAPI endpoint (the URL that {@code statements} and {@code about} are under). */
  public record LrsSettings(
      @NotBlank @Size(max = 2000) String endpoint,
      @NotBlank @Size(max = 255) String username,
      @NotBlank @Size(max = 500) String password) {}

  @GET
  public LrsConnections.Status status(@PathParam("id") long platformId) {
    return connections.status(platformId);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public LrsConnections.Status configure(
      @PathParam("id") long platformId, @Valid @NotNull LrsSettings body) {
    String raw = body.endpoint().strip();
    if (!WebUrls.isSafe(raw) || raw.contains("?") || raw.contains("#")) {
      throw new InvalidValueException(
          "endpoint", "endpoint must be an https:// URL without query (http only on this machine)");
    }
    URI endpoint = URI.create(raw.endsWith("/") ? raw : raw + "/");
    try {
      client.about(endpoint);
    } catch (ServiceException e) {
      throw new InvalidValueException(
          "endpoint",
          "The store at " + endpoint + " did not answer as an xAPI 1.0.x store: " + e.getMessage());
    }
    return connections.configure(platformId, endpoint, body.username(), body.password());
  }

  @DELETE
  public void remove(@PathParam("id") long platformId) {
    connections.remove(platformId);
  }

  /** Pushes what the store lacks now, without waiting for the schedule; answers the outcome. */
  @POST
  @Path("push")
  public LrsConnections.Status pushNow(@PathParam("id") long platformId) {
    connections.status(platformId);
    return push.pushNow(platformId);
  }
}
