package org.peerloop.web.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.peerloop.privacy.AuditTrail;

/**
 * Writes every administrative change, and every read of a person's data, to the audit log once it
 * is answered: who (the administrator, or the admin token), what (method and path), and the
 * outcome. Reads of configuration are not logged. A failure to log is reported, not turned into the
 * action's failure: the action has already happened.
 */
@Provider
@AdminOnly
@Priority(Priorities.USER)
public class AdminAuditFilter implements ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(AdminAuditFilter.class.getName());

  /** The platform named in the path, else the one the resource found or the caller's own. */
  private Long platformOf(ContainerRequestContext request) {
    String id = request.getUriInfo().getPathParameters().getFirst("id");
    if (id != null && request.getUriInfo().getPath().startsWith("api/admin/platforms/")) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        // Not a platform id: nothing was done to a platform.
      }
    }
    return principal.platformOfRequest();
  }

  /** The configured admin token, named so that the log says how the admin signed in. */
  static final String ADMIN_TOKEN_ACTOR = "admin token";

  @Inject AuditTrail trail;
  @Inject AdminPrincipal principal;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getPath();
    boolean personalRead = path.startsWith("api/admin/people");
    if (request.getMethod().equals(HttpMethod.GET) && !personalRead) {
      return;
    }
    if (principal.actor() == null) {
      // Not an administrator: there is no actor to name (the access log has the attempt).
      return;
    }
    try {
      trail.record(
          principal.actor(),
          request.getMethod() + " " + path,
          path,
          response.getStatus(),
          platformOf(request));
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "The audit log could not record " + request.getMethod() + " " + path, e);
    }
  }
}
