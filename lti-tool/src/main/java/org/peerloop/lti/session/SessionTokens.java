package org.peerloop.lti.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.lti.roles.Role;
import org.peerloop.settings.Settings;

/**
 * Session tokens for this deployment: the codec keyed with the secret all nodes share. The secret
 * is read once, so verifying a token never touches the database; revoked sessions are refused from
 * the node's copy of the revocations, and extending a session asks the database once.
 */
@ApplicationScoped
public class SessionTokens {
  @Inject ToolSecrets secrets;
  @Inject Clock clock;
  @Inject Settings settings;
  @Inject RevokedSessions revoked;

  private volatile SessionTokenCodec codec;

  public SessionTokenCodec.IssuedToken issue(
      long personId, long platformId, long courseId, Long resourceLinkId, Set<Role> roles) {
    return codec().issue(personId, platformId, courseId, resourceLinkId, roles);
  }

  /** A session from a SharePoint page of this tenant: disabling the tenant ends it. */
  public SessionTokenCodec.IssuedToken issueForTenant(
      long personId,
      long platformId,
      long courseId,
      Long resourceLinkId,
      Set<Role> roles,
      String tenantId) {
    return codec().issue(personId, platformId, courseId, resourceLinkId, roles, tenantId);
  }

  public Session verify(String token) throws InvalidSessionException {
    Session session = codec().verify(token);
    revoked.check(session);
    return session;
  }

  public SessionTokenCodec.IssuedToken refresh(Session session) throws InvalidSessionException {
    revoked.confirmStanding(session);
    return codec().refresh(session);
  }

  /** The codec of the current secrets: made again when a rotation changed them. */
  private SessionTokenCodec codec() {
    SessionTokenCodec loaded = codec;
    MacKeyRing ring = secrets.ring(ToolSecrets.SESSION);
    if (loaded == null || loaded.ring() != ring) {
      loaded = new SessionTokenCodec(ring, clock, settings.baseUrl().toString());
      codec = loaded;
    }
    return loaded;
  }
}
