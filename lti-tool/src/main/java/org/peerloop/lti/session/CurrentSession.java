package org.peerloop.lti.session;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, set by {@link SessionFilter}. */
@RequestScoped
public class CurrentSession {
  private Session session;

  void set(Session session) {
    this.session = session;
  }

  /** The caller's session; only resources marked {@link Authenticated} may ask. */
  public Session get() {
    if (session == null) {
      throw new IllegalStateException("No session: is the resource marked @Authenticated?");
    }
    return session;
  }
}
