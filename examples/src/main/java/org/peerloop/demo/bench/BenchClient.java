package org.peerloop.demo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peerloop.demo.lms.DemoCourse;
import org.peerloop.demo.lms.DemoLms;

/**
 * What the benchmarks do over HTTP: full LTI launches played as platform and browser (login
 * initiation, an id_token signed with the nonce the tool issued, the launch), and API calls with
 * the session token a launch gives.
 */
final class BenchClient {
  static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  private final URI tool;
  private final DemoLms platform;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          // Daemon threads: the benchmark's JVM must end when its main method does.
          .executor(
              Executors.newFixedThreadPool(
                  4,
                  task -> {
                    Thread thread = new Thread(task, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                  }))
          .build();

  BenchClient(URI tool, DemoLms platform) {
    this.tool = tool;
    this.platform = platform;
  }

  static DemoCourse.User person(String id, String role) {
    String uri =
        "Instructor".equals(role)
            ? "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
            : "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    return new DemoCourse.User(id, "Bench", "Person " + id, null, role, uri, "en");
  }

  /** One full launch into a resource link; the tool's page, or {@code null} when refused. */
  HttpResponse<String> launch(DemoCourse.User person, String linkId)
      throws IOException, InterruptedException {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", platform.issuer());
    login.put("login_hint", person.id());
    login.put("target_link_uri", tool.resolve("lti/launch").toString());
    login.put("client_id", platform.registration().clientId());
    login.put("lti_deployment_id", platform.registration().deploymentId());
    HttpResponse<String> redirect = postForm(tool.resolve("lti/login"), login);
    if (redirect.statusCode() != 302) {
      return null;
    }
    Map<String, String> auth =
        query(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
    String idToken = platform.idToken(person, linkId, false, auth.get("nonce"), Instant.now());
    return postForm(
        tool.resolve("lti/launch"), Map.of("id_token", idToken, "state", auth.get("state")));
  }

  /** The session token of a launched page. */
  static String sessionToken(HttpResponse<String> page) {
    Matcher token = TOKEN.matcher(page == null ? "" : page.body());
    if (page == null || page.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("launch failed: " + (page == null ? "refused" : page.body()));
    }
    return token.group(1);
  }

  /** A module's space, set up by a facilitator whose session the benchmark keeps. */
  record Space(String facilitatorToken, long id) {}

  /** Learners launched into a module and placed in its space's cohorts. */
  record Members(List<String> tokens, long lastCohortId) {}

  /** Launches a facilitator into the module and sets up its space with these settings. */
  Space setUpSpace(String linkId, String settingsJson) throws IOException, InterruptedException {
    String teacher = sessionToken(launch(person("teacher", "Instructor"), linkId));
    return new Space(teacher, number(api("PUT", "api/v1/space", teacher, settingsJson), ID));
  }

  /** Launches {@code count} learners into the module; each joins with the topics given. */
  Members join(Space space, String linkId, int count, String topicsJson)
      throws IOException, InterruptedException {
    List<String> tokens = new ArrayList<>();
    long cohort = 0;
    for (int i = 0; i < count; i++) {
      String token = sessionToken(launch(person("member-" + i, "Learner"), linkId));
      tokens.add(token);
      cohort =
          number(
              api(
                  "POST",
                  "api/v1/spaces/" + space.id() + "/membership",
                  token,
                  "{\"topics\":" + topicsJson + "}"),
              ID);
    }
    return new Members(List.copyOf(tokens), cohort);
  }

  /** The first number the pattern finds in a successful answer. */
  static long number(HttpResponse<String> response, Pattern pattern) {
    Matcher m = pattern.matcher(response.body());
    if (response.statusCode() >= 300 || !m.find()) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return Long.parseLong(m.group(1));
  }

  HttpResponse<String> api(String method, String path, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(tool.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      values.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return values;
  }
}
