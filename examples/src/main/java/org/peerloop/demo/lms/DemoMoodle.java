package org.peerloop.demo.lms;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.peerloop.moodle.webhook.WebhookSignature;

/**
 * The demo LMS as a Moodle site beyond LTI: the web services the Moodle bridge calls ({@code
 * webservice/rest/server.php}, answering as Moodle 4.5 does, errors with HTTP 200 included) and the
 * completion events the {@code local_peerloop} plugin sends, signed the same way. Each course has a
 * quiz (automatic completion), an action plan inside a 4.5 subsection (manual completion), its
 * PeerLoop activities, and two groups.
 */
public final class DemoMoodle {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Completion states as Moodle keeps them (lib/completionlib.php). */
  static final int COMPLETE = 1;

  private final String site;
  private final Supplier<List<DemoCourse.Link>> links;
  private final String token = "demo-ws-" + HexFormat.of().formatHex(bytes(16));
  private final Map<String, Integer> states = new ConcurrentHashMap<>();
  private volatile URI peerloop;
  private volatile String secret;

  /** A completion event as sent, and PeerLoop's answer. */
  public record Sent(String body, long timestamp, String signature, int status, String answer) {}

  DemoMoodle(String site, Supplier<List<DemoCourse.Link>> links) {
    this.site = site;
    this.links = links;
  }

  /** The web service token of the bridge's user. */
  public String token() {
    return token;
  }

  /** Where the plugin sends events and the secret it signs them with (its two settings). */
  public void usePeerLoop(URI toolBase, String webhookSecret) {
    this.peerloop = toolBase;
    this.secret = webhookSecret;
  }

  public static long quiz(String contextId) {
    return Long.parseLong(contextId) * 100 + 2;
  }

  public static long actionPlan(String contextId) {
    return Long.parseLong(contextId) * 100 + 4;
  }

  /**
   * A learner completes an activity. With {@code notify} the plugin sends the event (and, when the
   * course is then complete, the course's); without, nothing is sent, as when a bulk grade import
   * completes activities, and only the bridge's backstop can find it.
   *
   * @return the events sent
   */
  public List<Sent> complete(String contextId, String userId, long cmid, boolean notify) {
    states.put(contextId + "|" + userId + "|" + cmid, COMPLETE);
    List<Sent> sent = new ArrayList<>();
    if (!notify) {
      return sent;
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", UUID.randomUUID().toString());
    event.put("site", site);
    event.put("event", "\\core\\event\\course_module_completion_updated");
    event.put("courseid", Long.parseLong(contextId));
    event.put("cmid", cmid);
    event.put("userid", Long.parseLong(userId));
    event.put("completionstate", COMPLETE);
    event.put("overallcomplete", true);
    event.put("timecreated", Instant.now().getEpochSecond());
    sent.add(send(JSONObjectUtils.toJSONString(event)));
    if (courseCompleted(contextId, userId)) {
      Map<String, Object> course = new LinkedHashMap<>();
      course.put("id", UUID.randomUUID().toString());
      course.put("site", site);
      course.put("event", "\\core\\event\\course_completed");
      course.put("courseid", Long.parseLong(contextId));
      course.put("userid", Long.parseLong(userId));
      course.put("timecreated", Instant.now().getEpochSecond());
      sent.add(send(JSONObjectUtils.toJSONString(course)));
    }
    return sent;
  }

  /** Sends a body as the plugin's task does: signed now, POSTed to PeerLoop's /moodle/events. */
  public Sent send(String body) {
    return sendSignedAt(body, Instant.now().getEpochSecond());
  }

  /** Sends a body signed with the plugin's secret as of another time (a clock off, a replay). */
  public Sent sendSignedAt(String body, long timestamp) {
    String signature =
        WebhookSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    return send(body, timestamp, signature);
  }

  /** Sends a body with the headers given, whatever they are (for replays and forgeries). */
  public Sent send(String body, long timestamp, String signature) {
    if (peerloop == null) {
      throw new IllegalStateException("The plugin has no PeerLoop URL yet");
    }
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(peerloop.resolve("moodle/events"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .header(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp))
                  .header(WebhookSignature.SIGNATURE_HEADER, signature)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Sent(body, timestamp, signature, answer.statusCode(), answer.body());
    } catch (IOException e) {
      return new Sent(body, timestamp, signature, 0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(body, timestamp, signature, 0, "interrupted");
    }
  }

  /** Serves {@code /webservice/rest/server.php}; false for any other path. */
  boolean route(HttpExchange exchange, String path) throws IOException {
    if (!path.equals("/webservice/rest/server.php")) {
      return false;
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      Http.send(exchange, 405, "text/plain", "POST only");
      return true;
    }
    Map<String, String> form = Http.params(exchange);
    if (!"json".equals(form.get("moodlewsrestformat"))) {
      Http.send(exchange, 200, "application/xml", "<?xml version=\"1.0\"?><RESPONSE/>");
      return true;
    }
    Http.json(exchange, 200, answer(form));
    return true;
  }

  private String answer(Map<String, String> form) {
    if (!token.equals(form.get("wstoken"))) {
      return error("moodle_exception", "invalidtoken", "Invalid token - token not found");
    }
    String function = form.getOrDefault("wsfunction", "");
    String course = form.get("courseid");
    if (course != null && DemoCourse.context(course).isEmpty()) {
      return error(
          "dml_missing_record_exception",
          "invalidrecord",
          "Can't find data record in database table course.");
    }
    return switch (function) {
      case "core_webservice_get_site_info" -> siteInfo();
      case "core_course_get_contents" -> list(contents(course));
      case "core_course_get_course_module_by_instance" -> moduleByInstance(form);
      case "core_completion_get_activities_completion_status" ->
          activities(course, form.get("userid"));
      case "core_completion_get_course_completion_status" ->
          courseCompletion(course, form.get("userid"));
      case "core_enrol_get_enrolled_users" -> enrolled(form);
      case "core_group_get_course_groups" -> list(groups(course));
      case "core_group_get_group_members" -> groupMembers(form);
      default ->
          error(
              "dml_missing_record_exception",
              "invalidrecord",
              "Can't find data record in database table external_functions.");
    };
  }

  private String siteInfo() {
    List<Object> functions = new ArrayList<>();
    for (String f :
        List.of(
            "core_webservice_get_site_info",
            "core_course_get_contents",
            "core_course_get_course_module_by_instance",
            "core_completion_get_activities_completion_status",
            "core_completion_get_course_completion_status",
            "core_enrol_get_enrolled_users",
            "core_group_get_course_groups",
            "core_group_get_group_members")) {
      functions.add(Map.of("name", f, "version", "2024100701"));
    }
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sitename", "Demo LMS");
    info.put("username", "peerloop_ws");
    info.put("fullname", "PeerLoop Service");
    info.put("userid", 99);
    info.put("siteurl", site);
    info.put("functions", functions);
    info.put("release", "4.5.1 (Build: 20241209)");
    info.put("version", "2024100701");
    return JSONObjectUtils.toJSONString(info);
  }

  private List<Object> contents(String contextId) {
    long c = Long.parseLong(contextId);
    List<Object> sections = new ArrayList<>();
    sections.add(
        section(
            c * 10,
            0,
            "General",
            null,
            null,
            List.of(module(c * 100 + 1, "Announcements", "forum", 1, 0))));
    sections.add(
        section(
            c * 10 + 1,
            1,
            "Week 1: The change model",
            null,
            null,
            List.of(
                module(quiz(contextId), "Change model quiz", "quiz", c * 10 + 4, 2),
                module(c * 100 + 3, "Practice", "subsection", c * 10 + 9, 0))));
    List<Object> tools = new ArrayList<>();
    int i = 0;
    for (DemoCourse.Link link : links.get()) {
      String instance = link.idIn(contextId);
      // Moodle's lti instance ids are numbers; the demo's ids of links in other courses are not.
      if (DemoCourse.shows(DemoCourse.context(contextId).orElseThrow(), link)
          && instance.matches("[0-9]+")) {
        tools.add(module(c * 100 + 10 + i++, link.title(), "lti", Long.parseLong(instance), 0));
      }
    }
    sections.add(section(c * 10 + 2, 2, "After the course", null, null, tools));
    sections.add(
        section(
            c * 10 + 3,
            3,
            "Practice",
            "mod_subsection",
            c * 10 + 9,
            List.of(module(actionPlan(contextId), "Action plan", "assign", c * 10 + 5, 1))));
    return sections;
  }

  private static Map<String, Object> section(
      long id, int number, String name, String component, Long itemId, List<Object> modules) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    s.put("name", name);
    s.put("visible", 1);
    s.put("summary", "");
    s.put("summaryformat", 1);
    s.put("section", number);
    s.put("hiddenbynumsections", 0);
    s.put("uservisible", true);
    s.put("component", component);
    s.put("itemid", itemId);
    s.put("modules", modules);
    return s;
  }

  private Map<String, Object> module(
      long cmid, String name, String modname, long instance, int completion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", cmid);
    m.put("url", site + "/mod/" + modname + "/view.php?id=" + cmid);
    m.put("name", name);
    m.put("instance", instance);
    m.put("visible", 1);
    m.put("uservisible", true);
    m.put("modicon", site + "/theme/image.php/boost/" + modname + "/1/monologo");
    m.put("modname", modname);
    m.put("modplural", modname + "s");
    m.put("indent", 0);
    m.put("completion", completion);
    m.put("dates", List.of());
    return m;
  }

  private String moduleByInstance(Map<String, String> form) {
    String module = form.getOrDefault("module", "");
    String instance = form.getOrDefault("instance", "");
    for (DemoCourse.Context context : DemoCourse.CONTEXTS) {
      for (Object s : contents(context.id())) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> modules =
            (List<Map<String, Object>>) ((Map<?, ?>) s).get("modules");
        for (Map<String, Object> m : modules) {
          if (module.equals(m.get("modname"))
              && instance.equals(String.valueOf(m.get("instance")))) {
            Map<String, Object> cm = new LinkedHashMap<>(m);
            cm.put("course", Long.parseLong(context.id()));
            cm.put("section", ((Map<?, ?>) s).get("id"));
            return JSONObjectUtils.toJSONString(Map.of("cm", cm, "warnings", List.of()));
          }
        }
      }
    }
    return error(
        "dml_missing_record_exception",
        "invalidrecord",
        "Can't find data record in database table course_modules.");
  }

  private String activities(String contextId, String userId) {
    List<Object> statuses = new ArrayList<>();
    for (long cmid : List.of(quiz(contextId), actionPlan(contextId))) {
      int state = states.getOrDefault(contextId + "|" + userId + "|" + cmid, 0);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("cmid", cmid);
      s.put("modname", cmid == quiz(contextId) ? "quiz" : "assign");
      s.put("instance", cmid);
      s.put("state", state);
      s.put("timecompleted", state == 0 ? 0 : Instant.now().getEpochSecond());
      s.put("tracking", cmid == quiz(contextId) ? 2 : 1);
      s.put("overrideby", null);
      s.put("valueused", false);
      s.put("hascompletion", true);
      s.put("isautomatic", cmid == quiz(contextId));
      s.put("istrackeduser", true);
      s.put("uservisible", true);
      s.put("details", List.of());
      s.put("isoverallcomplete", state == COMPLETE);
      statuses.add(s);
    }
    return JSONObjectUtils.toJSONString(Map.of("statuses", statuses, "warnings", List.of()));
  }

  private boolean courseCompleted(String contextId, String userId) {
    return states.containsKey(contextId + "|" + userId + "|" + quiz(contextId))
        && states.containsKey(contextId + "|" + userId + "|" + actionPlan(contextId));
  }

  private String courseCompletion(String contextId, String userId) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("completed", courseCompleted(contextId, userId));
    status.put("aggregation", 1);
    status.put("completions", List.of());
    return JSONObjectUtils.toJSONString(Map.of("completionstatus", status, "warnings", List.of()));
  }

  private String enrolled(Map<String, String> form) {
    int from = 0;
    int limit = Integer.MAX_VALUE;
    for (int i = 0; form.containsKey("options[" + i + "][name]"); i++) {
      String value = form.getOrDefault("options[" + i + "][value]", "0");
      switch (form.get("options[" + i + "][name]")) {
        case "limitfrom" -> from = Integer.parseInt(value);
        case "limitnumber" -> limit = Integer.parseInt(value);
        default -> {}
      }
    }
    List<Object> users = new ArrayList<>();
    List<DemoCourse.User> all = DemoCourse.USERS;
    for (int i = from; i < all.size() && users.size() < limit; i++) {
      DemoCourse.User u = all.get(i);
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("id", Long.parseLong(u.id()));
      user.put("fullname", u.name());
      user.put("email", u.email());
      user.put(
          "roles",
          List.of(
              Map.of(
                  "roleid",
                  5,
                  "name",
                  "",
                  "shortname",
                  "Learner".equals(u.role()) ? "student" : "editingteacher",
                  "sortorder",
                  0)));
      users.add(user);
    }
    return list(users);
  }

  private static List<Object> groups(String contextId) {
    long c = Long.parseLong(contextId);
    return List.of(
        Map.of(
            "id",
            c * 10 + 1,
            "courseid",
            c,
            "name",
            "Night shift",
            "description",
            "",
            "descriptionformat",
            1,
            "idnumber",
            "NIGHT"),
        Map.of(
            "id",
            c * 10 + 2,
            "courseid",
            c,
            "name",
            "Day shift",
            "description",
            "",
            "descriptionformat",
            1,
            "idnumber",
            ""));
  }

  private String groupMembers(Map<String, String> form) {
    List<Object> answer = new ArrayList<>();
    for (int i = 0; form.containsKey("groupids[" + i + "]"); i++) {
      long group = Long.parseLong(form.get("groupids[" + i + "]"));
      answer.add(Map.of("groupid", group, "userids", membersOf(group)));
    }
    return list(answer);
  }

  /** The course's night shift (group id ending in 1) and day shift (ending in 2). */
  private static List<Long> membersOf(long group) {
    return group % 10 == 1 ? List.of(2L, 3L, 4L, 6L) : List.of(7L, 8L, 9L, 10L, 11L);
  }

  /**
   * What Moodle substitutes for {@code $Moodle.Person.userGroupIds} in a launch: the ids of the
   * person's groups in the course, comma-separated, empty for none (mod/lti/locallib.php).
   */
  static String userGroupIds(String contextId, String userId) {
    long course;
    long user;
    try {
      course = Long.parseLong(contextId);
      user = Long.parseLong(userId);
    } catch (NumberFormatException e) {
      return "";
    }
    List<String> ids = new ArrayList<>();
    for (long group : List.of(course * 10 + 1, course * 10 + 2)) {
      if (membersOf(group).contains(user)) {
        ids.add(String.valueOf(group));
      }
    }
    return String.join(",", ids);
  }

  private static String list(List<Object> items) {
    return JSONArrayUtils.toJSONString(items);
  }

  private static String error(String exception, String code, String message) {
    return JSONObjectUtils.toJSONString(
        Map.of("exception", exception, "errorcode", code, "message", message));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
