package org.peerloop.moodlebridge;

import java.util.Optional;

/**
 * Moodle's ids as LTI carries them: the context id is the course id and the {@code
 * resource_link.id} the {@code lti} instance id, both numbers. Another platform's are not, and a
 * bridge has nothing to ask about them.
 */
final class MoodleIds {
  private MoodleIds() {}

  static Optional<Long> of(String ltiId) {
    return ltiId != null && ltiId.matches("[0-9]{1,18}")
        ? Optional.of(Long.parseLong(ltiId))
        : Optional.empty();
  }
}
