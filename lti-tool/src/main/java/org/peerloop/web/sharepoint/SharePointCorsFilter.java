package org.peerloop.web.sharepoint;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.peerloop.sharepointsite.SharePointParts;

/**
 * The one cross-origin grant PeerLoop gives: the web part's script on a SharePoint page calls
 * {@code POST /api/sharepoint/session} with its Entra token (AadHttpClient uses fetch, so the
 * browser asks first with a preflight). Only SharePoint's origins get it, without credentials (no
 * cookie is ever involved); every other path and origin gets no CORS header at all. See the Fetch
 * standard, "CORS protocol".
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class SharePointCorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String PATH = "api/sharepoint/session";

  @Inject SharePointParts parts;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"OPTIONS".equals(request.getMethod()) || !onSessionPath(request)) {
      return;
    }
    String origin = request.getHeaderString("Origin");
    Response.ResponseBuilder answer = Response.noContent();
    if (parts.origins().allows(origin)) {
      answer
          .header("Access-Control-Allow-Origin", origin)
          .header("Access-Control-Allow-Methods", "POST")
          .header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
          .header("Access-Control-Max-Age", "600");
    }
    request.abortWith(answer.header("Vary", "Origin").build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!onSessionPath(request) || "OPTIONS".equals(request.getMethod())) {
      return;
    }
    String origin = request.getHeaderString("Origin");
    if (parts.origins().allows(origin)) {
      response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
    }
    response.getHeaders().add("Vary", "Origin");
  }

  private static boolean onSessionPath(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    return PATH.equals(path.startsWith("/") ? path.substring(1) : path);
  }
}
