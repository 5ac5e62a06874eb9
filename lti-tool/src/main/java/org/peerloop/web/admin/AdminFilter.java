package org.peerloop.web.admin;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.peerloop.console.AdminSessions;
import org.peerloop.settings.Settings;
import org.peerloop.web.problem.ProblemException;

/**
 * Lets a request through only with an administrator's bearer credential: a console session (a local
 * administrator, or an LMS administrator who opened the console from a launch), or the configured
 * admin token for scripts. The token comparison takes the same time whatever the guess.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminFilter implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject Settings settings;
  @Inject AdminSessions sessions;
  @Inject AdminPrincipal principal;

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

  /** Hashing first makes the comparison's length independent of the guess. */
  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
