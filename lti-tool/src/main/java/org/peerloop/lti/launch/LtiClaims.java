package org.peerloop.lti.launch;

/** The claim names of LTI 1.3 messages (LTI Core §5.3–5.4, Deep Linking 2.0 §4.4). */
public final class LtiClaims {
  private LtiClaims() {}

  static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";

  public static final String MESSAGE_TYPE = PREFIX + "message_type";
  public static final String VERSION = PREFIX + "version";
  public static final String DEPLOYMENT_ID = PREFIX + "deployment_id";
  public static final String TARGET_LINK_URI = PREFIX + "target_link_uri";
  public static final String RESOURCE_LINK = PREFIX + "resource_link";
  public static final String ROLES = PREFIX + "roles";
  public static final String CONTEXT = PREFIX + "context";
  public static final String CUSTOM = PREFIX + "custom";
  public static final String LAUNCH_PRESENTATION = PREFIX + "launch_presentation";
  public static final String TOOL_PLATFORM = PREFIX + "tool_platform";
  public static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
  public static final String NRPS =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
  public static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

  public static final String LTI_VERSION = "1.3.0";
}
