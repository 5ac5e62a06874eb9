package org.peerloop.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per request: method, path, status, duration and correlation id. Never the query
 * string or body, which may carry tokens.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger("org.peerloop.access");
  private static final String STARTED = RequestLogFilter.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
    RequestIds.begin(request.getHeaderString(RequestIds.HEADER));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String id = RequestIds.current();
    response.getHeaders().putSingle(RequestIds.HEADER, id);
    Object started = request.getProperty(STARTED);
    long millis = started == null ? -1 : (System.nanoTime() - (Long) started) / 1_000_000;
    // The source is named, so the record need not find it by walking the stack on every request.
    LOG.logp(
        Level.INFO,
        RequestLogFilter.class.getName(),
        "filter",
        () ->
            request.getMethod()
                + " /"
                + request.getUriInfo().getPath(false)
                + " "
                + response.getStatus()
                + " "
                + millis
                + "ms id="
                + id);
    RequestIds.end();
  }
}
