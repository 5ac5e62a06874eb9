package org.peerloop.lti.deeplinking;

import java.util.List;
import java.util.Map;
import org.peerloop.lti.launch.ValidLaunch;

/**
 * The deep linking settings of a request (Deep Linking 2.0 §4.4.1), with the platform, deployment,
 * person and course it came with.
 *
 * @param data opaque platform data to echo in the response, or {@code null}
 * @param acceptLineItem whether the platform takes a line item with a link; {@code true} when it
 *     did not say (the spec's default reading: Moodle omits the flag and creates the grade column)
 */
public record DeepLinkingRequest(
    long platformId,
    String deploymentId,
    long personId,
    long courseId,
    String returnUrl,
    List<String> acceptTypes,
    boolean acceptMultiple,
    boolean autoCreate,
    boolean acceptLineItem,
    String title,
    String data) {

  public static final String RESOURCE_LINK = "ltiResourceLink";

  public DeepLinkingRequest {
    acceptTypes = List.copyOf(acceptTypes);
  }

  public static DeepLinkingRequest of(ValidLaunch launch, long personId, long courseId) {
    Map<String, Object> s = launch.deepLinkingSettings();
    return new DeepLinkingRequest(
        launch.registration().platformId(),
        launch.deploymentId(),
        personId,
        courseId,
        String.valueOf(s.get("deep_link_return_url")),
        s.get("accept_types") instanceof List<?> types
            ? types.stream().map(String::valueOf).toList()
            : List.of(),
        flag(s.get("accept_multiple"), false),
        flag(s.get("auto_create"), false),
        flag(s.get("accept_lineitem"), true),
        s.get("title") instanceof String t ? t : null,
        s.get("data") instanceof String d ? d : null);
  }

  /** Whether the platform accepts resource links: PeerLoop offers nothing else. */
  public boolean acceptsResourceLinks() {
    return acceptTypes.contains(RESOURCE_LINK);
  }

  /** Moodle 3.x sent these flags as the strings "true" and "false". */
  private static boolean flag(Object value, boolean absent) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return Boolean.parseBoolean(s.strip());
    }
    return absent;
  }
}
