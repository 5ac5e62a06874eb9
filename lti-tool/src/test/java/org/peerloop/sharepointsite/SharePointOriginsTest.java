package org.peerloop.sharepointsite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharePointOriginsTest {
  private final SharePointOrigins origins =
      new SharePointOrigins(List.of("https://*.sharepoint.com", "http://localhost:8091"));

  @Test
  void allowsTenantHostsUnderTheWildcard() {
    assertTrue(origins.allows("https://contoso.sharepoint.com"));
    assertTrue(origins.allows("https://contoso-my.sharepoint.com"));
    assertTrue(origins.allows("HTTPS://Contoso.SharePoint.com"));
    assertTrue(origins.allows("http://localhost:8091"));
  }

  @Test
  void refusesLookAlikes() {
    assertFalse(origins.allows("https://sharepoint.com"), "the bare domain is not a tenant host");
    assertFalse(origins.allows("https://evilsharepoint.com"));
    assertFalse(origins.allows("https://contoso.sharepoint.com.evil.example"));
    assertFalse(origins.allows("http://contoso.sharepoint.com"), "the scheme counts");
    assertFalse(origins.allows("https://a/b.sharepoint.com"));
    assertFalse(origins.allows("https://contoso.sharepoint.com:8443"));
    assertFalse(origins.allows("http://localhost:8092"));
    assertFalse(origins.allows("null"));
    assertFalse(origins.allows(null));
    assertFalse(origins.allows(""));
  }
}
