package org.peerloop.intranet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

class IntranetTenantTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final String APP = "08e18876-6177-487e-b8b5-cf950c1e598c";

  private static IntranetTenant tenant() {
    return new IntranetTenant("72F988BF-86F1-41AF-91AB-2D7CD011DB47", NOW);
  }

  private static String field(Runnable change) {
    return assertThrows(InvalidValueException.class, change::run).field();
  }

  @Test
  void keepsGuidsInEntrasLowerCaseForm() {
    IntranetTenant tenant = tenant();
    tenant.configure(
        "Contoso",
        "6E74172B-BE56-4843-9FF4-E66A39BB12E3",
        "api://peerloop/x",
        "user_impersonation",
        Set.of(APP.toUpperCase()),
        null,
        NOW);
    assertEquals("72f988bf-86f1-41af-91ab-2d7cd011db47", tenant.tenantId());
    assertEquals("6e74172b-be56-4843-9ff4-e66a39bb12e3", tenant.apiClientId());
    assertEquals(Set.of(APP), tenant.allowedClientApps());
    assertEquals(PeopleRule.SEPARATE, tenant.peopleRule());
  }

  @Test
  void refusesEveryMalformedValueWithItsField() {
    IntranetTenant tenant = tenant();
    assertEquals("tenantId", field(() -> new IntranetTenant("contoso.onmicrosoft.com", NOW)));
    assertEquals(
        "apiClientId",
        field(() -> tenant.configure("C", "not-a-guid", "api://x", "s", Set.of(APP), null, NOW)));
    assertEquals(
        "appIdUri",
        field(
            () -> tenant.configure("C", APP, "javascript:alert(1)", "s", Set.of(APP), null, NOW)));
    assertEquals(
        "requiredScope",
        field(() -> tenant.configure("C", APP, "api://x", "a b", Set.of(APP), null, NOW)));
    assertEquals(
        "allowedClientApps",
        field(() -> tenant.configure("C", APP, "api://x", "s", Set.of(), null, NOW)));
    assertEquals(
        "allowedClientApps",
        field(() -> tenant.configure("C", APP, "api://x", "s", Set.of("*"), null, NOW)));
    // Nothing half-valid was kept.
    assertNull(tenant.appIdUri());
  }

  @Test
  void aPageIdIsAListItemNumber() {
    assertEquals("12", IntranetPage.pageId(" 12 "));
    for (String bad : new String[] {"0", "-1", "1.5", "../1", "", "12345678901"}) {
      assertThrows(InvalidValueException.class, () -> IntranetPage.pageId(bad), bad);
    }
  }
}
