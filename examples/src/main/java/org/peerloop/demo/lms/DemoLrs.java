package org.peerloop.demo.lms;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The demo institution's Learning Record Store at {@code /lrs/}: {@code GET about}, {@code POST
 * statements} and (the newest hundred) {@code GET statements}, as xAPI 1.0.3 Communication §2.1 and
 * §2.8 define them, and as strict about what it stores as a conformant store is. It refuses a
 * request without the version header or the right Basic credentials, and a batch with any statement
 * that breaks a rule of Data §2.4 (the whole batch: stores are atomic). It keeps one statement per
 * id: the same again is fine, other content under a known id is a 409 conflict. Failures can be
 * scripted for tests.
 */
public final class DemoLrs {
  public static final String PATH = "/lrs/";
  static final int MAX_BODY = 16 * 1024 * 1024;

  private static final Set<String> STATEMENT_KEYS =
      Set.of(
          "id",
          "actor",
          "verb",
          "object",
          "result",
          "context",
          "timestamp",
          "stored",
          "authority",
          "version",
          "attachments");
  private static final Set<String> IDENTIFIERS =
      Set.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> CONTEXT_ACTIVITY_KEYS =
      Set.of("parent", "grouping", "category", "other");
  private static final Pattern UUID_TEXT =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");

  private final String username;
  private final String password;
  private final Map<String, Map<String, Object>> statements = new LinkedHashMap<>();
  private final AtomicInteger posts = new AtomicInteger();
  private final List<Integer> scriptedFailures = new ArrayList<>();
  private boolean loseNextAnswer;

  public DemoLrs(String username, String password) {
    this.username = username;
    this.password = password;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  /** The statements stored, in the order they arrived. */
  public synchronized List<Map<String, Object>> statements() {
    return List.copyOf(statements.values());
  }

  /** How many {@code POST statements} requests arrived, taken or not. */
  public int posts() {
    return posts.get();
  }

  /** The next requests to {@code POST statements} answer these statuses, one each. */
  public synchronized void failNext(int... statuses) {
    for (int status : statuses) {
      scriptedFailures.add(status);
    }
  }

  /** The next batch is stored, but its answer is lost on the way (a 502 from a proxy). */
  public synchronized void loseNextAnswer() {
    loseNextAnswer = true;
  }

  public synchronized void clear() {
    statements.clear();
    scriptedFailures.clear();
    posts.set(0);
  }

  /** Answers a request under {@link #PATH}; returns false for any other path. */
  boolean route(HttpExchange exchange, String path) throws IOException {
    if (!path.startsWith(PATH)) {
      return false;
    }
    String resource = path.substring(PATH.length());
    if (resource.equals("about") && exchange.getRequestMethod().equals("GET")) {
      Http.json(exchange, 200, "{\"version\":[\"1.0.3\"]}");
    } else if (resource.equals("statements") && exchange.getRequestMethod().equals("POST")) {
      store(exchange);
    } else if (resource.equals("statements") && exchange.getRequestMethod().equals("GET")) {
      list(exchange);
    } else {
      Http.send(exchange, 404, "text/plain", "Not an xAPI resource of this store");
    }
    return true;
  }

  private void store(HttpExchange exchange) throws IOException {
    posts.incrementAndGet();
    String version = exchange.getRequestHeaders().getFirst("X-Experience-API-Version");
    if (version == null || !version.startsWith("1.0.")) {
      Http.send(exchange, 400, "text/plain", "X-Experience-API-Version 1.0.x is required");
      return;
    }
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"demo-lrs\"");
      Http.send(exchange, 401, "text/plain", "Unknown credentials");
      return;
    }
    Integer failure = nextFailure();
    if (failure != null) {
      Http.send(exchange, failure, "text/plain", "Scripted failure");
      return;
    }
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY);
    List<Map<String, Object>> batch;
    try {
      batch = parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      Http.send(exchange, 400, "text/plain", "Not JSON: " + e.getMessage());
      return;
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      for (String problem : check(batch.get(i))) {
        problems.add("statement " + i + ": " + problem);
      }
    }
    if (!problems.isEmpty()) {
      Http.send(exchange, 400, "text/plain", String.join("\n", problems));
      return;
    }
    synchronized (this) {
      for (Map<String, Object> statement : batch) {
        Map<String, Object> known = statements.get((String) statement.get("id"));
        if (known != null && !known.equals(statement)) {
          Http.send(exchange, 409, "text/plain", "Another statement has id " + statement.get("id"));
          return;
        }
      }
      batch.forEach(s -> statements.put((String) s.get("id"), s));
      if (loseNextAnswer) {
        loseNextAnswer = false;
        Http.send(exchange, 502, "text/plain", "Bad gateway");
        return;
      }
    }
    Http.json(
        exchange, 200, JSONArrayUtils.toJSONString(batch.stream().map(s -> s.get("id")).toList()));
  }

  /**
   * The newest statements first, at most a hundred, as a StatementResult (Communication §2.1.3).
   */
  private void list(HttpExchange exchange) throws IOException {
    if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"demo-lrs\"");
      Http.send(exchange, 401, "text/plain", "Unknown credentials");
      return;
    }
    List<Map<String, Object>> newest = new ArrayList<>(statements());
    java.util.Collections.reverse(newest);
    Http.json(
        exchange,
        200,
        JSONObjectUtils.toJSONString(
            Map.of("statements", newest.subList(0, Math.min(100, newest.size())), "more", "")));
  }

  private synchronized Integer nextFailure() {
    return scriptedFailures.isEmpty() ? null : scriptedFailures.remove(0);
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String expected =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return header.substring("Basic ".length()).equals(expected);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> parse(String body) throws ParseException {
    String trimmed = body.strip();
    if (trimmed.startsWith("[")) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (Object item : JSONArrayUtils.parse(trimmed)) {
        if (!(item instanceof Map)) {
          throw new ParseException("a batch holds statement objects", 0);
        }
        batch.add((Map<String, Object>) item);
      }
      return batch;
    }
    return List.of(JSONObjectUtils.parse(trimmed));
  }

  /** The rules of xAPI 1.0.3 Data §2.4 a statement from a provider breaks; none when valid. */
  public static List<String> check(Map<String, Object> s) {
    List<String> problems = new ArrayList<>();
    s.keySet().stream()
        .filter(k -> !STATEMENT_KEYS.contains(k))
        .forEach(k -> problems.add("unknown property " + k));
    Object id = s.get("id");
    if (!(id instanceof String text) || !UUID_TEXT.matcher(text).matches()) {
      problems.add("id must be a UUID (§2.4.1), was " + id);
    } else {
      UUID.fromString(text);
    }
    checkActor(s.get("actor"), problems);
    Map<String, Object> verb = object(s.get("verb"));
    if (verb == null || !isIri(verb.get("id"))) {
      problems.add("verb.id must be an IRI (§2.4.3)");
    } else if (verb.containsKey("display")) {
      checkLanguageMap(verb.get("display"), "verb.display", problems);
    }
    checkActivity(s.get("object"), "object", problems);
    Map<String, Object> context = object(s.get("context"));
    if (s.containsKey("context") && context == null) {
      problems.add("context must be an object (§2.4.6)");
    }
    if (context != null) {
      Map<String, Object> activities = object(context.get("contextActivities"));
      if (activities != null) {
        for (Map.Entry<String, Object> e : activities.entrySet()) {
          if (!CONTEXT_ACTIVITY_KEYS.contains(e.getKey())) {
            problems.add("contextActivities." + e.getKey() + " is not a context type (§2.4.6.2)");
          }
          List<?> items = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
          for (Object item : items) {
            checkActivity(item, "contextActivities." + e.getKey(), problems);
          }
        }
      }
      if (context.containsKey("platform") && !(context.get("platform") instanceof String)) {
        problems.add("context.platform must be a string");
      }
    }
    if (s.containsKey("timestamp")) {
      try {
        OffsetDateTime.parse((String) s.get("timestamp"));
      } catch (DateTimeParseException | ClassCastException e) {
        problems.add("timestamp must be ISO 8601 with a time zone (§2.4.7)");
      }
    }
    return problems;
  }

  private static void checkActor(Object value, List<String> problems) {
    Map<String, Object> actor = object(value);
    if (actor == null) {
      problems.add("actor is required (§2.4.2)");
      return;
    }
    Object type = actor.getOrDefault("objectType", "Agent");
    if (!"Agent".equals(type)) {
      problems.add("actor.objectType must be Agent for a person, was " + type);
    }
    long identifiers = actor.keySet().stream().filter(IDENTIFIERS::contains).count();
    if (identifiers != 1) {
      problems.add("an Agent has exactly one inverse functional identifier (§2.4.2.1)");
    }
    Map<String, Object> account = object(actor.get("account"));
    if (actor.containsKey("account")) {
      if (account == null
          || !isIrl(account.get("homePage"))
          || !(account.get("name") instanceof String name)
          || name.isEmpty()) {
        problems.add("account needs an IRL homePage and a name (§2.4.2.4)");
      }
    }
  }

  private static void checkActivity(Object value, String where, List<String> problems) {
    Map<String, Object> activity = object(value);
    if (activity == null) {
      problems.add(where + " must be an Activity object");
      return;
    }
    if (!"Activity".equals(activity.getOrDefault("objectType", "Activity"))) {
      problems.add(where + ".objectType must be Activity");
    }
    if (!isIri(activity.get("id"))) {
      problems.add(where + ".id must be an IRI (§2.4.4.1)");
    }
    Map<String, Object> definition = object(activity.get("definition"));
    if (definition != null && definition.containsKey("type") && !isIri(definition.get("type"))) {
      problems.add(where + ".definition.type must be an IRI");
    }
    if (definition != null && definition.containsKey("name")) {
      checkLanguageMap(definition.get("name"), where + ".definition.name", problems);
    }
  }

  private static void checkLanguageMap(Object value, String where, List<String> problems) {
    Map<String, Object> map = object(value);
    if (map == null
        || map.entrySet().stream()
            .anyMatch(
                e ->
                    !LANGUAGE_TAG.matcher(e.getKey()).matches()
                        || !(e.getValue() instanceof String))) {
      problems.add(where + " must be a language map (§5.2.1)");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  private static boolean isIri(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return false;
    }
    try {
      return URI.create(text).isAbsolute();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isIrl(Object value) {
    if (!isIri(value)) {
      return false;
    }
    String scheme = URI.create((String) value).getScheme();
    return scheme.equals("http") || scheme.equals("https");
  }
}
