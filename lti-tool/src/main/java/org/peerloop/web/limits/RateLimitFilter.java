package org.peerloop.web.limits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.peerloop.lti.launch.LaunchRefusedException;
import org.peerloop.lti.launch.Refusal;
import org.peerloop.lti.session.CurrentSession;
import org.peerloop.settings.Settings;
import org.peerloop.web.problem.ProblemException;

/**
 * Counts a request against its method's limit and answers 429 with {@code Retry-After} over it: a
 * page for the person in the LMS frame on sign-ins and launches, problem JSON on the API. Posts are
 * counted per signed-in member, so this runs after authentication.
 */
final class RateLimitFilter implements ContainerRequestFilter {
  private final Limit limit;
  private final RateLimits edge;

  RateLimitFilter(Limit limit, RateLimits edge) {
    this.limit = limit;
    this.edge = edge;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Settings.Limits limits = edge.settings.limits();
    OptionalLong retryAfter = edge.limiter.check(limit, subject(request, limits));
    if (retryAfter.isEmpty()) {
      return;
    }
    long seconds = retryAfter.getAsLong();
    if (limit == Limit.POST || limit == Limit.ADMIN_SIGN_IN) {
      throw ProblemException.tooManyRequests(
          "More than "
              + limit.perMinute(limits)
              + (limit == Limit.POST ? " posts" : " sign-in attempts")
              + " in a minute; wait before trying again",
          seconds);
    }
    Response page =
        edge.pages.refused(
            new LaunchRefusedException(Refusal.TOO_MANY_REQUESTS, limit + " over the limit"));
    request.abortWith(
        Response.fromResponse(page)
            .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
            .build());
  }

  private String subject(ContainerRequestContext request, Settings.Limits limits) {
    if (limit == Limit.POST) {
      CurrentSession session = edge.session;
      return "person:" + session.get().personId();
    }
    HttpServletRequest servlet = edge.servletRequest;
    String remote = servlet.getRemoteAddr();
    String forwardedFor = request.getHeaderString("X-Forwarded-For");
    if (forwardedFor != null && !limits.trustedProxies().contains(remote)) {
      edge.warnUntrustedProxy(remote);
    }
    return ClientAddress.of(remote, forwardedFor, limits.trustedProxies());
  }
}
