package org.peerloop.web.sharepoint;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.peerloop.sharepointsite.SharePointParts;
import org.peerloop.web.lti.LaunchPages;

/**
 * {@code GET /sharepoint/frame}: the tool's page as the web part frames it. It may be framed only
 * by SharePoint's hosts (or those IT configured), and waits for the session the web part posts.
 */
@Path("sharepoint/frame")
@RequestScoped
public class SharePointFrameResource {

  @Inject LaunchPages pages;
  @Inject SharePointParts parts;

  @GET
  public Response frame(@QueryParam("lang") String lang) {
    return pages.awaitingSession(parts.settings().frameAncestors(), lang);
  }
}
