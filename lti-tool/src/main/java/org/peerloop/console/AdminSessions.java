package org.peerloop.console;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.peerloop.lti.session.HmacJwt;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.settings.Settings;

/**
 * Console sessions: HS256 tokens of their own type, naming the administrator and how they signed
 * in, held by the console page in memory and sent as a bearer credential (no cookie, so no
 * cross-site request can use them). One hour; the page refreshes them while it is open, up to 12
 * hours after sign-in. The one-minute ticket that opens the console from an LMS administrator's
 * launch is a token of another type, so neither passes for the other.
 */
@ApplicationScoped
public class AdminSessions {
  public static final Duration LIFETIME = Duration.ofHours(1);
  public static final Duration MAX_SESSION = Duration.ofHours(12);
  static final Duration TICKET_LIFETIME = Duration.ofMinutes(1);

  static final JOSEObjectType SESSION_TYPE = new JOSEObjectType("peerloop-admin+jwt");
  static final JOSEObjectType TICKET_TYPE = new JOSEObjectType("peerloop-console-ticket+jwt");

  @Inject ToolSecrets secrets;
  @Inject Settings settings;
  @Inject Clock clock;

  /** Who an administrator is: their name in the audit log, and how they signed in. */
  public record Administrator(String actor, String method, Instant signedInAt) {}

  /** A console session token and when it stops being accepted. */
  public record Issued(String token, Instant expiresAt, String actor) {}

  public Issued issue(Administrator admin) {
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.baseUrl().toString())
            .subject(admin.actor())
            .claim("method", admin.method())
            .claim("auth_time", Date.from(admin.signedInAt()))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    return new Issued(jwt(SESSION_TYPE).sign(claims), expires, admin.actor());
  }

  /** The administrator of a valid, unexpired console session token. */
  public Optional<Administrator> verify(String token) {
    return claims(SESSION_TYPE, token)
        .flatMap(
            claims -> {
              try {
                return Optional.of(
                    new Administrator(
                        claims.getSubject(),
                        claims.getStringClaim("method"),
                        claims.getDateClaim("auth_time").toInstant()));
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

  /** A one-minute ticket that opens the console for this administrator. */
  public String ticket(Administrator admin) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.baseUrl().toString())
            .subject(admin.actor())
            .claim("method", admin.method())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TICKET_LIFETIME)))
            .build();
    return jwt(TICKET_TYPE).sign(claims);
  }

  /** The administrator a valid, unexpired ticket names. */
  public Optional<Administrator> redeem(String ticket) {
    return claims(TICKET_TYPE, ticket)
        .flatMap(
            claims -> {
              try {
                return Optional.of(
                    new Administrator(
                        claims.getSubject(), claims.getStringClaim("method"), clock.instant()));
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
    return new HmacJwt(secrets.secret(ToolSecrets.ADMIN_SESSION), type);
  }
}
