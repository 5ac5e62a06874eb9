package org.peerloop.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.peerloop.lti.platform.Registration;
import org.peerloop.people.Profile;

/**
 * A launch that passed every rule: the registration it came from and typed access to its claims.
 *
 * @param storageTarget the platform-storage frame the login stored its binding value in, or {@code
 *     null} when the platform offered none
 * @param bindingHash the SHA-256 of that value, which the browser must show again
 */
public record ValidLaunch(
    Registration registration,
    MessageType messageType,
    JWTClaimsSet claims,
    String storageTarget,
    String bindingHash) {

  public String subject() {
    return claims.getSubject();
  }

  public String deploymentId() {
    return text(claims.getClaim(LtiClaims.DEPLOYMENT_ID));
  }

  public String contextId() {
    return member(LtiClaims.CONTEXT, "id");
  }

  public String contextTitle() {
    return member(LtiClaims.CONTEXT, "title");
  }

  public String contextLabel() {
    return member(LtiClaims.CONTEXT, "label");
  }

  /** Empty for messages without a resource link, such as deep linking. */
  public Optional<String> resourceLinkId() {
    return Optional.ofNullable(member(LtiClaims.RESOURCE_LINK, "id"));
  }

  public String resourceLinkTitle() {
    return member(LtiClaims.RESOURCE_LINK, "title");
  }

  public String resourceLinkDescription() {
    return member(LtiClaims.RESOURCE_LINK, "description");
  }

  public List<String> roles() {
    Object roles = claims.getClaim(LtiClaims.ROLES);
    return roles instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  /** The person's locale: the OIDC {@code locale} claim, else the launch presentation's. */
  public String locale() {
    String locale = text(claims.getClaim("locale"));
    return locale != null ? locale : member(LtiClaims.LAUNCH_PRESENTATION, "locale");
  }

  public Profile profile() {
    return new Profile(
        text(claims.getClaim("name")),
        text(claims.getClaim("given_name")),
        text(claims.getClaim("family_name")),
        text(claims.getClaim("email")),
        text(claims.getClaim("picture")),
        locale());
  }

  /** Where the LMS wants people sent back to, if it said. */
  public Optional<String> returnUrl() {
    return Optional.ofNullable(member(LtiClaims.LAUNCH_PRESENTATION, "return_url"));
  }

  /** The launch's custom parameters (LTI Core §5.4.6), values as strings. */
  public Map<String, String> custom() {
    Object custom = claims.getClaim(LtiClaims.CUSTOM);
    if (!(custom instanceof Map<?, ?> map)) {
      return Map.of();
    }
    TreeMap<String, String> values = new TreeMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return values;
  }

  /** The Names and Roles endpoint of the context (NRPS 2.0 §3.6.1), if offered and well formed. */
  public Optional<String> membershipsUrl() {
    return ServiceUrl.check(member(LtiClaims.NRPS, "context_memberships_url"));
  }

  /** The grade service endpoint claim (AGS 2.0 §3.4), if offered. */
  public record GradeService(String lineItems, String lineItem, List<String> scopes) {}

  public Optional<GradeService> gradeService() {
    Object claim = claims.getClaim(LtiClaims.AGS);
    if (!(claim instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Optional<String> lineItems = ServiceUrl.check(text(map.get("lineitems")));
    Optional<String> lineItem = ServiceUrl.check(text(map.get("lineitem")));
    if (lineItems.isEmpty() && lineItem.isEmpty()) {
      return Optional.empty();
    }
    List<String> scopes =
        map.get("scope") instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of();
    return Optional.of(new GradeService(lineItems.orElse(null), lineItem.orElse(null), scopes));
  }

  /** The deep linking settings claim (Deep Linking 2.0 §4.4.1) of a deep linking request. */
  public Map<String, Object> deepLinkingSettings() {
    Object settings = claims.getClaim(LtiClaims.DEEP_LINKING_SETTINGS);
    if (!(settings instanceof Map<?, ?> map)) {
      return Map.of();
    }
    TreeMap<String, Object> values = new TreeMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return values;
  }

  String member(String claim, String name) {
    Object object = claims.getClaim(claim);
    return object instanceof Map<?, ?> map ? text(map.get(name)) : null;
  }

  /** Strings as given, numbers as their decimal text (some platforms send numeric ids). */
  static String text(Object value) {
    if (value instanceof String s) {
      return s.isEmpty() ? null : s;
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    return null;
  }
}
