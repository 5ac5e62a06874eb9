package org.peerloop.lti.launch;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peerloop.keys.MacKeyRing;
import org.peerloop.lti.session.HmacJwt;

/**
 * Binds a launch to the browser that started it, through LTI Platform Storage (LTI Client-Side
 * postMessages, {@code lti-cs-oidc}; 1EdTech Security Framework §5.1.1.1 on binding the state to
 * the browser). At login the page stored a random value of its own in the platform's storage frame
 * (not the nonce, which travels readable in the state and the id_token); the launch answers with a
 * ticket that holds the validated claims and only the value's hash; the page reads the value back
 * from the storage and trades it with the ticket for a session. A launch posted into another
 * browser finds nothing in its storage and stops there.
 */
public final class LaunchBinding {
  /** Long enough for two postMessage round trips on a slow machine. */
  static final Duration TICKET_LIFETIME = Duration.ofMinutes(2);

  static final JOSEObjectType TYPE = new JOSEObjectType("peerloop-launch-binding+jwt");

  private final HmacJwt jwt;
  private final Clock clock;

  public LaunchBinding(byte[] secret, Clock clock) {
    this(MacKeyRing.of(secret), clock);
  }

  public LaunchBinding(MacKeyRing secrets, Clock clock) {
    this.jwt = new HmacJwt(secrets, TYPE);
    this.clock = clock;
  }

  /**
   * The storage key the login page stored the nonce under: short whatever the state's length, as
   * platforms limit what a tool may store.
   */
  public static String storageKey(String state) {
    return "peerloop-" + hash(state);
  }

  /** A ticket for a validated launch whose nonce the browser must show again. */
  public String ticket(ValidLaunch launch) {
    if (launch.bindingHash() == null) {
      throw new LaunchRefusedException(Refusal.STATE_UNKNOWN, "state without a binding value");
    }
    Map<String, Object> claims = new LinkedHashMap<>(launch.claims().toJSONObject());
    claims.remove("nonce");
    Instant now = clock.instant();
    JWTClaimsSet ticket =
        new JWTClaimsSet.Builder()
            .expirationTime(Date.from(now.plus(TICKET_LIFETIME)))
            .claim("plt", launch.registration().platformId())
            .claim("nh", launch.bindingHash())
            .claim("launch", claims)
            .build();
    return jwt.sign(ticket);
  }

  /** A ticket redeemed with the value the browser read from platform storage. */
  public record Redeemed(long platformId, JWTClaimsSet claims) {}

  public Redeemed redeem(String ticket, String storedValue) {
    JWTClaimsSet claims =
        jwt.verify(ticket)
            .filter(
                c ->
                    c.getExpirationTime() != null
                        && clock.instant().isBefore(c.getExpirationTime().toInstant()))
            .orElseThrow(
                () ->
                    new LaunchRefusedException(
                        Refusal.STATE_EXPIRED, "binding ticket invalid or expired"));
    try {
      String expected = claims.getStringClaim("nh");
      if (storedValue == null
          || expected == null
          || !MessageDigest.isEqual(
              hash(storedValue).getBytes(StandardCharsets.US_ASCII),
              expected.getBytes(StandardCharsets.US_ASCII))) {
        throw new LaunchRefusedException(Refusal.BROWSER_BINDING_FAILED, null);
      }
      return new Redeemed(
          claims.getLongClaim("plt"), JWTClaimsSet.parse(claims.getJSONObjectClaim("launch")));
    } catch (ParseException e) {
      throw new LaunchRefusedException(Refusal.STATE_UNKNOWN, "binding ticket malformed");
    }
  }

  static String hash(String value) {
    try {
      return Base64URL.encode(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)))
          .toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
