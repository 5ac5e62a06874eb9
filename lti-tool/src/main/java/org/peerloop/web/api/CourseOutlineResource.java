package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.peerloop.community.Caller;
import org.peerloop.community.Views;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.moodlebridge.CourseOutline;

/**
 * The LMS course's outline for a space's facilitators, and the module the space is attached to (for
 * a post-course space that opens on completion, the module whose completion opens it). Needs the
 * platform's Moodle bridge.
 */
// At api/v1 like the other session resources: JAX-RS picks one root resource per request, and a
// root at api/v1/spaces/{spaceId} would hide theirs.
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CourseOutlineResource {

  @Inject CurrentSession session;
  @Inject CourseOutline outline;

  /** The module to attach to; {@code null} for none (the course's own completion). */
  public record ModuleRequest(Long moduleId) {}

  @GET
  @Path("spaces/{spaceId}/lms-outline")
  public CourseOutline.OutlineView outline(@PathParam("spaceId") long spaceId) {
    return outline.outline(Caller.of(session.get()), spaceId);
  }

  @PUT
  @Path("spaces/{spaceId}/lms-module")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.SpaceView attach(
      @PathParam("spaceId") long spaceId, @NotNull ModuleRequest request) {
    return outline.attach(Caller.of(session.get()), spaceId, request.moduleId());
  }
}
