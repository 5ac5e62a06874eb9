package org.peerloop.sharepointsite;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.logging.Logger;
import org.peerloop.errors.ConflictException;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.intranet.IntranetTenant;
import org.peerloop.sharepoint.CohortWebPart;
import org.peerloop.sharepoint.entra.EntraUser;
import org.peerloop.sharepoint.graph.GraphClient;
import org.peerloop.sharepoint.graph.GraphException;
import org.peerloop.sharepointsite.PageClaims.PageContext;
import org.peerloop.web.problem.ProblemException;

/**
 * Confirms a facilitator's request from the page's side. The web part sends the code its settings
 * hold with the page it is on; PeerLoop reads that page through Microsoft Graph with its own
 * credentials and binds it only if the page's PeerLoop web part carries the code. What the web part
 * sends is a hint; the page as Graph reads it is the proof that SharePoint let someone who can edit
 * the page put the code there. Graph is read outside any database transaction.
 */
@ApplicationScoped
public class PageConfirmation {
  private static final Logger LOG = Logger.getLogger(PageConfirmation.class.getName());

  @Inject PageClaims claims;
  @Inject SharePointParts parts;

  /**
   * Binds the page when a request waits for the code the web part sends and the page carries it; a
   * code no request waits for changes nothing.
   *
   * @throws ProblemException 409 {@code binding-unconfirmed} when the page does not carry the code;
   *     503 {@code binding-unverifiable} when Graph could not be read
   */
  public void confirm(EntraUser user, PageContext context) {
    Optional<Long> claim = claims.waiting(user.tenantId(), context);
    if (claim.isEmpty()) {
      return;
    }
    if (!pageCarries(user.tenantId(), context)) {
      throw new ProblemException(
          409,
          "Not confirmed by the page",
          "binding-unconfirmed",
          "The page does not carry this code: enter it in the PeerLoop web part's settings,"
              + " then publish the page");
    }
    claims.confirmed(claim.get(), user);
  }

  private boolean pageCarries(String tenantId, PageContext context) {
    GraphClient graph =
        parts
            .graph(tenantId)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "graph-not-configured",
                        "Confirming from the page needs Microsoft Graph credentials, which IT sets"));
    String site = IntranetTenant.guid("siteId", context.siteId());
    try {
      return graph
          .webPartsOfPage(
              site, webUrl(context.webUrl()), String.valueOf(context.listId()), context.pageId())
          .map(found -> CohortWebPart.anyCarries(found, context.confirmationCode()))
          .orElse(false);
    } catch (GraphException e) {
      if (e.code().equals("graph-page-id")) {
        throw new InvalidValueException("webUrl", "Send the page's web address and list id");
      }
      LOG.warning(() -> "Graph could not read a SharePoint page of site " + site + ": " + e.code());
      throw new ProblemException(
          503,
          "SharePoint could not be read",
          "binding-unverifiable",
          "Microsoft Graph could not read the page to confirm it; try again shortly");
    }
  }

  private static URI webUrl(String value) {
    try {
      return new URI(value == null ? "" : value.strip());
    } catch (URISyntaxException e) {
      throw new InvalidValueException("webUrl", "The page's web address is not a URL");
    }
  }
}
