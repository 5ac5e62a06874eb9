package org.peerloop.web.limits;

import org.peerloop.settings.Settings;

/** What is limited, and how often per minute the settings allow it. */
public enum Limit {
  /**
   * Unauthenticated sign-in steps, per client address: OIDC login initiations (each stores a record
   * until it expires) and SharePoint token exchanges.
   */
  LOGIN,
  /**
   * Launches, per platform and person, counted once the launch's signature is checked (see {@link
   * LaunchLimit}): people behind one address do not hold each other back.
   */
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
