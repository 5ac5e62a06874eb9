package org.peerloop.lti.session;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.peerloop.web.problem.ProblemException;

/**
 * Accepts a request only with a valid session token in {@code Authorization: Bearer} (RFC 6750).
 * Never a cookie: inside an LMS iframe, cookies are third-party and often blocked.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class SessionFilter implements ContainerRequestFilter {
  private static final String BEARER = "Bearer ";

  @Inject SessionTokens tokens;
  @Inject CurrentSession current;

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw ProblemException.unauthorized(
          "session-missing", "Send the session token as Authorization: Bearer <token>");
    }
    try {
      current.set(request, tokens.verify(header.substring(BEARER.length()).strip()));
    } catch (InvalidSessionException e) {
      throw ProblemException.unauthorized(e.reason(), e.getMessage());
    }
  }
}
