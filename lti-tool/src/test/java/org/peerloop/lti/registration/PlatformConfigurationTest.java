package org.peerloop.lti.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.peerloop.outbound.WebUrls;
import org.peerloop.platform.ProductFamily;

/** The checks on a platform's OpenID configuration, with Moodle 4.x's real shape. */
class PlatformConfigurationTest {
  private static final URI FROM =
      URI.create("https://moodle.example.edu/mod/lti/openid-configuration.php");

  /** As mod/lti/openid-configuration.php answers for a site at https://moodle.example.edu. */
  private static JsonObjectBuilder moodle() {
    String site = "https://moodle.example.edu";
    return Json.createObjectBuilder()
        .add("issuer", site)
        .add("token_endpoint", site + "/mod/lti/token.php")
        .add("jwks_uri", site + "/mod/lti/certs.php")
        .add("authorization_endpoint", site + "/mod/lti/auth.php")
        .add("registration_endpoint", site + "/mod/lti/openid-registration.php")
        .add(
            "scopes_supported",
            Json.createArrayBuilder()
                .add("https://purl.imsglobal.org/spec/lti-ags/scope/score")
                .add("openid"))
        .add(
            "https://purl.imsglobal.org/spec/lti-platform-configuration",
            Json.createObjectBuilder().add("product_family_code", "moodle").add("version", "4.4"));
  }

  @Test
  void readsMoodlesConfiguration() {
    PlatformConfiguration config = PlatformConfiguration.parse(moodle().build(), FROM);

    assertEquals("https://moodle.example.edu", config.issuer());
    assertEquals("https://moodle.example.edu/mod/lti/auth.php", config.authorizationEndpoint());
    assertEquals(ProductFamily.MOODLE, config.productFamily());
    assertTrue(config.scopesSupported().contains("openid"));
  }

  @Test
  void refusesAnIssuerAtAnotherOrigin() {
    JsonObject config = moodle().add("issuer", "https://other.example.edu").build();

    RegistrationException e =
        assertThrows(RegistrationException.class, () -> PlatformConfiguration.parse(config, FROM));
    assertEquals("issuer-mismatch", e.reason());
  }

  @Test
  void namesEveryMissingOrUnsafeEndpoint() {
    JsonObject config =
        moodle()
            .remove("jwks_uri")
            .add("authorization_endpoint", "http://moodle.example.edu/mod/lti/auth.php")
            .build();

    RegistrationException e =
        assertThrows(RegistrationException.class, () -> PlatformConfiguration.parse(config, FROM));
    assertEquals("openid-configuration-invalid", e.reason());
    assertTrue(e.getMessage().contains("jwks_uri"), e.getMessage());
    assertTrue(e.getMessage().contains("authorization_endpoint"), e.getMessage());
  }

  @Test
  void allowsPlainHttpOnlyOnThisMachine() {
    assertTrue(WebUrls.isSafe("http://localhost:8081/certs"));
    assertTrue(WebUrls.isSafe("http://127.0.0.1:8081/certs"));
    assertTrue(!WebUrls.isSafe("http://moodle.example.edu/certs"));
    assertTrue(!WebUrls.isSafe("file:///etc/passwd"));
    assertTrue(!WebUrls.isSafe("javascript:alert(1)"));
  }
}
