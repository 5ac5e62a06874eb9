package org.peerloop.lti.deeplinking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code ltiResourceLink} content item (Deep Linking 2.0 §3.2): what the platform places in the
 * course. Its custom parameters come back in every launch of the link.
 *
 * @param lineItem the grade column to create with the link, or {@code null} for none
 */
public record ContentItem(
    String title, String text, String url, Map<String, String> custom, LineItem lineItem) {

  /** A first height; the page then tells the platform its real one (lti.frameResize). */
  static final int IFRAME_HEIGHT = 800;

  /** §3.2.6: the platform creates this line item along with the link. */
  public record LineItem(double scoreMaximum, String label, String resourceId, String tag) {}

  Map<String, Object> toClaim() {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", DeepLinkingRequest.RESOURCE_LINK);
    item.put("title", title);
    if (text != null) {
      item.put("text", text);
    }
    item.put("url", url);
    item.put("custom", Map.copyOf(custom));
    // Shown inside the course page (Deep Linking 2.0 §3.2.5; Moodle embeds the launch).
    item.put("iframe", Map.of("height", IFRAME_HEIGHT));
    if (lineItem != null) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("scoreMaximum", lineItem.scoreMaximum());
      line.put("label", lineItem.label());
      line.put("resourceId", lineItem.resourceId());
      line.put("tag", lineItem.tag());
      item.put("lineItem", line);
    }
    return item;
  }
}
