package org.peerloop.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peerloop.roster.LmsGroupMembership;
import org.peerloop.settings.Settings;

/**
 * What PeerLoop tells platforms about itself, in one place: the URLs, scopes, claims, messages and
 * custom parameters, shaped for Dynamic Registration (LTI DR 1.0 §3.3), for manual registration
 * ({@code /lti/config.json}) and for a Canvas developer key.
 */
@ApplicationScoped
public class ToolConfiguration {
  static final String NAME = "PeerLoop";
  static final String DESCRIPTION =
      "Social learning inside your course: pre- and post-course cohorts, peer discussion and"
          + " ratings.";
  static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

  /** Names and Roles for rosters; AGS for the participation grade (LTI Advantage). */
  static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score");

  /**
   * The identity claims PeerLoop asks for: Moodle sends names and e-mail only when the registration
   * lists them, and cohorts build on professional identity.
   */
  static final List<String> CLAIMS =
      List.of("iss", "sub", "name", "given_name", "family_name", "email", "picture", "locale");

  /**
   * Substitution variables that survive course copies and carry LMS groups ($Context.id.history is
   * LTI Core Appendix D; the Moodle variable is Moodle's own and ignored elsewhere).
   */
  static final Map<String, String> CUSTOM_PARAMETERS =
      Map.of(
          "context_id_history",
          "$Context.id.history",
          "resource_link_id_history",
          "$ResourceLink.id.history",
          LmsGroupMembership.PARAMETER,
          "$Moodle.Person.userGroupIds");

  @Inject Settings settings;

  public URI loginUrl() {
    return settings.url("lti/login");
  }

  public URI launchUrl() {
    return settings.url("lti/launch");
  }

  public URI jwksUrl() {
    return settings.url("lti/jwks");
  }

  public URI registrationUrl() {
    return settings.url("lti/register");
  }

  /** Host and port, as Moodle compares it with the target link's (LTI DR §3.3.2 "domain"). */
  public String domain() {
    URI base = settings.baseUrl();
    return base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort();
  }

  /**
   * The client registration request (LTI DR §3.3), asking only for the scopes the platform says it
   * supports when it says so.
   */
  public JsonObject registrationRequest(Collection<String> platformScopes) {
    String scope =
        SCOPES.stream()
            .filter(s -> platformScopes == null || platformScopes.contains(s))
            .collect(Collectors.joining(" "));
    JsonObjectBuilder request =
        Json.createObjectBuilder()
            .add("application_type", "web")
            .add("response_types", Json.createArrayBuilder().add("id_token"))
            .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
            .add("initiate_login_uri", loginUrl().toString())
            .add("redirect_uris", Json.createArrayBuilder().add(launchUrl().toString()))
            .add("client_name", NAME)
            .add("jwks_uri", jwksUrl().toString())
            .add("token_endpoint_auth_method", "private_key_jwt")
            .add(TOOL_CONFIGURATION, toolConfiguration());
    if (!scope.isEmpty()) {
      request.add("scope", scope);
    }
    return request.build();
  }

  private JsonObject toolConfiguration() {
    return Json.createObjectBuilder()
        .add("domain", domain())
        .add("description", DESCRIPTION)
        .add("target_link_uri", launchUrl().toString())
        .add("custom_parameters", customParameters())
        .add("claims", array(CLAIMS))
        .add("messages", messages())
        .build();
  }

  private JsonArray messages() {
    return Json.createArrayBuilder()
        .add(
            Json.createObjectBuilder()
                .add("type", "LtiResourceLinkRequest")
                .add("target_link_uri", launchUrl().toString())
                .add("label", NAME))
        .add(
            Json.createObjectBuilder()
                .add("type", "LtiDeepLinkingRequest")
                .add("target_link_uri", launchUrl().toString())
                .add("label", "Add a PeerLoop cohort space")
                .add("placements", Json.createArrayBuilder().add("ContentArea")))
        .build();
  }

  /** Everything an administrator types into an LMS by hand ({@code GET /lti/config.json}). */
  public JsonObject manualConfiguration() {
    return Json.createObjectBuilder()
        .add("title", NAME)
        .add("description", DESCRIPTION)
        .add("domain", domain())
        .add("oidc_initiation_url", loginUrl().toString())
        .add("target_link_uri", launchUrl().toString())
        .add("redirect_uris", Json.createArrayBuilder().add(launchUrl().toString()))
        .add("deep_linking_url", launchUrl().toString())
        .add("jwks_uri", jwksUrl().toString())
        .add("dynamic_registration_url", registrationUrl().toString())
        .add("token_endpoint_auth_method", "private_key_jwt")
        .add("scopes", array(SCOPES))
        .add("claims", array(CLAIMS))
        .add("messages", messages())
        .add("custom_parameters", customParameters())
        .add("canvas", canvasDeveloperKey())
        .build();
  }

  /** The JSON a Canvas admin pastes into "Developer Keys → LTI Key → Paste JSON". */
  private JsonObject canvasDeveloperKey() {
    JsonArrayBuilder placements =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("placement", "link_selection")
                    .add("message_type", "LtiDeepLinkingRequest")
                    .add("target_link_uri", launchUrl().toString()))
            .add(
                Json.createObjectBuilder()
                    .add("placement", "assignment_selection")
                    .add("message_type", "LtiDeepLinkingRequest")
                    .add("target_link_uri", launchUrl().toString()));
    return Json.createObjectBuilder()
        .add("title", NAME)
        .add("description", DESCRIPTION)
        .add("oidc_initiation_url", loginUrl().toString())
        .add("target_link_uri", launchUrl().toString())
        .add("public_jwk_url", jwksUrl().toString())
        .add("scopes", array(SCOPES))
        .add("custom_fields", customParameters())
        .add(
            "extensions",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("platform", "canvas.instructure.com")
                        .add("privacy_level", "public")
                        .add("domain", domain())
                        .add("settings", Json.createObjectBuilder().add("placements", placements))))
        .build();
  }

  private static JsonObject customParameters() {
    JsonObjectBuilder custom = Json.createObjectBuilder();
    new TreeMap<>(CUSTOM_PARAMETERS).forEach(custom::add);
    return custom.build();
  }

  private static JsonArray array(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array.build();
  }
}
