package org.peerloop.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * The headers every answer carries unless it set its own: no content sniffing, no referrer (URLs
 * may carry ids), and for anything that is not one of the tool's pages (JSON, problems, exports) a
 * policy under which it can neither run anything nor be framed. Pages set a policy of their own,
 * with the registered platforms as {@code frame-ancestors} (see {@code Page}).
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class SecurityHeadersFilter implements ContainerResponseFilter {
  static final String NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putIfAbsent("X-Content-Type-Options", List.of("nosniff"));
    headers.putIfAbsent("Referrer-Policy", List.of("no-referrer"));
    headers.putIfAbsent("Content-Security-Policy", List.of(NOTHING_RUNS));
  }
}
