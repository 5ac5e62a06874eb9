package org.peerloop.space;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.peerloop.cohort.CohortPlanner;
import org.peerloop.errors.InvalidValueException;

/**
 * Everything a designer sets on a space, checked as a whole: each rule names its field.
 *
 * @param opensAt when the space opens; {@code null} for at once
 * @param closesAt when it becomes read-only; {@code null} for never
 * @param opensOnCompletion for post-course spaces: open for each learner when they complete the
 *     module, instead of at {@code opensAt}
 * @param grading the participation grade sent to the LMS; {@code null} for none
 */
public record SpaceSettings(
    String title,
    Phase phase,
    Instant opensAt,
    Instant closesAt,
    boolean opensOnCompletion,
    int targetSize,
    GroupingMode grouping,
    Moderation moderation,
    boolean ratingsEnabled,
    List<String> topics,
    List<PromptText> prompts,
    Grading grading) {

  public static final int TITLE_MAX = 512;
  public static final int TOPIC_MAX = 80;
  public static final int TOPICS_MAX = 30;
  public static final int PROMPT_MAX = 1000;
  public static final int PROMPTS_MAX = 50;

  /** A prompt of the agenda, tied to real work, with an optional date. */
  public record PromptText(String text, LocalDate dueOn) {}

  public SpaceSettings {
    if (title == null || title.isBlank()) {
      throw new InvalidValueException("title", "title is required");
    }
    title = title.strip();
    if (title.length() > TITLE_MAX) {
      throw new InvalidValueException(
          "title", "title must be at most " + TITLE_MAX + " characters");
    }
    if (phase == null) {
      throw new InvalidValueException("phase", "phase must be PRE_COURSE or POST_COURSE");
    }
    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      throw new InvalidValueException("closesAt", "closesAt must be after opensAt");
    }
    if (opensOnCompletion && phase != Phase.POST_COURSE) {
      throw new InvalidValueException(
          "opensOnCompletion", "only a post-course space can open on completion");
    }
    if (targetSize < CohortPlanner.MIN_TARGET || targetSize > CohortPlanner.MAX_TARGET) {
      throw new InvalidValueException(
          "targetSize",
          "targetSize must be between "
              + CohortPlanner.MIN_TARGET
              + " and "
              + CohortPlanner.MAX_TARGET);
    }
    grouping = grouping == null ? GroupingMode.TOPICS : grouping;
    moderation = moderation == null ? Moderation.OPEN : moderation;
    topics = checkedTopics(topics);
    prompts = checkedPrompts(prompts);
    grading = grading == null ? Grading.OFF : grading;
  }

  private static List<String> checkedTopics(List<String> topics) {
    if (topics == null) {
      return List.of();
    }
    if (topics.size() > TOPICS_MAX) {
      throw new InvalidValueException("topics", "at most " + TOPICS_MAX + " topics");
    }
    List<String> checked = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String topic : topics) {
      if (topic == null || topic.isBlank() || topic.strip().length() > TOPIC_MAX) {
        throw new InvalidValueException(
            "topics", "each topic must be 1 to " + TOPIC_MAX + " characters");
      }
      String stripped = topic.strip();
      if (!seen.add(stripped.toLowerCase(Locale.ROOT))) {
        throw new InvalidValueException("topics", "topic '" + stripped + "' is listed twice");
      }
      checked.add(stripped);
    }
    return List.copyOf(checked);
  }

  private static List<PromptText> checkedPrompts(List<PromptText> prompts) {
    if (prompts == null) {
      return List.of();
    }
    if (prompts.size() > PROMPTS_MAX) {
      throw new InvalidValueException("prompts", "at most " + PROMPTS_MAX + " prompts");
    }
    List<PromptText> checked = new ArrayList<>();
    for (PromptText prompt : prompts) {
      if (prompt == null
          || prompt.text() == null
          || prompt.text().isBlank()
          || prompt.text().strip().length() > PROMPT_MAX) {
        throw new InvalidValueException(
            "prompts", "each prompt must be 1 to " + PROMPT_MAX + " characters");
      }
      checked.add(new PromptText(prompt.text().strip(), prompt.dueOn()));
    }
    return List.copyOf(checked);
  }
}
