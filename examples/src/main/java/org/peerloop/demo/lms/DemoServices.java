package org.peerloop.demo.lms;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo platform's LTI Advantage services, shaped like Moodle 4.x's where it matters: the token
 * endpoint ({@code mod/lti/token.php}: zero leeway on {@code iat}, JSON without a JSON content
 * type), Names and Roles ({@code memberships.php}: short role names, a {@code Link} header without
 * angle brackets or quotes) and the gradebook services ({@code lineitems.php}, {@code scores.php}:
 * exact content types, {@code type_id} on every URL, 409 for a score not newer than the stored
 * one). Names and Roles pages are small, so paging is exercised, and its last page offers
 * differences (NRPS 2.0 §2.5), which Moodle does not.
 */
final class DemoServices {
  static final String MEMBERSHIPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  static final List<String> GRADE_SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score");
  static final String NRPS_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  static final String LINE_ITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
  static final String TYPE_ID = "1";

  private static final Pattern ITEM = Pattern.compile("^/ags/lineitems/(\\d+)/lineitem(/scores)?$");

  private final String issuer;
  private final Supplier<ToolRegistration> tool;
  private final DemoRoster roster;
  private final DemoGradebook gradebook;
  private final DemoFaults faults;
  private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile int pageSize = 4;

  DemoServices(
      String issuer,
      Supplier<ToolRegistration> tool,
      DemoRoster roster,
      DemoGradebook gradebook,
      DemoFaults faults) {
    this.issuer = issuer;
    this.tool = tool;
    this.roster = roster;
    this.gradebook = gradebook;
    this.faults = faults;
  }

  String membershipsUrl() {
    return issuer + "/nrps/memberships";
  }

  String lineItemsUrl() {
    return issuer + "/ags/lineitems?type_id=" + TYPE_ID;
  }

  String lineItemUrl(int id) {
    return issuer + "/ags/lineitems/" + id + "/lineitem?type_id=" + TYPE_ID;
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  void pageSize(int size) {
    this.pageSize = size;
  }

  boolean route(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/token")) {
      token(exchange);
    } else if (path.equals("/nrps/memberships")) {
      memberships(exchange);
    } else if (path.equals("/ags/lineitems")) {
      lineItems(exchange);
    } else if (ITEM.matcher(path).matches()) {
      lineItemOrScore(exchange, path);
    } else {
      return false;
    }
    return true;
  }

  /** mod/lti/token.php. */
  private void token(HttpExchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    if (fault(exchange, DemoFaults.Service.TOKEN)) {
      return;
    }
    Map<String, String> p = Http.params(exchange);
    ToolRegistration registered = tool.get();
    for (String required :
        List.of("client_assertion", "client_assertion_type", "grant_type", "scope")) {
      if (p.get(required) == null || p.get(required).isBlank()) {
        tokenError(exchange, "invalid_request");
        return;
      }
    }
    if (!"client_credentials".equals(p.get("grant_type"))) {
      tokenError(exchange, "unsupported_grant_type");
      return;
    }
    JWTClaimsSet assertion =
        registered == null
            ? null
            : ToolSignatures.verify(p.get("client_assertion"), registered.jwksUri());
    Instant now = Instant.now();
    if (assertion == null
        || !registered.clientId().equals(assertion.getSubject())
        || assertion.getExpirationTime() == null
        || assertion.getExpirationTime().toInstant().isBefore(now)
        || assertion.getIssueTime() != null && assertion.getIssueTime().toInstant().isAfter(now)) {
      tokenError(exchange, "invalid_client");
      return;
    }
    Set<String> permitted = new LinkedHashSet<>(GRADE_SCOPES);
    permitted.add(MEMBERSHIPS_SCOPE);
    Set<String> granted = new LinkedHashSet<>(Arrays.asList(p.get("scope").split(" ")));
    granted.retainAll(permitted);
    if (granted.isEmpty()) {
      tokenError(exchange, "invalid_scope");
      return;
    }
    String token = DemoLms.randomId(24);
    tokens.put(token, granted);
    // Moodle writes the JSON by hand and sends no JSON content type.
    Http.send(
        exchange,
        200,
        "text/html; charset=utf-8",
        "{\"access_token\":\""
            + token
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\""
            + String.join(" ", granted)
            + "\"}");
  }

  private static void tokenError(HttpExchange exchange, String error) throws IOException {
    Http.send(exchange, 400, "text/html; charset=utf-8", "{\"error\":\"" + error + "\"}");
  }

  /** Names and Roles: pages of {@link #pageSize}, then a differences link. */
  private void memberships(HttpExchange exchange) throws IOException {
    if (!authorized(exchange, MEMBERSHIPS_SCOPE)
        || fault(exchange, DemoFaults.Service.MEMBERSHIPS)) {
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    if (accept != null && !accept.equals(NRPS_TYPE) && !accept.contains("*/*")) {
      Http.send(exchange, 400, "text/plain", "No resource found for this Accept header");
      return;
    }
    Map<String, String> p = Http.params(exchange);
    int limit = Math.max(1, intOr(p.get("limit"), pageSize));
    int from = Math.max(0, intOr(p.get("from"), 0));
    String since = p.get("since");
    List<DemoRoster.Entry> all =
        since == null ? roster.current() : roster.changedSince(Long.parseLong(since));
    long version = roster.version();
    List<DemoRoster.Entry> page =
        all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
    List<Map<String, Object>> members = new ArrayList<>();
    for (DemoRoster.Entry e : page) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", e.status());
      m.put("roles", List.of(e.role()));
      m.put("user_id", e.userId());
      m.put("lis_person_sourcedid", "");
      m.put("name", e.givenName() + " " + e.familyName());
      m.put("given_name", e.givenName());
      m.put("family_name", e.familyName());
      m.put("email", e.email());
      members.add(m);
    }
    Map<String, Object> container = new LinkedHashMap<>();
    container.put("id", membershipsUrl());
    container.put(
        "context",
        Map.of("id", DemoCourse.CONTEXT_ID, "label", DemoCourse.LABEL, "title", DemoCourse.TITLE));
    container.put("members", members);
    String base = membershipsUrl() + "?" + (since == null ? "" : "since=" + since + "&");
    if (from + limit < all.size()) {
      // Moodle's way: no angle brackets, no quotes.
      exchange
          .getResponseHeaders()
          .add("Link", base + "limit=" + limit + "&from=" + (from + limit) + ";rel=next");
    } else {
      exchange
          .getResponseHeaders()
          .add("Link", "<" + membershipsUrl() + "?since=" + version + ">; rel=\"differences\"");
    }
    Http.send(exchange, 200, NRPS_TYPE + ";charset=UTF-8", JSONObjectUtils.toJSONString(container));
  }

  /** lineitems.php: the container, filtered as AGS 2.0 §3.2.4 says; POST creates an item. */
  private void lineItems(HttpExchange exchange) throws IOException {
    if (!typeIdGiven(exchange)
        || !authorized(exchange, GRADE_SCOPES.get(0))
        || fault(exchange, DemoFaults.Service.LINE_ITEMS)) {
      return;
    }
    if ("POST".equals(exchange.getRequestMethod())) {
      if (!LINE_ITEM_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        Http.send(exchange, 400, "text/plain", "Content-Type must be " + LINE_ITEM_TYPE);
        return;
      }
      Map<String, Object> json;
      try {
        json = JSONObjectUtils.parse(Http.body(exchange));
      } catch (ParseException e) {
        Http.send(exchange, 400, "text/plain", "invalid JSON");
        return;
      }
      if (!(json.get("scoreMaximum") instanceof Number max) || json.get("label") == null) {
        Http.send(exchange, 400, "text/plain", "label and a numeric scoreMaximum are required");
        return;
      }
      DemoGradebook.LineItem item =
          gradebook.add(
              String.valueOf(json.get("label")),
              max.doubleValue(),
              string(json.get("resourceLinkId")),
              string(json.get("resourceId")),
              string(json.get("tag")));
      Http.send(exchange, 201, LINE_ITEM_TYPE + ";charset=UTF-8", itemJson(item));
      return;
    }
    Map<String, String> p = Http.params(exchange);
    List<String> items = new ArrayList<>();
    for (DemoGradebook.LineItem item : gradebook.items()) {
      boolean link =
          p.get("resource_link_id") == null
              || p.get("resource_link_id").equals(item.resourceLinkId());
      boolean tag = p.get("tag") == null || p.get("tag").equals(item.tag());
      if (link && tag) {
        items.add(itemJson(item));
      }
    }
    Http.send(
        exchange, 200, CONTAINER_TYPE + ";charset=UTF-8", "[" + String.join(",", items) + "]");
  }

  /** lineitem.php and scores.php. */
  private void lineItemOrScore(HttpExchange exchange, String path) throws IOException {
    Matcher m = ITEM.matcher(path);
    m.matches();
    boolean scores = m.group(2) != null;
    if (!typeIdGiven(exchange)
        || !authorized(exchange, scores ? GRADE_SCOPES.get(3) : GRADE_SCOPES.get(1))
        || scores && fault(exchange, DemoFaults.Service.SCORES)) {
      return;
    }
    DemoGradebook.LineItem item = gradebook.item(Integer.parseInt(m.group(1))).orElse(null);
    if (item == null) {
      Http.send(exchange, 404, "text/plain", "No such line item");
      return;
    }
    if (!scores) {
      Http.send(exchange, 200, LINE_ITEM_TYPE + ";charset=UTF-8", itemJson(item));
      return;
    }
    if (!"POST".equals(exchange.getRequestMethod())
        || !SCORE_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      Http.send(exchange, 400, "text/plain", "POST a " + SCORE_TYPE);
      return;
    }
    Map<String, Object> json;
    Instant timestamp;
    try {
      json = JSONObjectUtils.parse(Http.body(exchange));
      timestamp = Instant.parse(String.valueOf(json.get("timestamp")));
    } catch (ParseException | DateTimeParseException e) {
      Http.send(exchange, 400, "text/plain", "invalid score");
      return;
    }
    String userId = string(json.get("userId"));
    if (userId == null
        || json.get("gradingProgress") == null
        || json.get("activityProgress") == null) {
      Http.send(exchange, 400, "text/plain", "userId, timestamp and progress are required");
      return;
    }
    if (!roster.isEnrolled(userId) || !gradebook.isGradable(userId)) {
      Http.send(exchange, 400, "text/plain", "Incorrect score received");
      return;
    }
    boolean graded = "FullyGraded".equals(json.get("gradingProgress"));
    DemoGradebook.Score score =
        new DemoGradebook.Score(
            userId,
            graded && json.get("scoreGiven") instanceof Number n ? n.doubleValue() : null,
            json.get("scoreMaximum") instanceof Number max ? max.doubleValue() : 1,
            String.valueOf(json.get("activityProgress")),
            String.valueOf(json.get("gradingProgress")),
            timestamp);
    if (!gradebook.record(item.id(), score)) {
      Http.send(exchange, 409, "text/plain", "Refusing score with an earlier timestamp");
      return;
    }
    Http.send(exchange, 200, "text/plain", "");
  }

  private String itemJson(DemoGradebook.LineItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", lineItemUrl(item.id()));
    json.put("label", item.label());
    json.put("scoreMaximum", item.scoreMaximum());
    json.put("resourceId", item.resourceId());
    json.put("tag", item.tag());
    json.put("resourceLinkId", item.resourceLinkId());
    return JSONObjectUtils.toJSONString(json);
  }

  private boolean authorized(HttpExchange exchange, String scope) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    Set<String> granted =
        header != null && header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    if (granted == null || !granted.contains(scope)) {
      Http.send(exchange, 401, "text/plain", "Unauthorized");
      return false;
    }
    return true;
  }

  /** Moodle treats a call without {@code type_id} as LTI 2 and refuses it. */
  private static boolean typeIdGiven(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null || !("&" + query).contains("&type_id=" + TYPE_ID)) {
      Http.send(exchange, 400, "text/plain", "type_id is required");
      return false;
    }
    return true;
  }

  private boolean fault(HttpExchange exchange, DemoFaults.Service service) throws IOException {
    return faults.play(exchange, service);
  }

  private static int intOr(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
