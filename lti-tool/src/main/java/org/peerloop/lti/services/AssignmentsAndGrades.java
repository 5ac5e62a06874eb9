package org.peerloop.lti.services;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerloop.outbound.ServiceException;

/** Assignment and Grade Services 2.0: line items and scores. */
@ApplicationScoped
public class AssignmentsAndGrades {
  public static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  public static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  public static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

  /** Guards against a platform whose paging never ends. */
  static final int MAX_PAGES = 100;

  @Inject ServiceCalls calls;

  /** A line item (AGS 2.0 §3.2); {@code id} is its URL. */
  public record LineItem(
      String id,
      String label,
      double scoreMaximum,
      String resourceLinkId,
      String resourceId,
      String tag) {}

  /** A score (AGS 2.0 §3.4): the platform keeps the latest by timestamp. */
  public record Score(
      String userId,
      double scoreGiven,
      double scoreMaximum,
      String activityProgress,
      String gradingProgress,
      Instant timestamp) {}

  /** The line items of a resource link with a tag, all pages read (§3.2.4 filters). */
  public List<LineItem> lineItems(
      ServicePlatform platform, URI container, String resourceLinkId, String tag) {
    URI url = withQuery(container, Map.of("resource_link_id", resourceLinkId, "tag", tag));
    List<LineItem> items = new ArrayList<>();
    for (int page = 0; page < MAX_PAGES && url != null; page++) {
      HttpResponse<String> response =
          calls.get(platform, Set.of(ServiceScopes.LINE_ITEM), url, CONTAINER_TYPE);
      if (response.statusCode() != 200) {
        throw ServiceCalls.failure("The line items service", response);
      }
      items.addAll(parseLineItems(response.body()));
      url = LinkHeader.find(response.headers().allValues("Link"), "next", url).orElse(null);
    }
    // Platforms that ignore the filters return every item: keep the ones asked for.
    return items.stream()
        .filter(i -> i.resourceLinkId() == null || i.resourceLinkId().equals(resourceLinkId))
        .filter(i -> tag.equals(i.tag()))
        .toList();
  }

  /** Creates a line item in the container and returns it as the platform stored it (§3.2.5). */
  public LineItem create(ServicePlatform platform, URI container, LineItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scoreMaximum", item.scoreMaximum());
    json.put("label", item.label());
    json.put("resourceLinkId", item.resourceLinkId());
    json.put("resourceId", item.resourceId());
    json.put("tag", item.tag());
    HttpResponse<String> response =
        calls.post(
            platform,
            Set.of(ServiceScopes.LINE_ITEM),
            container,
            LINE_ITEM_TYPE,
            LINE_ITEM_TYPE,
            JSONObjectUtils.toJSONString(json));
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw ServiceCalls.failure("Creating the line item", response);
    }
    try {
      return lineItem(JSONObjectUtils.parse(response.body()));
    } catch (ParseException e) {
      throw new ServiceException(
          response.statusCode(), "line-item-malformed", "The created line item is not JSON");
    }
  }

  /**
   * Posts a score to a line item's {@code /scores} endpoint (§3.4.1), keeping the line item's query
   * string: Moodle's {@code type_id} is how it knows an LTI 1.3 tool calls.
   */
  public void score(ServicePlatform platform, URI lineItem, Score score) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", score.userId());
    json.put("scoreGiven", score.scoreGiven());
    json.put("scoreMaximum", score.scoreMaximum());
    json.put("activityProgress", score.activityProgress());
    json.put("gradingProgress", score.gradingProgress());
    json.put("timestamp", score.timestamp().toString());
    HttpResponse<String> response =
        calls.post(
            platform,
            Set.of(ServiceScopes.SCORE),
            scoresOf(lineItem),
            SCORE_TYPE,
            "application/json",
            JSONObjectUtils.toJSONString(json));
    int status = response.statusCode();
    if (status < 200 || status > 204) {
      throw ServiceCalls.failure("The score for user " + score.userId(), response);
    }
  }

  static URI scoresOf(URI lineItem) {
    String path = lineItem.getRawPath();
    String query = lineItem.getRawQuery();
    return URI.create(
        lineItem.getScheme()
            + "://"
            + lineItem.getRawAuthority()
            + (path.endsWith("/") ? path + "scores" : path + "/scores")
            + (query == null ? "" : "?" + query));
  }

  static URI withQuery(URI uri, Map<String, String> params) {
    StringBuilder query = new StringBuilder(Optional.ofNullable(uri.getRawQuery()).orElse(""));
    params.forEach(
        (k, v) -> {
          if (v != null) {
            query.append(query.length() == 0 ? "" : "&").append(k).append('=');
            query.append(URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return URI.create(
        uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query);
  }

  /** A line item container (AGS 2.0 §3.2.4): an array; fields a platform adds are ignored. */
  static List<LineItem> parseLineItems(String body) {
    List<LineItem> items = new ArrayList<>();
    try {
      for (Object item : JSONArrayUtils.parse(body)) {
        if (item instanceof Map<?, ?> m) {
          items.add(lineItem(m));
        }
      }
    } catch (ParseException e) {
      throw new ServiceException(200, "line-items-malformed", "The line items are not JSON");
    }
    return items;
  }

  private static LineItem lineItem(Map<?, ?> m) {
    Object max = m.get("scoreMaximum");
    return new LineItem(
        string(m.get("id")),
        string(m.get("label")),
        number(max),
        string(m.get("resourceLinkId")),
        string(m.get("resourceId")),
        string(m.get("tag")));
  }

  /** Numbers as numbers or, as some platforms write them, as strings. */
  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return value == null ? 0 : Double.parseDouble(String.valueOf(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
