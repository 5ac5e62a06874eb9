package org.peerloop.lti.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

class WebOriginTest {

  @ParameterizedTest
  @CsvSource({
    "https://moodle.example.edu/mod/lti/auth.php, https://moodle.example.edu",
    "HTTPS://Moodle.Example.edu:8443/x?y=1, https://moodle.example.edu:8443",
    "http://localhost:8081, http://localhost:8081"
  })
  void theOriginIsSchemeHostAndPort(String url, String origin) {
    assertEquals(Optional.of(origin), WebOrigin.of(url));
  }

  @ParameterizedTest
  @CsvSource({"javascript:alert(1)", "null", "ftp://files.example", "/relative", "'https:// x'"})
  void anythingButAWebAddressHasNoOrigin(String value) {
    assertEquals(Optional.empty(), WebOrigin.of(value));
  }

  @Test
  void aPlatformFramesFromItsIssuerAndLoginHosts() {
    Registration canvas =
        new Registration(
            1,
            "https://canvas.instructure.com",
            "10000000000001",
            "https://sso.canvaslms.com/api/lti/authorize_redirect",
            "https://sso.canvaslms.com/api/lti/security/jwks",
            ProductFamily.CANVAS,
            PlatformStatus.ACTIVE,
            Set.of("1"));

    assertEquals(
        Set.of("https://canvas.instructure.com", "https://sso.canvaslms.com"),
        canvas.frameOrigins());
  }
}
