package org.peerloop.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

/** A thread list's query as the page sends it: every bad value is a 400 that names its field. */
class ThreadQueryTest {
  @Test
  void aTagFilterLongerThanAnyTagIsRefusedByName() {
    String tooLong = "x".repeat(11_000);
    InvalidValueException refused =
        assertThrows(
            InvalidValueException.class,
            () -> ThreadQuery.parse(null, tooLong, null, null, null, null));
    assertEquals("tag", refused.field());
    assertEquals(
        "onboarding", ThreadQuery.parse(null, "#Onboarding ", null, null, null, null).tag());
  }
}
