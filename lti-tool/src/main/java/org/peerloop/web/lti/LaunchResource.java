package org.peerloop.web.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.peerloop.lti.launch.LaunchOutcome;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.LaunchService;
import org.peerloop.lti.launch.Refusal;
import org.peerloop.lti.launch.ValidLaunch;
import org.peerloop.runtime.Transactions;
import org.peerloop.web.problem.ProblemException;

/**
 * The redirect URI for every LTI message (LTI Core §5.1): receives the id_token and state the
 * platform posts, and answers with the tool page inside the iframe, or a refusal page.
 */
@Path("lti/launch")
@ApplicationScoped
public class LaunchResource {

  @Inject LaunchRefusalLog refusals;
  @Inject LaunchService launches;
  @Inject LaunchPages pages;

  @POST
  @LaunchBodyLimit
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response launch(
      @FormParam("id_token") String idToken,
      @FormParam("state") String state,
      @FormParam("error") String error,
      @FormParam("error_description") String errorDescription,
      @HeaderParam("Origin") String origin) {
    try {
      if (error != null && idToken == null) {
        // OIDC Core §3.1.2.6: the platform answered the authentication request with an error.
        throw new LaunchRefusedException(
            Refusal.PLATFORM_ERROR,
            "error=" + error + (errorDescription == null ? "" : ": " + errorDescription));
      }
      ValidLaunch valid = launches.validate(idToken, state);
      LaunchOutcome outcome = Transactions.retryOnConflict(() -> launches.record(valid, state));
      return outcome instanceof LaunchOutcome.NeedsBinding binding
          ? pages.binding(binding, origin)
          : pages.signedIn((LaunchOutcome.Session) outcome, origin);
    } catch (LaunchRefusedException e) {
      refusals.record(e, idToken);
      Response page = pages.refused(e, UnverifiedLocale.of(idToken));
      return e.retryAfterSeconds() > 0
          ? Response.fromResponse(page)
              .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
              .build()
          : page;
    }
  }

  /** The page's second step when the login kept the nonce in platform storage. */
  public record BindRequest(String ticket, String value) {}

  /** A session, as the page receives it. */
  public record SessionGranted(
      String token,
      String expiresAt,
      String name,
      String courseTitle,
      List<String> roles,
      String deepLinking) {}

  @POST
  @Path("bind")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public SessionGranted bind(BindRequest request) {
    if (request == null || request.ticket() == null) {
      throw new ProblemException(400, "Invalid input", "request-incomplete", "ticket is required");
    }
    try {
      LaunchOutcome.Session session =
          Transactions.retryOnConflict(() -> launches.bind(request.ticket(), request.value()));
      return new SessionGranted(
          session.token(),
          session.expiresAt().toString(),
          session.personName(),
          session.courseTitle(),
          session.roles(),
          session.deepLinkingTicket());
    } catch (LaunchRefusedException e) {
      refusals.record(e, null);
      throw new ProblemException(
          e.refusal().status(), "Launch refused", e.refusal().code(), e.refusal().sentence());
    }
  }
}
