package org.peerloop.lti.services;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.outbound.RetryingHttp;
import org.peerloop.outbound.ServiceException;

/**
 * Access tokens for a platform's services (1EdTech Security Framework §4.1): the OAuth 2 client
 * credentials grant with a {@code private_key_jwt} assertion (RFC 7523) signed with the tool's
 * current key. Tokens are kept per platform and scope set until shortly before they expire.
 */
@ApplicationScoped
public class AccessTokens {
  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Short: the assertion is used once, at once. */
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

  /**
   * Moodle verifies {@code iat} with zero leeway (firebase/php-jwt), so a clock a second ahead of
   * the platform's would be refused: the assertion says it was made a little earlier.
   */
  static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(10);

  /** A token is renewed this long before it expires, so a call never starts with a dying one. */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

  @Inject ToolKeyService keys;
  @Inject Clock clock;

  @Inject RetryingHttp http;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  private record Token(String value, Instant renewAt) {}

  /** A token for these scopes, from the cache or freshly granted. */
  public String token(ServicePlatform platform, Set<String> scopes) {
    String key = platform.platformId() + " " + String.join(" ", new TreeSet<>(scopes));
    Token cached = cache.get(key);
    if (cached != null && clock.instant().isBefore(cached.renewAt())) {
      return cached.value();
    }
    Token fresh = request(platform, new TreeSet<>(scopes));
    cache.put(key, fresh);
    return fresh.value();
  }

  /** Drops a token the platform no longer accepts (it answered 401), so the next call asks anew. */
  public void forget(long platformId, String token) {
    cache
        .entrySet()
        .removeIf(
            e -> e.getKey().startsWith(platformId + " ") && e.getValue().value().equals(token));
  }

  private Token request(ServicePlatform platform, Set<String> scopes) {
    if (platform.tokenUrl() == null) {
      throw new ServiceException(0, "no-token-url", "The platform's token URL is not registered");
    }
    Instant now = clock.instant();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_assertion_type", ASSERTION_TYPE);
    form.put("client_assertion", assertion(platform, now));
    form.put("scope", String.join(" ", scopes));
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        http.send(
            () ->
                HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                    .timeout(RetryingHttp.REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
    Map<String, Object> json = parse(response);
    if (response.statusCode() != 200) {
      Object error = json.get("error");
      throw new ServiceException(
          response.statusCode(),
          "token-refused",
          "The platform refused an access token for "
              + scopes
              + ": "
              + (error == null ? "status " + response.statusCode() : error));
    }
    Object value = json.get("access_token");
    if (!(value instanceof String token) || token.isBlank()) {
      throw new ServiceException(
          response.statusCode(), "token-malformed", "The token answer has no access_token");
    }
    long lifetime =
        json.get("expires_in") instanceof Number n
            ? n.longValue()
            : Duration.ofHours(1).toSeconds();
    Duration keep = Duration.ofSeconds(lifetime).minus(RENEW_BEFORE);
    if (keep.isNegative() || keep.isZero()) {
      keep = Duration.ofSeconds(lifetime / 2);
    }
    return new Token(token, now.plus(keep));
  }

  /** RFC 7523 §3: issuer and subject the client id, audience the token endpoint, unique jti. */
  private String assertion(ServicePlatform platform, Instant now) {
    return keys.sign(
        new JWTClaimsSet.Builder()
            .issuer(platform.clientId())
            .subject(platform.clientId())
            .audience(platform.tokenUrl())
            .issueTime(Date.from(now.minus(CLOCK_ALLOWANCE)))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  /** Moodle answers with hand-written JSON and no JSON content type: the body is read as JSON. */
  private static Map<String, Object> parse(HttpResponse<String> response) {
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      if (response.statusCode() == 200) {
        throw new ServiceException(200, "token-malformed", "The token answer is not JSON");
      }
      return Map.of();
    }
  }
}
