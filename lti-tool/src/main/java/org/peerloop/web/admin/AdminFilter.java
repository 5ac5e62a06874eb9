package org.peerloop.web.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.peerloop.console.AdminSessions;
import org.peerloop.errors.ForbiddenException;
import org.peerloop.settings.Settings;
import org.peerloop.web.problem.ProblemException;

/**
 * Lets a request through only with an administrator's bearer credential: a console session (a local
 * administrator, or an LMS administrator who opened the console from a launch), or the configured
 * admin token for scripts. The token comparison takes the same time whatever the guess.
 *
 * <p>An LMS administrator is confined to their platform here, before any resource runs: only
 * operations marked {@link PlatformAdministratorsToo}, and with a platform id in the path only
 * their own. Denying by default means a new admin operation is the server's until someone decides
 * otherwise.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminFilter implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject Settings settings;
  @Inject AdminSessions sessions;
  @Inject AdminPrincipal principal;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ProblemException.unauthorized(
          "admin-credential-missing", "Sign in to the console, or send the admin token as Bearer");
    }
    String credential = header.substring(BEARER.length()).strip();
    Optional<AdminSessions.Administrator> admin = sessions.verify(credential);
    if (admin.isPresent()) {
      principal.set(admin.get());
      if (!admin.get().isLocal()) {
        confineToPlatform(request);
      }
      return;
    }
    if (settings.adminToken().isPresent()
        && MessageDigest.isEqual(sha256(credential), sha256(settings.adminToken().get()))) {
      principal.set(AdminAuditFilter.ADMIN_TOKEN_ACTOR);
      return;
    }
    throw ProblemException.unauthorized(
        "admin-credential-invalid", "Not an administrator's session or the admin token");
  }

  private void confineToPlatform(ContainerRequestContext request) {
    if (!resource.getResourceMethod().isAnnotationPresent(PlatformAdministratorsToo.class)
        && !resource.getResourceClass().isAnnotationPresent(PlatformAdministratorsToo.class)) {
      principal.requireLocal();
    }
    String platform = request.getUriInfo().getPathParameters().getFirst("id");
    if (platform != null) {
      long id;
      try {
        id = Long.parseLong(platform);
      } catch (NumberFormatException e) {
        throw new ForbiddenException("another-platform", "Not your platform");
      }
      principal.requirePlatform(id);
    }
  }

  /** Hashing first makes the comparison's length independent of the guess. */
  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
