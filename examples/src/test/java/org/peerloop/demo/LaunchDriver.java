package org.peerloop.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peerloop.demo.lms.DemoLms;

/**
 * Plays the browser between the demo LMS and PeerLoop without running scripts: submits the
 * auto-posted forms and follows the redirects, one step at a time so tests can tamper with any.
 */
final class LaunchDriver {
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern FIELD = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

  /** A form a page would submit by itself. */
  record Form(URI action, Map<String, String> fields) {
    Form with(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(fields);
      changed.put(name, value);
      return new Form(action, changed);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final URI lms;
  private volatile String lastIdToken;

  /** A browser of the demo LMS's users, launching from that LMS. */
  LaunchDriver(DemoLms lms) {
    this(lms.url());
  }

  /** The same, for a demo LMS running in another process. */
  LaunchDriver(URI lmsUrl) {
    this.lms = lmsUrl;
  }

  /** The LMS page that starts a launch: its form posts the login initiation to PeerLoop. */
  Form loginForm(String userId, String linkId, boolean platformStorage) throws Exception {
    String query = "user=" + userId + "&link=" + linkId + (platformStorage ? "" : "&storage=off");
    HttpResponse<String> page = get(lms.resolve("/launch?" + query));
    return form(page.body());
  }

  HttpResponse<String> submit(Form form) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(form.action())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form.fields())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The form as a load balancer passes it on from the client at {@code clientAddress}, named in
   * {@code X-Forwarded-For}.
   */
  HttpResponse<String> submitFrom(Form form, String clientAddress)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(form.action())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", clientAddress)
            .POST(HttpRequest.BodyPublishers.ofString(encode(form.fields())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The id_token in the form the LMS last answered an authentication with. */
  String lastIdToken() {
    return lastIdToken;
  }

  /** The login initiation as a GET, which LTI also allows. */
  HttpResponse<String> submitByGet(Form form) throws IOException, InterruptedException {
    return get(URI.create(form.action() + "?" + encode(form.fields())));
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Follows the login's redirect to the LMS, which answers with the id_token form. */
  Form authenticate(HttpResponse<String> loginResponse) throws Exception {
    if (loginResponse.statusCode() != 302) {
      throw new AssertionError(
          "expected a redirect, got " + loginResponse.statusCode() + ": " + loginResponse.body());
    }
    URI auth = URI.create(loginResponse.headers().firstValue("Location").orElseThrow());
    Form idToken = form(get(auth).body());
    lastIdToken = idToken.fields().get("id_token");
    return idToken;
  }

  /** A whole launch as Moodle does it (form-posted login, no platform storage): the tool page. */
  HttpResponse<String> launch(String userId, String linkId) throws Exception {
    return submit(authenticate(submit(loginForm(userId, linkId, false))));
  }

  /**
   * A launch from the LMS's launch page with any query (for example {@code user=5&deep} for deep
   * linking, or {@code course=102} for the course's copy), without platform storage.
   */
  HttpResponse<String> launchWith(String query) throws Exception {
    HttpResponse<String> page = get(lms.resolve("/launch?" + query + "&storage=off"));
    return submit(authenticate(submit(form(page.body()))));
  }

  static Form form(String html) {
    Matcher action = ACTION.matcher(html);
    if (!action.find()) {
      throw new AssertionError("no form in: " + html);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher field = FIELD.matcher(html);
    while (field.find()) {
      fields.put(unescape(field.group(1)), unescape(field.group(2)));
    }
    return new Form(URI.create(unescape(action.group(1))), fields);
  }

  /** The session token a signed-in tool page holds. */
  static String sessionToken(String page) {
    Matcher token = TOKEN.matcher(page);
    if (!token.find()) {
      throw new AssertionError("no session token in: " + page);
    }
    return token.group(1);
  }

  static String jsonString(String json, String name) {
    Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\":\"([^\"]*)\"").matcher(json);
    if (!value.find()) {
      throw new AssertionError("no " + name + " in: " + json);
    }
    return value.group(1);
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
