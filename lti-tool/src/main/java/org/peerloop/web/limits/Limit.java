package org.peerloop.web.limits;

import org.peerloop.settings.Settings;

/** What is limited, and how often per minute the settings allow it. */
public enum Limit {
  /** OIDC login initiations, per client address: each one stores a state until it expires. */
  LOGIN,
  /** Launches, per client address: each one verifies a signature and writes a nonce. */
  LAUNCH,
  /** New posts and replies, per member. */
  POST,
  /** Administrators' sign-in attempts (password or setup), per client address: guessing is slow. */
  ADMIN_SIGN_IN,
  /**
   * Dynamic registration starts, per client address: each one makes PeerLoop call the addresses it
   * names, so they are few (an LMS administrator registers a tool once).
   */
  REGISTRATION;

  static final int ADMIN_SIGN_INS_PER_MINUTE = 10;

  int perMinute(Settings.Limits limits) {
    return switch (this) {
      case LOGIN -> limits.loginsPerMinute();
      case LAUNCH -> limits.launchesPerMinute();
      case POST -> limits.postsPerMinute();
      case ADMIN_SIGN_IN -> ADMIN_SIGN_INS_PER_MINUTE;
      case REGISTRATION -> limits.registrationsPerMinute();
    };
  }
}
