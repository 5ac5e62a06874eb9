package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.peerloop.community.Caller;
import org.peerloop.community.SpacePlacement;
import org.peerloop.community.Views;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;

/** Deep Linking's picker: the course's spaces, and the designer's choice signed for the LMS. */
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PlacementResource {

  @Inject CurrentSession session;
  @Inject SpacePlacement placement;

  /**
   * The ticket from the deep linking launch, and either an existing space of the course or the
   * settings of a new one.
   */
  public record PlacementRequest(
      @NotNull @Size(max = 8192) String ticket,
      Long spaceId,
      @Valid SpacesResource.SettingsRequest settings) {}

  /** The course's spaces, newest first: a page of them, after the id of the last one shown. */
  @GET
  @Path("course/spaces")
  public List<Views.SpaceView> spacesOfCourse(
      @QueryParam("q") @Size(max = 200) String search,
      @QueryParam("after") Long after,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return placement.spacesOfCourse(Caller.of(session.get()), search, after, limit);
  }

  @POST
  @Path("placements")
  @Consumes(MediaType.APPLICATION_JSON)
  public SpacePlacement.Placed place(@Valid @NotNull PlacementRequest request) {
    return placement.place(
        Caller.of(session.get()),
        request.ticket(),
        request.spaceId(),
        request.settings() == null ? null : request.settings().toSettings());
  }
}
