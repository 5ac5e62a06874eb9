package org.peerloop.lti.services;

/** The OAuth scopes of the LTI Advantage services. */
public final class ServiceScopes {
  private ServiceScopes() {}

  /** NRPS 2.0 §3.6.1. */
  public static final String MEMBERSHIPS =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  /** AGS 2.0 §3.1: read, create and change line items. */
  public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

  public static final String LINE_ITEM_READONLY =
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

  /** AGS 2.0 §3.4: publish scores. */
  public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
}
