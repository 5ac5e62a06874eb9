package org.peerloop.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

class MoodleBridgeTest {
  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void aSiteHasOneSpellingAsEventsNameIt() {
    assertEquals(
        "https://moodle.example.edu", MoodleBridge.normalised("https://Moodle.Example.edu/"));
    assertEquals(
        "https://example.edu/moodle", MoodleBridge.normalised(" https://example.edu/moodle// "));
    assertEquals("http://localhost:8081", MoodleBridge.normalised("http://localhost:8081"));
  }

  @Test
  void anythingButASiteAddressIsRefusedNamingTheField() {
    for (String bad :
        new String[] {
          null,
          "",
          "moodle.example.edu",
          "ftp://moodle.example.edu",
          "https://m.example/?x=1",
          "https://m.example/#top",
          "https:///path"
        }) {
      InvalidValueException e =
          assertThrows(InvalidValueException.class, () -> MoodleBridge.normalised(bad), bad);
      assertEquals("siteUrl", e.field());
    }
  }

  @Test
  void oneNodeAtATimeHoldsTheBackstopLease() {
    MoodleBridge bridge = new MoodleBridge(1, "https://m.example", "v1.token", "v1.secret", NOW);
    assertTrue(bridge.claimReconciliation(NOW, NOW.plusSeconds(600)));
    assertFalse(bridge.claimReconciliation(NOW.plusSeconds(60), NOW.plusSeconds(660)));
    assertTrue(
        bridge.claimReconciliation(NOW.plusSeconds(601), NOW.plusSeconds(1200)),
        "an expired lease (a crashed node) is taken over");
    bridge.advanceTo(42);
    bridge.release();
    assertEquals(42, bridge.reconcileCursor(), "a run out of time resumes after its last course");
    assertTrue(bridge.claimReconciliation(NOW.plusSeconds(602), NOW.plusSeconds(1200)));
    bridge.reconciled(NOW.plusSeconds(700));
    assertEquals(0, bridge.reconcileCursor());
    assertEquals(NOW.plusSeconds(700), bridge.lastReconciledAt());
  }

  @Test
  void aFailedRunKeepsItsErrorUntilAGoodOne() {
    MoodleBridge bridge = new MoodleBridge(1, "https://m.example", "v1.token", "v1.secret", NOW);
    bridge.claimReconciliation(NOW, NOW.plusSeconds(600));
    bridge.failed("invalidtoken: " + "x".repeat(2000), NOW);
    assertEquals(MoodleBridge.ERROR_MAX, bridge.lastError().length());
    assertTrue(bridge.claimReconciliation(NOW, NOW.plusSeconds(600)), "a failure ends the lease");
    bridge.reconciled(NOW);
    assertNull(bridge.lastError());
  }
}
