package org.peerloop.console;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.peerloop.admin.ConsoleTickets;
import org.peerloop.lti.session.HmacJwt;
import org.peerloop.lti.session.RevokedSessions;
import org.peerloop.lti.session.SessionTokenCodec;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.settings.Settings;
import org.peerloop.signin.SessionRevocations;

/**
 * Console sessions: HS256 tokens of their own type, naming the administrator and how they signed
 * in, held by the console page in memory and sent as a bearer credential (no cookie, so no
 * cross-site request can use them). One hour; the page refreshes them while it is open, up to 12
 * hours after sign-in. The one-minute ticket that opens the console from an LMS administrator's
 * launch is a token of another type, so neither passes for the other, and is redeemed once: its id
 * is recorded when issued and deleted when redeemed.
 *
 * <p>A session carries its scope: a local administrator's has none, an LMS administrator's names
 * the one platform they launched from, and everything they do is confined to it.
 */
@ApplicationScoped
public class AdminSessions {
  public static final Duration LIFETIME = Duration.ofHours(1);
  public static final Duration MAX_SESSION = Duration.ofHours(12);
  static final Duration TICKET_LIFETIME = Duration.ofMinutes(1);

  static final JOSEObjectType SESSION_TYPE = new JOSEObjectType("peerloop-admin+jwt");

  /** The claim naming the platform a platform administrator's session is confined to. */
  static final String PLATFORM = "platform";

  static final JOSEObjectType TICKET_TYPE = new JOSEObjectType("peerloop-console-ticket+jwt");

  @Inject ToolSecrets secrets;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject ConsoleTickets tickets;
  @Inject RevokedSessions revoked;

  /**
   * Who an administrator is: their name in the audit log, how they signed in, and the platform they
   * administer (null for a local administrator, who administers the server).
   */
  public record Administrator(String actor, String method, Instant signedInAt, Long platformId) {
    /** One of the server's own accounts (or the admin token): every platform, every setting. */
    public boolean isLocal() {
      return platformId == null;
    }

    /** Whether this administrator may see and change what belongs to this platform. */
    public boolean mayActOn(long platform) {
      return isLocal() || platformId == platform;
    }
  }

  /** A console session token and when it stops being accepted. */
  public record Issued(String token, Instant expiresAt, Administrator administrator) {
    public String actor() {
      return administrator.actor();
    }
  }

  public Issued issue(Administrator admin) {
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.baseUrl().toString())
            .subject(admin.actor())
            .claim("method", admin.method())
            .claim("auth_time", Date.from(admin.signedInAt()))
            .claim(SessionTokenCodec.AUTH_MS, admin.signedInAt().toEpochMilli())
            .claim(PLATFORM, admin.platformId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    return new Issued(jwt(SESSION_TYPE).sign(claims), expires, admin);
  }

  /** The administrator of a valid, unexpired, unrevoked console session token. */
  public Optional<Administrator> verify(String token) {
    return decode(token).filter(admin -> !isRevoked(admin));
  }

  /**
   * Whether the administrator's sessions were ended after they signed in: the account deleted, or
   * their platform disabled or its console entry closed.
   */
  boolean isRevoked(Administrator admin) {
    if (admin.isLocal()) {
      return revoked.isRevoked(SessionRevocations.administrator(admin.actor()), admin.signedInAt());
    }
    return revoked.isRevoked(SessionRevocations.platform(admin.platformId()), admin.signedInAt())
        || revoked.isRevoked(SessionRevocations.console(admin.platformId()), admin.signedInAt());
  }

  private Optional<Administrator> decode(String token) {
    return claims(SESSION_TYPE, token)
        .flatMap(
            claims -> {
              try {
                return Optional.of(
                    new Administrator(
                        claims.getSubject(),
                        claims.getStringClaim("method"),
                        SessionTokenCodec.authenticatedAt(claims),
                        claims.getLongClaim(PLATFORM)));
              } catch (ParseException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  /** A fresh session for the same sign-in, unless it has lasted {@link #MAX_SESSION}. */
  public Optional<Issued> refresh(Administrator admin) {
    if (!clock.instant().isBefore(admin.signedInAt().plus(MAX_SESSION))) {
      return Optional.empty();
    }
    return Optional.of(issue(admin));
  }

  /** A one-minute ticket that opens the console for this administrator, once. */
  @Transactional
  public String ticket(Administrator admin) {
    Instant now = clock.instant();
    Instant expires = now.plus(TICKET_LIFETIME);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.baseUrl().toString())
            .subject(admin.actor())
            .claim("method", admin.method())
            .claim(PLATFORM, admin.platformId())
            .jwtID(tickets.issue(expires))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    return jwt(TICKET_TYPE).sign(claims);
  }

  /**
   * The administrator a valid, unexpired ticket names, the first time it is redeemed; the ticket is
   * used up in the same step, on whichever node it reaches.
   */
  @Transactional
  public Optional<Administrator> redeem(String ticket) {
    return claims(TICKET_TYPE, ticket)
        .filter(claims -> tickets.redeem(claims.getJWTID()))
        .flatMap(
            claims -> {
              try {
                return Optional.of(
                    new Administrator(
                        claims.getSubject(),
                        claims.getStringClaim("method"),
                        clock.instant(),
                        claims.getLongClaim(PLATFORM)));
              } catch (ParseException e) {
                return Optional.empty();
              }
            });
  }

  private Optional<JWTClaimsSet> claims(JOSEObjectType type, String token) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    return jwt(type)
        .verify(token)
        .filter(c -> settings.baseUrl().toString().equals(c.getIssuer()))
        .filter(c -> c.getExpirationTime() != null)
        .filter(c -> clock.instant().isBefore(c.getExpirationTime().toInstant()))
        .filter(c -> c.getSubject() != null);
  }

  private HmacJwt jwt(JOSEObjectType type) {
    return new HmacJwt(secrets.ring(ToolSecrets.ADMIN_SESSION), type);
  }
}
