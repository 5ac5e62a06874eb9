package org.peerloop.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

class GradingTest {
  private final Grading grading = new Grading(true, 10, 3, 2, 1, 5, 20);

  @Test
  void earnsTheShareOfTheMaximumThatThePointsReach() {
    assertEquals(0.0, grading.score(new Grading.Contributions(0, 0, 0, 0)));
    assertEquals(1.5, grading.score(new Grading.Contributions(1, 0, 0, 0)), "3 of 20 points");
    // A story is a thread too: 3 + 5 points, plus 2 replies and 4 ratings = 16 of 20.
    assertEquals(8.0, grading.score(new Grading.Contributions(1, 2, 4, 1)));
    assertEquals(
        3.33, new Grading(true, 10, 1, 0, 0, 0, 3).score(new Grading.Contributions(1, 0, 0, 0)));
  }

  @Test
  void neverMoreThanTheMaximum() {
    assertEquals(10.0, grading.score(new Grading.Contributions(50, 50, 50, 50)));
  }

  @Test
  void refusesLimitsOutsideTheirRange() {
    assertEquals(
        "grading.maximum",
        assertThrows(InvalidValueException.class, () -> new Grading(true, 0, 3, 2, 1, 5, 20))
            .field());
    assertEquals(
        "grading",
        assertThrows(InvalidValueException.class, () -> new Grading(true, 10, -1, 2, 1, 5, 20))
            .field());
    assertEquals(
        "grading.fullMarks",
        assertThrows(InvalidValueException.class, () -> new Grading(true, 10, 3, 2, 1, 5, 0))
            .field());
  }
}
