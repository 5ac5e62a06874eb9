package org.peerloop.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerloop.course.Course;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/** A course copied in the LMS gets a copy of its spaces' settings, ready for the next run. */
class SpaceCopyTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final Platform moodle =
      new Platform(
          "https://moodle.example.edu",
          "c",
          "https://moodle.example.edu/auth",
          "https://moodle.example.edu/token",
          "https://moodle.example.edu/certs",
          ProductFamily.MOODLE,
          PlatformStatus.ACTIVE,
          NOW);
  private final Course first = new Course(moodle, "14", "Lead", "L1", NOW);
  private final Course next = new Course(moodle, "15", "Lead (next run)", "L2", NOW);

  private Space space(Instant opens, Instant closes) {
    return new Space(
        first,
        null,
        new SpaceSettings(
            "Circle",
            Phase.POST_COURSE,
            opens,
            closes,
            false,
            5,
            null,
            Moderation.EXPERT_REVIEW,
            false,
            List.of("coaching"),
            List.of(new SpaceSettings.PromptText("What did you try?", LocalDate.of(2026, 12, 1))),
            new Grading(true, 10, 3, 2, 1, 5, 6)),
        NOW.minusSeconds(86_400 * 60));
  }

  @Test
  void theCopyHasTheSameRulesAndAgendaInTheOtherCourse() {
    Space original = space(NOW.minusSeconds(3600), NOW.plusSeconds(86_400));
    Space copy = original.copyFor(next, NOW);
    assertSame(next, copy.course());
    assertSame(original, copy.copiedFrom());
    assertEquals(original.settings(), copy.settings());
    assertNull(copy.resourceLink());
  }

  @Test
  void aWindowThatHasClosedIsNotCopied() {
    Space original = space(NOW.minusSeconds(86_400 * 30), NOW.minusSeconds(86_400));
    Space copy = original.copyFor(next, NOW);
    assertNull(copy.opensAt());
    assertNull(copy.closesAt());
    assertFalse(copy.isClosedAt(NOW));
    assertEquals(original.prompts().size(), copy.prompts().size());
    assertEquals(original.grading(), copy.grading());
  }
}
