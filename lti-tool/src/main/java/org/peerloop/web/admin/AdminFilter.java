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
import org.peerloop.settings.Settings;
import org.peerloop.web.problem.ProblemException;

/**
 * Lets a request through only with the configured admin token as a bearer credential. The
 * comparison takes the same time whatever the guess, and without a configured token the admin API
 * is closed.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminFilter implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject Settings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (settings.adminToken().isEmpty()) {
      throw ProblemException.forbidden(
          "admin-api-disabled", "Set PEERLOOP_ADMIN_TOKEN to use the admin API");
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ProblemException.unauthorized(
          "admin-credential-missing", "Send the admin token as Authorization: Bearer <token>");
    }
    if (!MessageDigest.isEqual(
        sha256(header.substring(BEARER.length()).strip()), sha256(settings.adminToken().get()))) {
      throw ProblemException.unauthorized("admin-credential-invalid", "The admin token is wrong");
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
