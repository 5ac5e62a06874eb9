package org.peerloop.grades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A score is sent once per change; a refused person waits for a change; failures are bounded. */
class GradeRecordTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final GradeRecord record = new GradeRecord(null, null, NOW);

  @Test
  void aNewScoreIsQueuedAndTheSameOneNeverAgain() {
    assertTrue(record.update(0, 10, NOW), "even a zero is sent the first time");
    assertEquals(GradeStatus.PENDING, record.status());
    record.sent(NOW);
    assertFalse(record.update(0, 10, NOW));
    assertTrue(record.update(1.5, 10, NOW));
    record.sent(NOW);
    assertEquals(1.5, record.sentScore());
    assertFalse(record.update(1.5, 10, NOW));
    assertTrue(record.update(1.5, 20, NOW), "a new maximum changes the grade");
  }

  @Test
  void aRefusedPersonIsNotRetriedUntilTheirScoreChanges() {
    record.update(3, 10, NOW);
    record.refused("not gradable", NOW);
    assertFalse(record.update(3, 10, NOW));
    assertEquals(GradeStatus.REFUSED, record.status());
    assertTrue(record.update(4, 10, NOW));
  }

  @Test
  void failuresAreRetriedABoundedNumberOfTimes() {
    record.update(3, 10, NOW);
    for (int i = 1; i < GradeRecord.MAX_ATTEMPTS; i++) {
      record.failed("503", NOW);
      assertEquals(GradeStatus.PENDING, record.status());
      assertTrue(record.update(3, 10, NOW), "still waiting to be sent");
    }
    record.failed("503", NOW);
    assertEquals(GradeStatus.FAILED, record.status());
    assertFalse(record.update(3, 10, NOW), "rests until the score changes");
    assertTrue(record.update(5, 10, NOW));
    assertEquals(0, record.attempts());
  }
}
