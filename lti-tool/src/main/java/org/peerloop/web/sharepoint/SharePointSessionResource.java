package org.peerloop.web.sharepoint;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.peerloop.runtime.Transactions;
import org.peerloop.settings.Settings;
import org.peerloop.sharepoint.entra.EntraUser;
import org.peerloop.sharepointsite.PageClaims.PageContext;
import org.peerloop.sharepointsite.PageConfirmation;
import org.peerloop.sharepointsite.PageSignIn;
import org.peerloop.web.limits.Limit;
import org.peerloop.web.limits.RateLimited;
import org.peerloop.web.problem.ProblemException;

/**
 * {@code POST /api/sharepoint/session}: the web part sends the Entra access token it got for
 * PeerLoop's API as a bearer token, and the page it is on; it gets a session token for the space
 * bound to that page and the address of the page to frame. When its settings hold a confirmation
 * code, the page is first bound as the request with that code asked, if the page carries it.
 */
@Path("api/sharepoint/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SharePointSessionResource {

  @Inject PageSignIn signIn;
  @Inject PageConfirmation confirmation;
  @Inject Settings settings;

  /** The session, and the page that shows the space with it. */
  public record Granted(
      String token,
      String expiresAt,
      long spaceId,
      String spaceTitle,
      String personName,
      String frameUrl) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RateLimited(Limit.LOGIN)
  public Granted exchange(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, PageContext page) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ProblemException.unauthorized(
          "entra-token-missing", "Send the Entra access token as Authorization: Bearer");
    }
    // The token is checked before the hints, so an unauthenticated caller learns nothing of them.
    EntraUser user = signIn.authenticate(authorization.substring(7).strip());
    if (page != null && page.carriesCode()) {
      // Two views of the page at once may both confirm: the later finds the request used up.
      Transactions.retryOnConflict(
          () -> {
            confirmation.confirm(user, page);
            return null;
          });
    }
    // Two first visits of one person at once both try to link their account: the later retries.
    PageSignIn.PageSession session =
        Transactions.retryOnConflict(
            () ->
                signIn.exchange(
                    user,
                    page == null ? null : page.siteId(),
                    page == null ? null : page.pageId()));
    return new Granted(
        session.token(),
        session.expiresAt(),
        session.spaceId(),
        session.spaceTitle(),
        session.personName(),
        settings.url("sharepoint/frame").toString());
  }
}
