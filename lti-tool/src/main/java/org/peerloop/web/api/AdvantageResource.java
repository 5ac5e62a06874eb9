package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.peerloop.community.Caller;
import org.peerloop.community.Scope;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.grading.GradeLog;
import org.peerloop.grading.GradeSyncJob;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.roster.RosterSync;
import org.peerloop.rostering.RosterSyncJob;

/**
 * What facilitators see and start of the LMS services: the course roster's synchronisation, and a
 * space's participation grades with their log.
 */
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AdvantageResource {

  @Inject CurrentSession session;
  @Inject Scope scope;
  @Inject RosterSyncJob rosters;
  @Inject GradeSyncJob gradeJob;
  @Inject GradeLog gradeLog;

  /** A roster synchronisation as facilitators see it. */
  public record RosterSyncView(
      String status,
      boolean incrementalNext,
      String requestedAt,
      String startedAt,
      String finishedAt,
      int pages,
      int membersSeen,
      int membersAdded,
      int membersLeft,
      int rolesChanged,
      String error) {
    static RosterSyncView of(RosterSync s) {
      return new RosterSyncView(
          s.status().name(),
          s.differencesUrl() != null,
          text(s.requestedAt()),
          text(s.startedAt()),
          text(s.finishedAt()),
          s.pages(),
          s.membersSeen(),
          s.membersAdded(),
          s.membersLeft(),
          s.rolesChanged(),
          s.error());
    }

    private static String text(Object value) {
      return value == null ? null : value.toString();
    }
  }

  private Caller facilitator() {
    Caller caller = Caller.of(session.get());
    scope.requireFacilitator(caller);
    return caller;
  }

  @GET
  @Path("course/roster-sync")
  public Response rosterSync() {
    Caller caller = facilitator();
    return rosters
        .status(caller.courseId())
        .map(s -> Response.ok(RosterSyncView.of(s)).build())
        .orElseGet(() -> Response.noContent().build());
  }

  @POST
  @Path("course/roster-sync")
  public Response requestRosterSync(@QueryParam("mode") @DefaultValue("changes") String mode) {
    Caller caller = facilitator();
    if (!mode.equals("changes") && !mode.equals("full")) {
      throw new InvalidValueException("mode", "mode must be changes or full");
    }
    RosterSync sync =
        rosters
            .requestNow(caller.courseId(), mode.equals("full"))
            .orElseThrow(
                () ->
                    new ConflictException(
                        "roster-service-unavailable",
                        "The LMS has not offered its Names and Roles service in this course;"
                            + " enable it for the tool in the LMS"));
    return Response.accepted(RosterSyncView.of(sync)).build();
  }

  @GET
  @Path("spaces/{spaceId}/grades")
  public GradeLog.GradesView grades(@PathParam("spaceId") long spaceId) {
    return gradeLog.of(facilitator(), spaceId);
  }

  @POST
  @Path("spaces/{spaceId}/grades/sync")
  public Response syncGrades(@PathParam("spaceId") long spaceId) {
    Caller caller = facilitator();
    GradeLog.GradesView grades = gradeLog.of(caller, spaceId);
    if (!grades.enabled()) {
      throw new ConflictException(
          "grading-off", "This space does not send a participation grade; turn it on first");
    }
    gradeJob.requestSpace(spaceId);
    return Response.accepted(grades).build();
  }
}
