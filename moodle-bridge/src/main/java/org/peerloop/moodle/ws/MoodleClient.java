package org.peerloop.moodle.ws;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.peerloop.moodle.ws.MoodleException.Kind;

/**
 * Calls one Moodle site's web service functions over the REST protocol: a form POST to {@code
 * webservice/rest/server.php} with {@code wstoken}, {@code wsfunction} and {@code
 * moodlewsrestformat=json} (without it Moodle answers XML). The token travels in the body, never in
 * a URL that a proxy might log. Moodle reports most errors with HTTP 200 and a body {@code
 * {exception, errorcode, message}}; every such body becomes a {@link MoodleException}.
 */
public final class MoodleClient {
  /** Moodle builds some answers (course contents) slowly; a call that takes longer has failed. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The largest answer read: a course's contents are a few hundred kilobytes. */
  static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  private final HttpClient http;
  private final URI endpoint;
  private final String token;

  /**
   * @param siteUrl the site's {@code wwwroot} (it may contain a path, e.g. {@code
   *     https://example.edu/moodle})
   */
  public MoodleClient(HttpClient http, URI siteUrl, String token) {
    this.http = Objects.requireNonNull(http);
    this.endpoint = endpointOf(siteUrl);
    this.token = Objects.requireNonNull(token);
  }

  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  static URI endpointOf(URI siteUrl) {
    String base = siteUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/webservice/rest/server.php");
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The function's answer, or a {@link MoodleException} saying why there is none. */
  public JsonValue call(String function, WsParams params) {
    List<String[]> form = new ArrayList<>();
    form.add(new String[] {"wstoken", token});
    form.add(new String[] {"wsfunction", function});
    form.add(new String[] {"moodlewsrestformat", "json"});
    form.addAll(params.pairs());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(WsParams.encode(form)))
            .build();
    HttpResponse<InputStream> response;
    String body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      body = read(response.body());
    } catch (IOException e) {
      throw new MoodleException(
          Kind.UNAVAILABLE,
          "unreachable",
          "The Moodle site at " + endpoint + " did not answer " + function + ": " + e,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MoodleException(Kind.UNAVAILABLE, "interrupted", "Interrupted", e);
    }
    return answer(function, response.statusCode(), body);
  }

  private JsonValue answer(String function, int status, String body) {
    if (status == 403) {
      // webservice/rest/server.php answers 403 with no body when web services or the REST
      // protocol are not enabled on the site.
      throw new MoodleException(
          Kind.ACCESS_DENIED,
          "rest-disabled",
          "Moodle refused the REST protocol (HTTP 403): enable web services and the REST"
              + " protocol in Site administration > Server > Web services");
    }
    if (status != 200) {
      throw new MoodleException(
          status >= 500 ? Kind.UNAVAILABLE : Kind.SITE_ERROR,
          "http-" + status,
          "The Moodle site answered " + function + " with HTTP " + status);
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw new MoodleException(
          Kind.UNAVAILABLE,
          "not-json",
          "The answer to " + function + " is not JSON: is " + endpoint + " a Moodle site?",
          e);
    }
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject object = value.asJsonObject();
      if (object.containsKey("exception") || object.containsKey("errorcode")) {
        String exception = object.getString("exception", null);
        String errorcode = object.getString("errorcode", null);
        String message = object.getString("message", "Moodle reported an error");
        throw new MoodleException(
            MoodleException.kindOf(exception, errorcode),
            errorcode == null ? "moodle-error" : errorcode,
            function + ": " + message);
      }
    }
    return value;
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > MAX_ANSWER_BYTES) {
          throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
