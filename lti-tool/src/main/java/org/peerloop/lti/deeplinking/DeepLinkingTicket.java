package org.peerloop.lti.deeplinking;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.lti.session.HmacJwt;

/**
 * Carries a deep linking request from the launch to the picker page and back, signed, so the server
 * keeps nothing while the designer chooses and the return URL cannot be swapped.
 */
public final class DeepLinkingTicket {
  /** A designer may take a while to fill in a space's settings. */
  static final Duration LIFETIME = Duration.ofHours(2);

  static final JOSEObjectType TYPE = new JOSEObjectType("peerloop-deep-linking+jwt");

  private final HmacJwt jwt;
  private final Clock clock;

  public DeepLinkingTicket(byte[] secret, Clock clock) {
    this(MacKeyRing.of(secret), clock);
  }

  public DeepLinkingTicket(MacKeyRing secrets, Clock clock) {
    this.jwt = new HmacJwt(secrets, TYPE);
    this.clock = clock;
  }

  public String issue(DeepLinkingRequest request) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("plt", request.platformId())
            .claim("dep", request.deploymentId())
            .claim("prs", request.personId())
            .claim("crs", request.courseId())
            .claim("ret", request.returnUrl())
            .claim("types", request.acceptTypes())
            .claim("multi", request.acceptMultiple())
            .claim("auto", request.autoCreate())
            .claim("li", request.acceptLineItem())
            .claim("title", request.title())
            .claim("data", request.data());
    return jwt.sign(claims.build());
  }

  /** The request, if the ticket is genuine and not expired. */
  public Optional<DeepLinkingRequest> redeem(String ticket) {
    return jwt.verify(ticket)
        .filter(
            c ->
                c.getExpirationTime() != null
                    && clock.instant().isBefore(c.getExpirationTime().toInstant()))
        .flatMap(DeepLinkingTicket::read);
  }

  private static Optional<DeepLinkingRequest> read(JWTClaimsSet c) {
    try {
      List<String> types = c.getStringListClaim("types");
      return Optional.of(
          new DeepLinkingRequest(
              c.getLongClaim("plt"),
              c.getStringClaim("dep"),
              c.getLongClaim("prs"),
              c.getLongClaim("crs"),
              c.getStringClaim("ret"),
              types == null ? List.of() : types,
              Boolean.TRUE.equals(c.getBooleanClaim("multi")),
              Boolean.TRUE.equals(c.getBooleanClaim("auto")),
              !Boolean.FALSE.equals(c.getBooleanClaim("li")),
              c.getStringClaim("title"),
              c.getStringClaim("data")));
    } catch (ParseException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
