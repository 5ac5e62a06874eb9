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
import org.peerloop.bridge.MoodleBridge;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.moodlebridge.CompletionBackstop;
import org.peerloop.moodlebridge.ConnectionReport;
import org.peerloop.moodlebridge.MoodleBridges;
import org.peerloop.moodlebridge.MoodleSites;
import org.peerloop.outbound.WebUrls;

/**
 * A platform's Moodle bridge, for IT: set it (the token is tried first, and refused when Moodle
 * does not take it), see it, test what the token may do, make a new webhook secret, run the
 * completion backstop now, or remove it.
 */
@Path("api/admin/platforms/{id}/moodle")
@RequestScoped
@AdminOnly
@PlatformAdministratorsToo
@Produces(MediaType.APPLICATION_JSON)
public class MoodleBridgeResource {

  @Inject MoodleBridges bridges;
  @Inject MoodleSites sites;
  @Inject CompletionBackstop backstop;

  /** The site's address ({@code $CFG->wwwroot}) and a web service token for the bridge. */
  public record BridgeSettings(
      @NotBlank @Size(max = 2000) String siteUrl, @NotBlank @Size(max = 255) String token) {}

  @GET
  public MoodleBridges.Status status(@PathParam("id") long platformId) {
    return bridges.status(platformId);
  }

  /** Answers the webhook secret once, for a new bridge: paste it in the plugin's settings. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public MoodleBridges.Configured configure(
      @PathParam("id") long platformId, @Valid @NotNull BridgeSettings body) {
    String site = MoodleBridge.normalised(body.siteUrl());
    if (!WebUrls.isSafe(site)) {
      throw new InvalidValueException(
          "siteUrl", "siteUrl must be an https:// address (http only on this machine)");
    }
    ConnectionReport report = sites.check(platformId, URI.create(site), body.token().strip());
    if (!report.connected()) {
      throw new InvalidValueException("token", report.error());
    }
    return bridges.configure(platformId, site, body.token().strip(), report);
  }

  @DELETE
  public void remove(@PathParam("id") long platformId) {
    bridges.remove(platformId);
  }

  /** What the token may and may not do now. */
  @POST
  @Path("test")
  public ConnectionReport test(@PathParam("id") long platformId) {
    return sites.check(platformId);
  }

  /** A new webhook secret, answered once; the old one stops working at once. */
  @POST
  @Path("webhook-secret")
  public MoodleBridges.Configured newSecret(@PathParam("id") long platformId) {
    return bridges.newSecret(platformId);
  }

  /** Asks Moodle now who completed what in the bridged courses, as the hourly backstop does. */
  @POST
  @Path("reconcile")
  public CompletionBackstop.Run reconcile(@PathParam("id") long platformId) {
    bridges.status(platformId);
    return backstop.runNow(platformId);
  }
}
