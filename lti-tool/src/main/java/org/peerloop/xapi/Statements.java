package org.peerloop.xapi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerloop.activity.ActivityType;

/**
 * Turns activity events into xAPI 1.0.3 statements (Data §2.4).
 *
 * <ul>
 *   <li>{@code id}: a name-based UUID (RFC 4122 §4.3) of the tool's URL and the event id, so the
 *       same event always makes the same statement and a store keeps it once however often it is
 *       sent.
 *   <li>{@code actor}: an Agent identified by an account (Data §2.4.2.4): {@code homePage} is the
 *       platform's issuer, {@code name} the person's LTI subject, the one identifier the LMS itself
 *       knows them by. No name or e-mail: the store needs none to join it with LMS records.
 *   <li>{@code verb}: viewed, commented (a new thread), replied, rated (a rating or a facilitator's
 *       endorsement) and shared (an applied-at-work story); commented and shared are ADL verbs, the
 *       others from the xAPI registry.
 *   <li>{@code object}: an Activity whose id is a tool URL: {@code xapi/posts/{id}} for a post,
 *       {@code xapi/spaces/{id}/cohorts/{id}} for a cohort's page.
 *   <li>{@code context.contextActivities}: the thread of a reply as {@code parent}, and the cohort,
 *       the space and the course as {@code grouping}; a course is {@code xapi/courses/{id}} of type
 *       course.
 *   <li>{@code timestamp}: when it happened, in UTC.
 * </ul>
 *
 * Activities carry their type and no names, so a statement never changes once made (a store answers
 * 409 to an id sent again with other content, Communication §2.1.2).
 */
public final class Statements {
  private Statements() {}

  public static final String ADL_COMMENTED = "http://adlnet.gov/expapi/verbs/commented";
  public static final String ADL_SHARED = "http://adlnet.gov/expapi/verbs/shared";
  public static final String VIEWED = "http://id.tincanapi.com/verb/viewed";
  public static final String REPLIED = "http://id.tincanapi.com/verb/replied";
  public static final String RATED = "http://id.tincanapi.com/verb/rated";

  static final String COURSE = "http://adlnet.gov/expapi/activities/course";
  static final String MODULE = "http://adlnet.gov/expapi/activities/module";
  static final String COMMUNITY = "http://id.tincanapi.com/activitytype/community-site";
  static final String DISCUSSION = "http://id.tincanapi.com/activitytype/discussion";
  static final String REPLY = "http://id.tincanapi.com/activitytype/forum-reply";

  /** The statement of one event, ready to serialise as JSON. */
  static Map<String, Object> of(XapiEvent event, URI toolUrl) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("id", id(event, toolUrl));
    statement.put(
        "actor",
        Map.of(
            "objectType",
            "Agent",
            "account",
            Map.of("homePage", event.issuer(), "name", event.subject())));
    statement.put("verb", verb(event.type()));
    statement.put("object", object(event, toolUrl));
    statement.put("context", context(event, toolUrl));
    statement.put("timestamp", event.occurredAt().toString());
    return statement;
  }

  static String id(XapiEvent event, URI toolUrl) {
    return UUID.nameUUIDFromBytes(
            (toolUrl + "xapi/events/" + event.id()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static Map<String, Object> verb(ActivityType type) {
    return switch (type) {
      case VIEW -> verb(VIEWED, "viewed");
      case POST -> verb(ADL_COMMENTED, "commented");
      case REPLY -> verb(REPLIED, "replied");
      case RATE, ENDORSE -> verb(RATED, "rated");
      case APPLIED -> verb(ADL_SHARED, "shared");
    };
  }

  private static Map<String, Object> verb(String id, String word) {
    return Map.of("id", id, "display", Map.of("en-US", word));
  }

  private static Map<String, Object> object(XapiEvent event, URI toolUrl) {
    if (event.postId() == null) {
      return activity(cohortUrl(event, toolUrl), COMMUNITY);
    }
    String type = event.threadId() != null ? REPLY : DISCUSSION;
    return activity(postUrl(event.postId(), toolUrl), type);
  }

  private static Map<String, Object> context(XapiEvent event, URI toolUrl) {
    Map<String, Object> activities = new LinkedHashMap<>();
    if (event.threadId() != null) {
      activities.put("parent", List.of(activity(postUrl(event.threadId(), toolUrl), DISCUSSION)));
    }
    List<Map<String, Object>> grouping = new ArrayList<>();
    if (event.postId() != null) {
      grouping.add(activity(cohortUrl(event, toolUrl), COMMUNITY));
    }
    grouping.add(activity(toolUrl + "xapi/spaces/" + event.spaceId(), MODULE));
    grouping.add(activity(toolUrl + "xapi/courses/" + event.courseId(), COURSE));
    activities.put("grouping", grouping);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("platform", "PeerLoop");
    context.put("contextActivities", activities);
    return context;
  }

  private static String cohortUrl(XapiEvent event, URI toolUrl) {
    return toolUrl + "xapi/spaces/" + event.spaceId() + "/cohorts/" + event.cohortId();
  }

  private static String postUrl(long postId, URI toolUrl) {
    return toolUrl + "xapi/posts/" + postId;
  }

  private static Map<String, Object> activity(String id, String type) {
    return Map.of("objectType", "Activity", "id", id, "definition", Map.of("type", type));
  }
}
