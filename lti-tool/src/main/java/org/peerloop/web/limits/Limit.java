package org.peerloop.web.limits;

import org.peerloop.settings.Settings;

/** What is limited, and how often per minute the settings allow it. */
public enum Limit {
  /** OIDC login initiations, per client address: each one stores a state until it expires. */
  LOGIN,
  /** Launches, per client address: each one verifies a signature and writes a nonce. */
  LAUNCH,
  /** New posts and replies, per member. */
  POST;

  int perMinute(Settings.Limits limits) {
    return switch (this) {
      case LOGIN -> limits.loginsPerMinute();
      case LAUNCH -> limits.launchesPerMinute();
      case POST -> limits.postsPerMinute();
    };
  }
}
