package org.peerloop.intranet;

/** How a directory account becomes a person of the course's platform. */
public enum PeopleRule {
  /** Every account is a person of its own, beside any LMS account of the same human. */
  SEPARATE,
  /**
   * An account whose sign-in name equals the e-mail address of exactly one person the LMS already
   * sent becomes that person, so both doors show one name and one history. Only for LMSs whose
   * e-mail addresses people cannot change themselves.
   */
  MATCH_EMAIL
}
