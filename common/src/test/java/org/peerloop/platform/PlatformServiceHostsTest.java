package org.peerloop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

/**
 * Service URLs come from launch claims and receive the platform's access token: only hosts of the
 * registration's own URLs, or hosts IT listed, qualify.
 */
class PlatformServiceHostsTest {
  private static Platform canvas() {
    return new Platform(
        "https://canvas.instructure.com",
        "10000000000001",
        "https://sso.canvaslms.com/api/lti/authorize_redirect",
        "https://sso.canvaslms.com/login/oauth2/token",
        "https://sso.canvaslms.com/api/lti/security/jwks",
        ProductFamily.CANVAS,
        PlatformStatus.ACTIVE,
        Instant.now());
  }

  @Test
  void servicesOnTheRegisteredHostsAreUsed() {
    Platform platform = canvas();
    assertTrue(
        platform.servesFrom("https://canvas.instructure.com/api/lti/courses/1/names_and_roles"));
    assertTrue(platform.servesFrom("https://SSO.canvaslms.com/x"));
  }

  @Test
  void servicesOnOtherHostsAreNotUntilITListsThem() {
    Platform platform = canvas();
    String roster = "https://school.instructure.com/api/lti/courses/1/names_and_roles";
    assertFalse(platform.servesFrom(roster));
    assertFalse(platform.servesFrom("https://attacker.example/collect"));
    assertFalse(platform.servesFrom("not a url"));
    platform.useServiceHosts(List.of("School.Instructure.com "));
    assertTrue(platform.servesFrom(roster));
    assertFalse(platform.servesFrom("https://attacker.example/collect"));
    assertEquals(List.of("school.instructure.com"), platform.extraServiceHosts());
  }

  @Test
  void aServiceHostIsAHostNameAndNothingElse() {
    Platform platform = canvas();
    for (String bad :
        List.of("https://school.example", "school.example/path", "*.example.edu", "", "a b")) {
      assertThrows(InvalidValueException.class, () -> platform.useServiceHosts(List.of(bad)), bad);
    }
    platform.useServiceHosts(List.of());
    assertEquals(List.of(), platform.extraServiceHosts());
  }
}
