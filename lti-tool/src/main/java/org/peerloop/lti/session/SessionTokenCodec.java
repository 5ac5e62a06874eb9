package org.peerloop.lti.session;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.lti.roles.Role;

/**
 * Signs and verifies session tokens: HS256 JWTs with a secret shared by all nodes. HMAC because
 * only the tool ever reads them, and it costs microseconds where RSA costs a millisecond.
 */
public final class SessionTokenCodec {
  /** Short, so a leaked token is soon useless; the page refreshes it while open. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** After this long since the launch a page must be launched again from the LMS. */
  public static final Duration MAX_SESSION = Duration.ofHours(12);

  /** Distinguishes session tokens from any other JWT signed with the same algorithm. */
  static final JOSEObjectType TYPE = new JOSEObjectType("peerloop-session+jwt");

  /** How many verified tokens a codec remembers: a few MB, more than a node's open pages. */
  static final int REMEMBERED = 10_000;

  private final HmacJwt jwt;
  private final MacKeyRing ring;
  private final Clock clock;
  private final String issuer;

  /**
   * Tokens that passed every check, until they expire. A page sends the same token with each call
   * for minutes, and parsing and checking it again cost a tenth of a thread page read. Only the
   * exact string verified before is found here, so nothing is accepted that would not be.
   */
  private final Map<String, Session> verified = new ConcurrentHashMap<>();

  public SessionTokenCodec(byte[] secret, Clock clock, String issuer) {
    this(MacKeyRing.of(secret), clock, issuer);
  }

  public SessionTokenCodec(MacKeyRing secrets, Clock clock, String issuer) {
    this.ring = secrets;
    this.jwt = new HmacJwt(secrets, TYPE);
    this.clock = clock;
    this.issuer = issuer;
  }

  /** A new session starting now. */
  public IssuedToken issue(
      long personId, long platformId, long courseId, Long resourceLinkId, Set<Role> roles) {
    return issue(personId, platformId, courseId, resourceLinkId, roles, null);
  }

  /** A new session starting now, from a SharePoint page of this tenant when it is not null. */
  public IssuedToken issue(
      long personId,
      long platformId,
      long courseId,
      Long resourceLinkId,
      Set<Role> roles,
      String tenantId) {
    Instant now = clock.instant();
    return sign(
        new Session(personId, platformId, courseId, resourceLinkId, roles, now, now, tenantId));
  }

  /** The same session with a fresh expiry, unless it has reached its maximum length. */
  public IssuedToken refresh(Session session) throws InvalidSessionException {
    if (!clock.instant().isBefore(session.authenticatedAt().plus(MAX_SESSION))) {
      throw new InvalidSessionException("session-ended", "The session has ended; launch again");
    }
    return sign(session);
  }

  public Session verify(String token) throws InvalidSessionException {
    Session known = verified.get(token);
    if (known == null) {
      known = parse(token);
      remember(token, known);
    }
    if (!clock.instant().isBefore(known.expiresAt())) {
      verified.remove(token);
      throw new InvalidSessionException("session-expired", "The session token has expired");
    }
    return known;
  }

  private void remember(String token, Session session) {
    if (verified.size() >= REMEMBERED) {
      Instant now = clock.instant();
      verified.values().removeIf(s -> !now.isBefore(s.expiresAt()));
      if (verified.size() >= REMEMBERED) {
        verified.clear();
      }
    }
    verified.put(token, session);
  }

  private Session parse(String token) throws InvalidSessionException {
    JWTClaimsSet claims =
        jwt.verify(token)
            .orElseThrow(
                () ->
                    new InvalidSessionException(
                        "session-invalid", "The session token is not ours"));
    if (!issuer.equals(claims.getIssuer()) || claims.getExpirationTime() == null) {
      throw new InvalidSessionException("session-invalid", "The session token is not ours");
    }
    if (!clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
      throw new InvalidSessionException("session-expired", "The session token has expired");
    }
    try {
      return new Session(
          Long.parseLong(claims.getSubject()),
          claims.getLongClaim("plt"),
          claims.getLongClaim("crs"),
          claims.getLongClaim("lnk"),
          roles(claims.getStringListClaim("roles")),
          authenticatedAt(claims),
          claims.getExpirationTime().toInstant(),
          claims.getStringClaim("tnt"));
    } catch (ParseException | RuntimeException e) {
      throw new InvalidSessionException("session-invalid", "The session token is incomplete");
    }
  }

  private IssuedToken sign(Session session) {
    Instant now = clock.instant();
    Instant expires = min(now.plus(LIFETIME), session.authenticatedAt().plus(MAX_SESSION));
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(Long.toString(session.personId()))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .claim("plt", session.platformId())
            .claim("crs", session.courseId())
            .claim("lnk", session.resourceLinkId())
            .claim("roles", session.roles().stream().map(Role::name).sorted().toList())
            .claim("auth_time", session.authenticatedAt().getEpochSecond())
            .claim(AUTH_MS, session.authenticatedAt().toEpochMilli())
            .claim("tnt", session.tenantId())
            .build();
    return new IssuedToken(jwt.sign(claims), expires);
  }

  /**
   * When the session began, to the millisecond: a revocation compares with it, and one made in the
   * same second as a later launch must not end that launch. Tokens from before carry seconds only.
   */
  public static final String AUTH_MS = "auth_ms";

  public static Instant authenticatedAt(JWTClaimsSet claims) throws ParseException {
    Long millis = claims.getLongClaim(AUTH_MS);
    return millis != null
        ? Instant.ofEpochMilli(millis)
        : claims.getDateClaim("auth_time").toInstant();
  }

  private static Set<Role> roles(List<String> names) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    names.forEach(name -> roles.add(Role.valueOf(name)));
    return roles;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** The secrets this codec signs and verifies with. */
  MacKeyRing ring() {
    return ring;
  }

  /** A signed token and when it expires. */
  public record IssuedToken(String token, Instant expiresAt) {}
}
