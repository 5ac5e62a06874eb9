package org.peerloop.sharepointsite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageClaimsTest {
  @Test
  void codesAreReadableRandomAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String code = PageClaims.newCode();
      assertTrue(code.matches("PLB(-[0-9A-HJKMNP-TV-Z]{4}){4}"), code);
      assertTrue(seen.add(code), "repeated: " + code);
    }
  }

  /** The hash is of the code as people type it, so the page's copy matches whatever its case. */
  @Test
  void theHashIgnoresCaseSpacesAndHyphens() {
    String code = "PLB-7K3M-Q9TZ-4WXC-8HJN";
    assertEquals(PageClaims.hash(code), PageClaims.hash(" plb 7k3m q9tz4wxc-8hjn "));
    assertNotEquals(PageClaims.hash(code), PageClaims.hash("PLB-7K3M-Q9TZ-4WXC-8HJM"));
    assertEquals(64, PageClaims.hash(code).length());
  }
}
