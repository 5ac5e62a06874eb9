package org.peerloop.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.peerloop.console.AdminSessions;
import org.peerloop.console.AdminSignIn;
import org.peerloop.lti.roles.Role;
import org.peerloop.lti.session.Authenticated;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.settings.Settings;
import org.peerloop.web.limits.Limit;
import org.peerloop.web.limits.RateLimited;
import org.peerloop.web.problem.ProblemException;

/**
 * Signing in to the administration console: the first-run setup with the link from the server log,
 * a local administrator's name and password, or an LMS administrator's launch (a one-minute ticket
 * opens the console in a new tab). Each answers a console session token.
 */
@Path("api/admin/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionResource {

  @Inject AdminSignIn signIn;
  @Inject AdminSessions sessions;
  @Inject AdminPrincipal principal;
  @Inject CurrentSession launch;
  @Inject Settings settings;

  public record SetupRequest(
      @NotNull @Size(max = 100) String token,
      @NotNull @Size(max = 100) String username,
      @NotNull @Size(max = 256) String password) {}

  public record SignInRequest(
      @NotNull @Size(max = 100) String username, @NotNull @Size(max = 256) String password) {}

  public record TicketRequest(@NotNull @Size(max = 4096) String ticket) {}

  public record NewAccount(
      @NotNull @Size(max = 100) String username, @NotNull @Size(max = 256) String password) {}

  /**
   * A console session: its token, and who it is for — a local administrator ({@code kind: local})
   * or an administrator of one platform ({@code kind: platform} with {@code platformId}), so the
   * console offers only what they may do.
   */
  public record Granted(
      String token, String expiresAt, String actor, String kind, Long platformId) {
    static Granted of(AdminSessions.Issued issued) {
      AdminSessions.Administrator admin = issued.administrator();
      return new Granted(
          issued.token(),
          issued.expiresAt().toString(),
          admin.actor(),
          admin.isLocal() ? "local" : "platform",
          admin.platformId());
    }
  }

  /** Whether the console should show the first-run setup; tells nothing else. */
  @GET
  @Path("state")
  public Map<String, Object> state() {
    return Map.of("setupPending", signIn.setupPending());
  }

  @POST
  @Path("setup")
  @RateLimited(Limit.ADMIN_SIGN_IN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Granted setUp(@Valid @NotNull SetupRequest request) {
    return Granted.of(signIn.setUp(request.token(), request.username(), request.password()));
  }

  @POST
  @RateLimited(Limit.ADMIN_SIGN_IN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Granted signIn(@Valid @NotNull SignInRequest request) {
    return signIn
        .signIn(request.username(), request.password())
        .map(Granted::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    401, "Not signed in", "sign-in-failed", "The name or the password is wrong"));
  }

  /**
   * From the tool page of an LMS administrator's launch: a one-minute ticket and the console
   * address that redeems it. Only the institution's administrator role may ask.
   */
  @POST
  @Path("ticket")
  @Authenticated
  public Map<String, String> ticket() {
    var session = launch.get();
    if (!session.roles().contains(Role.ADMIN)) {
      throw ProblemException.forbidden(
          "not-an-administrator", "Only the LMS's administrators may open the console");
    }
    String ticket =
        sessions.ticket(signIn.lmsAdministrator(session.personId(), session.platformId()));
    return Map.of("url", settings.baseUrl().resolve("admin/").toString() + "#ticket=" + ticket);
  }

  @POST
  @Path("redeem")
  @RateLimited(Limit.ADMIN_SIGN_IN)
  @Consumes(MediaType.APPLICATION_JSON)
  public Granted redeem(@Valid @NotNull TicketRequest request) {
    return sessions
        .redeem(request.ticket())
        .map(sessions::issue)
        .map(Granted::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    401,
                    "Not signed in",
                    "ticket-invalid",
                    "This link to the console has expired; open it again from the LMS"));
  }

  @POST
  @Path("refresh")
  @AdminOnly
  @PlatformAdministratorsToo
  public Granted refresh() {
    AdminSessions.Administrator admin = principal.administrator();
    if (admin == null) {
      throw new ProblemException(
          400, "Not a console session", "not-a-console-session", "The admin token does not expire");
    }
    if (!signIn.stillAllowed(admin)) {
      throw new ProblemException(
          401, "Not signed in", "session-revoked", "The console session ended; sign in again");
    }
    return sessions
        .refresh(admin)
        .map(Granted::of)
        .orElseThrow(
            () ->
                new ProblemException(
                    401,
                    "Not signed in",
                    "session-ended",
                    "The console session ended; sign in again"));
  }

  /** A local administrator deleted by another; their console sessions end on every node. */
  @DELETE
  @Path("accounts/{username}")
  @AdminOnly
  public Response deleteAccount(@PathParam("username") String username) {
    AdminSessions.Administrator admin = principal.administrator();
    if (admin != null && admin.actor().equals(username)) {
      throw new ProblemException(
          409, "Conflict", "own-account", "Another administrator deletes this account");
    }
    signIn.delete(username);
    return Response.noContent().build();
  }

  /** Another local administrator, added by one. */
  @POST
  @Path("accounts")
  @AdminOnly
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, String> addAccount(@Valid @NotNull NewAccount request) {
    return Map.of("username", signIn.create(request.username(), request.password()));
  }
}
