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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.peerloop.cohort.CohortPlanner;
import org.peerloop.cohort.MemberRole;
import org.peerloop.community.Caller;
import org.peerloop.community.SpaceService;
import org.peerloop.community.Views;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.space.Grading;
import org.peerloop.space.GroupingMode;
import org.peerloop.space.Moderation;
import org.peerloop.space.Phase;
import org.peerloop.space.SpaceSettings;

/** Spaces and cohorts: the module's space, its settings, joining, my cohort, all cohorts. */
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SpacesResource {

  @Inject CurrentSession session;
  @Inject SpaceService spaces;

  /** A space's settings as a designer sends them. */
  public record SettingsRequest(
      @NotNull String title,
      @NotNull String phase,
      String opensAt,
      String closesAt,
      boolean opensOnCompletion,
      Integer targetSize,
      String grouping,
      String moderation,
      Boolean ratingsEnabled,
      @Size(max = SpaceSettings.TOPICS_MAX) List<String> topics,
      @Size(max = SpaceSettings.PROMPTS_MAX) List<PromptRequest> prompts,
      GradingRequest grading) {

    SpaceSettings toSettings() {
      return new SpaceSettings(
          title,
          Enums.parse(Phase.class, "phase", phase),
          Enums.instant("opensAt", opensAt),
          Enums.instant("closesAt", closesAt),
          opensOnCompletion,
          targetSize == null ? CohortPlanner.DEFAULT_TARGET : targetSize,
          grouping == null ? null : Enums.parse(GroupingMode.class, "grouping", grouping),
          moderation == null ? null : Enums.parse(Moderation.class, "moderation", moderation),
          ratingsEnabled == null || ratingsEnabled,
          topics,
          prompts == null ? List.of() : prompts.stream().map(PromptRequest::toPrompt).toList(),
          grading == null ? null : grading.toGrading());
    }
  }

  /** The participation grade: on or off, its maximum, and the formula's points (see Grading). */
  public record GradingRequest(
      boolean enabled,
      Integer maximum,
      Integer thread,
      Integer reply,
      Integer rating,
      Integer story,
      Integer fullMarks) {
    Grading toGrading() {
      Grading d = Grading.OFF;
      return new Grading(
          enabled,
          maximum == null ? d.maximum() : maximum,
          thread == null ? d.thread() : thread,
          reply == null ? d.reply() : reply,
          rating == null ? d.rating() : rating,
          story == null ? d.story() : story,
          fullMarks == null ? d.fullMarks() : fullMarks);
    }
  }

  public record PromptRequest(String text, String dueOn) {
    SpaceSettings.PromptText toPrompt() {
      try {
        return new SpaceSettings.PromptText(text, dueOn == null ? null : LocalDate.parse(dueOn));
      } catch (DateTimeParseException e) {
        throw new InvalidValueException("prompts", "dueOn must be a date like 2026-05-04");
      }
    }
  }

  /** Where a facilitator moves a member, and why (kept in the audit). */
  public record MoveRequest(@NotNull Long cohortId, @Size(max = 500) String reason) {}

  /** A member's new role: learner or expert-reviewer. */
  public record RoleRequest(@NotNull String role) {}

  public record JoinRequest(@Size(max = 3) List<String> topics) {}

  private Caller caller() {
    return Caller.of(session.get());
  }

  @GET
  @Path("space")
  public Views.SpaceView current() {
    return spaces.current(caller());
  }

  @PUT
  @Path("space")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.SpaceView configure(@Valid @NotNull SettingsRequest request) {
    return spaces.configure(caller(), request.toSettings());
  }

  @GET
  @Path("spaces/{spaceId}")
  public Views.SpaceView space(@PathParam("spaceId") long spaceId) {
    return spaces.space(caller(), spaceId);
  }

  @POST
  @Path("spaces/{spaceId}/membership")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.CohortView join(
      @PathParam("spaceId") long spaceId, @Valid @NotNull JoinRequest request) {
    return spaces.join(caller(), spaceId, request.topics());
  }

  @GET
  @Path("spaces/{spaceId}/my-cohort")
  public Views.CohortView myCohort(@PathParam("spaceId") long spaceId) {
    return spaces.myCohort(caller(), spaceId);
  }

  @GET
  @Path("spaces/{spaceId}/cohorts")
  public List<Views.CohortView> cohorts(
      @PathParam("spaceId") long spaceId,
      @QueryParam("after") @DefaultValue("0") @Min(0) int afterNumber,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return spaces.cohorts(caller(), spaceId, afterNumber, limit);
  }

  @POST
  @Path("members/{memberId}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.CohortView move(
      @PathParam("memberId") long memberId, @Valid @NotNull MoveRequest request) {
    return spaces.move(caller(), memberId, request.cohortId(), request.reason());
  }

  @PUT
  @Path("members/{memberId}/role")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.CohortView assignRole(
      @PathParam("memberId") long memberId, @Valid @NotNull RoleRequest request) {
    return spaces.assignRole(
        caller(), memberId, Enums.parse(MemberRole.class, "role", request.role()));
  }
}
