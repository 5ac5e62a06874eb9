package org.peerloop.lti.registration;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peerloop.outbound.WebUrls;
import org.peerloop.platform.ProductFamily;

/**
 * A platform's OpenID configuration as LTI Dynamic Registration 1.0 §3.4 requires it, checked:
 * every endpoint present and web-safe, and the issuer at the origin the configuration came from.
 */
public record PlatformConfiguration(
    String issuer,
    String authorizationEndpoint,
    String tokenEndpoint,
    String jwksUri,
    String registrationEndpoint,
    List<String> scopesSupported,
    ProductFamily productFamily) {

  static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";

  /**
   * @throws RegistrationException naming every missing or unsafe value
   */
  public static PlatformConfiguration parse(JsonObject json, URI fetchedFrom) {
    List<String> problems = new ArrayList<>();
    String issuer = url(json, "issuer", problems);
    String authorization = url(json, "authorization_endpoint", problems);
    String token = url(json, "token_endpoint", problems);
    String jwks = url(json, "jwks_uri", problems);
    String registration = url(json, "registration_endpoint", problems);
    if (!problems.isEmpty()) {
      throw new RegistrationException(
          "openid-configuration-invalid",
          502,
          "The platform configuration " + String.join("; ", problems));
    }
    // LTI DR §3.5.1: the issuer must match the origin of the configuration URL, so a configuration
    // served from one site cannot speak for another platform.
    if (!WebUrls.origin(URI.create(issuer)).equals(WebUrls.origin(fetchedFrom))) {
      throw new RegistrationException(
          "issuer-mismatch",
          400,
          "The platform's issuer " + issuer + " is not at the origin of " + fetchedFrom);
    }
    List<String> scopes = null;
    JsonValue rawScopes = json.get("scopes_supported");
    if (rawScopes instanceof JsonArray array) {
      scopes =
          array.stream()
              .filter(JsonString.class::isInstance)
              .map(v -> ((JsonString) v).getString())
              .toList();
    }
    ProductFamily family = ProductFamily.OTHER;
    JsonValue platformConfiguration = json.get(PLATFORM_CONFIGURATION);
    if (platformConfiguration instanceof JsonObject config
        && config.get("product_family_code") instanceof JsonString code) {
      family = ProductFamily.fromCode(code.getString().toLowerCase(Locale.ROOT));
    }
    return new PlatformConfiguration(
        issuer, authorization, token, jwks, registration, scopes, family);
  }

  private static String url(JsonObject json, String name, List<String> problems) {
    JsonValue value = json.get(name);
    if (!(value instanceof JsonString text) || text.getString().isBlank()) {
      problems.add("lacks " + name);
      return null;
    }
    String url = text.getString().strip();
    if (!WebUrls.isSafe(url)) {
      problems.add("has " + name + " that is not an https URL: " + url);
      return null;
    }
    return url;
  }
}
