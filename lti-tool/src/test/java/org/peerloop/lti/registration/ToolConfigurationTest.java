package org.peerloop.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peerloop.settings.Settings;

/** The registration request must pass Moodle's registration_helper checks as they are. */
class ToolConfigurationTest {
  private final ToolConfiguration tool = new ToolConfiguration();

  ToolConfigurationTest() {
    tool.settings =
        Settings.load(Map.of(Settings.BASE_URL, "https://peerloop.example.org:8443/")::get);
  }

  @Test
  void theRegistrationRequestHasWhatMoodleRequires() {
    JsonObject request = tool.registrationRequest(null);

    for (String required :
        List.of(
            "response_types",
            "initiate_login_uri",
            "redirect_uris",
            "client_name",
            "jwks_uri",
            "token_endpoint_auth_method",
            ToolConfiguration.TOOL_CONFIGURATION)) {
      assertTrue(request.containsKey(required), required);
    }
    assertEquals("private_key_jwt", request.getString("token_endpoint_auth_method"));
    assertEquals("web", request.getString("application_type"));
    assertTrue(request.getJsonArray("response_types").getString(0).equals("id_token"));
  }

  @Test
  void theDomainMatchesTheTargetLinkIncludingThePort() {
    JsonObject config =
        tool.registrationRequest(null).getJsonObject(ToolConfiguration.TOOL_CONFIGURATION);
    URI target = URI.create(config.getString("target_link_uri"));

    assertEquals(target.getHost() + ":" + target.getPort(), config.getString("domain"));
    assertEquals("peerloop.example.org:8443", config.getString("domain"));
  }

  @Test
  void asksForNamesEmailAndTheCourseCopyVariables() {
    JsonObject config =
        tool.registrationRequest(null).getJsonObject(ToolConfiguration.TOOL_CONFIGURATION);

    assertTrue(config.getJsonArray("claims").toString().contains("\"email\""));
    assertTrue(config.getJsonArray("claims").toString().contains("\"given_name\""));
    assertEquals(
        "$Context.id.history",
        config.getJsonObject("custom_parameters").getString("context_id_history"));
    assertTrue(config.getJsonArray("messages").toString().contains("LtiDeepLinkingRequest"));
  }

  @Test
  void asksOnlyForScopesThePlatformOffers() {
    JsonObject request =
        tool.registrationRequest(
            List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score", "openid"));

    assertEquals("https://purl.imsglobal.org/spec/lti-ags/scope/score", request.getString("scope"));
    assertFalse(tool.registrationRequest(List.of("openid")).containsKey("scope"));
  }
}
