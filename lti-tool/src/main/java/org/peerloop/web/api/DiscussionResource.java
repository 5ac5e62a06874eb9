package org.peerloop.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.peerloop.community.Caller;
import org.peerloop.community.DiscussionService;
import org.peerloop.community.ThreadQuery;
import org.peerloop.community.Views;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.post.NewPost;
import org.peerloop.post.PostKind;
import org.peerloop.runtime.Transactions;
import org.peerloop.web.limits.Limit;
import org.peerloop.web.limits.RateLimited;

/** Threads, posts and ratings of a cohort. */
@Path("api/v1")
@ApplicationScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DiscussionResource {

  @Inject CurrentSession session;
  @Inject DiscussionService discussion;

  /**
   * A post as the composer sends it. {@code clientKey} makes creation safe to retry.
   *
   * @param kind discussion, question or applied-story (thread starts only)
   */
  public record PostRequest(
      String kind,
      String title,
      @NotNull String body,
      String appliedWhat,
      String appliedResult,
      Long replyTo,
      Long promptId,
      @NotNull String clientKey) {

    NewPost toNewPost() {
      PostKind postKind =
          kind == null ? PostKind.DISCUSSION : Enums.parse(PostKind.class, "kind", kind);
      return new NewPost(
          postKind, title, body, appliedWhat, appliedResult, replyTo, promptId, clientKey);
    }
  }

  /** An expert's decision: approve, or reject with a reason. */
  public record ReviewRequest(@NotNull String decision, String reason) {}

  public record RatingRequest(@NotNull @Min(1) @Max(5) Integer stars) {}

  private Caller caller() {
    return Caller.of(session.get());
  }

  /** A {@link Views.ThreadPage}, sent as the JSON the service keeps (see ThreadPageCache). */
  @GET
  @Path("cohorts/{cohortId}/threads")
  public Response threads(
      @PathParam("cohortId") long cohortId,
      @QueryParam("sort") String sort,
      @QueryParam("tag") String tag,
      @QueryParam("kind") String kind,
      @QueryParam("prompt") Long promptId,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    byte[] page =
        discussion.threads(
            caller(), cohortId, ThreadQuery.parse(sort, tag, kind, promptId, cursor, limit));
    return Response.ok(page, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @RateLimited(Limit.POST)
  @POST
  @Path("cohorts/{cohortId}/posts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("cohortId") long cohortId, @Valid @NotNull PostRequest request) {
    // Safe to repeat: the client key makes a second attempt find the first one's post.
    Views.PostView post =
        Transactions.retryOnConflict(
            () -> discussion.create(caller(), cohortId, request.toNewPost()));
    return Response.status(Response.Status.CREATED).entity(post).build();
  }

  @GET
  @Path("posts/{postId}")
  public Views.ThreadWithReplies thread(@PathParam("postId") long postId) {
    return discussion.thread(caller(), postId);
  }

  @PUT
  @Path("posts/{postId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.PostView edit(
      @PathParam("postId") long postId, @Valid @NotNull PostRequest request) {
    return discussion.edit(caller(), postId, request.toNewPost());
  }

  @DELETE
  @Path("posts/{postId}")
  public Response delete(@PathParam("postId") long postId, @QueryParam("reason") String reason) {
    discussion.delete(caller(), postId, reason);
    return Response.noContent().build();
  }

  @GET
  @Path("spaces/{spaceId}/review-queue")
  public List<Views.PostView> reviewQueue(@PathParam("spaceId") long spaceId) {
    return discussion.reviewQueue(caller(), spaceId);
  }

  @POST
  @Path("posts/{postId}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.PostView review(
      @PathParam("postId") long postId, @Valid @NotNull ReviewRequest request) {
    boolean approve =
        switch (request.decision().strip().toLowerCase(Locale.ROOT)) {
          case "approve" -> true;
          case "reject" -> false;
          default ->
              throw new InvalidValueException("decision", "decision must be approve or reject");
        };
    return discussion.review(caller(), postId, approve, request.reason());
  }

  @PUT
  @Path("posts/{postId}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  public Views.PostView rate(
      @PathParam("postId") long postId, @Valid @NotNull RatingRequest request) {
    // Safe to repeat: a rating is set, not added.
    return Transactions.retryOnConflict(() -> discussion.rate(caller(), postId, request.stars()));
  }
}
