package org.peerloop.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerloop.errors.InvalidValueException;

class SpaceSettingsTest {
  private static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

  private static SpaceSettings settings(
      Phase phase,
      Instant opens,
      Instant closes,
      boolean onCompletion,
      int target,
      List<String> topics) {
    return new SpaceSettings(
        "Cohorts",
        phase,
        opens,
        closes,
        onCompletion,
        target,
        null,
        null,
        true,
        topics,
        null,
        null);
  }

  private static String fieldOf(Runnable settings) {
    return assertThrows(InvalidValueException.class, settings::run).field();
  }

  @Test
  void fillsDefaultsAndTrims() {
    SpaceSettings s =
        new SpaceSettings(
            "  Leading change  ",
            Phase.PRE_COURSE,
            null,
            null,
            false,
            17,
            null,
            null,
            true,
            List.of(" coaching "),
            List.of(new SpaceSettings.PromptText(" What will you try? ", null)),
            null);

    assertEquals("Leading change", s.title());
    assertEquals(GroupingMode.TOPICS, s.grouping());
    assertEquals(Moderation.OPEN, s.moderation());
    assertEquals(List.of("coaching"), s.topics());
    assertEquals("What will you try?", s.prompts().get(0).text());
  }

  @Test
  void namesTheFieldOfEachMistake() {
    assertEquals(
        "targetSize", fieldOf(() -> settings(Phase.PRE_COURSE, null, null, false, 2, null)));
    assertEquals(
        "targetSize", fieldOf(() -> settings(Phase.PRE_COURSE, null, null, false, 201, null)));
    assertEquals("closesAt", fieldOf(() -> settings(Phase.PRE_COURSE, T, T, false, 17, null)));
    assertEquals(
        "opensOnCompletion", fieldOf(() -> settings(Phase.PRE_COURSE, null, null, true, 17, null)));
    assertEquals(
        "topics",
        fieldOf(() -> settings(Phase.PRE_COURSE, null, null, false, 17, List.of("A", "a"))));
    assertEquals("phase", fieldOf(() -> settings(null, null, null, false, 17, null)));
    assertEquals(
        "title",
        fieldOf(
            () ->
                new SpaceSettings(
                    " ",
                    Phase.PRE_COURSE,
                    null,
                    null,
                    false,
                    17,
                    null,
                    null,
                    true,
                    null,
                    null,
                    null)));
  }

  @Test
  void aPostCourseSpaceMayOpenOnCompletion() {
    assertEquals(true, settings(Phase.POST_COURSE, null, null, true, 17, null).opensOnCompletion());
  }
}
