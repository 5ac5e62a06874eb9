package org.peerloop.notify;

/** Why a member is told something. */
public enum NotificationKind {
  /** Someone @mentioned them in a published post. */
  MENTION(true),
  /** Someone replied to their thread. */
  REPLY(false),
  /** Their held post was approved and is published. */
  POST_APPROVED(true),
  /** Their held post was rejected; the reason is the notification's detail. */
  POST_REJECTED(true),
  /** A facilitator endorsed their post. */
  ENDORSED(false),
  /** The space's designer added discussion prompts; the detail holds them. */
  NEW_PROMPT(false),
  /**
   * A post-course space opened for them, on their completion of its module: the one nudge that
   * brings a learner back after the course, so it is e-mailed at once.
   */
  SPACE_OPENED(true);

  private final boolean emailedAtOnce;

  NotificationKind(boolean emailedAtOnce) {
    this.emailedAtOnce = emailedAtOnce;
  }

  /**
   * Mentions, review outcomes and a space opening are e-mailed at once; the rest wait for the
   * digest.
   */
  public boolean emailedAtOnce() {
    return emailedAtOnce;
  }
}
