package org.peerloop.sharepoint.entra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Validates an Entra ID access token for PeerLoop's API, the rules in this order: a signed JWT,
 * RS256 with a {@code kid}; a registered tenant ({@code tid}); a key of that tenant and a valid
 * signature; then the claims of the token's version: {@code iss} equal to the issuer template
 * filled with the token's own {@code tid} (so a token of another tenant carrying this {@code tid}
 * fails), {@code aud} (the client id for v2.0, the App ID URI for v1.0), {@code exp} and {@code
 * nbf} with {@link #SKEW}, a delegated scope ({@code scp}; app-only tokens have none), the calling
 * client application and the person ({@code oid}).
 *
 * <p>See Microsoft identity platform, "Access tokens" (claims reference and validation) and "Access
 * token versions".
 */
public class EntraAccessTokens {
  /** Clock difference tolerated on {@code exp} and {@code nbf}. */
  public static final Duration SKEW = Duration.ofMinutes(2);

  /** Entra access tokens are a few kilobytes; a longer string is not one. */
  public static final int MAX_TOKEN_CHARS = 16 * 1024;

  private final EntraSigningKeys keys;
  private final Clock clock;

  public EntraAccessTokens(EntraSigningKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The person the token speaks for.
   *
   * @param tenants the registered tenant of a {@code tid}, if any
   * @throws EntraTokenRefusedException naming the first rule the token breaks
   */
  public EntraUser validate(String token, Function<String, Optional<EntraTenant>> tenants)
      throws EntraTokenRefusedException {
    SignedJWT jwt = signedJwt(token);
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
      throw new EntraTokenRefusedException(EntraRefusal.ALGORITHM);
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new EntraTokenRefusedException(EntraRefusal.KEY_ID_MISSING);
    }
    JWTClaimsSet claims = claims(jwt);
    String tenantId = text(claims, "tid").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
    EntraTenant tenant =
        (tenantId == null ? Optional.<EntraTenant>empty() : tenants.apply(tenantId))
            .orElseThrow(() -> new EntraTokenRefusedException(EntraRefusal.TENANT_UNKNOWN));
    verifySignature(jwt, key(tenant, header.getKeyID()));

    String version = text(claims, "ver").orElse("");
    boolean v2 = version.equals("2.0");
    if (!v2 && !version.equals("1.0")) {
      throw new EntraTokenRefusedException(EntraRefusal.VERSION);
    }
    if (!(v2 ? tenant.issuerV2() : tenant.issuerV1()).equals(claims.getIssuer())) {
      throw new EntraTokenRefusedException(EntraRefusal.ISSUER);
    }
    List<String> audience = claims.getAudience();
    if (audience.size() != 1
        || !audience.get(0).equals(v2 ? tenant.clientId() : tenant.appIdUri())) {
      throw new EntraTokenRefusedException(EntraRefusal.AUDIENCE);
    }
    checkTimes(claims);
    String scopes = text(claims, "scp").orElse(null);
    if (scopes == null || "app".equals(text(claims, "idtyp").orElse(null))) {
      throw new EntraTokenRefusedException(EntraRefusal.APP_ONLY);
    }
    if (!Arrays.asList(scopes.split(" ")).contains(tenant.requiredScope())) {
      throw new EntraTokenRefusedException(EntraRefusal.SCOPE);
    }
    String clientApp =
        text(claims, v2 ? "azp" : "appid").map(a -> a.toLowerCase(Locale.ROOT)).orElse(null);
    if (clientApp == null || !tenant.allowedClientApps().contains(clientApp)) {
      throw new EntraTokenRefusedException(EntraRefusal.CLIENT_APP);
    }
    String objectId =
        text(claims, "oid")
            .orElseThrow(() -> new EntraTokenRefusedException(EntraRefusal.SUBJECT_MISSING));
    String username =
        v2
            ? text(claims, "preferred_username").orElse(null)
            : text(claims, "upn").or(() -> text(claims, "unique_name")).orElse(null);
    return new EntraUser(
        tenantId,
        objectId.toLowerCase(Locale.ROOT),
        text(claims, "name").orElse(null),
        username,
        clientApp,
        version);
  }

  private static SignedJWT signedJwt(String token) throws EntraTokenRefusedException {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
      throw new EntraTokenRefusedException(EntraRefusal.MALFORMED);
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token.strip());
    } catch (ParseException e) {
      throw new EntraTokenRefusedException(EntraRefusal.MALFORMED, e);
    }
    // An unsigned (alg "none") or encrypted token is refused for its algorithm, not its shape.
    if (!(jwt instanceof SignedJWT signed)) {
      throw new EntraTokenRefusedException(EntraRefusal.ALGORITHM);
    }
    return signed;
  }

  private static JWTClaimsSet claims(SignedJWT jwt) throws EntraTokenRefusedException {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new EntraTokenRefusedException(EntraRefusal.MALFORMED, e);
    }
  }

  private RSAPublicKey key(EntraTenant tenant, String kid) throws EntraTokenRefusedException {
    try {
      return keys.find(tenant.tenantId(), kid)
          .orElseThrow(() -> new EntraTokenRefusedException(EntraRefusal.KEY_UNKNOWN));
    } catch (RateLimitReachedException e) {
      // The key set was just refetched and did not hold this key either.
      throw new EntraTokenRefusedException(EntraRefusal.KEY_UNKNOWN, e);
    } catch (KeySourceException e) {
      throw new EntraTokenRefusedException(EntraRefusal.KEYS_UNAVAILABLE, e);
    }
  }

  private static void verifySignature(SignedJWT jwt, RSAPublicKey key)
      throws EntraTokenRefusedException {
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw new EntraTokenRefusedException(EntraRefusal.SIGNATURE);
      }
    } catch (JOSEException e) {
      throw new EntraTokenRefusedException(EntraRefusal.SIGNATURE, e);
    }
  }

  private void checkTimes(JWTClaimsSet claims) throws EntraTokenRefusedException {
    Instant now = clock.instant();
    Date expires = claims.getExpirationTime();
    if (expires == null || now.isAfter(expires.toInstant().plus(SKEW))) {
      throw new EntraTokenRefusedException(EntraRefusal.EXPIRED);
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.isBefore(notBefore.toInstant().minus(SKEW))) {
      throw new EntraTokenRefusedException(EntraRefusal.NOT_YET_VALID);
    }
  }

  private static Optional<String> text(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
