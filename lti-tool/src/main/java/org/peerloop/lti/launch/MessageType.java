package org.peerloop.lti.launch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The LTI messages PeerLoop accepts at its launch endpoint, with the claims each must carry. */
public enum MessageType {
  /** LTI Core §5.3: a person opens a resource link. */
  RESOURCE_LINK(
      "LtiResourceLinkRequest",
      List.of("sub", LtiClaims.ROLES, LtiClaims.RESOURCE_LINK + "#id", LtiClaims.CONTEXT + "#id")),
  /** Deep Linking 2.0 §4.4: a designer picks what to place in the course. */
  DEEP_LINKING(
      "LtiDeepLinkingRequest",
      List.of(
          "sub",
          LtiClaims.ROLES,
          LtiClaims.DEEP_LINKING_SETTINGS + "#deep_link_return_url",
          LtiClaims.DEEP_LINKING_SETTINGS + "#accept_types",
          LtiClaims.CONTEXT + "#id"));

  private final String claimValue;
  private final List<String> requiredClaims;

  MessageType(String claimValue, List<String> requiredClaims) {
    this.claimValue = claimValue;
    this.requiredClaims = requiredClaims;
  }

  /** The value of the {@code message_type} claim. */
  public String claimValue() {
    return claimValue;
  }

  /**
   * Claims the message must carry, as {@code claim} or {@code claim#member}. Beyond the spec's
   * minimum, PeerLoop needs the context: a cohort space always lives in a course.
   */
  List<String> requiredClaims() {
    return requiredClaims;
  }

  public static Optional<MessageType> fromClaim(String value) {
    return Arrays.stream(values()).filter(t -> t.claimValue.equals(value)).findFirst();
  }
}
