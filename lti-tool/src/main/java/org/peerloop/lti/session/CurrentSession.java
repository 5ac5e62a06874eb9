package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The session of the request being served, set by {@link SessionFilter}. It travels as an attribute
 * of the request (JAX-RS request properties are the servlet request's attributes), so nothing is
 * created per request: a request-scoped bean here cost the server a bean creation, with the
 * container's injection checks, on every API call.
 */
@ApplicationScoped
public class CurrentSession {
  private static final String ATTRIBUTE = CurrentSession.class.getName();

  /** The request being served (CDI's built-in bean). */
  @Inject HttpServletRequest request;

  void set(ContainerRequestContext context, Session session) {
    context.setProperty(ATTRIBUTE, session);
  }

  /** The caller's session; only resources marked {@link Authenticated} may ask. */
  public Session get() {
    if (!(request.getAttribute(ATTRIBUTE) instanceof Session session)) {
      throw new IllegalStateException("No session: is the resource marked @Authenticated?");
    }
    return session;
  }
}
