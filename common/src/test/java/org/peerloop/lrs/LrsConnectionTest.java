package org.peerloop.lrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LrsConnectionTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  private LrsConnection connection() {
    return new LrsConnection(7, "https://lrs.example.edu/xapi/", "key", "v1.sealed", T0);
  }

  @Test
  void waitsLongerAfterEachFailureUpToAnHour() {
    LrsConnection c = connection();

    c.failed("503", T0);
    assertEquals(T0.plus(Duration.ofMinutes(1)), c.nextAttemptAt());
    assertFalse(c.isDue(T0.plusSeconds(59)));
    assertTrue(c.isDue(T0.plusSeconds(60)));
    c.failed("503", T0);
    assertEquals(T0.plus(Duration.ofMinutes(2)), c.nextAttemptAt());
    for (int i = 0; i < 20; i++) {
      c.failed("503", T0);
    }
    assertEquals(T0.plus(Duration.ofHours(1)), c.nextAttemptAt());
    assertEquals(22, c.failures());
  }

  @Test
  void aSuccessClearsTheFailuresAndMovesTheCursorOnlyForward() {
    LrsConnection c = connection();
    c.failed("503", T0);

    c.pushed(500, 500, T0);
    c.pushed(300, 0, T0);

    assertEquals(500, c.pushedThrough());
    assertEquals(500, c.statementsSent());
    assertEquals(0, c.failures());
    assertTrue(c.isDue(T0));
  }

  @Test
  void anotherStoreStartsFromTheFirstEventTheSameStoreKeepsItsPlace() {
    LrsConnection c = connection();
    c.pushed(500, 500, T0);

    c.configure("https://lrs.example.edu/xapi/", "key2", "v1.other", T0);
    assertEquals(500, c.pushedThrough());

    c.configure("https://other-lrs.example.com/", "key2", "v1.other", T0);
    assertEquals(0, c.pushedThrough());
    assertEquals(0, c.statementsSent());
    assertNull(c.lastPushAt());
  }
}
