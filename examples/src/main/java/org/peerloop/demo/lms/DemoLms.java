package org.peerloop.demo.lms;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The demo LTI 1.3 platform (see the package description). */
public final class DemoLms {
  /** Moodle gives id_tokens 60 seconds (mod/lti/locallib.php, lti_sign_jwt). */
  static final Duration TOKEN_LIFETIME = Duration.ofSeconds(60);

  static final Duration LAUNCH_LIFETIME = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI url;
  private final String issuer;
  private final PlatformKey key;
  private final Path registrationFile;
  private final HttpServer server;
  private final Map<String, PendingLaunch> launches = new ConcurrentHashMap<>();
  private final Set<String> usedRegistrationTokens = ConcurrentHashMap.newKeySet();
  private volatile ToolRegistration tool;
  private volatile boolean offersPlatformStorage = true;
  private final DemoRoster roster = new DemoRoster();
  private final DemoGradebook gradebook = new DemoGradebook();
  private final DemoFaults faults = new DemoFaults();
  private final Map<String, DemoCourse.User> addedUsers = new ConcurrentHashMap<>();
  private final DemoServices services;
  private final Map<String, DemoCourse.Link> placedLinks = new ConcurrentHashMap<>();
  private final Set<String> deepLinkingData = ConcurrentHashMap.newKeySet();
  private final String sesskey = randomId(8);
  private final Set<String> withoutNamesAndRoles = ConcurrentHashMap.newKeySet();
  private volatile JWTClaimsSet lastDeepLinkingResponse;
  private final DemoLrs lrs = new DemoLrs("peerloop", "demo-lrs-" + randomId(16));
  private final DemoMoodle moodle;

  private record PendingLaunch(
      String userId, String linkId, String contextId, boolean deepLinking, Instant expires) {}

  private DemoLms(int port, String host, Path folder) throws IOException {
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    int actualPort = server.getAddress().getPort();
    this.url = URI.create("http://" + host + ":" + actualPort + "/");
    this.issuer = "http://" + host + ":" + actualPort;
    this.key = PlatformKey.loadOrCreate(folder);
    this.registrationFile = folder == null ? null : folder.resolve("registration.json");
    this.tool = ToolRegistration.load(registrationFile);
    this.services = new DemoServices(issuer, () -> tool, roster, gradebook, faults);
    this.moodle = new DemoMoodle(issuer, this::allLinks);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::route);
  }

  /**
   * Starts the platform on loopback.
   *
   * @param port the port, or 0 for any free one
   * @param host the host name pages use for it; another name than the tool's makes the tool's
   *     iframe cross-site, as in production
   * @param folder where the key and the registration are kept, or {@code null} for memory only
   */
  public static DemoLms start(int port, String host, Path folder) throws IOException {
    DemoLms lms = new DemoLms(port, host, folder);
    lms.server.start();
    return lms;
  }

  public void stop() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  public URI url() {
    return url;
  }

  public String issuer() {
    return issuer;
  }

  public PlatformKey key() {
    return key;
  }

  public ToolRegistration registration() {
    return tool;
  }

  /** The course roster its Names and Roles service reports. */
  public DemoRoster roster() {
    return roster;
  }

  public DemoGradebook gradebook() {
    return gradebook;
  }

  /** The institution's learning record store, at {@link #lrsEndpoint()}. */
  public DemoLrs lrs() {
    return lrs;
  }

  public URI lrsEndpoint() {
    return url.resolve(DemoLrs.PATH);
  }

  /** Failures the services answer with next. */
  /** The LMS as a Moodle site: web services and the completion plugin. */
  public DemoMoodle moodle() {
    return moodle;
  }

  /**
   * Adds a learner whose profile holds whatever an LMS lets people type into their names (the
   * security tests give them hostile ones); they can launch like the demo's own people.
   */
  public DemoCourse.User addLearner(String id, String givenName, String familyName) {
    DemoCourse.User learner =
        new DemoCourse.User(
            id, givenName, familyName, id + "@example.edu", "Learner", DemoCourse.LEARNER, "en");
    addedUsers.put(id, learner);
    return learner;
  }

  /** Adds one of the LMS's administrators (LIS institution role Administrator). */
  public DemoCourse.User addAdministrator(String id, String givenName, String familyName) {
    DemoCourse.User admin =
        new DemoCourse.User(
            id,
            givenName,
            familyName,
            id + "@example.edu",
            "Administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
            "en");
    addedUsers.put(id, admin);
    return admin;
  }

  private Optional<DemoCourse.User> user(String id) {
    DemoCourse.User added = addedUsers.get(id);
    return added != null ? Optional.of(added) : DemoCourse.user(id);
  }

  public DemoFaults faults() {
    return faults;
  }

  /** How many access tokens the tool asked for. */
  public int tokenRequests() {
    return services.tokenRequests();
  }

  /** Members per Names and Roles page (Canvas uses 50, Moodle what the tool asks for). */
  public void membershipsPageSize(int size) {
    services.pageSize(size);
  }

  /**
   * Whether launches in a course offer the Names and Roles service (an LMS administrator can turn
   * it off per tool; tests use it to keep a course's cohorts to the people who launched).
   */
  public void offerNamesAndRoles(String contextId, boolean offer) {
    if (offer) {
      withoutNamesAndRoles.remove(contextId);
    } else {
      withoutNamesAndRoles.add(contextId);
    }
  }

  /** The links PeerLoop placed in the course with Deep Linking, by id. */
  public Map<String, DemoCourse.Link> placedLinks() {
    return Map.copyOf(placedLinks);
  }

  /** The claims of the last deep linking response the platform accepted. */
  public JWTClaimsSet lastDeepLinkingResponse() {
    return lastDeepLinkingResponse;
  }

  /** A demo link or one placed by Deep Linking. */
  Optional<DemoCourse.Link> link(String id) {
    return DemoCourse.link(id).or(() -> Optional.ofNullable(placedLinks.get(id)));
  }

  /** Whether launches offer LTI Platform Storage (Moodle does not; Canvas and others do). */
  public void offerPlatformStorage(boolean offer) {
    this.offersPlatformStorage = offer;
  }

  /**
   * Registers PeerLoop the way Moodle's "Register a tool" does: a registration token signed with
   * the platform key, then the tool's registration URL with the OpenID configuration URL.
   *
   * @return the HTTP status of the tool's registration page
   */
  public int registerWith(URI toolRegistrationUrl) throws IOException, InterruptedException {
    return startRegistration(toolRegistrationUrl, randomId(12), "reg").statusCode();
  }

  /**
   * Updates the tool's registration as Moodle's *Update* does: a registration token with the scope
   * {@code reg-update} naming the tool it registered (Moodle names its type id; this LMS, whose
   * client ids are its tokens' subjects, the client id), so the registration endpoint answers the
   * same client id with the values as they are now (mod/lti/classes/local/ltiopenid/
   * registration_helper.php, validate_registration_token).
   *
   * @return the tool's registration page
   */
  public HttpResponse<String> updateRegistrationWith(URI toolRegistrationUrl)
      throws IOException, InterruptedException {
    return startRegistration(toolRegistrationUrl, registration().clientId(), "reg-update");
  }

  private HttpResponse<String> startRegistration(
      URI toolRegistrationUrl, String clientId, String scope)
      throws IOException, InterruptedException {
    Instant now = Instant.now();
    String token =
        key.sign(
            new JWTClaimsSet.Builder()
                .subject(clientId)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build());
    URI start =
        URI.create(
            toolRegistrationUrl
                + "?openid_configuration="
                + encode(issuer + "/.well-known/openid-configuration")
                + "&registration_token="
                + encode(token));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(start).timeout(Duration.ofSeconds(30)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void route(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (services.route(exchange, path)
          || lrs.route(exchange, path)
          || moodle.route(exchange, path)) {
        return;
      }
      switch (path) {
        case "/", "/course" -> coursePage(exchange);
        case "/launch" -> initiateLogin(exchange);
        case "/auth" -> authenticate(exchange);
        case "/certs" -> {
          if (!faults.play(exchange, DemoFaults.Service.KEYS)) {
            Http.json(exchange, 200, key.publicJwks());
          }
        }
        case "/.well-known/openid-configuration" -> Http.json(exchange, 200, openidConfiguration());
        case "/register" -> registerTool(exchange);
        case "/deep-return" -> deepLinkingReturn(exchange);
        case "/complete" -> completeActivity(exchange);
        case "/lms.js", "/lms.css" -> staticFile(exchange, path.substring(1));
        default -> Http.send(exchange, 404, "text/plain", "Not found");
      }
    } catch (RuntimeException e) {
      Http.send(exchange, 500, "text/plain", "Demo LMS error: " + e.getMessage());
    } finally {
      exchange.close();
    }
  }

  /** Every PeerLoop link of the site: the demo's own and those placed by deep linking. */
  private List<DemoCourse.Link> allLinks() {
    List<DemoCourse.Link> links = new ArrayList<>(DemoCourse.LINKS);
    placedLinks.values().stream()
        .sorted(Comparator.comparing(DemoCourse.Link::id))
        .forEach(links::add);
    return links;
  }

  /** A learner marks an activity complete; the plugin tells PeerLoop, as in Moodle. */
  private void completeActivity(HttpExchange exchange) throws IOException {
    Map<String, String> params = Http.params(exchange);
    DemoCourse.User user = user(params.getOrDefault("user", "")).orElse(null);
    DemoCourse.Context context = DemoCourse.context(params.getOrDefault("course", "")).orElse(null);
    if (!"POST".equals(exchange.getRequestMethod()) || user == null || context == null) {
      Http.send(exchange, 400, "text/plain", "POST user, course and cmid");
      return;
    }
    long cmid;
    try {
      cmid = Long.parseLong(params.getOrDefault("cmid", ""));
    } catch (NumberFormatException e) {
      Http.send(exchange, 400, "text/plain", "cmid must be a number");
      return;
    }
    moodle.complete(context.id(), user.id(), cmid, true);
    exchange
        .getResponseHeaders()
        .set("Location", "/course?user=" + user.id() + "&course=" + context.id());
    exchange.sendResponseHeaders(303, -1);
  }

  private void coursePage(HttpExchange exchange) throws IOException {
    Map<String, String> params = Http.params(exchange);
    DemoCourse.User user = user(params.getOrDefault("user", "")).orElse(null);
    String open = params.get("open");
    DemoCourse.Context context =
        DemoCourse.context(params.getOrDefault("course", "")).orElse(DemoCourse.CONTEXTS.get(0));
    List<DemoCourse.Link> links = new ArrayList<>();
    DemoCourse.LINKS.forEach(links::add);
    placedLinks.values().stream()
        .sorted(Comparator.comparing(DemoCourse.Link::id))
        .forEach(links::add);
    links.removeIf(l -> !DemoCourse.shows(context, l));
    Http.html(
        exchange,
        200,
        LmsPages.course(tool, user, context, links, open, params.containsKey("deep")));
  }

  /** Moodle's lti_initiate_login(): an auto-submitted form POST to the tool's login URL. */
  private void initiateLogin(HttpExchange exchange) throws IOException {
    Map<String, String> params = Http.params(exchange);
    ToolRegistration registered = tool;
    DemoCourse.User user = user(params.getOrDefault("user", "")).orElse(null);
    boolean deepLinking = params.containsKey("deep");
    DemoCourse.Link link = link(params.getOrDefault("link", "")).orElse(null);
    String context =
        DemoCourse.context(params.getOrDefault("course", ""))
            .map(DemoCourse.Context::id)
            .orElse(DemoCourse.CONTEXT_ID);
    if (registered == null || user == null || (link == null && !deepLinking)) {
      Http.html(exchange, 400, "<p>Unknown user or link, or PeerLoop is not registered yet.</p>");
      return;
    }
    String launchId = randomId(16);
    launches.put(
        launchId,
        new PendingLaunch(
            user.id(),
            deepLinking ? null : link.id(),
            context,
            deepLinking,
            Instant.now().plus(LAUNCH_LIFETIME)));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("iss", issuer);
    form.put(
        "target_link_uri",
        deepLinking ? registered.deepLinkingTargetLinkUri() : registered.targetLinkUri());
    form.put("login_hint", user.id());
    form.put("lti_message_hint", "{\"launchid\":\"" + launchId + "\"}");
    form.put("client_id", registered.clientId());
    form.put("lti_deployment_id", registered.deploymentId());
    boolean storage = offersPlatformStorage && !"off".equals(params.get("storage"));
    if (storage) {
      form.put("lti_storage_target", "_parent");
    }
    Http.html(exchange, 200, Http.autoPost(registered.initiateLoginUri(), form));
  }

  /** Moodle's mod/lti/auth.php: checks the authentication request, answers with the id_token. */
  private void authenticate(HttpExchange exchange) throws IOException {
    Map<String, String> p = Http.params(exchange);
    ToolRegistration registered = tool;
    String redirect = p.getOrDefault("redirect_uri", "").strip();
    if (registered == null || !registered.redirectUris().contains(redirect)) {
      Http.send(exchange, 400, "text/plain", "invalid_request: unregistered redirect_uri");
      return;
    }
    String error = authenticationError(p, registered);
    PendingLaunch launch = error == null ? launches.remove(launchId(p)) : null;
    if (error == null && (launch == null || launch.expires().isBefore(Instant.now()))) {
      error = "invalid_request";
    }
    if (error == null && !launch.userId().equals(p.get("login_hint"))) {
      error = "access_denied";
    }
    Map<String, String> form = new LinkedHashMap<>();
    if (error != null) {
      form.put("error", error);
      form.put("error_description", "The demo LMS refused the authentication request");
    } else {
      DemoCourse.User user = user(launch.userId()).orElseThrow();
      form.put(
          "id_token",
          idToken(
              user,
              launch.linkId(),
              launch.contextId(),
              launch.deepLinking(),
              p.get("nonce"),
              Instant.now()));
    }
    if (p.containsKey("state")) {
      form.put("state", p.get("state"));
    }
    Http.html(exchange, 200, Http.autoPost(redirect, form));
  }

  private static String authenticationError(Map<String, String> p, ToolRegistration registered) {
    if (!"openid".equals(p.get("scope"))) {
      return "invalid_scope";
    }
    if (!"id_token".equals(p.get("response_type"))) {
      return "unsupported_response_type";
    }
    if (!registered.clientId().equals(p.get("client_id"))) {
      return "unauthorized_client";
    }
    if (!"form_post".equals(p.get("response_mode"))) {
      return "invalid_request";
    }
    if (p.containsKey("prompt") && !"none".equals(p.get("prompt"))) {
      return "invalid_request";
    }
    if (isBlank(p.get("nonce")) || isBlank(p.get("login_hint"))) {
      return "invalid_request";
    }
    return null;
  }

  private static String launchId(Map<String, String> p) {
    try {
      return JSONObjectUtils.getString(
          JSONObjectUtils.parse(p.getOrDefault("lti_message_hint", "{}")), "launchid");
    } catch (ParseException e) {
      return "";
    }
  }

  /**
   * An id_token as Moodle 4.x signs it: plain-string audience, 60 seconds of life, the short
   * context type, names and e-mail only when the registration asked for them.
   */
  public String idToken(
      DemoCourse.User user, String linkId, boolean deepLinking, String nonce, Instant now) {
    return idToken(user, linkId, DemoCourse.CONTEXT_ID, deepLinking, nonce, now);
  }

  /**
   * An id_token in one of the demo's courses ({@link DemoCourse#CONTEXTS}). In a copied course,
   * links keep their custom parameters but get their own ids, as in a Moodle course copy.
   */
  public String idToken(
      DemoCourse.User user,
      String linkId,
      String contextId,
      boolean deepLinking,
      String nonce,
      Instant now) {
    DemoCourse.Context context = DemoCourse.context(contextId).orElseThrow();
    ToolRegistration registered = tool;
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(registered.clientId())
            .subject(user.id())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
            .claim("nonce", nonce);
    List<String> shared = registered.claims() == null ? List.of() : registered.claims();
    if (shared.contains("name")) {
      claims.claim("name", user.name());
    }
    if (shared.contains("given_name")) {
      claims.claim("given_name", user.givenName());
    }
    if (shared.contains("family_name")) {
      claims.claim("family_name", user.familyName());
    }
    if (shared.contains("email")) {
      claims.claim("email", user.email());
    }
    String lti = "https://purl.imsglobal.org/spec/lti/claim/";
    claims
        .claim(lti + "deployment_id", registered.deploymentId())
        .claim(lti + "version", "1.3.0")
        .claim(lti + "roles", List.of(user.roleUri()))
        .claim(
            lti + "context",
            Map.of(
                "id",
                context.id(),
                "label",
                context.label(),
                "title",
                context.title(),
                "type",
                List.of("CourseSection")))
        .claim(
            lti + "launch_presentation",
            Map.of(
                "locale",
                user.language(),
                "document_target",
                "iframe",
                "return_url",
                url + "course?user=" + user.id()))
        .claim(
            lti + "tool_platform",
            Map.of(
                "product_family_code", "peerloop-demo-lms",
                "version", "1.0",
                "guid", issuer,
                "name", "PeerLoop demo LMS"));
    if (!withoutNamesAndRoles.contains(contextId)) {
      claims.claim(
          "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
          Map.of(
              "context_memberships_url",
              services.membershipsUrl(),
              "service_versions",
              List.of("1.0", "2.0")));
    }
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("context_id_history", context.copiedFrom() == null ? "" : context.copiedFrom());
    custom.put("moodle_group_ids", DemoMoodle.userGroupIds(contextId, user.id()));
    if (deepLinking) {
      String data = "demo-" + randomId(8);
      deepLinkingData.add(data);
      claims.claim(lti + "custom", custom);
      claims
          .claim(lti + "message_type", "LtiDeepLinkingRequest")
          .claim(lti + "target_link_uri", registered.deepLinkingTargetLinkUri())
          .claim(
              "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
              Map.of(
                  "deep_link_return_url",
                  issuer
                      + "/deep-return?course="
                      + contextId
                      + "&id="
                      + registered.deploymentId()
                      + "&sesskey="
                      + sesskey,
                  "data",
                  data,
                  "accept_types",
                  List.of("ltiResourceLink"),
                  "accept_presentation_document_targets",
                  List.of("frame", "iframe", "window"),
                  "accept_multiple",
                  true,
                  "auto_create",
                  false));
    } else {
      DemoCourse.Link link = link(linkId).orElseThrow();
      custom.putAll(link.custom());
      String ltiLinkId = link.idIn(contextId);
      Map<String, Object> grades = new LinkedHashMap<>();
      grades.put("scope", DemoServices.GRADE_SCOPES);
      grades.put("lineitems", services.lineItemsUrl());
      gradebook
          .itemOf(ltiLinkId)
          .ifPresent(i -> grades.put("lineitem", services.lineItemUrl(i.id())));
      claims
          .claim(lti + "custom", custom)
          .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", grades)
          .claim(lti + "message_type", "LtiResourceLinkRequest")
          .claim(lti + "target_link_uri", registered.targetLinkUri())
          .claim(
              lti + "resource_link",
              Map.of("id", ltiLinkId, "title", link.title(), "description", link.description()));
    }
    return key.sign(claims.build());
  }

  /**
   * Moodle's mod/lti/contentitem_return.php: the query string must come back unchanged (course, id,
   * sesskey), the form field {@code JWT} must be signed by the tool's key with {@code iss} its
   * client id. Beyond Moodle, the audience, deployment and echoed {@code data} are checked too.
   * Each resource link item becomes an activity; one with a {@code lineItem} gets a grade column.
   */
  private void deepLinkingReturn(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, String> p = Http.params(exchange);
    ToolRegistration registered = tool;
    if (query == null
        || !sesskey.equals(p.get("sesskey"))
        || DemoCourse.context(p.getOrDefault("course", "")).isEmpty()
        || registered == null
        || !registered.deploymentId().equals(p.get("id"))) {
      Http.send(exchange, 400, "text/plain", "invalidsesskey");
      return;
    }
    JWTClaimsSet response =
        p.get("JWT") == null ? null : ToolSignatures.verify(p.get("JWT"), registered.jwksUri());
    if (response == null || !registered.clientId().equals(response.getIssuer())) {
      Http.send(exchange, 400, "text/plain", "errorincorrectconsumerkey");
      return;
    }
    String dl = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    String lti = "https://purl.imsglobal.org/spec/lti/claim/";
    Object data = response.getClaim(dl + "data");
    if (!response.getAudience().contains(issuer)
        || !"LtiDeepLinkingResponse".equals(response.getClaim(lti + "message_type"))
        || !registered.deploymentId().equals(response.getClaim(lti + "deployment_id"))
        || !(data instanceof String d && deepLinkingData.remove(d))) {
      Http.send(exchange, 400, "text/plain", "invalid deep linking response");
      return;
    }
    List<String> added = new ArrayList<>();
    Object items = response.getClaim(dl + "content_items");
    if (items instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m && "ltiResourceLink".equals(m.get("type"))) {
          added.add(place(m, p.get("course")));
        }
      }
    }
    lastDeepLinkingResponse = response;
    StringBuilder page =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Activity added</title><link rel=\"stylesheet\" href=\"/lms.css\">"
                + "</head><body><main><h1 id=\"deep-linked\">Added to the course</h1><ul>");
    for (String id : added) {
      page.append("<li>").append(Http.escape(placedLinks.get(id).title())).append("</li>");
    }
    Http.html(exchange, 200, page.append("</ul></main></body></html>").toString());
  }

  private String place(Map<?, ?> item, String contextId) {
    String id = String.valueOf(301 + placedLinks.size());
    Map<String, String> custom = new LinkedHashMap<>();
    if (item.get("custom") instanceof Map<?, ?> c) {
      c.forEach((k, v) -> custom.put(String.valueOf(k), String.valueOf(v)));
    }
    String title = item.get("title") == null ? "PeerLoop" : String.valueOf(item.get("title"));
    String text = item.get("text") == null ? "" : String.valueOf(item.get("text"));
    placedLinks.put(id, new DemoCourse.Link(id, title, text, custom, contextId));
    if (item.get("lineItem") instanceof Map<?, ?> line
        && line.get("scoreMaximum") instanceof Number max) {
      gradebook.add(
          line.get("label") == null ? title : String.valueOf(line.get("label")),
          max.doubleValue(),
          id,
          line.get("resourceId") == null ? null : String.valueOf(line.get("resourceId")),
          line.get("tag") == null ? null : String.valueOf(line.get("tag")));
    }
    return id;
  }

  /** Shaped like Moodle's mod/lti/openid-configuration.php. */
  private String openidConfiguration() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("issuer", issuer);
    config.put("token_endpoint", issuer + "/token");
    config.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    config.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
    config.put("jwks_uri", issuer + "/certs");
    config.put("authorization_endpoint", issuer + "/auth");
    config.put("registration_endpoint", issuer + "/register");
    config.put(
        "scopes_supported",
        List.of(
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "openid"));
    config.put("response_types_supported", List.of("id_token"));
    config.put("subject_types_supported", List.of("public", "pairwise"));
    config.put("id_token_signing_alg_values_supported", List.of("RS256"));
    config.put(
        "claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
    config.put(
        "https://purl.imsglobal.org/spec/lti-platform-configuration",
        Map.of(
            "product_family_code", "peerloop-demo-lms",
            "version", "1.0",
            "messages_supported",
                List.of(
                    Map.of("type", "LtiResourceLinkRequest"),
                    Map.of("type", "LtiDeepLinkingRequest"))));
    return JSONObjectUtils.toJSONString(config);
  }

  /**
   * Shaped like Moodle's mod/lti/openid-registration.php: Bearer registration token, the required
   * attributes of registration_helper::registration_to_config(), answer 200 with the deployment id.
   */
  private void registerTool(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      Http.send(exchange, 405, "text/plain", "POST only");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      Http.send(exchange, 401, "text/plain", "missing_registration_token");
      return;
    }
    String token = authorization.substring("Bearer ".length());
    JWTClaimsSet tokenClaims = key.verifyOwn(token);
    if (tokenClaims == null
        // "reg" registers a new tool, "reg-update" updates the tool of the token's subject, as in
        // Moodle's mod/lti/openid-registration.php.
        || !List.of("reg", "reg-update").contains(String.valueOf(tokenClaims.getClaim("scope")))
        || tokenClaims.getExpirationTime() == null
        || tokenClaims.getExpirationTime().before(new Date())) {
      Http.send(exchange, 401, "text/plain", "invalid_registration_token");
      return;
    }
    if (!usedRegistrationTokens.add(token)) {
      Http.send(exchange, 401, "text/plain", "token_already_used");
      return;
    }
    Map<String, Object> request;
    try {
      request = JSONObjectUtils.parse(Http.body(exchange));
    } catch (ParseException e) {
      Http.send(exchange, 400, "text/plain", "invalid JSON");
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String required :
        List.of(
            "response_types",
            "initiate_login_uri",
            "redirect_uris",
            "client_name",
            "jwks_uri",
            "token_endpoint_auth_method",
            "https://purl.imsglobal.org/spec/lti-tool-configuration")) {
      Object value = request.get(required);
      if (value == null || "".equals(value) || value instanceof List<?> l && l.isEmpty()) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      Http.send(exchange, 400, "text/plain", "missing required attribute " + missing.get(0));
      return;
    }
    try {
      Map<String, Object> config =
          JSONObjectUtils.getJSONObject(
              request, "https://purl.imsglobal.org/spec/lti-tool-configuration");
      String domain = JSONObjectUtils.getString(config, "domain");
      String target = JSONObjectUtils.getString(config, "target_link_uri");
      URI targetUri = URI.create(target);
      String targetDomain =
          targetUri.getHost() + (targetUri.getPort() == -1 ? "" : ":" + targetUri.getPort());
      if (domain == null
          || !domain.replaceFirst("^www\\.", "").equals(targetDomain.replaceFirst("^www\\.", ""))) {
        Http.send(exchange, 400, "text/plain", "domain_targetlinkuri_mismatch");
        return;
      }
      String deepLinkTarget = target;
      for (Map<String, Object> message : JSONObjectUtils.getJSONObjectArray(config, "messages")) {
        if ("LtiDeepLinkingRequest".equals(message.get("type"))
            && message.get("target_link_uri") != null) {
          deepLinkTarget = String.valueOf(message.get("target_link_uri"));
        }
      }
      ToolRegistration registered =
          new ToolRegistration(
              tokenClaims.getSubject(),
              "1",
              JSONObjectUtils.getString(request, "initiate_login_uri"),
              JSONObjectUtils.getStringList(request, "redirect_uris"),
              JSONObjectUtils.getString(request, "jwks_uri"),
              target,
              deepLinkTarget,
              JSONObjectUtils.getStringList(config, "claims"));
      registered.save(registrationFile);
      tool = registered;
      Map<String, Object> answer = new LinkedHashMap<>(request);
      answer.put("client_id", registered.clientId());
      Map<String, Object> answerConfig = new LinkedHashMap<>(config);
      answerConfig.put("version", "1.3.0");
      answerConfig.put("deployment_id", registered.deploymentId());
      answer.put("https://purl.imsglobal.org/spec/lti-tool-configuration", answerConfig);
      Http.json(exchange, 200, JSONObjectUtils.toJSONString(answer));
    } catch (ParseException | RuntimeException e) {
      Http.send(exchange, 400, "text/plain", "invalid registration: " + e.getMessage());
    }
  }

  private void staticFile(HttpExchange exchange, String name) throws IOException {
    try (InputStream in = DemoLms.class.getResourceAsStream(name)) {
      if (in == null) {
        Http.send(exchange, 404, "text/plain", "Not found");
        return;
      }
      String type =
          name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
      Http.send(exchange, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String randomId(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
